/* The word lists (lib/lex/NAME.txt, compiled in by lib/mklex.sh) as hash sets of lower-case
 * entries, built on first use; users add entries from files at run time. They live as long as
 * the program, like the lists they come from. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "readout.h"

extern const char *const lex_surnames[], *const lex_syllables[], *const lex_posts[],
    *const lex_orgwords[], *const lex_verbs_presided[], *const lex_verbs_spoke[],
    *const lex_verbs_attended[], *const lex_speech[];

static const char *const *const builtin[LEX_NKINDS] = { lex_surnames, lex_syllables,
	lex_posts, lex_orgwords, lex_verbs_presided, lex_verbs_spoke, lex_verbs_attended, lex_speech };
static const char *const kindnames[LEX_NKINDS] = { "surnames", "syllables", "posts",
	"orgwords", "presided", "spoke", "attended", "speech" };

struct lexset {
	char **v;       /* open addressing; NULL is empty */
	size_t n, cap;
	int ready;
	/* a quick no before hashing: bit L of shape[c & 31] is set if an entry of length L (31
	 * for 31 or more) starts with a byte c, in lower case */
	uint32_t shape[32];
};

static struct lexset sets[LEX_NKINDS];
static struct lexset firsts[LEX_NKINDS];	/* the first words of the entries, for a quick no */

static unsigned
lowc(char c)
{
	return c >= 'A' && c <= 'Z' ? (unsigned char)c + 32u : (unsigned char)c;
}

/* a hash of s in lower case: eight letters to a multiply (this is looked up for every word
 * of every clause) */
static uint64_t
hashlow(const char *s, size_t n)
{
	const uint64_t k = 0x9e3779b97f4a7c15ULL;
	uint64_t h = n * k, w = 0;
	size_t i;

	for (i = 0; i < n; i++) {
		w = w << 8 | lowc(s[i]);
		if ((i & 7) == 7) {
			h = (h ^ w) * k;
			w = 0;
		}
	}
	h = (h ^ w) * k;
	return h ^ h >> 31;
}

static int
eqlow(const char *entry, const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (!entry[i] || (unsigned char)entry[i] != lowc(s[i]))
			return 0;
	}
	return entry[n] == '\0';
}

static void
insert(struct lexset *t, const char *s, size_t n)
{
	size_t i;

	if ((t->n + 1) * 2 > t->cap) {
		struct lexset u = { ecalloc(t->cap ? t->cap * 2 : 512, sizeof *u.v), 0,
			t->cap ? t->cap * 2 : 512, t->ready, { 0 } };
		memcpy(u.shape, t->shape, sizeof u.shape);
		for (i = 0; i < t->cap; i++)
			if (t->v[i]) {
				size_t j = hashlow(t->v[i], strlen(t->v[i])) & (u.cap - 1);
				while (u.v[j])
					j = (j + 1) & (u.cap - 1);
				u.v[j] = t->v[i];
				u.n++;
			}
		free(t->v);
		*t = u;
	}
	for (i = hashlow(s, n) & (t->cap - 1); t->v[i]; i = (i + 1) & (t->cap - 1))
		if (eqlow(t->v[i], s, n))
			return;
	if (n)
		t->shape[lowc(s[0]) & 31] |= (uint32_t)1 << (n < 31 ? n : 31);
	t->v[i] = estrndup(s, n);
	for (char *p = t->v[i]; *p; p++)
		if (*p >= 'A' && *p <= 'Z')
			*p += 32;
	t->n++;
}

/* an entry, and its first word in firsts */
static void
enter(enum lexkind k, const char *s, size_t n)
{
	size_t w = 0;

	insert(&sets[k], s, n);
	while (w < n && s[w] != ' ')
		w++;
	insert(&firsts[k], s, w);
}

static struct lexset *
set(enum lexkind k)
{
	struct lexset *t = &sets[k];
	size_t i;

	if (!t->ready) {
		t->ready = 1;
		for (i = 0; builtin[k][i]; i++)
			enter(k, builtin[k][i], strlen(builtin[k][i]));
	}
	return t;
}

/* Is w in t, whose hash (hashlow) is h? */
static int
inseth(const struct lexset *t, const char *w, size_t n, uint64_t h)
{
	size_t i;

	for (i = h & (t->cap - 1); t->v[i]; i = (i + 1) & (t->cap - 1))
		if (eqlow(t->v[i], w, n))
			return 1;
	return 0;
}

