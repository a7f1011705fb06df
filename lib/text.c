/* Small text helpers: white space (with the Unicode spaces pages use), case-insensitive
 * matching of ASCII words, month names. */
#include <stddef.h>
#include <string.h>

#include "readout.h"

#define A (CH_ALNUM | CH_WORD)
const unsigned char ascii_class[256] = {
	['0'] = A, ['1'] = A, ['2'] = A, ['3'] = A, ['4'] = A, ['5'] = A, ['6'] = A, ['7'] = A,
	['8'] = A, ['9'] = A, ['\''] = CH_WORD, ['-'] = CH_WORD,
	['A'] = A, ['B'] = A, ['C'] = A, ['D'] = A, ['E'] = A, ['F'] = A, ['G'] = A, ['H'] = A,
	['I'] = A, ['J'] = A, ['K'] = A, ['L'] = A, ['M'] = A, ['N'] = A, ['O'] = A, ['P'] = A,
	['Q'] = A, ['R'] = A, ['S'] = A, ['T'] = A, ['U'] = A, ['V'] = A, ['W'] = A, ['X'] = A,
	['Y'] = A, ['Z'] = A,
	['a'] = A, ['b'] = A, ['c'] = A, ['d'] = A, ['e'] = A, ['f'] = A, ['g'] = A, ['h'] = A,
	['i'] = A, ['j'] = A, ['k'] = A, ['l'] = A, ['m'] = A, ['n'] = A, ['o'] = A, ['p'] = A,
	['q'] = A, ['r'] = A, ['s'] = A, ['t'] = A, ['u'] = A, ['v'] = A, ['w'] = A, ['x'] = A,
	['y'] = A, ['z'] = A,
};
#undef A

int
is_space_at(const char *s, size_t n, size_t *len)
{
	unsigned char c = (unsigned char)s[0];

	if (c == ' ' || c == '\t' || c == '\v' || c == '\f' || c == '\r' || c == '\n') {
		*len = 1;
		return 1;
	}
	if (c == 0xC2 && n >= 2 && (unsigned char)s[1] == 0xA0) {	/* U+00A0 */
		*len = 2;
		return 1;
	}
	if (c == 0xE3 && n >= 3 && (unsigned char)s[1] == 0x80 && (unsigned char)s[2] == 0x80) {
		*len = 3;	/* U+3000 ideographic space */
		return 1;
	}
	if (c == 0xEF && n >= 3 && (unsigned char)s[1] == 0xBB && (unsigned char)s[2] == 0xBF) {
		*len = 3;	/* U+FEFF */
		return 1;
	}
	if (c == 0xE2 && n >= 3 && (unsigned char)s[1] == 0x80 &&
	    ((unsigned char)s[2] <= 0x8B || (unsigned char)s[2] == 0xAF)) {
		*len = 3;	/* U+2000..U+200B, U+202F */
		return 1;
	}
	return 0;
}

void
trim(const char **s, size_t *n)
{
	size_t len;

	while (*n && is_space_at(*s, *n, &len))
		*s += len, *n -= len;
	while (*n) {
		size_t i = *n;
		/* step back over one UTF-8 character */
		do
			i--;
		while (i > 0 && ((unsigned char)(*s)[i] & 0xC0) == 0x80);
		if (!is_space_at(*s + i, *n - i, &len) || i + len != *n)
			break;
		*n = i;
	}
}

size_t
ncodepoints(const char *s, size_t n)
{
	size_t i, k = 0;

	for (i = 0; i + 8 <= n; i += 8) {
		uint64_t x = load8(s + i);
		/* continuation bytes 10xxxxxx: bit 7 set, bit 6 clear */
		uint64_t cont = x & ~(x << 1) & HIGHS8;
		k += 8;
		if (cont)
			for (; cont; cont &= cont - 1)
				k--;
	}
	for (; i < n; i++)
		k += ((unsigned char)s[i] & 0xC0) != 0x80;
	return k;
}

static int
lower(int c)
{
	return c >= 'A' && c <= 'Z' ? c + 'a' - 'A' : c;
}

int
has_prefix(const char *s, size_t n, const char *p)
{
	size_t i;

	for (i = 0; p[i]; i++)
		if (i >= n || lower((unsigned char)s[i]) != lower((unsigned char)p[i]))
			return 0;
	return 1;
}

const char *
find_ci(const char *s, size_t n, const char *p)
{
	size_t m = strlen(p), i;
	int c0 = lower((unsigned char)p[0]);

	if (!m)
		return s;
	if (!(c0 >= 'a' && c0 <= 'z')) {	/* " held ": memchr finds each candidate fast */
		const char *q = s, *e = s + n;
		while (e - q >= (ptrdiff_t)m && (q = memchr(q, c0, (size_t)(e - q) - m + 1))) {
			if (has_prefix(q, (size_t)(e - q), p))
				return q;
			q++;
		}
		return NULL;
	}
	for (i = 0; i + m <= n; i++)
		if (lower((unsigned char)s[i]) == c0 && has_prefix(s + i, n - i, p))
			return s + i;
	return NULL;
}

int
month_of(const char *w, size_t n)
{
	static const char *const names[] = { "january", "february", "march", "april", "may",
		"june", "july", "august", "september", "october", "november", "december" };
	int m;

	if (n && w[n - 1] == '.')
		n--;
	if (n < 3 || n > 9 || !strchr("jfmasondJFMASOND", w[0]))
		return 0;	/* no month is so short or long, none begins so */
	for (m = 0; m < 12; m++) {
		size_t len = strlen(names[m]);
		if (n > len)
			continue;
		size_t i;
		for (i = 0; i < n; i++)
			if (lower((unsigned char)w[i]) != names[m][i])
				break;
		if (i == n && (n == 3 || n == len || (m == 8 && n == 4)))
			return m + 1;
	}
	return 0;
}
