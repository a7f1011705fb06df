/* People in an article: who is named (romanised Chinese names by their pinyin, other names
 * by their context), the posts the text gives them, and what they did at the meeting. Shared
 * by extract-people and extract-directives (who put a list forward). */
#include <stdlib.h>
#include <string.h>

#include "readout.h"

enum { T_WORD, T_PUNCT };

const char *const role_names[] = { "mentioned", "attended", "spoke", "presided" };

struct tok {            /* small: every pass reads every token */
	size_t at, n;
	size_t rlen;    /* the length of its phrase (role) */
	int person;     /* the person this token names (first token of a mention), or -1 */
	int mlen;       /* tokens in that mention */
	signed char kind;
	signed char cap;        /* a word that starts with a capital letter */
	signed char full;       /* the mention is a full name */
	signed char role;       /* rolephrase() here, once known; -1 before */
	signed char post, org;	/* in the posts, the organisation words; -1: not looked up */
};

static int
isupper_(char c)
{
	return c >= 'A' && c <= 'Z';
}

static int
isword(char c)
{
	return is_alnum(c) || (unsigned char)c >= 0x80;
}

/* Typographic punctuation (U+2000..U+206F, U+3000..U+303F, fullwidth forms) at s */
static int
isuchpunct(const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;

	return n >= 3 && ((u[0] == 0xE2 && u[1] >= 0x80 && u[1] <= 0x81) ||
	    (u[0] == 0xE3 && u[1] == 0x80) || (u[0] == 0xEF && (u[1] == 0xBC || u[1] == 0xBD)));
}

/* Does a word go on at s[i]: a letter or digit, or a non-ASCII character that is not
 * typographic punctuation? */
static inline int
wordat(const char *s, size_t i, size_t n)
{
	unsigned char c = (unsigned char)s[i];

	if (c < 0x80)
		return is_alnum((char)c);
	return !isuchpunct(s + i, n - i);
}

/* ---- tokens ---- */

/* Bit 7 of each byte of x that is an ASCII letter or digit */
static inline uint64_t
alnum8(uint64_t x)
{
	uint64_t h = x & ~HIGHS8, l = h | ONES8 * 0x20;	/* letters in lower case */
	uint64_t letter = (l + ONES8 * (0x80 - 'a')) & ~(l + ONES8 * (0x80 - 'z' - 1));
	uint64_t digit = (h + ONES8 * (0x80 - '0')) & ~(h + ONES8 * (0x80 - '9' - 1));

	return (letter | digit) & ~x & HIGHS8;
}

/* the lowest set bit of a non-zero x */
static inline int
lowbit(uint64_t x)
{
#if defined(__GNUC__) || defined(__clang__)
	return __builtin_ctzll(x);
#else
	int k = 0;
	while (!(x & 1))
		x >>= 1, k++;
	return k;
#endif
}

/* The tokens of s; counts the words that begin with a letter and the capitalised ones */
static void
tokenize(struct people *pp, const char *s, size_t n)
{
	size_t i = 0, nt = 0, cap = pp->capt, words = 0, caps = 0;
	struct tok *tv = pp->t;	/* in locals: the stores to the tokens may not touch them */

	while (i < n) {
		size_t j = i;
		if (s[i] == ' ' || s[i] == '\t') {
			i++;
			continue;
		}
		int word = wordat(s, i, n);
		if (word) {
			/* a word: letters, digits, inner apostrophes and hyphens ("people's", "Guo-ang");
			 * "’s" after a word stays apart, as a possessive */
			for (j = i + 1; j < n; j++) {
				/* eight ASCII letters or digits at a time, to the first other byte */
				while (j + 8 <= n) {
					uint64_t stop = ~alnum8(load8(s + j)) & HIGHS8;
					if (!stop) {
						j += 8;
						continue;
					}
					j += (size_t)lowbit(stop) >> 3;
					break;
				}
				if (j >= n)
					break;
				unsigned char c = (unsigned char)s[j];
				if (ascii_class[c] & CH_ALNUM)
					continue;	/* the common case: one test a byte */
				if (c >= 0x80) {
					if (isuchpunct(s + j, n - j))
						break;
					continue;
				}
				if (!((c == '\'' || c == '-') && j + 1 < n && isword(s[j + 1])))
					break;
				if (c == '\'' && (s[j + 1] == 's' || s[j + 1] == 'S') &&
				    (j + 2 == n || !isword(s[j + 2])))
					break;	/* "Xi Jinping's": the possessive apart */
			}
		} else {
			j = i + 1;
			while (j < n && ((unsigned char)s[j] & 0xC0) == 0x80)
				j++;	/* the rest of a UTF-8 punctuation mark */
		}
		if (nt == cap) {
			cap = cap ? cap * 2 : 1024;
			tv = erealloc(tv, cap * sizeof *tv);
		}
		struct tok *t = &tv[nt++];
		int up = isupper_(s[i]);
		t->at = i;
		t->n = j - i;
		t->kind = word ? T_WORD : T_PUNCT;
		t->cap = (signed char)up;
		words += word && is_alpha(s[i]);
		caps += (size_t)up;
		t->person = -1;
		t->mlen = 0;
		t->full = 0;
		t->role = -1;
		t->post = t->org = -1;
		i = j < n && s[j] == ' ' ? j + 1 : j;	/* the one space after a word, at once */
	}
	pp->t = tv;
	pp->capt = cap;
	pp->nt = nt;
	pp->words = words;
	pp->caps = caps;
}

#define TOK(i) (pp->s + pp->t[i].at)
#define TLEN(i) (pp->t[i].n)

/* Is token i in the posts, in the organisation words? Looked up once per token */
static int
postword_(const struct people *pp, size_t i)
{
	struct tok *t = &pp->t[i];

	if (t->post < 0)
		t->post = (signed char)lex_has(LEX_POST, TOK(i), TLEN(i));
	return t->post;
}

static int
orgword(const struct people *pp, size_t i)
{
	struct tok *t = &pp->t[i];

	if (t->org < 0)
		t->org = (signed char)lex_has(LEX_ORG, TOK(i), TLEN(i));
	return t->org;
}

static inline int
tokisn(const struct people *pp, size_t i, const char *w, size_t wn)
{
	/* the length and the first letter first: this is called for every token, many times */
	return i < pp->nt && wn == TLEN(i) && (TOK(i)[0] | 0x20) == w[0] &&
	    has_prefix(TOK(i), TLEN(i), w);
}

/* Is token i the word w (a string literal, in lower case), in any case? */
#define tokis(pp, i, w) tokisn((pp), (i), "" w, sizeof(w) - 1)

/* Is token i (any case) one of the n words of list? The first letter first: no strlen for
 * most of them */
static int
inlist(const struct people *pp, size_t i, const char *const *list, size_t n)
{
	size_t k;
	char c;

	if (i >= pp->nt || pp->t[i].kind != T_WORD)
		return 0;
	c = (char)(TOK(i)[0] | 0x20);
	for (k = 0; k < n; k++)
		if (list[k][0] == c && strlen(list[k]) == TLEN(i) && has_prefix(TOK(i), TLEN(i), list[k]))
			return 1;
	return 0;
}

/* Is token i the three-byte UTF-8 punctuation mark p ("“", "—")? A token may be shorter:
 * a one-byte mark at the end of the text. */
static int
punctis(const struct people *pp, size_t i, const char *p)
{
	return TLEN(i) == 3 && !memcmp(TOK(i), p, 3);
}

static int
ispunct_(const struct people *pp, size_t i, char c)
{
	return i < pp->nt && pp->t[i].kind == T_PUNCT && TOK(i)[0] == c;
}

/* end of a sentence: . ! ? or a paragraph break */
static int
sentend1(const struct people *pp, size_t i)
{
	char c = TOK(i)[0];
	if (c == '\n' || c == '!' || c == '?')
		return 1;
	/* the ideographic full stop and the fullwidth ! and ? of a page written in Chinese */
	if ((unsigned char)c >= 0xE3)
		return punctis(pp, i, "\xE3\x80\x82") || punctis(pp, i, "\xEF\xBC\x81") ||
		    punctis(pp, i, "\xEF\xBC\x9F");
	if (c != '.')
		return 0;
	/* "Mr.", "Co.", "No." do not end a sentence */
	if (i > 0 && pp->t[i - 1].kind == T_WORD && (tokis(pp, i - 1, "mr") ||
	    tokis(pp, i - 1, "mrs") || tokis(pp, i - 1, "ms") || tokis(pp, i - 1, "dr") ||
	    tokis(pp, i - 1, "co") || tokis(pp, i - 1, "no") || tokis(pp, i - 1, "st")))
		return 0;
	return 1;
}

static inline int
sentend(const struct people *pp, size_t i)
{
	return pp->t[i].kind == T_PUNCT && sentend1(pp, i);
}

static int
ishonorific(const struct people *pp, size_t i)
{
	return tokis(pp, i, "mr") || tokis(pp, i, "mrs") || tokis(pp, i, "ms") ||
	    tokis(pp, i, "madam") || tokis(pp, i, "comrade") || tokis(pp, i, "dr") ||
	    tokis(pp, i, "miss");
}

static int rolephrase(const struct people *pp, size_t i, size_t *len);

/* ---- people ---- */

static int
findperson(struct people *pp, const char *name, size_t n)
{
	size_t i;

	for (i = 0; i < pp->np; i++)
		if (pp->p[i].namen == n && !memcmp(pp->text.p + pp->p[i].name, name, n))
			return (int)i;
	return -1;
}

static int
addperson(struct people *pp, const char *name, size_t n, size_t surn)
{
	int k = findperson(pp, name, n);

	if (k >= 0)
		return k;
	if (pp->np == pp->capp) {
		pp->capp = pp->capp ? pp->capp * 2 : 16;
		pp->p = erealloc(pp->p, pp->capp * sizeof *pp->p);
	}
	struct person *p = &pp->p[pp->np];
	memset(p, 0, sizeof *p);
	p->name = pp->text.n;
	p->namen = n;
	p->surn = surn;
	buf_add(&pp->text, name, n);
	return (int)pp->np++;
}

static void
mark(struct people *pp, size_t i, int person, int len, int full)
{
	pp->t[i].person = person;
	pp->t[i].mlen = len;
	pp->t[i].full = (signed char)full;
	pp->p[person].mentions++;
}

/* A romanised Chinese name at token i: a surname, then a given name of pinyin syllables, not
 * followed by a word that makes it an organisation ("Haihua Group"). */
static int ispostword(const struct people *pp, size_t i);
static int bysurname(const struct people *pp, const char *s, size_t n);

/* Is the word pinyin of two or three syllables ("chengxu", "saiming"), not one that is also an
 * everyday English word of one ("long", "men")? */
static int
pinyin2(const struct people *pp, size_t i)
{
	return lex_pinyin_name(TOK(i), TLEN(i)) && !lex_has(LEX_SYLLABLE, TOK(i), TLEN(i));
}

/* A name in lower case, in part ("Tan chengxu", "guo Yanhong") or whole on a page written in
 * lower case ("wei saiming"): the given name of two or three syllables when in lower case, a
 * surname that is not an everyday English word, and a name's place in the sentence: before a
 * comma, a bracket, the sentence's end or a verb of a role, or after "by" or a comma */
static int
lowername(const struct people *pp, size_t i)
{
	static const char *const english[] = { "he", "an", "you", "long", "fan", "pan", "ban",
		"men", "hang", "bang", "gang", "lang", "sang", "bo", "ma", "mo", "so", "hu", "ha" };
	size_t len;

	if (!pp->t[i].cap && inlist(pp, i, english, sizeof english / sizeof english[0]))
		return 0;
	if (!pp->t[i + 1].cap && !pinyin2(pp, i + 1))
		return 0;
	size_t n = i + 2;
	if (n >= pp->nt || pp->t[n].kind != T_WORD)
		return 1;
	return (i > 0 && (tokis(pp, i - 1, "by") || ispunct_(pp, i - 1, ','))) ||
	    rolephrase(pp, n, &len) != ROLE_MENTIONED;
}

/* Is token i, a word before a word, where a name in lower case may stand: on a page in
 * lower case, or before a comma, a bracket or the sentence's end, or after "by" or a comma
 * (a verb of a role after it is tested last, by lowername)? */
