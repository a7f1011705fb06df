/* extract-directives: a directive record for every item of each enumerated list of
 * requirements an article reports ("put forward five requirements. First, ... Second, ..."),
 * with the list's speaker, the item's number, the count the text announced and the item's
 * text. */
#include <stdlib.h>
#include <string.h>

#include "readout.h"

/* The forms of a marker */
enum {
	F_ORD,   /* First, */
	F_LY,    /* Firstly, */
	F_ALL,   /* First of all, (item 1 only when a second follows) */
	F_IS,    /* One is to, The second is to, The third was */
	F_CARD,  /* Six, */
	F_NUM,   /* 1. 2) (3) ① */
	F_LAST   /* Lastly, And finally, (the last item of a count announced) */
};

/* What comes before a marker */
enum {
	B_NONE,  /* a word: not a place for a marker ("the meeting firstly reported") */
	B_PARA,  /* the start of a paragraph */
	B_SENT,  /* the end of a sentence */
	B_COLON,
	B_SEMI,  /* ";", "; and", ", and" */
	B_QUOTE, /* an opening quotation mark */
	B_COMMA, /* "requested, firstly, to ..." */
	B_THAT   /* "emphasized that firstly, ..." */
};

struct mark {
	size_t at;    /* where the marker starts */
	size_t mend;  /* where the marker as written ends (before its comma) */
	size_t text;  /* where the item's text starts */
	size_t para;  /* its paragraph */
	int n;        /* its number */
	int form;
	int family;   /* which markers may follow it in a list: words, or one style of numeral */
	int list;     /* the list it is an item of, or -1 */
	int depth;    /* 0, or 1 in a list inside an item of another ("(1)" in "Third, ...") */
	size_t end;   /* where its item can end at the latest: the next item's marker */
	size_t pend;  /* the end of its paragraph */
	long next;    /* the next item of its list, or -1 */
	long parent;  /* for the first item of a list inside another: that one's item */
};

struct item {
	size_t at, end; /* the text */
	const struct mark *m;
};

struct state {
	struct people pp;
	struct mark *m;       /* the markers of the article */
	size_t nm, capm;
	struct mark *lm;      /* those of one list */
	size_t caplm;
	struct item *it;
	size_t capit;
	struct buf warn;
	size_t prevend;  /* where the article's last list ended */
	int named;       /* pp holds the article's names */
};


/* The words of numbers up to twelve (first, firstly, one ...) by their first letter, each with
 * its length, its number and its kind, for numword() */
enum { NW_ORD = 1, NW_LY, NW_CARD };
struct numword { const char *w; unsigned char len, n, kind; };
static const struct numword nw_f[] = { { "first", 5, 1, NW_ORD }, { "firstly", 7, 1, NW_LY },
	{ "four", 4, 4, NW_CARD }, { "fourth", 6, 4, NW_ORD }, { "fourthly", 8, 4, NW_LY },
	{ "fifth", 5, 5, NW_ORD }, { "fifthly", 7, 5, NW_LY }, { "five", 4, 5, NW_CARD } };
static const struct numword nw_s[] = { { "second", 6, 2, NW_ORD }, { "secondly", 8, 2, NW_LY },
	{ "six", 3, 6, NW_CARD }, { "sixth", 5, 6, NW_ORD }, { "sixthly", 7, 6, NW_LY },
	{ "seven", 5, 7, NW_CARD }, { "seventh", 7, 7, NW_ORD }, { "seventhly", 9, 7, NW_LY } };
static const struct numword nw_t[] = { { "two", 3, 2, NW_CARD }, { "three", 5, 3, NW_CARD },
	{ "third", 5, 3, NW_ORD }, { "thirdly", 7, 3, NW_LY }, { "ten", 3, 10, NW_CARD },
	{ "tenth", 5, 10, NW_ORD }, { "tenthly", 7, 10, NW_LY }, { "twelve", 6, 12, NW_CARD },
	{ "twelfth", 7, 12, NW_ORD }, { "twelfthly", 9, 12, NW_LY } };
static const struct numword nw_e[] = { { "eight", 5, 8, NW_CARD }, { "eighth", 6, 8, NW_ORD },
	{ "eighthly", 8, 8, NW_LY }, { "eleven", 6, 11, NW_CARD }, { "eleventh", 8, 11, NW_ORD },
	{ "eleventhly", 10, 11, NW_LY } };
static const struct numword nw_n[] = { { "nine", 4, 9, NW_CARD }, { "ninth", 5, 9, NW_ORD },
	{ "ninthly", 7, 9, NW_LY } };
static const struct numword nw_o[] = { { "one", 3, 1, NW_CARD } };

/* The number the word s[0..w) names as an ordinal ("Second"), an -ly ordinal ("secondly")
 * or a cardinal ("two"), any case, with its kind in *kind; 0 if none */
static int
numword(const char *s, size_t w, int *kind)
{
	const struct numword *t;
	size_t nt, k, c;

	*kind = 0;
	if (w < 3 || w > 10)
		return 0;
	switch (s[0] | 0x20) {
	case 'f': t = nw_f, nt = sizeof nw_f / sizeof nw_f[0]; break;
	case 's': t = nw_s, nt = sizeof nw_s / sizeof nw_s[0]; break;
	case 't': t = nw_t, nt = sizeof nw_t / sizeof nw_t[0]; break;
	case 'e': t = nw_e, nt = sizeof nw_e / sizeof nw_e[0]; break;
	case 'n': t = nw_n, nt = sizeof nw_n / sizeof nw_n[0]; break;
	case 'o': t = nw_o, nt = 1; break;
	default: return 0;
	}
	for (k = 0; k < nt; k++) {
		if (t[k].len != w)
			continue;
		for (c = 1; c < w && (s[c] | 0x20) == t[k].w[c]; c++)
			;
		if (c == w) {
			*kind = t[k].kind;
			return t[k].n;
		}
	}
	return 0;
}

static int
isdigit_(char c)
{
	return c >= '0' && c <= '9';
}

/* The length of the ASCII word at s */
static size_t
wordlen(const char *s, size_t n)
{
	size_t i = 0;

	while (i < n && is_alpha(s[i]))
		i++;
	return i;
}

