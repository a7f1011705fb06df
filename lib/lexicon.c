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

/* The syllables of up to six bytes as numbers, for lex_pinyin_name(): the bytes (in lower
 * case) from the lowest, the length in the top byte; 0 is an empty place. Rebuilt after the
 * syllables change. */
static uint64_t *sylkeys;
static size_t sylcap;
static int sylstale = 1;

static inline unsigned
lowc(char c)
{
	unsigned u = (unsigned char)c;

	return u + ((u - 'A' < 26u) << 5);	/* no branch: this runs for every byte looked up */
}

#define HASHK 0x9e3779b97f4a7c15ULL

/* The hash of n bytes in lower case: h is what hashstep() made of the full groups of eight
 * bytes, w the bytes after them. A prefix's hash is had on the way to a longer string's. */
static inline uint64_t
hashend(uint64_t h, uint64_t w, size_t n)
{
	h = ((h ^ w) * HASHK ^ n) * HASHK;
	return h ^ h >> 31;
}

/* Adds byte i (from 0) of a string, c, to the hash state h, w: eight bytes to a number, the
 * first the lowest */
static inline void
hashstep(uint64_t *h, uint64_t *w, size_t i, char c)
{
	*w |= (uint64_t)lowc(c) << 8 * (i & 7);
	if ((i & 7) == 7) {
		*h = (*h ^ *w) * HASHK;
		*w = 0;
	}
}

/* a hash of s in lower case: eight letters to a multiply (this is looked up for every word
 * of every clause) */
static uint64_t
hashlow(const char *s, size_t n)
{
	uint64_t h = HASHK, w = 0;
	size_t i;

	for (i = 0; i + 8 <= n; i += 8)	/* the same as hashstep() on each byte */
		h = (h ^ swar_lower(load8(s + i))) * HASHK;
	for (; i < n; i++)
		w |= (uint64_t)lowc(s[i]) << 8 * (i & 7);
	return hashend(h, w, n);
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
	if (k == LEX_SYLLABLE)
		sylstale = 1;
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

/* a byte of a word in an entry: an ASCII letter or digit, ' or - */
static inline int
wordchar(char c)
{
	return ascii_class[(unsigned char)c] & CH_WORD;
}

/* The longest entry of set k that starts s, whose first word is known to be among the first
 * words of its entries: the prefixes are hashed on the way, not each from its start */
static size_t
phrase_from(enum lexkind k, const char *s, size_t n)
{
	const struct lexset *t = &sets[k];
	uint64_t h = HASHK, w = 0;
	size_t i = 0, best = 0, words = 0;
	unsigned c0 = lowc(s[0]) & 31;

	while (i < n && words < 6) {
		while (i < n && wordchar(s[i])) {
			hashstep(&h, &w, i, s[i]);
			i++;
		}
		if (i == 0)
			return 0;
		words++;
		if (t->cap && t->shape[c0] >> (i < 31 ? i : 31) & 1 &&
		    inseth(t, s, i, hashend(h, w, i)))
			best = i;
		if (i >= n || s[i] != ' ')
			break;
		/* no entry so starting is longer: the rest need not be read */
		if (!(t->shape[c0] >> (i + 1 < 31 ? i + 1 : 31)))
			break;
		hashstep(&h, &w, i, s[i]);
		i++;
	}
	return best;
}

size_t
lex_phrase_at(enum lexkind k, const char *s, size_t n)
{
	size_t i = 0;

	set(k);	/* builds firsts[] too */
	if (!n || !firsts[k].shape[lowc(s[0]) & 31])
		return 0;	/* no entry starts so */
	while (i < n && wordchar(s[i]))
		i++;
	if (i == 0 || !inset(&firsts[k], s, i))
		return 0;
	return phrase_from(k, s, n);
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
		if (inseth(f, s, i, h) && (*len = phrase_from(kinds[k], s, n)))
			return k;
	}
	return -1;
}

static size_t
sylhash(uint64_t key)
{
	key *= HASHK;
	return (size_t)(key ^ key >> 29);
}

static void
sylbuild(void)
{
	const struct lexset *t = set(LEX_SYLLABLE);
	size_t i, j, len;

	free(sylkeys);
	for (sylcap = 64; sylcap < t->n * 2 + 2; sylcap *= 2)
		;
	sylkeys = ecalloc(sylcap, sizeof *sylkeys);
	for (i = 0; i < t->cap; i++) {
		const char *e = t->v[i];
		if (!e || (len = strlen(e)) == 0 || len > 6)
			continue;
		uint64_t key = (uint64_t)len << 56;
		for (j = 0; j < len; j++)
			key |= (uint64_t)(unsigned char)e[j] << 8 * j;
		for (j = sylhash(key) & (sylcap - 1); sylkeys[j]; j = (j + 1) & (sylcap - 1))
			;
		sylkeys[j] = key;
	}
	sylstale = 0;
}

static int
issyl(uint64_t key)
{
	size_t i;

	for (i = sylhash(key) & (sylcap - 1); sylkeys[i]; i = (i + 1) & (sylcap - 1))
		if (sylkeys[i] == key)
			return 1;
	return 0;
}

int
lex_pinyin_name(const char *w, size_t n)
{
	/* can[i]: the fewest syllables that make w[0..i), 0 if none */
	unsigned char can[64] = { 0 };
	size_t i, j;

	if (n == 0 || n >= sizeof can)
		return 0;
	if (sylstale)
		sylbuild();
	can[0] = 1;
	for (i = 0; i < n; i++) {
		if (!can[i])
			continue;
		size_t start = i;
		uint64_t key = 0;
		if (i > 0 && (w[i] == '-' || w[i] == '\''))	/* Guo-ang, Xi'an */
			start = i + 1;
		for (j = start + 1; j <= n && j - start <= 6; j++) {
			key |= (uint64_t)lowc(w[j - 1]) << 8 * (j - 1 - start);
			if (issyl(key | (uint64_t)(j - start) << 56) &&
			    (!can[j] || can[j] > can[i] + 1))
				can[j] = (unsigned char)(can[i] + 1);
		}
	}
	return can[n] >= 2 && can[n] <= 4;	/* 1 to 3 syllables */
}

void
lex_free(void)
{
	int k;
	size_t i;

	free(sylkeys);
	sylkeys = NULL;
	sylcap = 0;
	sylstale = 1;
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