static int
lowerplace(const struct people *pp, size_t i)
{
	size_t n = i + 2;

	if (!pp->t[i].cap && !pp->t[i + 1].cap)
		return pp->lower;
	if (TLEN(i + 1) < 2)
		return 0;
	return n >= pp->nt || sentend(pp, n) || ispunct_(pp, n, ',') || ispunct_(pp, n, '(') ||
	    (pp->lower && pp->t[n].kind == T_WORD) || (i > 0 && (tokis(pp, i - 1, "by") ||
	    ispunct_(pp, i - 1, ',')));
}

static int
chinesename(const struct people *pp, size_t i)
{
	if (i + 1 >= pp->nt || pp->t[i + 1].kind != T_WORD || pp->t[i].kind != T_WORD ||
	    (!pp->t[i + 1].cap && !pp->t[i].cap && !pp->lower))
		return 0;
	/* in lower case, in part, only where a name stands: the cheap tests first */
	if ((!pp->t[i].cap || !pp->t[i + 1].cap) && !lowerplace(pp, i))
		return 0;
	if (!lex_has(LEX_SURNAME, TOK(i), TLEN(i)))
		return 0;
	if ((!pp->t[i].cap || !pp->t[i + 1].cap) && !lowername(pp, i))
		return 0;
	if (!lex_pinyin_name(TOK(i + 1), TLEN(i + 1)) || orgword(pp, i + 1))
		return 0;	/* "Jun" is a given name as often as it is June; "Hong Kong" none */
	/* all in capitals, as in a shouting headline, is not a name's form */
	if (TLEN(i + 1) > 1 && isupper_(TOK(i + 1)[1]))
		return 0;
	if (i + 2 < pp->nt && pp->t[i + 2].kind == T_WORD && pp->t[i + 2].cap &&
	    orgword(pp, i + 2))
		return 0;
	return 1;
}

/* Is token i a word in capitals and lower case: its first letter a capital, the rest ASCII
 * letters in lower case, at least two ("Xiaojun", "An"), as a part of a name is written? */
static int
titlecase(const struct people *pp, size_t i)
{
	size_t k;

	if (i >= pp->nt || pp->t[i].kind != T_WORD || !pp->t[i].cap || TLEN(i) < 2)
		return 0;
	for (k = 1; k < TLEN(i); k++)
		if (TOK(i)[k] < 'a' || TOK(i)[k] > 'z')
			return 0;
	return 1;
}

/* Is token i a capitalised word that goes on a name or an organisation's name? */
static int
capword(const struct people *pp, size_t i)
{
	return i < pp->nt && pp->t[i].kind == T_WORD && pp->t[i].cap;
}

/* After a Chinese name at token i (chinesename()), is its given name written in two parts
 * ("Li Le An"): the given name one syllable, then another, each capitalised, and no
 * capitalised word after them (not "Wang Wei Li Na" nor "Li Le An Group")? */
static int
givenparts(const struct people *pp, size_t i)
{
	return pp->t[i].cap && titlecase(pp, i + 1) && titlecase(pp, i + 2) &&
	    pp->t[i + 2].person < 0 && !capword(pp, i + 3) &&
	    lex_has(LEX_SYLLABLE, TOK(i + 1), TLEN(i + 1)) &&
	    lex_has(LEX_SYLLABLE, TOK(i + 2), TLEN(i + 2)) && !orgword(pp, i + 2);
}

/* A Chinese name run into one word, the given name capitalised ("YouXidi"): a surname, then
 * a given name of two or three syllables, the rest in lower case, not before another
 * capitalised word. Returns the surname's length, else 0. */
static size_t
runname(const struct people *pp, size_t i)
{
	const char *t = TOK(i);
	size_t n = TLEN(i), k, up = 0;

	if (pp->t[i].kind != T_WORD || !pp->t[i].cap || n < 5 || capword(pp, i + 1))
		return 0;
	for (k = 1; k < n; k++) {
		if (t[k] >= 'A' && t[k] <= 'Z') {
			if (up)
				return 0;	/* one capital inside, no more */
			up = k;
		} else if (t[k] < 'a' || t[k] > 'z')
			return 0;
	}
	if (up < 2 || n - up < 3 || !lex_has(LEX_SURNAME, t, up) ||
	    !lex_pinyin_name(t + up, n - up) || lex_has(LEX_SYLLABLE, t + up, n - up) ||
	    orgword(pp, i))
		return 0;
	return up;
}

/* Does the word split into two or three pinyin syllables with no syllable after the first
 * beginning with a vowel, as a given name is written without an apostrophe ("Xiaojun",
 * "Meiling"; not "Lee", le + e)? */
static int
cleanpinyin(const char *w, size_t n)
{
	unsigned char can[32] = { 0 };	/* can[i]: the fewest syllables that make w[0..i) */
	size_t i, j;

	if (n >= sizeof can)
		return 0;
	can[0] = 1;
	for (i = 0; i < n; i++) {
		char c = (char)(w[i] | 0x20);
		if (!can[i] || (i > 0 && (c == 'a' || c == 'e' || c == 'o')))
			continue;
		for (j = i + 1; j <= n && j - i <= 6; j++)
			if (lex_has(LEX_SYLLABLE, w + i, j - i) && (!can[j] || can[j] > can[i] + 1))
				can[j] = (unsigned char)(can[i] + 1);
	}
	return can[n] >= 3 && can[n] <= 4;	/* 2 or 3 syllables */
}

/* A Chinese name in Western order, the given name first ("Xiaojun Han"): a given name of two
 * or three syllables (cleanpinyin()) that is no surname, then a surname, both capitalised, no
 * capitalised word after them, and where a name opens: after punctuation, a post, Mr., "by" or "and"
 * (not "of Guangxi Zhuang autonomous region", a place) */
static int
westernname(const struct people *pp, size_t i)
{
	/* the cheap tests first: this is tried on every capitalised word */
	if (!pp->t[i].cap || !capword(pp, i + 1) || capword(pp, i + 2))
		return 0;
	if (!(i == 0 || pp->t[i - 1].kind == T_PUNCT || ispostword(pp, i - 1) ||
	    ishonorific(pp, i - 1) || tokis(pp, i - 1, "by") || tokis(pp, i - 1, "and")))
		return 0;
	return titlecase(pp, i) && titlecase(pp, i + 1) && !orgword(pp, i) && !orgword(pp, i + 1) &&
	    !postword_(pp, i) && !postword_(pp, i + 1) && !month_of(TOK(i), TLEN(i)) &&
	    lex_has(LEX_SURNAME, TOK(i + 1), TLEN(i + 1)) && !lex_has(LEX_SURNAME, TOK(i), TLEN(i)) &&
	    cleanpinyin(TOK(i), TLEN(i));
}

/* Are tokens [i, j) the grammatical subject of a speech act or of chairing: opening a
 * sentence or a clause, the verb right after ("Thomas Kalita said", "Olga Finkel expressed
 * her thanks"), and none of the words a post, a function word or a weekday? */
static int
speechsubject(const struct people *pp, size_t i, size_t j)
{
	static const char *const stop[] = { "the", "this", "that", "these", "those", "at", "in",
		"on", "after", "before", "during", "with", "both", "all", "each", "it", "he", "she",
		"they", "we", "our", "his", "her", "its", "then", "later", "finally", "meanwhile",
		"also", "when", "while", "monday", "tuesday", "wednesday", "thursday", "friday",
		"saturday", "sunday", "premier", "president", "general", "new", "china", "chinese" };
	size_t k, len;
	int r;

	if (j >= pp->nt || pp->t[j].kind != T_WORD || !(i == 0 || sentend(pp, i - 1) ||
	    ispunct_(pp, i - 1, ',')))
		return 0;
	r = rolephrase(pp, j, &len);
	if (r != ROLE_SPOKE && r != ROLE_PRESIDED)
		return 0;
	/* "Quartermaster Luo put forward": a post and the surname of someone named */
	if (j - i == 2 && bysurname(pp, TOK(j - 1), TLEN(j - 1)) >= 0)
		return 0;
	for (k = i; k < j; k++) {
		/* not a word, a letter, an acronym ("MGS"), a post, a Chinese name ("As Wang Yong") */
		if (ispostword(pp, k) || !is_alpha(TOK(k)[0]) || TLEN(k) < 2 ||
		    isupper_(TOK(k)[1]) || chinesename(pp, k))
			return 0;
		if (inlist(pp, k, stop, sizeof stop / sizeof stop[0]))
			return 0;
	}
	return 1;
}

/* A name in another form at token i, known from its context: 2 to 4 capitalised words (with
 * van, der, de ...) after Mr./Ms. or a post, or before ", a post". Returns its length in tokens. */
static int
othername(const struct people *pp, size_t i)
{
	static const char *const particles[] = { "van", "der", "de", "von", "da", "di", "le",
		"la", "du", "del", "bin", "al" };
	size_t j = i;
	int words = 0;

	if (!pp->t[i].cap)
		return 0;
	/* two capitalised words at least, a particle between them at most: the cheap test first */
	if (!capword(pp, i + 1) && !(i + 1 < pp->nt && pp->t[i + 1].kind == T_WORD &&
	    capword(pp, i + 2) && inlist(pp, i + 1, particles, sizeof particles / sizeof particles[0])))
		return 0;
	if (postword_(pp, i) || ishonorific(pp, i))
		return 0;
	while (j < pp->nt && pp->t[j].kind == T_WORD && words < 4) {
		/* "General Manager of Electricity Sales Wang Zhiping": a Chinese name ends the
		 * run, which is no name then */
		if (j > i && chinesename(pp, j))
			break;
		if (pp->t[j].cap && !orgword(pp, j) && !month_of(TOK(j), TLEN(j)))
			words++;
		else {
			if (!inlist(pp, j, particles, sizeof particles / sizeof particles[0]) ||
			    j + 1 >= pp->nt || !pp->t[j + 1].cap)
				break;
		}
		j++;
	}
	if (words < 2 || words > 4)
		return 0;
	/* the name must not run on into an organisation's name */
	if (j < pp->nt && pp->t[j].kind == T_WORD && pp->t[j].cap)
		return 0;
	int ctx = 0;
	if (i > 0 && (ishonorific(pp, i - 1) || (ispunct_(pp, i - 1, '.') && i > 1 &&
	    ishonorific(pp, i - 2))))
		ctx = 1;
	if (j + 2 < pp->nt && ispunct_(pp, j, ',') && lex_phrase_at(LEX_POST, TOK(j + 1),
	    pp->n - pp->t[j + 1].at) && postword_(pp, j + 1))
		ctx = 1;
	if (!ctx && speechsubject(pp, i, j))
		ctx = 1;
	return ctx ? (int)(j - i) : 0;
}

/* ---- titles ---- */

static int
ispostword(const struct people *pp, size_t i)
{
	return pp->t[i].kind == T_WORD && postword_(pp, i);
}

/* The content words of a post (not of, the, and, a, an), up to max: their offsets and
 * lengths; returns how many */
static size_t
postwords(const char *s, size_t n, size_t *at, size_t *len, size_t max)
{
	size_t i = 0, k = 0;

	while (i < n && k < max) {
		while (i < n && !is_alpha(s[i]) && (unsigned char)s[i] < 0x80)
			i++;
		size_t st = i;
		while (i < n && (is_alpha(s[i]) || (unsigned char)s[i] >= 0x80 || s[i] == '-'))
			i++;
		if (i == st)
			break;
		if (!((i - st == 2 && (has_prefix(s + st, 2, "of") || has_prefix(s + st, 2, "an"))) ||
		    (i - st == 3 && (has_prefix(s + st, 3, "the") || has_prefix(s + st, 3, "and"))) ||
		    (i - st == 1 && (s[st] | 0x20) == 'a'))) {
			at[k] = st;
			len[k++] = i - st;
		}
	}
	return k;
}

/* Are the n bytes at a and b the same, ASCII case aside? */
static int
strncasecmp_(const char *a, const char *b, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		char x = a[i], y = b[i];
		if ((x >= 'A' && x <= 'Z' ? x + 32 : x) != (y >= 'A' && y <= 'Z' ? y + 32 : y))
			return 1;
	}
	return 0;
}