/* Compares the word s[0..n) (letters, any case) with w (lower case), as strcmp() */
static int
cmpword(const char *s, size_t n, const char *w)
{
	size_t i;

	for (i = 0; i < n && w[i]; i++)
		if ((s[i] | 0x20) != w[i])
			return (s[i] | 0x20) - w[i];
	return i < n ? 1 : w[i] ? -1 : 0;
}

/* Is the word s[0..n) (any case) in list, a list sorted as strcmp() sorts? */
static int
wordin(const char *s, size_t n, const char *const *list, size_t nlist)
{
	size_t lo = 0, hi = nlist;

	if (n == 0)
		return 0;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = cmpword(s, n, list[mid]);
		if (c == 0)
			return 1;
		if (c < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return 0;
}

/* Is the word s[0..n) (letters, any case) the word w (lower case) of wn letters? */
static inline int
eqword(const char *s, size_t n, const char *w, size_t wn)
{
	size_t i;

	if (n != wn)
		return 0;
	for (i = 0; i < n; i++)
		if ((s[i] | 0x20) != w[i])
			return 0;
	return 1;
}

/* Is the whole word w at s (any case)? */
static int
wordat(const char *s, size_t n, const char *w)
{
	size_t k = strlen(w);

	return n >= k && has_prefix(s, n, w) && (n == k || !is_alpha(s[k]));
}

static size_t
skipspace(const char *s, size_t n, size_t i)
{
	while (i < n && (s[i] == ' ' || s[i] == '\t'))
		i++;
	return i;
}

/* ---- markers ---- */

/* What comes before position i of the body */
static int
boundary(const char *s, size_t i)
{
	size_t j = i;
	const unsigned char *u = (const unsigned char *)s;

	while (j > 0 && (s[j - 1] == ' ' || s[j - 1] == '\t'))
		j--;
	if (j == 0 || s[j - 1] == '\n')
		return B_PARA;
	switch (s[j - 1]) {
	case '.': case '!': case '?':
		return B_SENT;
	case ':':
		return B_COLON;
	case ';':
		return B_SEMI;
	case ',':
		return B_COMMA;
	case '"': case '\'':
		/* opening right before the marker; closing after a sentence */
		if (j == i)
			return B_QUOTE;
		return j > 1 && (s[j - 2] == '.' || s[j - 2] == '!' || s[j - 2] == '?') ?
		    B_SENT : B_NONE;
	case '(': case '[':
		return B_QUOTE;
	}
	if (j >= 3 && u[j - 3] == 0xE2 && u[j - 2] == 0x80) {
		if (u[j - 1] == 0x9C || u[j - 1] == 0x98)	/* “ ‘ */
			return B_QUOTE;
		if ((u[j - 1] == 0x9D || u[j - 1] == 0x99) && j > 3 &&	/* .” */
		    (s[j - 4] == '.' || s[j - 4] == '!' || s[j - 4] == '?'))
			return B_SENT;
	}
	if (j >= 3 && u[j - 3] == 0xEF && u[j - 2] == 0xBC) {	/* fullwidth ： ； ， ！ ？ */
		switch (u[j - 1]) {
		case 0x9A: return B_COLON;
		case 0x9B: return B_SEMI;
		case 0x8C: return B_COMMA;
		case 0x81: case 0x9F: return B_SENT;
		}
	}
	if (j >= 3 && u[j - 3] == 0xE3 && u[j - 2] == 0x80 && u[j - 1] == 0x82)	/* 。 */
		return B_SENT;
	if (is_alpha(s[j - 1])) {
		size_t w = j;
		while (w > 0 && is_alpha(s[w - 1]))
			w--;
		if (j - w == 4 && has_prefix(s + w, 4, "that"))
			return B_THAT;
		if (j - w == 3 && has_prefix(s + w, 3, "and")) {
			while (w > 0 && s[w - 1] == ' ')
				w--;
			if (w > 0 && (s[w - 1] == ';' || s[w - 1] == ','))
				return B_SEMI;
		}
	}
	return B_NONE;
}

/* A comma or colon (ASCII or fullwidth) at s[i]: its length, else 0 */
static size_t
commaat(const char *s, size_t n, size_t i)
{
	const unsigned char *u = (const unsigned char *)s;

	if (i < n && (s[i] == ',' || s[i] == ':'))
		return 1;
	if (i + 2 < n && u[i] == 0xEF && u[i + 1] == 0xBC && (u[i + 2] == 0x8C || u[i + 2] == 0x9A))
		return 3;
	return 0;
}

/* "is to", "was", "are to" after the number of a "One is to" marker, at s[i] (after a space):
 * where the marker ends, else 0 */
static size_t
isto(const char *s, size_t n, size_t i)
{
	static const char *const nouns[] = { "aspect", "item", "measure", "one", "point",
		"requirement", "task", "thing" };
	size_t w = wordlen(s + i, n - i);

	int it = 0;

	if (wordin(s + i, w, nouns, sizeof nouns / sizeof nouns[0]))
		i = skipspace(s, n, i + w), w = wordlen(s + i, n - i);
	else if (wordat(s + i, w, "it"))	/* "3 it is to" */
		it = 1, i = skipspace(s, n, i + w), w = wordlen(s + i, n - i);
	if (!(wordat(s + i, w, "is") || wordat(s + i, w, "was") || wordat(s + i, w, "are") ||
	    wordat(s + i, w, "were")))
		return 0;
	int past = s[i] == 'w' || s[i] == 'W';
	i += w;
	size_t j = skipspace(s, n, i);
	if (j == i || j >= n || !is_alpha(s[j]))
		return 0;
	if (wordat(s + j, n - j, "to"))
		return j + 2;
	/* "The first was built in 2019" tells a fact; "The third is the ..." may be an item */
	return past || it ? 0 : i;
}

/* "to" and a verb after the number of a "one to take ..." marker, at s[i]: where the marker
 * ends (after "to"), else 0. Not "one to two years", "one to the other", "one to be built". */
static size_t
toverb(const char *s, size_t n, size_t i)
{
	static const char *const not[] = { "a", "all", "an", "another", "be", "each", "every",
		"her", "his", "its", "other", "our", "that", "the", "their", "these", "this", "those",
		"which", "whom" };
	size_t w, j;
	int kind;

	if (!wordat(s + i, n - i, "to"))
		return 0;
	j = skipspace(s, n, i + 2);
	if (j == i + 2 || j >= n || s[j] < 'a' || s[j] > 'z')
		return 0;
	w = wordlen(s + j, n - j);
	if (wordin(s + j, w, not, sizeof not / sizeof not[0]) ||
	    (numword(s + j, w, &kind) && kind != NW_LY))
		return 0;
	return i + 2;
}

/* "Lastly,", "Finally,", "Last but not least,", "And lastly,", "and finally," where a
 * clause starts, at s[i] (a word of w letters): fills m (n 0: assign() numbers it) and
 * returns 1, else 0 */
static int
lastmarker(const char *s, size_t n, size_t i, size_t w, struct mark *m)
{
	size_t j = i, c;
	int b;

	if (eqword(s + i, w, "and", 3)) {
		j = skipspace(s, n, i + w);
		if (j == i + w)
			return 0;
		w = wordlen(s + j, n - j);
	}
	if (eqword(s + j, w, "lastly", 6) || eqword(s + j, w, "finally", 7))
		j += w;
	else if (eqword(s + j, w, "last", 4) && has_prefix(s + j + w, n - j - w, " but not least"))
		j += w + 14;
	else
		return 0;
	if (!(c = commaat(s, n, j)))
		return 0;
	b = boundary(s, i);
	if (b != B_PARA && b != B_SENT && b != B_SEMI && b != B_COLON)
		return 0;
	m->n = 0;
	m->form = F_LAST;
	m->family = 0;
	m->mend = j;
	m->text = skipspace(s, n, j + c);
	return 1;
}

/* A marker at s[i]: fills m and returns 1, else 0. What comes before it (boundary()) is
 * looked at only once the word or number could be one. */
static int
marker(const char *s, size_t n, size_t i, struct mark *m)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t w, j, c;
	int k, b;

	m->at = i;
	m->family = 0;
	if (is_alpha(s[i])) {
		w = wordlen(s + i, n - i);
		if (eqword(s + i, w, "the", 3)) {	/* The second is to, the four is to */
			j = skipspace(s, n, i + w);
			size_t w2 = wordlen(s + j, n - j);
			if (j == i + w || !(k = numword(s + j, w2, &b)) || b == NW_LY)
				return 0;
			b = boundary(s, i);
			if (b != B_PARA && b != B_SENT && b != B_SEMI && b != B_COLON && b != B_QUOTE &&
			    b != B_COMMA)
				return 0;
			j = skipspace(s, n, j + w2);
			if (!(m->mend = isto(s, n, j)))
				return 0;
			/* after a comma only with its "to": "..., the second is to ..." */
			if (b == B_COMMA && !has_prefix(s + m->mend - 2, 2, "to"))
				return 0;
			m->n = k;
			m->form = F_IS;
			m->text = skipspace(s, n, m->mend);
			return 1;
		}
		c = (size_t)(s[i] | 0x20);
		if (c == 'a' || c == 'l') 	/* and lastly, lastly, last but not least */
			return lastmarker(s, n, i, w, m);
		if (c == 'f' && w == 7 && lastmarker(s, n, i, w, m))	/* finally */
			return 1;
		int kind, num = numword(s + i, w, &kind);
		int ord = kind == NW_ORD ? num : 0;
		int ly = kind == NW_LY ? num : 0;
		int card = kind == NW_CARD ? num : 0;
		if ((!ord && !ly && !card) || (b = boundary(s, i)) == B_NONE)
			return 0;
		j = i + w;
		if (ord == 1 && has_prefix(s + j, n - j, " of all") && (c = commaat(s, n, j + 7))) {
			m->n = 1;
			m->form = F_ALL;
			m->mend = j + 7;
			m->text = skipspace(s, n, j + 7 + c);
			return 1;
		}
		if ((c = commaat(s, n, j))) {
			if (card && b != B_PARA && b != B_SENT && b != B_SEMI && b != B_COLON)
				return 0;
			m->n = ord ? ord : ly ? ly : card;
			m->form = ord ? F_ORD : ly ? F_LY : F_CARD;
			m->mend = j;
			m->text = skipspace(s, n, j + c);
			return 1;
		}
		if (b != B_PARA && b != B_SENT && b != B_SEMI && b != B_COLON && b != B_QUOTE &&
		    b != B_COMMA)
			return 0;
		size_t sp = skipspace(s, n, j);
		if (sp == j)
			return 0;
		/* One is to; after a comma only with its "to": "..., two is to improve ..." */
		if ((ord || card) && (m->mend = isto(s, n, sp)) && (b != B_COMMA ||
		    (m->mend >= 2 && has_prefix(s + m->mend - 2, 2, "to")))) {
			m->n = ord ? ord : card;
			m->form = F_IS;
			m->text = skipspace(s, n, m->mend);
			return 1;
		}
		/* "one to take ...": the number, "to" and a verb */
		if ((ord || card) && (m->mend = toverb(s, n, sp))) {
			m->n = ord ? ord : card;
			m->form = F_IS;
			m->text = skipspace(s, n, m->mend);
			return 1;
		}
		if (b == B_COMMA || b == B_QUOTE || sp >= n || s[sp] < 'a' || s[sp] > 'z')
			return 0;
		/* "Secondly we should", "; thirdly the centre should": the -ly form needs no comma
		 * where a clause starts; "first we must": the ordinal none before a subject */
		if (ly || (ord && (wordat(s + sp, n - sp, "we") || wordat(s + sp, n - sp, "you") ||
		    wordat(s + sp, n - sp, "they") || wordat(s + sp, n - sp, "it")))) {
			m->n = ly ? ly : ord;
			m->form = ly ? F_LY : F_ORD;
			m->mend = j;
			m->text = sp;
			return 1;
		}
		return 0;
	}
	/* ① .. ⑳ */
	if (i + 2 < n && u[i] == 0xE2 && u[i + 1] == 0x91 && u[i + 2] >= 0xA0 && u[i + 2] <= 0xB3) {
		m->n = u[i + 2] - 0x9F;
		m->form = F_NUM;
		m->family = 4;
		m->mend = i + 3;
		m->text = skipspace(s, n, i + 3);
		return 1;
	}
	b = boundary(s, i);
	if (b != B_PARA && b != B_SENT && b != B_SEMI && b != B_COLON && b != B_QUOTE)
		return 0;
	/* 1. 2) 3、 (4) （5） */
	j = i;
	int paren = 0;
	if (s[j] == '(')
		paren = 1, j++;
	else if (j + 2 < n && u[j] == 0xEF && u[j + 1] == 0xBC && u[j + 2] == 0x88)
		paren = 1, j += 3;
	if (b == B_QUOTE && !paren && i > 0 && s[i - 1] == '(')
		return 0;	/* "(1" is read from its parenthesis */
	size_t d = j;
	while (j < n && j < d + 2 && isdigit_(s[j]))
		j++;
	if (j == d || (j < n && isdigit_(s[j])))
		return 0;
	k = atoi(s + d);
	if (k < 1 || k > 20)
		return 0;
	/* "3 it is to": a number written as the word would be */
	if (!paren && j + 1 < n && s[j] == ' ' && (c = isto(s, n, j + 1)) && c >= 2 &&
	    has_prefix(s + c - 2, 2, "to")) {
		m->n = k;
		m->form = F_IS;
		m->mend = c;
		m->text = skipspace(s, n, c);
		return 1;
	}
	if (j < n && s[j] == ')')
		j++;
	else if (j + 2 < n && u[j] == 0xEF && u[j + 1] == 0xBC && u[j + 2] == 0x89)
		j += 3;
	else if (paren)
		return 0;
	else if (j + 1 < n && s[j] == '.' && (s[j + 1] == ' ' || s[j + 1] == '\t' ||
	    (s[j + 1] >= 'A' && s[j + 1] <= 'Z')))
		j++;	/* "1. Move", and "1.Move" run on */
	else if (j + 2 < n && ((u[j] == 0xE3 && u[j + 1] == 0x80 && u[j + 2] == 0x81) ||
	    (u[j] == 0xEF && u[j + 1] == 0xBC && u[j + 2] == 0x8E)))
		j += 3;	/* 、 ． */
	else
		return 0;
	m->n = k;
	m->form = F_NUM;
	m->family = paren ? 3 : s[j - 1] == ')' || u[j - 1] == 0x89 ? 2 : s[j - 1] == '.' ? 1 : 5;
	m->mend = j;
	m->text = skipspace(s, n, j);
	return m->text < n && s[m->text] != '\n';
}