static int
inset(const struct lexset *t, const char *w, size_t n)
{
	if (!t->cap || !n || !(t->shape[lowc(w[0]) & 31] >> (n < 31 ? n : 31) & 1))
		return 0;
	return inseth(t, w, n, hashlow(w, n));
}

int
lex_kind(const char *name)
{
	int k;

	for (k = 0; k < LEX_NKINDS; k++)
		if (!strcmp(name, kindnames[k]))
			return k;
	return -1;
}

int
lex_add_file(enum lexkind k, const char *path)
{
	set(k);	/* the built-in entries first */
	FILE *fp = fopen(path, "r");
	char *line = NULL;
	size_t cap = 0;
	ssize_t len;

	if (!fp) {
		warnat(path, 0, "cannot open: %s", strerror(errno));
		return -1;
	}
	while ((len = getline(&line, &cap, fp)) >= 0) {
		const char *s = line;
		size_t n = (size_t)len;
		const char *hash = memchr(s, '#', n);
		if (hash)
			n = (size_t)(hash - s);
		trim(&s, &n);
		if (n)
			enter(k, s, n);
	}
	free(line);
	if (ferror(fp)) {
		warnat(path, 0, "read error: %s", strerror(errno));
		fclose(fp);
		return -1;
	}
	fclose(fp);
	return 0;
}

int
lex_has(enum lexkind k, const char *w, size_t n)
{
	return inset(set(k), w, n);
}

static int
wordchar(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
	    c == '\'' || c == '-';
}

size_t
lex_phrase_at(enum lexkind k, const char *s, size_t n)
{
	const struct lexset *t = set(k);
	size_t i = 0, best = 0, words = 0;

	if (!n || !firsts[k].shape[lowc(s[0]) & 31])
		return 0;	/* no entry starts so */
	while (i < n && wordchar(s[i]))
		i++;
	if (i == 0 || !inset(&firsts[k], s, i))
		return 0;
	i = 0;
	while (i < n && words < 6) {
		while (i < n && wordchar(s[i]))
			i++;
		if (i == 0)
			return 0;
		words++;
		if (inset(t, s, i))
			best = i;
		if (i >= n || s[i] != ' ')
			break;
		i++;
	}
	return best;
}

int
lex_phrases_at(const enum lexkind *kinds, int nk, const char *s, size_t n, size_t *len)
{
	size_t i = 0;
	uint64_t h = 0;
	int k, hashed = 0;

	while (i < n && wordchar(s[i]))
		i++;
	if (i == 0)
		return -1;
	for (k = 0; k < nk; k++) {
		const struct lexset *f;
		set(kinds[k]);	/* builds firsts[] too */
		f = &firsts[kinds[k]];
		if (!f->cap || !(f->shape[lowc(s[0]) & 31] >> (i < 31 ? i : 31) & 1))
			continue;
		if (!hashed) {
			h = hashlow(s, i);
			hashed = 1;
		}
		if (inseth(f, s, i, h) && (*len = lex_phrase_at(kinds[k], s, n)))
			return k;
	}
	return -1;
}

int
lex_pinyin_name(const char *w, size_t n)
{
	/* can[i]: the fewest syllables that make w[0..i), 0 if none */
	unsigned char can[64] = { 0 };
	size_t i, j;

	if (n == 0 || n >= sizeof can)
		return 0;
	can[0] = 1;
	for (i = 0; i < n; i++) {
		if (!can[i])
			continue;
		size_t start = i;
		if (i > 0 && (w[i] == '-' || w[i] == '\''))	/* Guo-ang, Xi'an */
			start = i + 1;
		for (j = start + 1; j <= n && j - start <= 6; j++)
			if (lex_has(LEX_SYLLABLE, w + start, j - start) &&
			    (!can[j] || can[j] > can[i] + 1))
				can[j] = (unsigned char)(can[i] + 1);
	}
	return can[n] >= 2 && can[n] <= 4;	/* 1 to 3 syllables */
}

void
lex_free(void)
{
	int k;
	size_t i;

	for (k = 0; k < LEX_NKINDS; k++) {
		for (i = 0; i < sets[k].cap; i++)
			free(sets[k].v[i]);
		free(sets[k].v);
		memset(&sets[k], 0, sizeof sets[k]);
		for (i = 0; i < firsts[k].cap; i++)
			free(firsts[k].v[i]);
		free(firsts[k].v);
		memset(&firsts[k], 0, sizeof firsts[k]);
	}
}