static int
wordeq(const char *a, size_t an, const char *b, size_t bn)
{
	return an == bn && !strncasecmp_(a, b, an);
}

/* Are posts a and b one post in other words: the words of one all among the other's
 * (less a rank such as "Vice" or "Deputy" that the other lacks), or the same words but one,
 * spelt alike at first ("Commission", "Committee")? 1 if a is as full, 2 if b is fuller, 0 if
 * they differ. */
static int
samepost(const char *a, size_t an, const char *b, size_t bn)
{
	static const char *const ranks[] = { "vice", "deputy", "assistant", "acting", "former",
		"honorary", "executive", "first", "standing", "chief" };
	size_t aat[24], alen[24], bat[24], blen[24], na, nb, i, j, ina = 0, inb = 0;

	na = postwords(a, an, aat, alen, 24);
	nb = postwords(b, bn, bat, blen, 24);
	if (!na || !nb || na >= 24 || nb >= 24)
		return 0;
	for (i = 0; i < na; i++) {
		for (j = 0; j < nb && !wordeq(a + aat[i], alen[i], b + bat[j], blen[j]); j++)
			;
		ina += j < nb;
		if (j == nb)
			for (size_t r = 0; r < sizeof ranks / sizeof ranks[0]; r++)
				if (alen[i] == strlen(ranks[r]) && !strncasecmp_(a + aat[i], ranks[r], alen[i]))
					return 0;
	}
	for (j = 0; j < nb; j++) {
		for (i = 0; i < na && !wordeq(a + aat[i], alen[i], b + bat[j], blen[j]); i++)
			;
		inb += i < na;
		/* a rank only one of them has makes another post */
		if (i == na)
			for (size_t r = 0; r < sizeof ranks / sizeof ranks[0]; r++)
				if (blen[j] == strlen(ranks[r]) && !strncasecmp_(b + bat[j], ranks[r], blen[j]))
					return 0;
	}
	if (ina == na && inb == nb)
		return 1;
	if (ina == na)	/* a's words all in b, which has more */
		return 2;
	if (inb == nb)
		return 1;
	/* the same words but one, at least three, the odd ones alike in their first four letters */
	if (na == nb && na >= 3 && ina == na - 1 && inb == nb - 1) {
		for (i = 0; i < na; i++) {
			for (j = 0; j < nb && !wordeq(a + aat[i], alen[i], b + bat[j], blen[j]); j++)
				;
			if (j == nb)
				break;
		}
		for (j = 0; j < nb; j++) {
			size_t q;
			for (q = 0; q < na && !wordeq(a + aat[q], alen[q], b + bat[j], blen[j]); q++)
				;
			if (q == na)
				break;
		}
		if (i < na && j < nb && alen[i] >= 4 && blen[j] >= 4 &&
		    !strncasecmp_(a + aat[i], b + bat[j], 4))
			return 1;
	}
	return 0;
}

static void
addtitle(struct people *pp, int person, const char *s, size_t n)
{
	struct person *p = &pp->p[person];
	struct buf *b = &p->titles;

	trim(&s, &n);
	/* less a leading "the" or "our" (DESIGN.md) */
	if (has_prefix(s, n, "the ") || has_prefix(s, n, "our ")) {
		s += 4;
		n -= 4;
	}
	for (;;) {
		while (n && (s[n - 1] == ',' || s[n - 1] == ' '))
			n--;
		if (n >= 4 && !memcmp(s + n - 4, " and", 4))
			n -= 4;
		else
			break;
	}
	if (!n)
		return;
	/* a post already given (or part of one) is not given twice */
	size_t i, j;
	for (i = 0; i + n <= b->n; i++) {
		for (j = 0; j < n; j++) {
			char x = b->p[i + j], y = s[j];
			if ((x >= 'A' && x <= 'Z' ? x + 32 : x) != (y >= 'A' && y <= 'Z' ? y + 32 : y))
				break;
		}
		if (j == n)
			return;
	}
	/* nor in other words: "Party Secretary" and "Secretary of the Party Committee", or a
	 * typo's variant; the fuller form stays, in the place of the first */
	for (i = 0; i < b->n; i = j + 2) {
		for (j = i; j + 1 < b->n && !(b->p[j] == ';' && b->p[j + 1] == ' '); j++)
			;
		if (j + 1 >= b->n)
			j = b->n;
		int same = samepost(b->p + i, j - i, s, n);
		if (same == 1)
			return;
		if (same == 2) {	/* the new one is fuller: it takes the old one's place */
			struct buf nb = { 0 };
			buf_add(&nb, b->p, i);
			buf_add(&nb, s, n);
			buf_add(&nb, b->p + j, b->n - j);
			buf_free(b);
			*b = nb;
			return;
		}
	}
	if (b->n)
		buf_add(b, "; ", 2);
	buf_add(b, s, n);
}

static int
isconnector(const struct people *pp, size_t i)
{
	return tokis(pp, i, "of") || tokis(pp, i, "the") || tokis(pp, i, "and") ||
	    tokis(pp, i, "also") || tokis(pp, i, "for") || tokis(pp, i, "to");
}

/* A post in the plural: "members", "City leaders" */
static int
isplural(const struct people *pp, size_t i)
{
	const char *t = TOK(i);
	size_t n = TLEN(i);

	if (i >= pp->nt || n < 4 || t[n - 1] != 's')
		return 0;
	/* "members", "leaders"; "bosses" */
	return lex_has(LEX_POST, t, n - 1) || (t[n - 2] == 'e' && lex_has(LEX_POST, t, n - 2));
}

/* A post word that only qualifies another: "National", "Deputy" */
static int
ismodifier(const struct people *pp, size_t i)
{
	static const char *const mods[] = { "national", "central", "municipal", "provincial",
		"county", "district", "deputy", "vice", "executive", "standing", "leading", "state",
		"assistant", "acting", "honorary", "senior", "first" };

	return inlist(pp, i, mods, sizeof mods / sizeof mods[0]);
}

/* Is token i the "s" of a possessive ("company's", "subsidiary’s"): an apostrophe before it,
 * a word before that? */
static int
possessive_s(const struct people *pp, size_t i)
{
	return i >= 2 && i < pp->nt && tokis(pp, i, "s") && pp->t[i - 1].kind == T_PUNCT &&
	    (TOK(i - 1)[0] == '\'' || punctis(pp, i - 1, "’")) && pp->t[i - 1].at +
	    TLEN(i - 1) == pp->t[i].at && pp->t[i - 2].kind == T_WORD &&
	    pp->t[i - 2].at + TLEN(i - 2) == pp->t[i - 1].at;
}

/* A lower-case word that may describe a post before it, as in "Shanxi provincial government
 * deputy secretary general" or "school party branch secretary": not a function word, a verb
 * in -ed, a number or the start of a role's phrase */
static int
descword(const struct people *pp, size_t i)
{
	static const char *const stop[] = { "a", "an", "the", "of", "and", "or", "to", "for",
		"with", "by", "in", "on", "at", "from", "as", "was", "were", "is", "are", "be",
		"been", "has", "have", "had", "his", "her", "their", "its", "this", "that", "these",
		"those", "which", "who", "whom", "also", "all", "other", "some", "such", "than",
		"then", "while", "including", "include", "includes", "meeting", "conference",
		"session", "he", "she", "it", "they", "we", "not", "more", "most", "over", "after",
		"before", "during", "about", "into", "under", "between", "both", "each", "every",
		"many", "well", "said", "says", "visit", "visited", "met", "led", "must", "should",
		"will", "shall", "can", "may", "would", "could", "need", "needs", "persons",
		"people", "than", "nearly", "around", "only", "very" };
	const char *t = TOK(i);
	size_t n = TLEN(i), len;

	if (pp->t[i].kind != T_WORD || pp->t[i].person >= 0 || (t[0] >= '0' && t[0] <= '9'))
		return 0;
	if (ispostword(pp, i) || pp->t[i].cap)
		return 1;
	if ((n > 3 && t[n - 2] == 'e' && t[n - 1] == 'd') || (n > 4 && t[n - 2] == 'l' &&
	    t[n - 1] == 'y'))
		return 0;
	if (inlist(pp, i, stop, sizeof stop / sizeof stop[0]))
		return 0;
	return rolephrase(pp, i, &len) == ROLE_MENTIONED;
}

/* Where a post may begin: after a clause's punctuation, at a sentence's start, or after a
 * word that introduces a noun phrase ("by", "with", "including", "were", "and") */
static int
postboundary(const struct people *pp, size_t b)
{
	static const char *const words[] = { "by", "with", "include", "includes", "including",
		"were", "was", "are", "is", "and", "as", "from", "of", "for", "namely" };

	if (b == 0 || sentend(pp, b - 1) || ispunct_(pp, b - 1, ',') || ispunct_(pp, b - 1, ';') ||
	    ispunct_(pp, b - 1, ':') || ispunct_(pp, b - 1, '('))
		return 1;
	return inlist(pp, b - 1, words, sizeof words / sizeof words[0]);
}

/* The post before a name, widened from its first token start: back over the words that
 * describe it ("Shanxi provincial government", "school"), possessives ("the company's"), a
 * slash ("Deputy Secretary/Mayor") and, from a sentence's start or an "and", over posts
 * before it separated by commas ("Deputy Secretary of ..., Secretary of ..., and Mayor Li
 * Jun"). Each widening only when it reaches where a post may begin. */
static size_t
widenpost(const struct people *pp, size_t start, size_t last)
{
	for (;;) {
		size_t b = start, k, words = 0;
		/* words that describe the post, possessives, slashes */
		while (b > 0 && words < 6) {
			k = b - 1;
			if (possessive_s(pp, k) && descword(pp, k - 2)) {
				b = k - 2;
				words++;
			} else if (pp->t[k].kind == T_PUNCT && TOK(k)[0] == '/' && TLEN(k) == 1 &&
			    k > 0 && ispostword(pp, k - 1) && pp->t[k - 1].person < 0) {
				b = k - 1;
			} else if (descword(pp, k) && (pp->t[k].cap || !pp->t[start].cap)) {
				/* lower-case words only before a post in lower case: not "study and
				 * implement General Secretary" */
				b = k;
				words++;
			} else
				break;
		}
		/* "the company's": less the "the" or "our", which is not the post's */
		size_t a = b;
		if (a > 0 && (tokis(pp, a - 1, "the") || tokis(pp, a - 1, "our")))
			a--;
		if (b < start && postboundary(pp, a))
			start = b;
		/* the posts before it, after commas: "Deputy Secretary of the Municipal Party
		 * Committee, Secretary of ..., and Mayor"; each segment a post, back to a
		 * sentence's start, a colon, or an "and" that begins the coordinated posts (one
		 * that is not itself in a list of these segments, or that follows a name) */
		size_t q = start;
		for (;;) {
			k = q;
			if (k > 0 && tokis(pp, k - 1, "and"))
				k--;
			if (k == 0 || !ispunct_(pp, k - 1, ','))
				return start;
			size_t e = k - 1;	/* the comma */
			int post = 0;
			q = e;
			while (q > 0 && pp->t[q - 1].kind == T_WORD && pp->t[q - 1].person < 0 &&
			    (ispostword(pp, q - 1) || pp->t[q - 1].cap || isconnector(pp, q - 1))) {
				post |= ispostword(pp, q - 1) && !ismodifier(pp, q - 1);
				q--;
			}
			while (q < e && isconnector(pp, q))
				q++;
			/* not an adverbial: "After the conference, General Secretary" */
			if (!post || q == e || tokis(pp, q, "after") || tokis(pp, q, "at") ||
			    tokis(pp, q, "on") || tokis(pp, q, "in") || tokis(pp, q, "during") ||
			    tokis(pp, q, "before") || tokis(pp, q, "with") || tokis(pp, q, "under") ||
			    tokis(pp, q, "since") || tokis(pp, q, "when") || tokis(pp, q, "as"))
				return start;
			if (q == 0 || sentend(pp, q - 1) || ispunct_(pp, q - 1, ':') ||
			    (tokis(pp, q - 1, "and") && !(q > 1 && ispunct_(pp, q - 2, ','))) ||
			    (tokis(pp, q - 1, "and") && q > 2 && pp->t[q - 3].person >= 0))
				break;
		}
		(void)last;
		start = q;
	}
}