/* The bytes a marker can start with: the first letters of first, one, the, six, eleventh,
 * nine, and, lastly ..., digits, a parenthesis, the lead bytes of ① and （ */
static const unsigned char startch[256] = {
	['f'] = 1, ['F'] = 1, ['o'] = 1, ['O'] = 1, ['t'] = 1, ['T'] = 1, ['s'] = 1, ['S'] = 1,
	['e'] = 1, ['E'] = 1, ['n'] = 1, ['N'] = 1, ['a'] = 1, ['A'] = 1, ['l'] = 1, ['L'] = 1,
	['('] = 1, ['0'] = 1, ['1'] = 1, ['2'] = 1,
	['3'] = 1, ['4'] = 1, ['5'] = 1, ['6'] = 1, ['7'] = 1, ['8'] = 1, ['9'] = 1,
	[0xE2] = 1, [0xEF] = 1
};

/* The lengths of those words by their first letter (bit k: length k) */
static const unsigned lengths[26] = {
	['a' - 'a'] = 1u << 3,						/* and */
	['e' - 'a'] = 1u << 5 | 1u << 6 | 1u << 8 | 1u << 10,		/* eight .. eleventhly */
	['f' - 'a'] = 1u << 4 | 1u << 5 | 1u << 6 | 1u << 7 | 1u << 8,	/* four, first, finally */
	['l' - 'a'] = 1u << 4 | 1u << 6,				/* last, lastly */
	['n' - 'a'] = 1u << 4 | 1u << 5 | 1u << 7,			/* nine, ninth, ninthly */
	['o' - 'a'] = 1u << 3,						/* one */
	['s' - 'a'] = 1u << 3 | 1u << 5 | 1u << 6 | 1u << 7 | 1u << 8 | 1u << 9, /* six .. */
	['t' - 'a'] = 1u << 3 | 1u << 5 | 1u << 6 | 1u << 7 | 1u << 9,	/* the, two .. */
};