/* A plural post that a list of names follows, ending in other words than a post's: "members
 * of the leading group of the municipal government A, B and C". From token j (the last word
 * before the names) back to a plural post word, over the words of a noun phrase; the post
 * must begin where a post may. Returns its first token (setting *last to j), else j + 1. */
static size_t
pluralpost(const struct people *pp, size_t j, size_t *last)
{
	size_t k = j + 1, n = 0;

	while (k > 0 && n < 12) {
		size_t q = k - 1;
		if (possessive_s(pp, q) && descword(pp, q - 2))
			q -= 2;	/* "the hospital's Party committee" */
		if (pp->t[q].kind != T_WORD || pp->t[q].person >= 0 ||
		    !(isconnector(pp, q) || descword(pp, q)) || tokis(pp, q, "and"))
			break;
		n++;
		k = q;
		if ((isplural(pp, q) || (ispostword(pp, q) && TLEN(q) > 3 &&
		    TOK(q)[TLEN(q) - 1] == 's')) && tokis(pp, q + 1, "of")) {
			size_t b = q;
			/* its describing words: "the Group executives", "city leaders" */
			while (b > 0 && descword(pp, b - 1) && pp->t[b - 1].kind == T_WORD &&
			    !tokis(pp, b - 1, "and") && b + 4 > q)
				b--;
			size_t a = b;
			if (a > 0 && (tokis(pp, a - 1, "the") || tokis(pp, a - 1, "our")))
				a--;
			if (postboundary(pp, a)) {
				*last = j;
				return b;
			}
		}
	}
	return j + 1;
}

/* The post before a name whose first token is i + 1, from token i backwards: "Chairman",
 * "Deputy General Manager", "Municipal Party Committee Secretary", "Head of the
 * Administration and Secretary of Party Committee", "Vice President" in "Vice President Mr.
 * Wang". Returns its first token and sets *last to its last; the first is i + 1 if none. */
static size_t
posttitle(const struct people *pp, size_t i, size_t *last)
{
	size_t start = i + 1;
	long j = (long)i;

	if (j >= 0 && ishonorific(pp, (size_t)j))
		j--;
	else if (j >= 1 && ispunct_(pp, (size_t)j, '.') && ishonorific(pp, (size_t)j - 1))
		j -= 2;
	if (j < 0 || pp->t[j].person >= 0)
		return start;
	if (!ispostword(pp, (size_t)j) && !isplural(pp, (size_t)j)) {
		size_t p = pluralpost(pp, (size_t)j, last);
		return p <= (size_t)j ? p : start;
	}
	*last = (size_t)j;
	for (; j >= 0; j--) {
		size_t k = (size_t)j;
		if (possessive_s(pp, k) && (ispostword(pp, k - 2) || pp->t[k - 2].cap) &&
		    pp->t[k - 2].person < 0) {
			j -= 2;	/* "the Municipal People's Congress" */
			start = (size_t)j;
			continue;
		}
		if (pp->t[k].kind != T_WORD || pp->t[k].person >= 0)
			break;
		if (ispostword(pp, k) || pp->t[k].cap || (k == *last && isplural(pp, k))) {
			start = k;
			continue;
		}
		if (!isconnector(pp, k))
			break;
		/* "Party Secretary and Chairman", "Head of the Administration and Secretary", but
		 * not "the CPC National Congress and President": a post word before "and" */
		if (tokis(pp, k, "and")) {
			long q = (long)k - 1;
			int post = 0;
			for (; q >= 0 && pp->t[q].kind == T_WORD && pp->t[q].person < 0 &&
			    !tokis(pp, (size_t)q, "and") && (pp->t[q].cap || ispostword(pp, (size_t)q) ||
			    isconnector(pp, (size_t)q)); q--)
				post |= ispostword(pp, (size_t)q) && !orgword(pp, (size_t)q) &&
				    !ismodifier(pp, (size_t)q);
			if (!post)
				break;
		}
	}
	/* not the sentence's own words: "At", "On", "The", a month; nor a connector first */
	while (start <= *last && (isconnector(pp, start) || tokis(pp, start, "at") ||
	    tokis(pp, start, "on") || tokis(pp, start, "in") || tokis(pp, start, "by") ||
	    tokis(pp, start, "from") || tokis(pp, start, "finally") || tokis(pp, start, "then") ||
	    tokis(pp, start, "meanwhile") || tokis(pp, start, "comrade") ||
	    month_of(TOK(start), TLEN(start)) || !(ispostword(pp, start) || pp->t[start].cap ||
	    (start == *last && isplural(pp, start)))))
		start++;
	if (start <= *last)
		start = widenpost(pp, start, *last);
	return start;
}

/* Does the segment of tokens from k look like a post: a post word first (after "and",
 * "also"), or capitalised words up to one ("Taizhou Municipal Party Secretary")? A plural
 * post ("members of ...") fits only a list of names. */
static int
postsegment(const struct people *pp, size_t k, int plural)
{
	size_t w;

	if (k >= pp->nt || pp->t[k].kind != T_WORD || pp->t[k].person >= 0)
		return 0;
	/* words that describe the post first: "external directors of", "CRIG's external
	 * director" */
	for (w = k; w < pp->nt && w < k + 4; w++) {
		if (possessive_s(pp, w + 2) && pp->t[w].kind == T_WORD && pp->t[w].person < 0) {
			w += 2;
			continue;
		}
		if (ispostword(pp, w))
			break;
		if (pp->t[w].cap || !descword(pp, w))
			break;
	}
	if (w < pp->nt && w > k && w < k + 4 && ispostword(pp, w) && !pp->t[w].cap)
		k = w;
	if (ispostword(pp, k)) {
		size_t n = TLEN(k);
		const char *t = TOK(k);
		if (!plural && n > 3 && t[n - 1] == 's' && lex_has(LEX_POST, t, n - 1))
			return 0;
		return 1;
	}
	for (w = k; w < pp->nt && w < k + 6 && pp->t[w].kind == T_WORD && pp->t[w].cap; w++)
		if (ispostword(pp, w))
			return 1;
	return 0;
}

/* An appositive post after a name (list) at token i (on the comma, or a dash as in "Chen
 * Shezhao- President of ..."): segments separated by commas while each looks like a post; a
 * segment ends at a comma, a semicolon, the sentence's end, another name or a verb of a role
 * ("Zhang Mao, Head of SAMR made a work report"). Returns the token after it, or i when there
 * is none; *from and *to are its text. */
static size_t
appositive(const struct people *pp, size_t i, int plural, size_t *from, size_t *to)
{
	size_t j = i, end = i, len, segk[16], sege[16];
	int nseg = 0;

	/* a post in brackets: "Wang Lei (chairman of Foo Group) presided" */
	if (ispunct_(pp, i, '(') && postsegment(pp, i + 1, plural)) {
		size_t e = i + 1;
		while (e < pp->nt && !ispunct_(pp, e, ')') && !sentend(pp, e) && e < i + 40 &&
		    pp->t[e].person < 0 && !ispunct_(pp, e, '('))
			e++;
		if (ispunct_(pp, e, ')') && e > i + 1) {
			*from = pp->t[i + 1].at;
			*to = pp->t[e - 1].at + pp->t[e - 1].n;
			return e + 1;
		}
	}

	while (j < pp->nt && (ispunct_(pp, j, ',') || (j == i && (ispunct_(pp, j, '-') ||
	    (pp->t[j].kind == T_PUNCT && (punctis(pp, j, "–") || punctis(pp, j, "—"))))))) {
		size_t k = j + 1;
		int and = 0;
		while (k < pp->nt && (tokis(pp, k, "and") || tokis(pp, k, "also") ||
		    tokis(pp, k, "the") || tokis(pp, k, "our")))
			and |= tokis(pp, k++, "and");
		if (!postsegment(pp, k, plural))
			break;
		size_t e = k;
		while (e < pp->nt && !ispunct_(pp, e, ',') && !sentend(pp, e) &&
		    !ispunct_(pp, e, ';') && pp->t[e].person < 0) {
			if (ispunct_(pp, e, '(')) {	/* "(SASAC)" */
				while (e < pp->nt && !ispunct_(pp, e, ')') && !sentend(pp, e))
					e++;
				if (e < pp->nt && ispunct_(pp, e, ')'))
					e++;
				continue;
			}
			if (e > k && pp->t[e].kind == T_WORD && !pp->t[e].cap &&
			    rolephrase(pp, e, &len) != ROLE_MENTIONED)
				break;
			/* a verb in -ed ends it: "... and Party member representatives watched" */
			if (e > k && pp->t[e].kind == T_WORD && !pp->t[e].cap && TLEN(e) > 4 &&
			    TOK(e)[TLEN(e) - 2] == 'e' && TOK(e)[TLEN(e) - 1] == 'd' &&
			    !ispostword(pp, e) && !tokis(pp, e - 1, "and") && !tokis(pp, e - 1, "of") &&
			    !tokis(pp, e - 1, "the") && !(pp->t[e - 1].cap && e + 1 < pp->nt &&
			    pp->t[e + 1].cap))	/* but "the State owned Assets ..." */
				break;
			if (e > k && tokis(pp, e, "and") && (tokis(pp, e + 1, "other") ||
			    tokis(pp, e + 1, "some") || tokis(pp, e + 1, "all") ||
			    (!plural && isplural(pp, e + 1))))
				break;	/* "director of the Office and members of the Office" */
			e++;
		}
		if (e == k)
			break;
		/* ", and executive team of the company attended": another subject, not a post */
		if (and && e < pp->nt && !ispunct_(pp, e, ',') && !sentend(pp, e) &&
		    pp->t[e].person < 0)
			break;
		if (e < pp->nt && pp->t[e].person >= 0) {
			/* "A, President ... Chairman B": that post is B's, before B's name; so are
			 * the segments from the "and" that begins it ("A, post, and Group Company
			 * deputy secretary, vice chairman B") */
			size_t last, st = posttitle(pp, e - 1, &last);
			if (st >= e && !tokis(pp, e - 1, "and"))	/* words right before a name: its */
				st = k;
			if (st <= k) {
				while (nseg > 0 && segk[nseg - 1] >= st)
					nseg--;
				if (nseg == 0)
					return i;
				end = sege[nseg - 1];
				*to = pp->t[end - 1].at + pp->t[end - 1].n;
				break;
			}
			while (e > k && (st < e || tokis(pp, e - 1, "and")))
				e--, st = st < e ? st : e;
			if (e == k)
				break;
		}
		if (j == i)
			*from = pp->t[k].at;
		*to = pp->t[e - 1].at + pp->t[e - 1].n;
		end = e;
		if (nseg < 16) {
			segk[nseg] = k;
			sege[nseg++] = e;
		}
		j = e;
		if (!ispunct_(pp, e, ','))
			break;
	}
	return end;
}

/* ---- roles ---- */

static int rolephrase1(const struct people *pp, size_t i, size_t *len);

/* The role whose phrase starts at token i (a word), and the phrase's length: worked out once
 * per token, however many clauses look at it */
static int
rolephrase(const struct people *pp, size_t i, size_t *len)
{
	struct tok *t = &pp->t[i];

	if (t->role < 0) {
		t->rlen = 0;
		t->role = (signed char)rolephrase1(pp, i, &t->rlen);
	}
	*len = t->rlen;
	return t->role;
}