/* is_alpha() and is_alpha() or a digit, in fewer branches, for the scan of every byte */
static inline int
isletter(char c)
{
	return (unsigned)((c | 0x20) - 'a') < 26;
}

static inline int
isalnum_(char c)
{
	return (unsigned)((c | 0x20) - 'a') < 26 || (unsigned)(c - '0') < 10;
}

static void
findmarks(struct state *st, const char *s, size_t n)
{
	size_t i, para = 0;
	struct mark m;

	st->nm = 0;
	for (i = 0; i < n; ) {
		char c = s[i];
		size_t w = 1, run = 0;
		if (c == '\n') {
			para++;
			i++;
			continue;
		}
		if (isalnum_(c)) {
			/* a run of letters and digits: a marker only at its start, a word of a
			 * length a marker word has before anything slower */
			size_t j = i + 1;
			while (j < n && isletter(s[j]))
				j++;
			w = j - i;
			while (j < n && isalnum_(s[j]))
				j++;
			run = j - i;
			if (isletter(c) && (!startch[(unsigned char)c] || w > 10 ||
			    !(lengths[(c | 0x20) - 'a'] & 1u << w))) {
				i = j;
				continue;
			}
		} else if (i > 0 && (is_alpha(s[i - 1]) || isdigit_(s[i - 1]))) {
			i++;	/* "item(1)" */
			continue;
		}
		if (!startch[(unsigned char)c] || !marker(s, n, i, &m)) {
			i += run ? run : 1;
			continue;
		}
		m.para = para;
		if (st->nm == st->capm) {
			st->capm = st->capm ? st->capm * 2 : 32;
			st->m = erealloc(st->m, st->capm * sizeof *st->m);
		}
		st->m[st->nm++] = m;
		i = m.text > i ? m.text : i + 1;
	}
}

/* ---- items ---- */

/* The end of the paragraph that holds i */
static size_t
paraend(const char *s, size_t n, size_t i)
{
	const char *e = memchr(s + i, '\n', n - i);

	return e ? (size_t)(e - s) : n;
}

/* The start of the paragraph that holds i, or of its last 4 KiB before i: what is read
 * before a list stays bounded however long a paragraph is */
#define LOOKBACK 4096
static size_t
parastart(const char *s, size_t i)
{
	size_t lim = i > LOOKBACK ? i - LOOKBACK : 0;

	while (i > lim && s[i - 1] != '\n')
		i--;
	return i;
}

static int
isquoteend(const char *s, size_t n, size_t i)
{
	return s[i] == '"' || (i + 2 < n && !memcmp(s + i, "”", 3));
}

/* Is the list that starts at i inside a quotation opened before it in its paragraph? */
static int
inquote(const char *s, size_t i)
{
	size_t p = parastart(s, i);
	int open = 0, plain = 0;

	for (; p < i; p++)
		if (s[p] == '"')
			plain ^= 1;
		else if (!memcmp(s + p, "“", 3))
			open++;
		else if (!memcmp(s + p, "”", 3) && open)
			open--;
	return open || plain;
}

/* Trims the separator before the next marker: white space, ";", ",", "and", "or", an opening
 * parenthesis or quotation mark */
static size_t
trimend(const char *s, size_t at, size_t e)
{
	for (;;) {
		size_t e0 = e;
		while (e > at && (s[e - 1] == ' ' || s[e - 1] == '\t' || s[e - 1] == ';' ||
		    s[e - 1] == ',' || s[e - 1] == '(' || s[e - 1] == ':'))
			e--;
		if (e >= at + 3 && ((unsigned char)s[e - 3] == 0xEF && (unsigned char)s[e - 2] == 0xBC &&
		    ((unsigned char)s[e - 1] == 0x9B || (unsigned char)s[e - 1] == 0x8C)))
			e -= 3;	/* ； ， */
		if (e >= at + 4 && s[e - 4] == ' ' && has_prefix(s + e - 3, 3, "and"))
			e -= 3;
		else if (e >= at + 3 && s[e - 3] == ' ' && has_prefix(s + e - 2, 2, "or"))
			e -= 2;
		if (e == e0)
			return e;
	}
}

static size_t
nwords(const char *s, size_t n)
{
	size_t i, w = 0;

	for (i = 0; i < n; i++)
		if ((is_alpha(s[i]) || isdigit_(s[i]) || (unsigned char)s[i] >= 0xC0) &&
		    (i == 0 || !(is_alpha(s[i - 1]) || isdigit_(s[i - 1]) ||
		    (unsigned char)s[i - 1] >= 0x80 || s[i - 1] == '-' || s[i - 1] == '\'')))
			w++;
	return w;
}

/* Does the paragraph end as a text cut off does: without a sentence's last mark? */
static int
cutoff(const char *s, size_t at, size_t e)
{
	while (e > at && (s[e - 1] == ' ' || s[e - 1] == '\t'))
		e--;
	if (e == at)
		return 0;
	if (strchr(".!?;:)\"'", s[e - 1]))
		return 0;
	if (e >= at + 3 && ((unsigned char)s[e - 3] == 0xE2 || (unsigned char)s[e - 3] == 0xE3 ||
	    (unsigned char)s[e - 3] == 0xEF))
		return 0;	/* ” ’ … 。 ！ ？ and the like */
	return 1;
}

/* ---- what the list is ---- */

/* The start of the text that introduces a list whose first marker is at i: the sentence of
 * the marker and the one before it; the paragraph before when the marker opens its own */
static size_t
introstart(const char *s, size_t i)
{
	size_t p = parastart(s, i), k, sents = 0;

	if (p == i || p + 1 >= i) {
		if (p == 0)
			return 0;
		i = p - 1;
		p = parastart(s, i);
		sents = 1;
	}
	for (k = i; k > p; k--)
		if ((s[k - 1] == '.' || s[k - 1] == '!' || s[k - 1] == '?') && k < i &&
		    (s[k] == ' ' || is_alpha(s[k])) && ++sents == 2)
			return k;
	return p;
}

/* A sentence's end: . ! ? or a paragraph's */
static int
isstop(char c)
{
	return c == '.' || c == '!' || c == '?' || c == '\n';
}

/* Is the word s[0..w) a noun of lists (people_listnoun())? Most words are turned away by
 * their first and last letters first. */
static int
listnoun(const char *s, size_t w)
{
	/* the first letters of those nouns: actions, demands, expectations, hopes ... */
	static const unsigned initial = 1u << 0 | 1u << 3 | 1u << 4 | 1u << 7 | 1u << 8 |
		1u << 12 | 1u << 14 | 1u << 15 | 1u << 17 | 1u << 18 | 1u << 19;
	char last;

	if (w < 4 || w > 12 || !(initial & 1u << ((s[0] | 0x20) - 'a')))
		return 0;
	last = s[w - 1];
	return (last == 's' || last == 'l' || last == 't') && people_listnoun(s, w);
}

/* The count announced in s[a..e): the last number before a noun of lists ("five
 * requirements", "six thoughts and requirements", "three key actions") or "a four-point
 * proposal"; 0 if none */
static int
announced(const char *s, size_t a, size_t e)
{
	size_t i, j, w, w2;
	int count = 0, k, q;

	for (i = a; i < e; i++) {
		if (!(is_alpha(s[i]) || isdigit_(s[i])) || (i > a && (is_alpha(s[i - 1]) ||
		    isdigit_(s[i - 1]))))
			continue;
		if (isdigit_(s[i])) {
			for (w = i; w < e && isdigit_(s[w]); w++)
				;
			k = w - i <= 2 ? atoi(s + i) : 0;
			w -= i;
		} else {
			w = wordlen(s + i, e - i);
			k = numword(s + i, w, &q);
			if (q != NW_CARD)
				k = 0;
		}
		if (k < 2)
			continue;
		j = i + w;
		if (j < e && s[j] == '-') {	/* four-point, three-pronged */
			w2 = wordlen(s + j + 1, e - j - 1);
			if (wordat(s + j + 1, w2, "point") || wordat(s + j + 1, w2, "pronged") ||
			    wordat(s + j + 1, w2, "aspect"))
				count = k;
			continue;
		}
		/* up to three words, then the noun */
		for (q = 0; q < 4 && j < e; q++) {
			j = skipspace(s, e, j);
			w2 = wordlen(s + j, e - j);
			if (!w2)
				break;
			if (listnoun(s + j, w2)) {
				count = k;
				break;
			}
			j += w2;
		}
	}
	return count;
}