static int
rolephrase1(const struct people *pp, size_t i, size_t *len)
{
	const char *s = TOK(i);
	size_t n = pp->n - pp->t[i].at, k;

	/* no verb is a number, or a capitalised word after another word (a name, an
	 * organisation): most words of a clause are looked up no further */
	if ((s[0] >= '0' && s[0] <= '9') || (pp->t[i].cap && i > 0 && pp->t[i - 1].kind == T_WORD))
		return ROLE_MENTIONED;

	static const enum lexkind kinds[] = { LEX_PRESIDED, LEX_SPOKE, LEX_ATTENDED };
	static const int rolesof[] = { ROLE_PRESIDED, ROLE_SPOKE, ROLE_ATTENDED };
	size_t plen = 0;
	int r = lex_phrases_at(kinds, 3, s, n, &plen);

	if (r == 0 || r == 1) {
		*len = plen;
		return rolesof[r];
	}
	/* the grammar of a speech act: a light verb (made, gave, delivered, presented, provided,
	 * offered), up to four words, a noun of lib/lex/speech.txt ("made an explanation",
	 * "provided a systematic briefing") */
	char c0 = (char)(s[0] | 0x20);	/* the first letters of these verbs first */
	if ((c0 == 'd' || c0 == 'm' || c0 == 'g' || c0 == 'p' || c0 == 'o') && (
	    tokis(pp, i, "delivered") || tokis(pp, i, "made") || tokis(pp, i, "gave") ||
	    tokis(pp, i, "presented") || tokis(pp, i, "give") || tokis(pp, i, "deliver") ||
	    tokis(pp, i, "provided") || tokis(pp, i, "offered") || tokis(pp, i, "make") ||
	    tokis(pp, i, "gives") || tokis(pp, i, "makes") || tokis(pp, i, "delivers"))) {
		for (k = i + 1; k < pp->nt && k <= i + 5 && pp->t[k].kind == T_WORD; k++)
			if (lex_has(LEX_SPEECH, TOK(k), TLEN(k))) {
				*len = pp->t[k].at + TLEN(k) - pp->t[i].at;
				return ROLE_SPOKE;
			}
	}
	if (r == 2) {
		*len = plen;
		return ROLE_ATTENDED;
	}
	return ROLE_MENTIONED;
}

/* Adds the roles of mask (bits 1 << ROLE_*) to a person's; role stays the highest */
static void
setroles(struct people *pp, int person, unsigned mask)
{
	int r;

	if (person < 0)
		return;
	pp->p[person].roles |= mask & ~(1u << ROLE_MENTIONED);
	for (r = ROLE_PRESIDED; r > ROLE_MENTIONED; r--)
		if (pp->p[person].roles & 1u << r)
			break;
	pp->p[person].role = r;
}

static void
setrole(struct people *pp, int person, int role)
{
	setroles(pp, person, 1u << role);
}

/* The highest role of a mask */
static int
toprole(unsigned mask)
{
	int r;

	for (r = ROLE_PRESIDED; r > ROLE_MENTIONED; r--)
		if (mask & 1u << r)
			break;
	return r;
}

/* The roles in tokens [i, e): a mask of the verbs there (bits 1 << ROLE_*) */
static unsigned
roles(const struct people *pp, size_t i, size_t e)
{
	unsigned mask = 0;
	int r;
	size_t len;

	for (; i < e; i++)
		if (pp->t[i].kind == T_WORD && (r = rolephrase(pp, i, &len)) != ROLE_MENTIONED) {
			/* "presided over by X" names X, not the subject (", which was presided over
			 * by X" after a list of subjects) */
			size_t after = pp->t[i].at + len;
			if ((after + 4 <= pp->n && has_prefix(pp->s + after, pp->n - after, " by ")) ||
			    (len > 3 && !memcmp(pp->s + after - 3, " by", 3)))
				continue;
			mask |= 1u << r;
		}
	return mask;
}

/* ---- the analysis ---- */

static void
findnames(struct people *pp, int body)
{
	size_t i;
	int k, len;

	for (i = 0; i < pp->nt; i++) {
		if (pp->t[i].kind != T_WORD || pp->t[i].person >= 0)
			continue;
		/* a name has a capital in its first two words, unless the page is in lower case
		 * (what chinesename() and othername() test first) */
		if (!pp->t[i].cap && !pp->lower && !(i + 1 < pp->nt && pp->t[i + 1].cap))
			continue;
		size_t sur;
		if (chinesename(pp, i)) {
			/* "Li Le An": the given name in two parts, in the body (a headline's
			 * capitals would make one of "Wang Lei An Inspection") */
			size_t last = i + 1 + (size_t)(body && givenparts(pp, i));
			size_t n = pp->t[last].at + TLEN(last) - pp->t[i].at;
			k = addperson(pp, TOK(i), n, TLEN(i));
			mark(pp, i, k, (int)(last - i + 1), 1);
			for (size_t j = i + 1; j <= last; j++)
				pp->t[j].person = k;
			i = last;
		} else if ((sur = runname(pp, i))) {
			k = addperson(pp, TOK(i), TLEN(i), sur);
			mark(pp, i, k, 1, 1);
		} else if (westernname(pp, i)) {
			/* the family name last, as other names have it */
			size_t n = pp->t[i + 1].at + TLEN(i + 1) - pp->t[i].at;
			k = addperson(pp, TOK(i), n, pp->t[i + 1].at - pp->t[i].at);
			mark(pp, i, k, 2, 1);
			pp->t[i + 1].person = k;
			i++;
		} else if (body && (len = othername(pp, i))) {
			size_t last = i + (size_t)len - 1;
			size_t n = pp->t[last].at + TLEN(last) - pp->t[i].at;
			k = addperson(pp, TOK(i), n, pp->t[last].at - pp->t[i].at);
			mark(pp, i, k, len, 1);
			for (size_t j = i + 1; j <= last; j++)
				pp->t[j].person = k;
			i = last;
		}
	}
}

/* "Mr. Hao", "Chairman Liu", "President Xi", and a surname alone ("Tang put forward"): the
 * person of that surname the article names in full */
static int
bysurname(const struct people *pp, const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < pp->np; i++) {
		const struct person *p = &pp->p[i];
		const char *name = pp->text.p + p->name;
		/* Chinese: the surname comes first; others: the family name comes last */
		if (p->surn == n && !memcmp(name, s, n) && (name[n] == ' ' ||
		    (isupper_(name[n]) && !memchr(name, ' ', p->namen))))	/* "YouXidi" */
			return (int)i;
		if (p->namen > n && name[p->namen - n - 1] == ' ' &&
		    !memcmp(name + p->namen - n, s, n))
			return (int)i;
	}
	return -1;
}

static void
findrefs(struct people *pp)
{
	size_t i;

	for (i = 0; i < pp->nt; i++) {
		if (pp->t[i].kind != T_WORD || pp->t[i].person >= 0 || !pp->t[i].cap)
			continue;
		if (tokis(pp, i, "he") && !(i > 0 && (ishonorific(pp, i - 1) ||
		    (ispunct_(pp, i - 1, '.') && i > 1 && ishonorific(pp, i - 2)))))
			continue;	/* the pronoun, far more often than the surname He (but "Mr. He") */
		int k = bysurname(pp, TOK(i), TLEN(i));
		if (k < 0 || (i + 1 < pp->nt && pp->t[i + 1].cap && pp->t[i + 1].kind == T_WORD))
			continue;
		/* after Mr./a post, or opening a clause */
		int after = i > 0 && (ishonorific(pp, i - 1) || ispostword(pp, i - 1) ||
		    (ispunct_(pp, i - 1, '.') && i > 1 && ishonorific(pp, i - 2)));
		int opens = i == 0 || sentend(pp, i - 1) || ispunct_(pp, i - 1, ',') ||
		    tokis(pp, i - 1, "and");
		if (after || opens)
			mark(pp, i, k, 1, 0);
	}
}

/* The clause of a subject at token i (after its appositive, from token nx): up to the sentence's
 * end or another subject ("A presided and B delivered a speech") */
static size_t
clauseend(const struct people *pp, size_t nx)
{
	size_t e = nx;

	while (e < pp->nt && !sentend(pp, e) && !(pp->t[e].person >= 0 && pp->t[e].mlen &&
	    (ispunct_(pp, e - 1, ',') || tokis(pp, e - 1, "and") || ispunct_(pp, e - 1, ';') ||
	    tokis(pp, e - 1, "while") || tokis(pp, e - 1, "whereas"))))
		e++;
	return e;
}

/* Names in a list with a known person: "Mr Roadley, Greg Gent, Henry van der Heyden and John
 * Hood": each item of two to four capitalised words is a person too */
static void
listnames(struct people *pp)
{
	size_t i, j, c;

	for (i = 0; i < pp->nt; i++) {
		if (pp->t[i].person < 0 || !pp->t[i].mlen)
			continue;
		for (j = i + (size_t)pp->t[i].mlen; j < pp->nt; ) {
			c = j;
			if (ispunct_(pp, c, ','))
				c++;
			if (tokis(pp, c, "and"))
				c++;
			if (c == j || c >= pp->nt)
				break;
			if (pp->t[c].person >= 0 && pp->t[c].mlen) {
				j = c + (size_t)pp->t[c].mlen;
				continue;
			}
			size_t e = c;
			int words = 0;
			while (e < pp->nt && pp->t[e].kind == T_WORD && pp->t[e].person < 0 &&
			    (pp->t[e].cap || ((tokis(pp, e, "van") || tokis(pp, e, "der") ||
			    tokis(pp, e, "de") || tokis(pp, e, "von")) && e + 1 < pp->nt &&
			    pp->t[e + 1].kind == T_WORD)) && !ispostword(pp, e) &&
			    !orgword(pp, e)) {
				words += pp->t[e].cap;
				e++;
			}
			if (words < 2 || words > 4 || e - c > 5 || (e < pp->nt && pp->t[e].cap))
				break;
			size_t n = pp->t[e - 1].at + TLEN(e - 1) - pp->t[c].at;
			int k = addperson(pp, TOK(c), n, pp->t[e - 1].at - pp->t[c].at);
			mark(pp, c, k, (int)(e - c), 1);
			for (size_t q = c + 1; q < e; q++)
				pp->t[q].person = k;
			j = e;
		}
		i = j > i ? j - 1 : i;	/* the list is read: on after it */
	}
}

/* Where the clause of a mention at token i starts, given st, the start of the post before it:
 * before the post and a Mr. or Ms. */
static size_t
mentionstart(const struct people *pp, size_t i, size_t st)
{
	size_t b = st < i ? st : i;

	/* "the company's Party Committee Secretary Zhou": the article before the post */
	if (b < i && b > 0 && (tokis(pp, b - 1, "the") || tokis(pp, b - 1, "our")))
		b--;
	if (b > 0 && ishonorific(pp, b - 1) && !sentend(pp, b - 1))
		b--;
	else if (b > 1 && ispunct_(pp, b - 1, '.') && ishonorific(pp, b - 2))
		b -= 2;
	return b;
}

/* Does a clause open at token b: the start of a sentence (after a "The"), or after a comma, a
 * semicolon, a colon, "and", "then", "including" ...? */
static int
opener(const struct people *pp, size_t b)
{
	static const char *const words[] = { "and", "including", "namely", "while", "whereas",
		"finally", "then", "meanwhile", "also" };

	if (b == 0 || sentend(pp, b - 1) || ispunct_(pp, b - 1, ',') ||
	    ispunct_(pp, b - 1, ';') || ispunct_(pp, b - 1, ':'))
		return 1;
	if (tokis(pp, b - 1, "the") && (b == 1 || sentend(pp, b - 2)))
		return 1;
	return inlist(pp, b - 1, words, sizeof words / sizeof words[0]);
}

/* Does a word that introduces a list end just before token b: "including", "include(s)",
 * "such as", "among them"? Its first token, else b. */
static size_t
introducer(const struct people *pp, size_t b)
{
	if (b >= 1 && (tokis(pp, b - 1, "including") || tokis(pp, b - 1, "include") ||
	    tokis(pp, b - 1, "includes") || tokis(pp, b - 1, "included")))
		return b - 1;
	if (b >= 2 && ((tokis(pp, b - 1, "as") && tokis(pp, b - 2, "such")) ||
	    (tokis(pp, b - 1, "them") && tokis(pp, b - 2, "among"))))
		return b - 2;
	if (b >= 3 && ispunct_(pp, b - 1, ',') && tokis(pp, b - 2, "them") &&
	    tokis(pp, b - 3, "among"))
		return b - 3;
	return b;
}

/* Do tokens [i, e) name those present: "attendees", "participants", "those present"? */
static int
attendees(const struct people *pp, size_t i, size_t e)
{
	for (; i < e; i++)
		if (tokis(pp, i, "attendees") || tokis(pp, i, "participants") ||
		    tokis(pp, i, "present") || tokis(pp, i, "attendance"))
			return 1;
	return 0;
}