/* Does s[a..e) hold a verb of speech ("put forward", "stressed", "required")? */
static int
saysin(const char *s, size_t a, size_t e)
{
	size_t i;

	for (i = a; i < e; i++)
		if (is_alpha(s[i]) && (i == a || !is_alpha(s[i - 1])) &&
		    lex_phrase_at(LEX_SPOKE, s + i, e - i))
			return 1;
	return 0;
}

/* Where the word that names what a list holds starts in s[a..e) ("put forward new
 * requirements"), else e */
static size_t
listnounin(const char *s, size_t a, size_t e)
{
	size_t i, w;

	for (i = a; i < e; i++) {
		if (!is_alpha(s[i]))
			continue;
		w = wordlen(s + i, e - i);
		if (listnoun(s + i, w))
			return i;
		i += w;
	}
	return e;
}

static int
namesalist(const char *s, size_t a, size_t e)
{
	return listnounin(s, a, e) < e;
}

/* The count announced for a list whose introduction (introstart()) names none: the speaker
 * may announce it and explain first ("put forward four requirements. He said ... ." and
 * the list in the next paragraph). The nearest sentence before the list, in its paragraph
 * and the two before it and after the last list, that names what a list holds decides:
 * its count if it is said ("put forward four requirements"), else none (a fact: "practiced
 * the 'ten actions'"). The list starts at at, its introduction (which names none) at
 * intro. */
static int
countbefore(const struct state *st, const char *s, size_t at, size_t intro)
{
	size_t from = parastart(s, at), k, e, b;

	for (k = 0; k < 2 && from > 0; k++)
		from = parastart(s, from - 1);
	if (from < st->prevend)
		from = st->prevend;
	/* the last noun of lists before the introduction, and its sentence s[b..e) */
	size_t sent = from, w;
	at = intro;
	for (k = from, b = from, e = at; k < at; k++) {
		if (isstop(s[k]))
			sent = k + 1;
		if (!is_alpha(s[k]))
			continue;
		w = wordlen(s + k, at - k);
		if (listnoun(s + k, w))
			b = sent, e = k;
		k += w - 1;
	}
	if (e == at)
		return 0;
	while (e < at && !isstop(s[e]))
		e++;
	return saysin(s, b, e) ? announced(s, b, e) : 0;
}

/* Is the word at s one that says the list is of results, an agenda or facts? */
static int
notdirective(const char *s, size_t n)
{
	static const char *const words[] = { "achievements", "adopted", "agenda", "approved",
		"characteristics", "deliberated", "features", "highlights", "past", "performance",
		"progress", "results", "topics" };

	return wordin(s, n, words, sizeof words / sizeof words[0]);
}

/* Is the word at s one that says the list is of purposes ("The purposes of the visit
 * were: first, to ...")? Items of purpose read as demands, so these decide alone. */
static int
purpose(const char *s, size_t n)
{
	static const char *const words[] = { "aim", "aims", "objective", "objectives",
		"purpose", "purposes" };

	return wordin(s, n, words, sizeof words / sizeof words[0]);
}

/* What an item's first words say: 1 a demand (should, must, need, a verb first), -1 a fact
 * or an agenda item (was, rose, reached, the meeting heard; to elect, to review), 0 neither */
static int
mood(const char *s, size_t n)
{
	static const char *const demand[] = { "essential", "imperative", "important", "must",
		"necessary", "need", "needs", "required", "shall", "should", "strive", "vital",
		"will" };
	static const char *const fact[] = { "achieved", "amounted", "became", "began", "built",
		"completed", "declined", "dropped", "exceeded", "fell", "grew", "had", "has", "have",
		"heard", "hit", "increased", "listened", "made", "paid", "reached", "realised",
		"realized", "recorded", "rose", "saw", "sold", "spent", "surpassed", "took", "topped",
		"totaled", "totalled", "was", "were", "won" };
	static const char *const agenda[] = { "adopt", "approve", "consider", "deliberate",
		"discuss", "elect", "examine", "hear", "listen", "review", "vote" };
	static const char *const nonverbs[] = { "a", "all", "an", "and", "annual", "as", "at",
		"by", "each", "every", "for", "from", "he", "in", "it", "its", "key", "main", "major",
		"more", "most", "new", "of", "on", "our", "she", "some", "that", "the", "their",
		"there", "these", "they", "this", "those", "total", "we", "with" };
	static const char *const be[] = { "are", "be", "been", "being", "get", "gets", "is" };
	size_t i = 0, w, words = 0, prev = 0, prevn = 0, names = 0;
	int verb = 0;

#define IN(list) wordin(s + i, w, list, sizeof list / sizeof list[0])
	/* a verb first, as a command: "strengthen ...", "scientifically organize ..." */
	w = wordlen(s, n);
	if (w > 2 && w < n && s[w] == ' ' && !memcmp(s + w - 2, "ly", 2))
		i = w + 1, w = wordlen(s + i, n - i);
	if (w > 1 && s[i] >= 'a' && s[i] <= 'z' && !IN(nonverbs) &&
	    memcmp(s + i + w - 2, "ed", 2) && !(w > 3 && !memcmp(s + i + w - 3, "ing", 3)))
		verb = 1;
	i = 0;
	if (wordat(s, n, "to")) {
		i = skipspace(s, n, 2);
		w = wordlen(s + i, n - i);
		if (IN(agenda))
			return -1;
	}
	while (i < n && words < 12 && s[i] != '.' && s[i] != ';') {
		if (!is_alpha(s[i])) {
			i++;
			continue;
		}
		w = wordlen(s + i, n - i);
		if (IN(demand))
			return 1;
		/* a demand reported: "First, he emphasized the need to ...", "Second, she called
		 * for ...", "Finally, Li Qiang stressed that ..." */
		if (words >= 1 && words <= 3 && (names == words || (words == 1 &&
		    (eqword(s + prev, prevn, "he", 2) || eqword(s + prev, prevn, "she", 3) ||
		    eqword(s + prev, prevn, "we", 2)))) && lex_phrase_at(LEX_SPOKE, s + i, n - i))
			return 1;
		if (s[i] >= 'A' && s[i] <= 'Z')
			names++;
		/* "revenue rose", "the meeting heard"; after a command only right after it
		 * ("hit the targets" is one, "output hit a record" is not) */
		if (IN(fact) && (!verb || words < 3))
			return -1;
		/* a verb in the past after its subject: "the group launched" (not "should be
		 * strengthened", nor an adjective after a command: "improve the integrated ...") */
		if (!verb && words >= 1 && words <= 4 && w > 4 && !memcmp(s + i + w - 2, "ed", 2) &&
		    s[i + w - 3] != 'e' && !wordin(s + prev, prevn, be, sizeof be / sizeof be[0]))
			return -1;
		prev = i;
		prevn = w;
		i += w;
		words++;
	}
#undef IN
	return verb;
}