static void
analyse(struct people *pp)
{
	size_t i, s0 = 0;
	int last = -1;	/* the person last spoken of, for "He" and "She" */
	int pend[64], np = 0;	/* subjects whose clause had no verb: "A, post, and B, post, spoke" */

	for (i = 0; i < pp->nt; i++) {
		if (sentend(pp, i)) {
			s0 = i + 1;
			np = 0;
			continue;
		}
		if (pp->t[i].kind != T_WORD)
			continue;
		int k = pp->t[i].person;
		/* "He stressed", "She pointed out" opening a clause */
		if (k < 0 && (tokis(pp, i, "he") || tokis(pp, i, "she")) && last >= 0 &&
		    (i == s0 || ispunct_(pp, i - 1, ',') || ispunct_(pp, i - 1, '"') ||
		    tokis(pp, i - 1, "then") || tokis(pp, i - 1, "and") || tokis(pp, i - 1, "also") ||
		    tokis(pp, i - 1, "later") || tokis(pp, i - 1, "finally") ||
		    (pp->t[i - 1].kind == T_PUNCT && punctis(pp, i - 1, "“")))) {
			setroles(pp, last, roles(pp, i + 1, clauseend(pp, i + 1)));
			continue;
		}
		/* "The attending leaders respectively put forward requirements": those who attended */
		if (k < 0 && i == s0 + 1 && tokis(pp, i, "attending") && (tokis(pp, i + 1, "leaders") ||
		    tokis(pp, i + 1, "comrades") || tokis(pp, i + 1, "officials"))) {
			if (toprole(roles(pp, i + 2, clauseend(pp, i + 2))) == ROLE_SPOKE)
				for (size_t q = 0; q < pp->np; q++)
					if (pp->p[q].role == ROLE_ATTENDED)
						setrole(pp, (int)q, ROLE_SPOKE);
			continue;
		}
		if (k < 0 || !pp->t[i].mlen)
			continue;
		/* the subjects: a list of names "A, B and C" */
		int list[64], nl = 0;
		size_t j, second = 0;	/* where the list's second name starts */
		list[nl++] = k;
		j = i + (size_t)pp->t[i].mlen;
		while (nl < 64) {
			size_t n2 = j;
			if (ispunct_(pp, n2, ','))
				n2++;
			if (tokis(pp, n2, "and"))
				n2++;
			if (n2 == j || n2 >= pp->nt || pp->t[n2].person < 0 || !pp->t[n2].mlen)
				break;
			if (nl == 1)
				second = n2;
			list[nl++] = pp->t[n2].person;
			j = n2 + (size_t)pp->t[n2].mlen;
		}
		/* the post before the first name, shared by a list ("City leaders A, B and C");
		 * after a surname alone ("President Xi") only if it is the only post */
		size_t plast = 0, st = i > 0 ? posttitle(pp, i - 1, &plast) : i;
		int shared = 0;
		for (size_t q = st; q <= plast && st < i; q++)
			shared |= isplural(pp, q);
		if (st < i)
			for (int q = 0; q < (shared ? nl : 1); q++)
				if (pp->t[i].full || !pp->p[list[q]].titles.n)
					addtitle(pp, list[q], TOK(st), pp->t[plast].at + TLEN(plast) -
					    pp->t[st].at);
		/* the appositive after the list: ", members of the group's leadership," goes to
		 * each; a post in the singular only to the last name */
		size_t from = 0, to = 0, after = appositive(pp, j, nl > 1, &from, &to);
		if (after != j && pp->t[i].full) {
			int plural = 0;
			for (size_t a0 = j + 1; a0 < pp->nt && a0 < j + 6 && pp->t[a0].kind == T_WORD &&
			    !tokis(pp, a0, "of"); a0++)
				plural |= isplural(pp, a0);
			for (int q = plural ? 0 : nl - 1; q < nl; q++)
				addtitle(pp, list[q], pp->s + from, to - from);
		}
		size_t nx = after;
		if (after != j && ispunct_(pp, nx, ','))
			nx++;
		/* possessive or a name used as a modifier: "Xi Jinping's", "Xi Jinping Thought" */
		if (nx < pp->nt && (tokis(pp, nx, "thought") || ispunct_(pp, nx, '\'') ||
		    (pp->t[nx].kind == T_PUNCT && punctis(pp, nx, "’")))) {
			i = nx;
			continue;
		}
		size_t b = mentionstart(pp, i, st);
		/* a list introduced by "such as" or "including": "city leaders, such as A and B",
		 * "leaders of the hospital's Party committee such as A": the plural post before */
		size_t intro = introducer(pp, b);
		if (intro < b && st == i && intro > s0 + 1) {
			size_t e = intro, pl = 0, ps;
			if (ispunct_(pp, e - 1, ','))
				e--;
			ps = posttitle(pp, e - 1, &pl);
			int plural = 0;
			for (size_t q = ps; q <= pl && ps < e; q++)
				plural |= isplural(pp, q);
			if (!plural && (ps = pluralpost(pp, e - 1, &pl)) < e)
				plural = 1;	/* "leaders of the municipal commerce bureau such as" */
			/* "more than 500 persons including": a count, not a post */
			if (ps > 0 && ps < e && pp->t[ps - 1].kind == T_WORD && TOK(ps - 1)[0] >= '0' &&
			    TOK(ps - 1)[0] <= '9')
				plural = 0;
			if (plural)
				for (int q = 0; q < nl; q++)
					addtitle(pp, list[q], TOK(ps), pp->t[pl].at + TLEN(pl) -
					    pp->t[ps].at);
		}
		if (b > s0 && tokis(pp, b - 1, "by")) {
			/* "presided over by X", "chaired by X": the verb before "by" */
			size_t q0 = b - 1 > s0 + 6 ? b - 7 : s0, len;
			int r = ROLE_MENTIONED;
			for (size_t q = q0; q < b - 1; q++)
				if (pp->t[q].kind == T_WORD && rolephrase(pp, q, &len) > r)
					r = rolephrase(pp, q, &len);
			/* "the speech delivered by X during his visit" is not this meeting's */
			if (r == ROLE_SPOKE)
				r = ROLE_MENTIONED;
			/* "Entrusted by X, Y presided": no role before "by", so only X is its agent;
			 * Y opens the clause */
			if (r == ROLE_MENTIONED && nl > 1 && ispunct_(pp, second - 1, ',')) {
				last = list[0];
				i = second - 1;
				continue;
			}
			for (int q = 0; q < nl; q++)
				setrole(pp, list[q], r);
		} else if (opener(pp, b) || intro < b) {
			unsigned r = roles(pp, nx, clauseend(pp, nx));
			/* "attended by 500 people including A and B", "The attendees include A":
			 * the verb or the noun before the list */
			if (!r && intro < b && intro > s0) {
				r = roles(pp, s0, intro);
				if (!r && attendees(pp, s0, intro))
					r = 1u << ROLE_ATTENDED;
			}
			for (int q = 0; q < nl; q++) {
				setroles(pp, list[q], r);
				if (!r && np < 64)
					pend[np++] = list[q];
			}
			if (r) {
				for (int q = 0; q < np; q++)
					setroles(pp, pend[q], r);
				np = 0;
			}
		} else if (b > s0 + 1 && (tokis(pp, b - 1, "were") || tokis(pp, b - 1, "was"))) {
			/* the verb first: "Attending the meeting were X and Y" */
			unsigned r = roles(pp, s0, b);
			if (!r && (tokis(pp, s0, "attending") || tokis(pp, b - 2, "present")))
				r = 1u << ROLE_ATTENDED;
			for (int q = 0; q < nl; q++)
				setroles(pp, list[q], r);
		} else if (b > s0 && (tokis(pp, b - 1, "said") || tokis(pp, b - 1, "says") ||
		    tokis(pp, b - 1, "stressed") || tokis(pp, b - 1, "noted"))) {
			/* "... ," said Li Jun */
			for (int q = 0; q < nl; q++)
				setrole(pp, list[q], ROLE_SPOKE);
		}
		last = list[nl - 1];
		i = nx > i ? nx - 1 : i;
	}
}

/* "Reporter: Chen Yutong", "(Editor: Wang Lu)" in the header or footer: named, not acting */
static void
bylines(struct people *pp, const char *const *lines, size_t nlines)
{
	static const char *const keys[] = { "reporter", "reporters", "editor", "editors",
		"author", "authors", "writer", "correspondent", "photo", "photographer",
		"translator", "responsible editor", "chief editor" };
	size_t l, k, i;

	for (l = 0; l < nlines; l++) {
		const char *s = lines[l];
		size_t n = strlen(s), kn;
		if (n && (*s == '(' || *s == '['))
			s++, n--;
		if (!(kn = meta_key_at(s, n))) {
			/* a line that is a name alone, as an author's under the headline */
			pp->s = s;
			pp->n = n;
			tokenize(pp, s, n);
			if (pp->nt == 2 && chinesename(pp, 0)) {
				int p = addperson(pp, s, n, TLEN(0));
				pp->p[p].mentions++;
			}
			continue;
		}
		for (k = 0; k < sizeof keys / sizeof keys[0]; k++)
			if (has_prefix(s, n, keys[k]) && (s[strlen(keys[k])] == ':' ||
			    s[strlen(keys[k])] == ' ' || (unsigned char)s[strlen(keys[k])] == 0xEF))
				break;
		if (k == sizeof keys / sizeof keys[0])
			continue;
		size_t keyn = strlen(keys[k]);
		pp->s = s;
		pp->n = n;
		tokenize(pp, s, n);
		for (i = 0; i + 1 < pp->nt; i++)
			if (pp->t[i].at >= kn && chinesename(pp, i)) {
				size_t len = pp->t[i + 1].at + TLEN(i + 1) - pp->t[i].at;
				int p = addperson(pp, TOK(i), len, TLEN(i));
				pp->p[p].mentions++;
				addtitle(pp, p, s, keyn);
				i++;
			}
	}
}

/* Bylines are read with a token array of their own, so that the body's tokens (and the names
 * marked in them) stay for people_speaker() */
static void
allbylines(struct people *pp, const struct article *a)
{
	struct tok *bt = pp->t;
	size_t bnt = pp->nt, bcap = pp->capt;

	pp->t = pp->ht;
	pp->capt = pp->capht;
	pp->nt = 0;
	bylines(pp, a->header, a->nheader);
	bylines(pp, a->footer, a->nfooter);
	pp->ht = pp->t;
	pp->capht = pp->capt;
	pp->t = bt;
	pp->nt = bnt;
	pp->capt = bcap;
	pp->s = a->body;
	pp->n = a->bodyn;
}

/* Was person k named as a Chinese name is, the surname its first word? */
static int
chinese(const struct people *pp, size_t k)
{
	const struct person *p = &pp->p[k];
	const char *name = pp->text.p + p->name, *sp = memchr(name, ' ', p->namen);

	return !sp || p->surn == (size_t)(sp - name);
}

/* A name not Chinese that the article gave in full with its context ("Mr. José Muñoz"),
 * written bare elsewhere ("José Muñoz said"): the same person, before or after. Returns
 * whether it found one. */
static int
knownnames(struct people *pp)
{
	size_t i, k, nother = 0;
	int found = 0;

	for (k = 0; k < pp->np; k++)
		nother += !chinese(pp, k);
	if (!nother)
		return 0;
	for (i = 0; i < pp->nt; i++) {
		if (pp->t[i].kind != T_WORD || !pp->t[i].cap || pp->t[i].person >= 0)
			continue;
		for (k = 0; k < pp->np; k++) {
			const struct person *p = &pp->p[k];
			const char *name = pp->text.p + p->name;
			size_t q = i, off = 0;
			if (name[0] != TOK(i)[0] || chinese(pp, k))
				continue;
			/* the name's words, one token each, with single spaces */
			while (q < pp->nt && pp->t[q].kind == T_WORD && off + TLEN(q) <= p->namen &&
			    !memcmp(name + off, TOK(q), TLEN(q)) && pp->t[q].person < 0) {
				off += TLEN(q);
				q++;
				if (off == p->namen || name[off] != ' ')
					break;
				off++;
			}
			if (off != p->namen || (q < pp->nt && pp->t[q].kind == T_WORD && pp->t[q].cap))
				continue;
			mark(pp, i, (int)k, (int)(q - i), 1);
			for (size_t w = i + 1; w < q; w++)
				pp->t[w].person = (int)k;
			i = q - 1;
			found = 1;
			break;
		}
	}
	return found;
}

/* The people in order of first mention: the headline's first (nhead of them), then the
 * body's by their first token, whichever pass found them */
static void
reorder(struct people *pp, size_t nhead)
{
	size_t i, k, n = pp->np;
	size_t *first, *perm;
	int *inv;
	int sorted = 1;

	if (n < 2)
		return;
	first = ecalloc(n, sizeof *first);
	for (k = 0; k < n; k++)
		first[k] = k < nhead ? 0 : (size_t)-1;
	for (i = pp->nt; i-- > 0; )
		if (pp->t[i].person >= 0 && pp->t[i].mlen && (size_t)pp->t[i].person >= nhead)
			first[pp->t[i].person] = i + 1;
	for (k = 1; k < n && sorted; k++)
		sorted = first[k - 1] <= first[k];
	if (sorted) {
		free(first);
		return;
	}
	perm = ecalloc(n, sizeof *perm);
	inv = ecalloc(n, sizeof *inv);
	for (k = 0; k < n; k++)
		perm[k] = k;
	for (k = 1; k < n; k++) {	/* insertion sort, stable: few people */
		size_t v = perm[k], q = k;
		while (q > 0 && first[perm[q - 1]] > first[v]) {
			perm[q] = perm[q - 1];
			q--;
		}
		perm[q] = v;
	}
	struct person *np = emalloc(n * sizeof *np);
	for (k = 0; k < n; k++) {
		np[k] = pp->p[perm[k]];
		inv[perm[k]] = (int)k;
	}
	memcpy(pp->p, np, n * sizeof *np);
	free(np);
	for (i = 0; i < pp->nt; i++)
		if (pp->t[i].person >= 0)
			pp->t[i].person = inv[pp->t[i].person];
	free(first);
	free(perm);
	free(inv);
}

/* A name the headline gives in two words ("Li Le", its capitals hiding the rest: "Li Le An
 * Inspects ...") that the body gives with its given name in two parts ("Li Le An") is one
 * person, named as the body names them: the body's person is merged into the headline's. */
static void
headlineparts(struct people *pp, size_t nhead)
{
	size_t h, b, i;

	for (h = 0; h < nhead; h++) {
		const struct person *ph = &pp->p[h];
		const char *hn = pp->text.p + ph->name;
		for (b = nhead; b < pp->np; b++) {
			const struct person *pb = &pp->p[b];
			const char *bn = pp->text.p + pb->name;
			if (pb->namen <= ph->namen + 1 || memcmp(bn, hn, ph->namen) ||
			    bn[ph->namen] != ' ' || pb->surn != ph->surn || !chinese(pp, h) ||
			    memchr(bn + ph->namen + 1, ' ', pb->namen - ph->namen - 1))
				continue;	/* one word more, no more */
			pp->p[h].name = pb->name;
			pp->p[h].namen = pb->namen;
			pp->p[h].mentions += pb->mentions;
			buf_free(&pp->p[b].titles);
			memmove(pp->p + b, pp->p + b + 1, (pp->np - b - 1) * sizeof *pp->p);
			pp->np--;
			for (i = 0; i < pp->nt; i++) {
				if (pp->t[i].person == (int)b)
					pp->t[i].person = (int)h;
				else if (pp->t[i].person > (int)b)
					pp->t[i].person--;
			}
			break;
		}
	}
}

void
people_names(struct people *pp, const struct article *a)
{
	size_t i;

	for (i = 0; i < pp->np; i++)
		buf_free(&pp->p[i].titles);
	pp->np = 0;
	pp->text.n = 0;
	/* names in the headline count, but roles come from the body: the headline may speak of
	 * another event */
	pp->lower = 0;
	if (a->title) {
		pp->s = a->title;
		pp->n = a->titlen;
		tokenize(pp, a->title, a->titlen);
		findnames(pp, 0);
	}
	pp->s = a->body;
	pp->n = a->bodyn;
	tokenize(pp, a->body, a->bodyn);
	/* a page written in lower case (fewer than one word in fifty capitalised): its names
	 * may be in lower case too */
	pp->lower = pp->words >= 20 && pp->caps * 50 < pp->words;
	/* line breaks are tokens too: they end sentences */
	size_t nhead = pp->np;
	findnames(pp, 1);
	headlineparts(pp, nhead);
	findrefs(pp);
	size_t nfound = pp->np;
	listnames(pp);
	/* findnames() found the people in order; the later passes may not */
	if (knownnames(pp) || pp->np > nfound)
		reorder(pp, nhead);
}

void
people_analyse(struct people *pp, const struct article *a)
{
	people_names(pp, a);
	analyse(pp);
	allbylines(pp, a);
}

void
people_free(struct people *pp)
{
	size_t i;

	for (i = 0; i < pp->capp && i < pp->np; i++)
		buf_free(&pp->p[i].titles);
	free(pp->p);
	free(pp->t);
	free(pp->ht);
	buf_free(&pp->text);
	memset(pp, 0, sizeof *pp);
}

/* ---- the speaker of a list (extract-directives) ---- */

/* How far back (in tokens) the speaker of a list is looked for: a bound on the work per list,
 * whatever the length of a paragraph */
#define LOOKBACK 1500

enum { SUBJ_NONE = -1, SUBJ_NULL = -2, SUBJ_REPORT = -3 };

/* A noun that names what a list holds: "put forward five requirements", "three points" */
int
people_listnoun(const char *s, size_t n)
{
	static const char *const nouns[] = { "actions", "arrangements", "aspects", "demands",
		"expectations", "hopes", "instructions", "measures", "opinions", "points",
		"principles", "priorities", "proposal", "proposals", "requests", "requirement",
		"requirements", "respects", "suggestions", "tasks", "things", "thoughts" };
	size_t k;

	if (n < 4 || n > 12)
		return 0;
	for (k = 0; k < sizeof nouns / sizeof nouns[0]; k++)
		if ((s[0] | 0x20) == nouns[k][0] && strlen(nouns[k]) == n && has_prefix(s, n, nouns[k]))
			return 1;
	return 0;
}

/* A verb of speech at token i: one of the role of speaking ("stressed", "put forward"), or
 * in the present tense as a meeting's decisions are told ("The meeting requires ...") */
static int
speechverb(const struct people *pp, size_t i)
{
	static const char *const present[] = { "asks", "calls", "demands", "emphasises",
		"emphasizes", "hopes", "instructs", "notes", "proposes", "requests", "requires",
		"stresses", "underlines", "urges" };
	size_t len, k;

	if (pp->t[i].kind != T_WORD)
		return 0;
	if (rolephrase(pp, i, &len) == ROLE_SPOKE)
		return 1;
	if (TLEN(i) < 4 || TOK(i)[TLEN(i) - 1] != 's')
		return 0;
	if ((tokis(pp, i, "points") && tokis(pp, i + 1, "out")) ||
	    (tokis(pp, i, "puts") && tokis(pp, i + 1, "forward")))
		return 1;
	for (k = 0; k < sizeof present / sizeof present[0]; k++)
		if (tokisn(pp, i, present[k], strlen(present[k])))
			return 1;
	return 0;
}

/* Does the clause in tokens [i, e) say something: a verb of speech, or a list it puts? */
static int
speaks(const struct people *pp, size_t i, size_t e)
{
	for (; i < e && !ispunct_(pp, i, ';'); i++)
		if (pp->t[i].kind == T_WORD && (speechverb(pp, i) ||
		    people_listnoun(TOK(i), TLEN(i))))
			return 1;
	return 0;
}

/* The person a "he" or "she" at token i stands for: the last one named before it as the
 * subject of a clause, else the last one named */
static int
antecedent(const struct people *pp, size_t i)
{
	int any = -1;
	size_t last, lim = i > LOOKBACK ? i - LOOKBACK : 0;

	while (i-- > lim) {
		if (pp->t[i].person < 0 || !pp->t[i].mlen)
			continue;
		if (opener(pp, mentionstart(pp, i, i > 0 ? posttitle(pp, i - 1, &last) : i)))
			return pp->t[i].person;
		if (any < 0)
			any = pp->t[i].person;
	}
	return any;
}

/* Where a possessor before token b starts ("The Group's" in "The Group's deputy Party
 * secretary Li ..."): up to five words before "'s"; b if there is no "'s" before b */
static size_t
possessor(const struct people *pp, size_t b)
{
	size_t q, len;

	if (b < 3 || !tokis(pp, b - 1, "s") || !(ispunct_(pp, b - 2, '\'') ||
	    (pp->t[b - 2].kind == T_PUNCT && punctis(pp, b - 2, "’"))))
		return b;
	for (q = b - 2; q > 0 && q + 5 > b - 2 && pp->t[q - 1].kind == T_WORD &&
	    pp->t[q - 1].person < 0 && rolephrase(pp, q - 1, &len) == ROLE_MENTIONED; q--)
		;
	return q < b - 2 ? q : b;
}

/* Is the word of token i all in capitals ("CAI")? */
static int
allcaps(const struct people *pp, size_t i)
{
	size_t k;

	if (TLEN(i) < 2)
		return 0;
	for (k = 0; k < TLEN(i); k++)
		if (!isupper_(TOK(i)[k]))
			return 0;
	return 1;
}

/* A name in a form the names of the article were not found in, at token i, as the subject
 * of a clause that says something: a surname in capitals and a given name in any case
 * ("CAI jun, general manager of ..."), or a surname alone or with its given name after a post
 * in any case ("general manager wei pointed out", "Deputy Director Xu stressed"). Returns
 * its length in tokens, else 0. */
static int
plainname(const struct people *pp, size_t i)
{
	size_t g = i + 1, len;

	if (pp->t[i].kind != T_WORD || pp->t[i].person >= 0 ||
	    !lex_has(LEX_SURNAME, TOK(i), TLEN(i)) || (TOK(i)[0] == 'h' && tokis(pp, i, "he")))
		return 0;	/* "he" in lower case is the pronoun */
	int given = g < pp->nt && pp->t[g].kind == T_WORD && pp->t[g].person < 0 &&
	    !allcaps(pp, g) && lex_pinyin_name(TOK(g), TLEN(g)) &&
	    !lex_has(LEX_ORG, TOK(g), TLEN(g)) && rolephrase(pp, g, &len) == ROLE_MENTIONED;
	size_t after = given ? g + 1 : g;
	/* what follows: a verb of speech or the comma of an appositive */
	if (after >= pp->nt || !(ispunct_(pp, after, ',') || (pp->t[after].kind == T_WORD &&
	    rolephrase(pp, after, &len) == ROLE_SPOKE)))
		return 0;
	if (allcaps(pp, i) && given)
		return 2;
	/* "zhang jianguo, general manager of ..." on an all-lower-case page */
	if (!pp->t[i].cap && given && ispunct_(pp, after, ',') && after + 1 < pp->nt &&
	    !pp->t[after + 1].cap && postsegment(pp, after + 1, 0))
		return 2;
	if (i > 0 && ispostword(pp, i - 1) && !ispunct_(pp, after, ',') &&
	    (!pp->t[i].cap || !given))
		return given ? 2 : 1;
	return 0;
}

/* The person named by tokens [i, i + len) in a form plainname() found: the one the article
 * names in full with that surname (any case), else a new one, as written */
static int
plainperson(struct people *pp, size_t i, int len)
{
	size_t q, e = i + (size_t)len - 1, n = pp->t[e].at + TLEN(e) - pp->t[i].at;
	int k = -1;

	for (q = 0; q < pp->np && len == 1; q++) {
		const struct person *p = &pp->p[q];
		const char *name = pp->text.p + p->name, *w = TOK(i);
		size_t c;
		if (p->surn != TLEN(i) || p->namen <= p->surn)
			continue;
		for (c = 0; c < p->surn && (name[c] | 0x20) == (w[c] | 0x20); c++)
			;
		if (c == p->surn) {
			k = (int)q;
			break;
		}
	}
	if (k < 0)
		k = addperson(pp, TOK(i), n, TLEN(i));
	mark(pp, i, k, len, len > 1);
	for (q = i + 1; q <= e; q++)
		pp->t[q].person = k;
	return k;
}