/* Is the list of items it[0..ni) a list of demands? Not when the text before it speaks of
 * results, an agenda or topics, unless the items demand; not when most items state facts. */
static int
demands(const char *s, size_t intro, const struct item *it, size_t ni)
{
	size_t i, w;
	int neg = 0, good = 0, bad = 0, m;

	/* a list in mid-sentence ("visited the partners, firstly, to learn ...") only after a
	 * verb of speech or a noun of lists in its sentence ("He requested, firstly, to ...") */
	if (boundary(s, it[0].m->at) == B_COMMA) {
		for (i = it[0].m->at; i > intro && !isstop(s[i - 1]); i--)
			;
		if (!saysin(s, i, it[0].m->at) && !namesalist(s, i, it[0].m->at))
			return 0;
	}
	/* the last word of either kind before the list decides */
	for (i = intro; i < it[0].m->at; i++) {
		if (!is_alpha(s[i]) || (i > intro && is_alpha(s[i - 1])))
			continue;
		w = wordlen(s + i, it[0].m->at - i);
		if (notdirective(s + i, w))
			neg = 1;
		else if (purpose(s + i, w))
			neg = 2;
		else if (listnoun(s + i, w))
			neg = 0;
	}
	if (neg == 2)
		return 0;
	for (i = 0; i < ni; i++) {
		m = mood(s + it[i].at, it[i].end - it[i].at);
		good += m > 0;
		bad += m < 0;
	}
	if (bad * 2 > (int)ni)
		return 0;
	return !neg || good * 2 > (int)ni;
}

/* ---- records ---- */

/* Appends the decimal digits of k >= 0 */
static void
addint(struct buf *out, int k)
{
	char d[12];
	size_t i = sizeof d;

	do
		d[--i] = (char)('0' + k % 10);
	while ((k /= 10) > 0 && i > 0);
	buf_add(out, d + i, sizeof d - i);
}

static void
emit(struct buf *out, const struct article *a, struct state *st, const char *speaker,
    size_t speakern, int list, int of, size_t ni)
{
	const char *s = a->body;
	size_t i;

	st->warn.n = 0;
	if (of && (size_t)of != ni)
		buf_printf(&st->warn, "[\"announced %d items, found %zu\"]", of, ni);
	else
		buf_adds(&st->warn, "[]");
	for (i = 0; i < ni; i++) {
		const struct item *it = &st->it[i];
		buf_adds(out, "{\"type\":\"directive\",\"article\":\"");
		buf_add(out, a->id, 16);
		buf_adds(out, "\",\"speaker\":");
		buf_json_strn(out, speaker, speakern);
		buf_adds(out, ",\"list\":");
		addint(out, list);
		buf_adds(out, ",\"n\":");
		addint(out, it->m->n);
		buf_adds(out, ",\"of\":");
		if (of)
			addint(out, of);
		else
			buf_adds(out, "null");
		buf_adds(out, ",\"marker\":");
		buf_json_str(out, s + it->m->at, it->m->mend - it->m->at);
		buf_adds(out, ",\"text\":");
		buf_json_str(out, s + it->at, it->end - it->at);
		buf_adds(out, ",\"warnings\":");
		buf_add(out, st->warn.p, st->warn.n);
		buf_adds(out, "}\n");
	}
}

/* The list of marks m[0..nm) (numbered 1, 2, ...): its items, whether it is a list of
 * demands, its speaker and count; writes its records. Returns 1 if it was written. */
static int
onelist(struct buf *out, const struct article *a, struct state *st, struct mark *m,
    size_t nm, int list)
{
	const char *s = a->body;
	size_t n = a->bodyn, i, ni = 0;
	int quoted = inquote(s, m[0].at), cut = 0;
	size_t intro = introstart(s, m[0].at);
	int of = announced(s, intro, m[0].at);

	if (!of && !namesalist(s, intro, m[0].at))	/* else the introduction said none */
		of = countbefore(st, s, m[0].at, intro);
	/* "And lastly" is an item only as the last of the count announced, and not a fact
	 * ("Finally, the meeting closed ..."); else its text is the item's before it */
	if (nm > 1 && m[nm - 1].form == F_LAST && (m[nm - 1].n != of ||
	    mood(s + m[nm - 1].text, m[nm - 1].end - m[nm - 1].text) < 0)) {
		nm--;
		m[nm - 1].end = m[nm - 1].para == m[nm].para ? m[nm].end : m[nm - 1].pend;
	}

	if (nm > st->capit) {
		st->capit = nm;
		st->it = erealloc(st->it, st->capit * sizeof *st->it);
	}
	for (i = 0; i < nm; i++) {
		struct item *it = &st->it[ni];
		size_t pe = m[i].pend, e = m[i].end;
		if (e == pe && quoted && i + 1 == nm) {
			/* the last item of a quoted list ends with the quotation */
			size_t q;
			for (q = m[i].text; q < pe && !isquoteend(s, n, q); q++)
				;
			e = q;
		}
		it->m = &m[i];
		it->at = m[i].text;
		it->end = trimend(s, it->at, e);
		if (i + 1 == nm && e == pe && pe == n && cutoff(s, it->at, e)) {
			/* the page was cut off in this item: too little of it to report? A fragment
			 * of a later item is ("Second, the gr"); the first of a list the text
			 * announces is the list's only trace ("put forward new requirements: First,
			 * it is necessary to") */
			cut = 1;
			size_t nw = nwords(s + it->at, it->end - it->at);
			if (nw < 6 && !(i == 0 && nw >= 2 && namesalist(s, intro, m[0].at)))
				continue;
		}
		if (it->end > it->at)
			ni++;
	}
	/* a list of one is a list only where the page breaks off in it */
	if (!ni || (ni == 1 && (!cut || m[0].form == F_ALL)))
		return 0;
	if (!demands(s, intro, st->it, ni))
		return 0;
	if (!st->named) {
		/* the names, once an article has a list: in its body up to the end of the
		 * paragraph of its last marker, all a speaker is looked for in */
		struct article upto = *a;
		upto.bodyn = st->m[st->nm - 1].pend;
		people_names(&st->pp, &upto);
		st->named = 1;
	}
	int who = people_speaker(&st->pp, m[0].at, st->prevend, quoted);
	const struct person *p = who >= 0 ? &st->pp.p[who] : NULL;
	emit(out, a, st, p ? st->pp.text.p + p->name : NULL, p ? p->namen : 0, list, of, ni);
	st->prevend = st->it[ni - 1].end;
	return 1;
}