/* From token i at an opener: a noun phrase that is no person, then a verb of speech ("The
 * enlarged meeting of the Party committee also stressed", "Personnel from relevant
 * departments put forward", "The meeting, chaired by X, put forward"): SUBJ_NULL, or
 * SUBJ_REPORT for "the report" or "the speech"; else SUBJ_NONE (a person, another verb,
 * a clause that is no subject: "After the meeting, ...") */
static int
bodysubject(const struct people *pp, size_t i, size_t e)
{
	size_t nx, len, words = 0;
	int who = SUBJ_NULL;

	for (nx = i; nx < e && words < 10; nx++) {
		if (ispunct_(pp, nx, ',') && nx > i && nx + 1 < e && pp->t[nx + 1].kind == T_WORD &&
		    (tokis(pp, nx + 1, "which") || tokis(pp, nx + 1, "chaired") ||
		    tokis(pp, nx + 1, "presided") || tokis(pp, nx + 1, "hosted") ||
		    tokis(pp, nx + 1, "led") || tokis(pp, nx + 1, "held"))) {
			/* an aside between the subject and its verb */
			size_t q = nx + 1;
			while (q < e && q < nx + 20 && !ispunct_(pp, q, ','))
				q++;
			if (q >= e || !ispunct_(pp, q, ','))
				return SUBJ_NONE;
			nx = q;
			continue;
		}
		if (pp->t[nx].kind != T_WORD) {
			if (ispunct_(pp, nx, '\'') || (pp->t[nx].kind == T_PUNCT &&
			    punctis(pp, nx, "’")))
				continue;
			return SUBJ_NONE;
		}
		if (pp->t[nx].person >= 0 && pp->t[nx].mlen && who == SUBJ_REPORT) {
			/* "The speech of Party secretary Li Qiang put forward": the report's */
			size_t last, st = posttitle(pp, nx - 1, &last);
			if (st > i && (tokis(pp, st - 1, "of") || tokis(pp, st - 1, "by"))) {
				who = pp->t[nx].person;
				nx += (size_t)pp->t[nx].mlen - 1;
				continue;
			}
		}
		if (pp->t[nx].person >= 0 || tokis(pp, nx, "he") || tokis(pp, nx, "she") ||
		    plainname(pp, nx))
			return SUBJ_NONE;
		if (speechverb(pp, nx))
			return nx > i ? who : SUBJ_NONE;
		/* "The leaders attending the meeting put forward ..." */
		int r = rolephrase(pp, nx, &len);
		if ((r != ROLE_MENTIONED && !(tokis(pp, nx, "attending") && nx > i)) ||
		    (tokis(pp, nx, "by") && who != SUBJ_REPORT))
			return SUBJ_NONE;
		/* a surname after a post may be a person ("Secretary Wang") */
		if (pp->t[nx].cap && nx > i && ispostword(pp, nx - 1) &&
		    lex_has(LEX_SURNAME, TOK(nx), TLEN(nx)))
			return SUBJ_NONE;
		if (tokis(pp, nx, "report") || tokis(pp, nx, "speech"))
			who = SUBJ_REPORT;
		words++;
	}
	return SUBJ_NONE;
}

/* The speaker of the sentence in tokens [s0, e): the first subject that opens a clause which
 * says something. A person's index, SUBJ_NULL for a meeting, a document or another body
 * ("The meeting required", "It stressed", "Personnel from relevant departments put
 * forward"), SUBJ_REPORT for "the report" or "the speech", or SUBJ_NONE when no one speaks
 * there ("All units should ..."). Names in forms the article's names were not found in
 * (plainname()) are added to the people. */
static int
sentspeaker(struct people *pp, size_t s0, size_t e)
{
	size_t i, nx, last, from, to;
	int who, len;

	for (i = s0; i < e; i++) {
		if (pp->t[i].kind != T_WORD)
			continue;
		int k = pp->t[i].person;
		if (k < 0 && (len = plainname(pp, i))) {
			size_t st = i > 0 ? posttitle(pp, i - 1, &last) : i;
			size_t b = mentionstart(pp, i, st);
			if (opener(pp, b) || opener(pp, possessor(pp, b)))
				k = plainperson(pp, i, len);
		}
		if (k >= 0 && pp->t[i].mlen) {
			size_t st = i > 0 ? posttitle(pp, i - 1, &last) : i;
			size_t j = i + (size_t)pp->t[i].mlen;
			size_t b = mentionstart(pp, i, st);
			/* the subject: opening a clause, after its post and a possessor ("The
			 * Group's deputy Party secretary Li ..."); or of a relative clause ("...
			 * presided over by Li Qiang, who put forward ...") */
			if (!opener(pp, b) && !opener(pp, possessor(pp, b))) {
				nx = appositive(pp, j, 0, &from, &to);
				if (ispunct_(pp, nx, ',') && tokis(pp, nx + 1, "who") &&
				    speaks(pp, nx + 2, clauseend(pp, nx + 2) < e ? clauseend(pp, nx + 2) : e))
					return k;
				i = j - 1;
				continue;
			}
			nx = appositive(pp, j, 0, &from, &to);
			/* "by X": the agent of the verb before it, not a subject */
			who = k;
		} else if ((tokis(pp, i, "he") || tokis(pp, i, "she")) && (opener(pp, i) ||
		    (pp->t[i - 1].kind == T_PUNCT && (TOK(i - 1)[0] == '"' ||
		    punctis(pp, i - 1, "“"))))) {
			who = antecedent(pp, i);
			nx = i + 1;
		} else if (opener(pp, i)) {
			/* "The meeting (also) pointed out", "The report put forward", "It stressed",
			 * "Personnel from relevant departments put forward" */
			if ((who = bodysubject(pp, i, e)) != SUBJ_NONE)
				return who;
			continue;
		} else
			continue;
		/* what the subject's own clause says: "A presided and B put forward ..." is B's */
		size_t ce = clauseend(pp, nx);
		if (speaks(pp, nx, ce < e ? ce : e))
			return who;
	}
	return SUBJ_NONE;
}

/* Who presented "the report" (or "the speech") a sentence before token i refers to: the
 * speaker of the last sentence before it that names a report or speech delivered, made or
 * presented */
static int
presenter(struct people *pp, size_t i)
{
	size_t s0, j, lim = i > LOOKBACK ? i - LOOKBACK : 0;

	while (i-- > lim) {
		if (!(tokis(pp, i, "report") || tokis(pp, i, "speech")))
			continue;
		/* "the report delivered by X" */
		for (j = i + 1; j < pp->nt && j < i + 4 && pp->t[j].kind == T_WORD; j++)
			if (tokis(pp, j, "by") && j + 1 < pp->nt && pp->t[j + 1].person >= 0)
				return pp->t[j + 1].person;
		for (s0 = i; s0 > lim && !sentend(pp, s0 - 1); s0--)
			;
		int who = sentspeaker(pp, s0, i + 1);
		if (who >= 0)
			return who;
	}
	return -1;
}

/* A list inside a quotation ("... Thirdly, we must ...," said Li Jun), from token m: the
 * person named with "said" after the quotation closes, in the same paragraph; else SUBJ_NONE */
static int
quotedby(const struct people *pp, size_t m)
{
	size_t i;

	for (i = m; i < pp->nt && i < m + LOOKBACK && !ispunct_(pp, i, '\n'); i++)
		if (pp->t[i].kind == T_PUNCT && (TOK(i)[0] == '"' || punctis(pp, i, "”")))
			break;
	if (i >= pp->nt || ispunct_(pp, i, '\n'))
		return SUBJ_NONE;
	size_t q = i + 1;
	if (ispunct_(pp, q, ','))
		q++;
	/* ", said Li Jun" or ", Li Jun said" */
	if ((tokis(pp, q, "said") || tokis(pp, q, "stressed") || tokis(pp, q, "added") ||
	    tokis(pp, q, "noted") || tokis(pp, q, "emphasized")) && q + 1 < pp->nt) {
		size_t last, st = posttitle(pp, q, &last);
		for (i = st; i < pp->nt && i < st + 8 && pp->t[i].person < 0; i++)
			if (pp->t[i].kind != T_WORD)
				break;
		if (i < pp->nt && pp->t[i].person >= 0)
			return pp->t[i].person;
	}
	if (q < pp->nt && pp->t[q].person >= 0 && pp->t[q].mlen) {
		size_t v = q + (size_t)pp->t[q].mlen;
		if (tokis(pp, v, "said") || tokis(pp, v, "stressed") || tokis(pp, v, "added"))
			return pp->t[q].person;
	}
	return SUBJ_NONE;
}

/* Does the sentence in tokens [s0, e) announce a list: a noun of lists, "the following", or
 * a colon at its end? */
static int
announces(const struct people *pp, size_t s0, size_t e)
{
	size_t i;

	for (i = s0; i < e; i++)
		if (pp->t[i].kind == T_WORD && (tokis(pp, i, "following") ||
		    people_listnoun(TOK(i), TLEN(i))))
			return 1;
	while (e > s0 && pp->t[e - 1].kind == T_PUNCT && !ispunct_(pp, e - 1, ':'))
		e--;
	return e > s0 && ispunct_(pp, e - 1, ':');
}

int
people_speaker(struct people *pp, size_t off, size_t from, int quoted)
{
	size_t lo = 0, hi = pp->nt, e, s0;
	int who, paras = 0;

	while (lo < hi) {	/* the first token at or after off */
		size_t mid = lo + (hi - lo) / 2;
		if (pp->t[mid].at < off)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (quoted && (who = quotedby(pp, lo)) >= 0)
		return who;
	/* back from the marker, sentence by sentence, to the start of the paragraph before the
	 * one before; further back (not before from, where the last list ended) only to a
	 * sentence that announces a list ("X put forward the following requirements:" and
	 * paragraphs of explanation before the items) */
	size_t lim = lo > LOOKBACK ? lo - LOOKBACK : 0;
	while (lim < lo && pp->t[lim].at < from)
		lim++;
	for (e = lo; ; e = s0 - 1) {
		for (s0 = e; s0 > lim && !sentend(pp, s0 - 1); s0--)
			;
		if (paras <= 2 || announces(pp, s0, e)) {
			who = sentspeaker(pp, s0, e);
			if (who == SUBJ_REPORT)
				return presenter(pp, s0);
			if (who != SUBJ_NONE)
				return who >= 0 ? who : -1;
		}
		if (s0 <= lim || (ispunct_(pp, s0 - 1, '\n') && ++paras > 6))
			return -1;
	}
}

/* The key of a name: each word with its first ASCII letter in capitals and the rest in lower
 * case, a hyphen between two letters dropped, words separated by one space. "CAI Jun", "Cai
 * Jun", "cai  jun" and "Cai-Jun"'s given name forms meet: "Wei Sai-ming" and "WEI Saiming" both
 * give "Wei Saiming". Bytes that are not ASCII letters are kept as they are. */
void
person_key(struct buf *b, const char *s, size_t n)
{
	size_t i = 0, sp;
	int inword = 0, first = 1;
	char *o;

	trim(&s, &n);
	buf_grow(b, n);	/* the key is never longer than the name */
	o = b->p + b->n;
	while (i < n) {
		unsigned char c = (unsigned char)s[i];
		if ((c <= ' ' || c >= 0x80) && is_space_at(s + i, n - i, &sp)) {
			i += sp;
			inword = 0;
			continue;
		}
		if (!inword && !first)
			*o++ = ' ';
		if (c == '-' && inword && i + 1 < n && is_alpha(s[i + 1]) && is_alpha(s[i - 1])) {
			i++;
			continue;
		}
		if (is_alpha((char)c))
			*o++ = (char)(inword ? c | 0x20 : c & ~0x20);
		else
			*o++ = (char)c;
		inword = 1;
		first = 0;
		i++;
	}
	b->n = (size_t)(o - b->p);
	*o = '\0';
}