/* Where an item that runs into the first marker of another list, at `at`, ends: before the
 * sentence that introduces that list ("... to the group. Qi Hong put forward two
 * requirements. First, ..."), if there is one: a sentence that ends in a colon right before
 * the marker, or names what the list holds */
static size_t
beforeintro(const char *s, size_t from, size_t at)
{
	size_t e = at, q, i;

	while (e > from && (s[e - 1] == ' ' || s[e - 1] == '\t'))
		e--;
	if (e <= from || !strchr(".!?:", s[e - 1]))
		return at;
	for (q = e - 1; q > from && !strchr(".!?", s[q - 1]); q--)
		;
	if (q <= from)
		return at;	/* that would leave nothing of the item */
	if (s[e - 1] == ':')
		return q;
	for (i = q; i < e; i++)
		if (is_alpha(s[i]) && !is_alpha(s[i - 1]) &&
		    listnoun(s + i, wordlen(s + i, e - i)))
			return q;
	return at;
}

/* Which list each marker is an item of: a list starts at a 1 and takes each next number
 * within a few paragraphs, in markers of its family (words mix: "One is to ... The second is
 * to ... Third, ..."); a 1 of another family inside an item starts a list within it; a 1
 * of the same family starts the next list. Markers of no list get list -1. */
static void
assign(struct state *st)
{
	struct mark *m = st->m;
	size_t i;
	long outer = -1, inner = -1;	/* the last markers of the open lists */
	int nl = 0;

	for (i = 0; i < st->nm; i++) {
		long *to = NULL;
		m[i].list = -1;
		m[i].depth = 0;
		m[i].next = m[i].parent = -1;
		if (m[i].form == F_LAST) {
			/* "And lastly": the next item of a list in words of two or more items, for
			 * onelist() to keep only where it makes the count announced */
			if (outer >= 0 && inner < 0 && m[outer].family == 0 && m[outer].n >= 2 &&
			    m[i].para <= m[outer].para + 1) {
				m[i].n = m[outer].n + 1;
				m[i].list = m[outer].list;
				m[outer].next = (long)i;
				outer = (long)i;
			}
			continue;
		}
		if (inner >= 0 && m[i].n == m[inner].n + 1 && m[i].family == m[inner].family &&
		    m[i].para <= m[inner].para + 4) {
			to = &inner;
			m[i].depth = 1;
		} else if (outer >= 0 && m[i].n == m[outer].n + 1 &&
		    m[i].family == m[outer].family && m[i].para <= m[outer].para + 4) {
			to = &outer;
			inner = -1;
		} else if (m[i].n == 1 && outer >= 0 && m[i].family != m[outer].family &&
		    m[i].para <= m[outer].para + 4) {
			m[i].list = nl++;
			m[i].depth = 1;
			m[i].parent = outer;
			inner = (long)i;
		} else if (m[i].n == 1) {
			m[i].list = nl++;
			outer = (long)i;
			inner = -1;
		}
		if (to) {
			m[i].list = m[*to].list;
			m[*to].next = (long)i;
			*to = (long)i;
		}
	}
	/* a list is inside another only if that one goes on after it */
	for (i = 0; i < st->nm; i++)
		if (m[i].parent >= 0 && m[m[i].parent].next < 0)
			for (long j = (long)i; j >= 0; j = m[j].next)
				m[j].depth = 0;
}

static void
directives(struct buf *out, const struct article *a, void *arg)
{
	struct state *st = arg;
	const char *s = a->body;
	size_t i, j, k;
	int list = 0;

	st->prevend = 0;
	findmarks(st, s, a->bodyn);
	if (!st->nm)
		return;
	st->named = 0;
	assign(st);
	/* an item ends at the next marker of its list or of one it is inside, or with its
	 * paragraph */
	for (i = 0; i < st->nm; i++) {
		st->m[i].pend = i > 0 && st->m[i - 1].pend > st->m[i].at ? st->m[i - 1].pend :
		    paraend(s, a->bodyn, st->m[i].at);
		st->m[i].end = st->m[i].pend;
		if (st->m[i].list < 0)
			continue;
		for (j = i + 1; j < st->nm && st->m[j].at < st->m[i].pend; j++)
			if (st->m[j].list >= 0 && st->m[j].depth <= st->m[i].depth) {
				st->m[i].end = st->m[j].list == st->m[i].list ? st->m[j].at :
				    beforeintro(s, st->m[i].text, st->m[j].at);
				break;
			}
	}
	if (st->nm > st->caplm) {
		st->caplm = st->nm;
		st->lm = erealloc(st->lm, st->caplm * sizeof *st->lm);
	}
	/* the lists in the order they start */
	for (i = 0; i < st->nm; i++) {
		if (st->m[i].list < 0 || st->m[i].n != 1)
			continue;	/* not a list's first item */
		k = 0;
		for (long q = (long)i; q >= 0; q = st->m[q].next)
			st->lm[k++] = st->m[q];
		list += onelist(out, a, st, st->lm, k, list + 1);
	}
}

int
main(int argc, char *argv[])
{
	struct state st = { 0 };
	struct extractor x = { 0 };
	int ret;

	x.derive = directives;
	x.counter = C_DIRECTIVES;
	x.arg = &st;
	x.lexicons = 1;
	ret = extract_main(argc, argv, &x, "Write a directive record for every item of each "
	    "enumerated list of requirements.");
	people_free(&st.pp);
	free(st.m);
	free(st.lm);
	free(st.it);
	buf_free(&st.warn);
	lex_free();
	return ret;
}
