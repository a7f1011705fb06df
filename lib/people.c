/* People in an article: who is named (romanised Chinese names by their pinyin, other names
 * by their context), the posts the text gives them, and what they did at the meeting. Shared
 * by extract-people and extract-directives (who put a list forward). */
#include <stdlib.h>
#include <string.h>

#include "readout.h"

enum { T_WORD, T_PUNCT };

const char *const role_names[] = { "mentioned", "attended", "spoke", "presided" };

struct tok {
	size_t at, n;
	int kind;
	int cap;        /* a word that starts with a capital letter */
	int person;     /* the person this token names (first token of a mention), or -1 */
	int mlen;       /* tokens in that mention */
	int full;       /* the mention is a full name */
};

static int
isupper_(char c)
{
	return c >= 'A' && c <= 'Z';
}

static int
isword(char c)
{
	return is_alpha(c) || (c >= '0' && c <= '9') || (unsigned char)c >= 0x80;
}

/* Typographic punctuation (U+2000..U+206F, U+3000..U+303F, fullwidth forms) at s */
static int
isuchpunct(const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;

	return n >= 3 && ((u[0] == 0xE2 && u[1] >= 0x80 && u[1] <= 0x81) ||
	    (u[0] == 0xE3 && u[1] == 0x80) || (u[0] == 0xEF && (u[1] == 0xBC || u[1] == 0xBD)));
}

/* ---- tokens ---- */

static void
tokenize(struct people *pp, const char *s, size_t n)
{
	size_t i = 0;

	pp->nt = 0;
	while (i < n) {
		size_t j = i;
		if (s[i] == ' ' || s[i] == '\t') {
			i++;
			continue;
		}
		int word = isword(s[i]) && !isuchpunct(s + i, n - i);
		if (word) {
			/* a word: letters, digits, inner apostrophes and hyphens ("people's", "Guo-ang");
			 * "’s" after a word stays apart, as a possessive */
			while (j < n && ((isword(s[j]) && !isuchpunct(s + j, n - j)) ||
			    ((s[j] == '\'' || s[j] == '-') && j + 1 < n && isword(s[j + 1]) && j > i))) {
				if (s[j] == '\'' && (s[j + 1] == 's' || s[j + 1] == 'S') &&
				    (j + 2 == n || !isword(s[j + 2])))
					break;	/* "Xi Jinping's": the possessive apart */
				j++;
			}
		} else {
			j = i + 1;
			while (j < n && ((unsigned char)s[j] & 0xC0) == 0x80)
				j++;	/* the rest of a UTF-8 punctuation mark */
		}
		if (pp->nt == pp->capt) {
			pp->capt = pp->capt ? pp->capt * 2 : 1024;
			pp->t = erealloc(pp->t, pp->capt * sizeof *pp->t);
		}
		struct tok *t = &pp->t[pp->nt++];
		t->at = i;
		t->n = j - i;
		t->kind = word ? T_WORD : T_PUNCT;
		t->cap = isupper_(s[i]);
		t->person = -1;
		t->mlen = 0;
		t->full = 0;
		i = j;
	}
}

#define TOK(i) (pp->s + pp->t[i].at)
#define TLEN(i) (pp->t[i].n)

static inline int
tokis(const struct people *pp, size_t i, const char *w)
{
	/* the length and the first letter first: this is called for every token, many times;
	 * inline, strlen of the literal w costs nothing */
	return i < pp->nt && strlen(w) == TLEN(i) && (TOK(i)[0] | 0x20) == w[0] &&
	    has_prefix(TOK(i), TLEN(i), w);
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
sentend(const struct people *pp, size_t i)
{
	if (pp->t[i].kind != T_PUNCT)
		return 0;
	char c = TOK(i)[0];
	if (c == '\n' || c == '!' || c == '?')
		return 1;
	if (c != '.')
		return 0;
	/* "Mr.", "Co.", "No." do not end a sentence */
	if (i > 0 && pp->t[i - 1].kind == T_WORD && (tokis(pp, i - 1, "mr") ||
	    tokis(pp, i - 1, "mrs") || tokis(pp, i - 1, "ms") || tokis(pp, i - 1, "dr") ||
	    tokis(pp, i - 1, "co") || tokis(pp, i - 1, "no") || tokis(pp, i - 1, "st")))
		return 0;
	return 1;
}

static int
ishonorific(const struct people *pp, size_t i)
{
	return tokis(pp, i, "mr") || tokis(pp, i, "mrs") || tokis(pp, i, "ms") ||
	    tokis(pp, i, "madam") || tokis(pp, i, "comrade") || tokis(pp, i, "dr") ||
	    tokis(pp, i, "miss");
}

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
	pp->t[i].full = full;
	pp->p[person].mentions++;
}

/* A romanised Chinese name at token i: a surname, then a given name of pinyin syllables, not
 * followed by a word that makes it an organisation ("Haihua Group"). */
static int
chinesename(const struct people *pp, size_t i)
{
	if (i + 1 >= pp->nt || !pp->t[i].cap || !pp->t[i + 1].cap ||
	    pp->t[i + 1].kind != T_WORD || !lex_has(LEX_SURNAME, TOK(i), TLEN(i)))
		return 0;
	if (!lex_pinyin_name(TOK(i + 1), TLEN(i + 1)) || lex_has(LEX_ORG, TOK(i + 1), TLEN(i + 1)))
		return 0;	/* "Jun" is a given name as often as it is June; "Hong Kong" none */
	/* all in capitals, as in a shouting headline, is not a name's form */
	if (TLEN(i + 1) > 1 && isupper_(TOK(i + 1)[1]))
		return 0;
	if (i + 2 < pp->nt && pp->t[i + 2].kind == T_WORD && pp->t[i + 2].cap &&
	    lex_has(LEX_ORG, TOK(i + 2), TLEN(i + 2)))
		return 0;
	return 1;
}

/* A name in another form at token i, known from its context: 2 to 4 capitalised words (with
 * van, der, de ...) after Mr./Ms. or a post, or before ", a post". Returns its length in tokens. */
static int
othername(const struct people *pp, size_t i)
{
	static const char *const particles[] = { "van", "der", "de", "von", "da", "di", "le",
		"la", "du", "del", "bin", "al" };
	size_t j = i, k;
	int words = 0;

	if (!pp->t[i].cap || lex_has(LEX_POST, TOK(i), TLEN(i)) || ishonorific(pp, i))
		return 0;
	while (j < pp->nt && pp->t[j].kind == T_WORD && words < 4) {
		if (pp->t[j].cap && !lex_has(LEX_ORG, TOK(j), TLEN(j)) && !month_of(TOK(j), TLEN(j)))
			words++;
		else {
			for (k = 0; k < sizeof particles / sizeof particles[0]; k++)
				if (tokis(pp, j, particles[k]))
					break;
			if (k == sizeof particles / sizeof particles[0] || j + 1 >= pp->nt ||
			    !pp->t[j + 1].cap)
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
	    pp->n - pp->t[j + 1].at) && lex_has(LEX_POST, TOK(j + 1), TLEN(j + 1)))
		ctx = 1;
	return ctx ? (int)(j - i) : 0;
}

/* ---- titles ---- */

static int
ispostword(const struct people *pp, size_t i)
{
	return pp->t[i].kind == T_WORD && lex_has(LEX_POST, TOK(i), TLEN(i));
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
	size_t k;

	for (k = 0; k < sizeof mods / sizeof mods[0]; k++)
		if (tokis(pp, i, mods[k]))
			return 1;
	return 0;
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
	if (j < 0 || !ispostword(pp, (size_t)j) || pp->t[j].person >= 0)
		return start;
	*last = (size_t)j;
	for (; j >= 0; j--) {
		size_t k = (size_t)j;
		if (pp->t[k].kind != T_WORD || pp->t[k].person >= 0)
			break;
		if (ispostword(pp, k) || pp->t[k].cap) {
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
				post |= ispostword(pp, (size_t)q) && !lex_has(LEX_ORG, TOK(q), TLEN(q)) &&
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
	    month_of(TOK(start), TLEN(start)) || !(ispostword(pp, start) || pp->t[start].cap)))
		start++;
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

static int rolephrase(const struct people *pp, size_t i, size_t *len);

/* An appositive post after a name (list) at token i (on the comma, or a dash as in "Chen
 * Shezhao- President of ..."): segments separated by commas while each looks like a post; a
 * segment ends at a comma, a semicolon, the sentence's end, another name or a verb of a role
 * ("Zhang Mao, Head of SAMR made a work report"). Returns the token after it, or i when there
 * is none; *from and *to are its text. */
static size_t
appositive(const struct people *pp, size_t i, int plural, size_t *from, size_t *to)
{
	size_t j = i, end = i, len;

	while (j < pp->nt && (ispunct_(pp, j, ',') || (j == i && (ispunct_(pp, j, '-') ||
	    (pp->t[j].kind == T_PUNCT && (punctis(pp, j, "–") || punctis(pp, j, "—"))))))) {
		size_t k = j + 1;
		while (k < pp->nt && (tokis(pp, k, "and") || tokis(pp, k, "also") ||
		    tokis(pp, k, "the") || tokis(pp, k, "our")))
			k++;
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
			if (e > k && tokis(pp, e, "and") && (tokis(pp, e + 1, "other") ||
			    tokis(pp, e + 1, "some") || tokis(pp, e + 1, "all")))
				break;
			e++;
		}
		if (e == k)
			break;
		if (e < pp->nt && pp->t[e].person >= 0) {
			/* "A, President ... Chairman B": that post is B's, before B's name */
			size_t last, st = posttitle(pp, e - 1, &last);
			if (st <= k)
				break;
			while (e > k && (st < e || tokis(pp, e - 1, "and")))
				e--, st = st < e ? st : e;
			if (e == k)
				break;
		}
		if (j == i)
			*from = pp->t[k].at;
		*to = pp->t[e - 1].at + pp->t[e - 1].n;
		end = e;
		j = e;
		if (!ispunct_(pp, e, ','))
			break;
	}
	return end;
}

/* ---- roles ---- */

static int
rolephrase(const struct people *pp, size_t i, size_t *len)
{
	const char *s = TOK(i);
	size_t n = pp->n - pp->t[i].at, k;

	if ((k = lex_phrase_at(LEX_PRESIDED, s, n))) {
		*len = k;
		return ROLE_PRESIDED;
	}
	if ((k = lex_phrase_at(LEX_SPOKE, s, n))) {
		*len = k;
		return ROLE_SPOKE;
	}
	/* delivered/made/gave/presented + up to three words + speech/report/remarks */
	if (tokis(pp, i, "delivered") || tokis(pp, i, "made") || tokis(pp, i, "gave") ||
	    tokis(pp, i, "presented") || tokis(pp, i, "give") || tokis(pp, i, "deliver")) {
		for (k = i + 1; k < pp->nt && k <= i + 4 && pp->t[k].kind == T_WORD; k++)
			if (tokis(pp, k, "speech") || tokis(pp, k, "speeches") || tokis(pp, k, "report") ||
			    tokis(pp, k, "reports") || tokis(pp, k, "remarks") || tokis(pp, k, "address")) {
				*len = pp->t[k].at + TLEN(k) - pp->t[i].at;
				return ROLE_SPOKE;
			}
	}
	if ((k = lex_phrase_at(LEX_ATTENDED, s, n))) {
		*len = k;
		return ROLE_ATTENDED;
	}
	return ROLE_MENTIONED;
}

static void
setrole(struct people *pp, int person, int role)
{
	if (person >= 0 && role > pp->p[person].role)
		pp->p[person].role = role;
}

/* The roles in tokens [i, e): the highest of the verbs there */
static int
roles(const struct people *pp, size_t i, size_t e)
{
	int best = ROLE_MENTIONED, r;
	size_t len;

	for (; i < e; i++)
		if (pp->t[i].kind == T_WORD && (r = rolephrase(pp, i, &len)) > best) {
			/* "presided over by X" names X, not the subject */
			size_t after = pp->t[i].at + len;
			if (after + 4 <= pp->n && has_prefix(pp->s + after, pp->n - after, " by "))
				continue;
			best = r;
		}
	return best;
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
		if (chinesename(pp, i)) {
			size_t n = pp->t[i + 1].at + TLEN(i + 1) - pp->t[i].at;
			k = addperson(pp, TOK(i), n, TLEN(i));
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
		if (p->surn == n && !memcmp(name, s, n) && name[n] == ' ')
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
	    (ispunct_(pp, e - 1, ',') || tokis(pp, e - 1, "and") || ispunct_(pp, e - 1, ';'))))
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
			    !lex_has(LEX_ORG, TOK(e), TLEN(e))) {
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
	size_t k;

	if (b == 0 || sentend(pp, b - 1) || ispunct_(pp, b - 1, ',') ||
	    ispunct_(pp, b - 1, ';') || ispunct_(pp, b - 1, ':'))
		return 1;
	if (tokis(pp, b - 1, "the") && (b == 1 || sentend(pp, b - 2)))
		return 1;
	for (k = 0; k < sizeof words / sizeof words[0]; k++)
		if (tokis(pp, b - 1, words[k]))
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
			setrole(pp, last, roles(pp, i + 1, clauseend(pp, i + 1)));
			continue;
		}
		/* "The attending leaders respectively put forward requirements": those who attended */
		if (k < 0 && i == s0 + 1 && tokis(pp, i, "attending") && (tokis(pp, i + 1, "leaders") ||
		    tokis(pp, i + 1, "comrades") || tokis(pp, i + 1, "officials"))) {
			if (roles(pp, i + 2, clauseend(pp, i + 2)) == ROLE_SPOKE)
				for (size_t q = 0; q < pp->np; q++)
					if (pp->p[q].role == ROLE_ATTENDED)
						pp->p[q].role = ROLE_SPOKE;
			continue;
		}
		if (k < 0 || !pp->t[i].mlen)
			continue;
		/* the subjects: a list of names "A, B and C" */
		int list[64], nl = 0;
		size_t j;
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
			for (int q = 0; q < nl; q++)
				setrole(pp, list[q], r);
		} else if (opener(pp, b)) {
			int r = roles(pp, nx, clauseend(pp, nx));
			for (int q = 0; q < nl; q++) {
				setrole(pp, list[q], r);
				if (r == ROLE_MENTIONED && np < 64)
					pend[np++] = list[q];
			}
			if (r != ROLE_MENTIONED) {
				for (int q = 0; q < np; q++)
					setrole(pp, pend[q], r);
				np = 0;
			}
		} else if (b > s0 + 1 && (tokis(pp, b - 1, "were") || tokis(pp, b - 1, "was"))) {
			/* the verb first: "Attending the meeting were X and Y" */
			int r = roles(pp, s0, b);
			if (r == ROLE_MENTIONED && (tokis(pp, s0, "attending") ||
			    tokis(pp, b - 2, "present")))
				r = ROLE_ATTENDED;
			for (int q = 0; q < nl; q++)
				setrole(pp, list[q], r);
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
		if (!(kn = meta_key_at(s, n)))
			continue;
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
	if (a->title) {
		pp->s = a->title;
		pp->n = a->titlen;
		tokenize(pp, a->title, a->titlen);
		findnames(pp, 0);
	}
	pp->s = a->body;
	pp->n = a->bodyn;
	tokenize(pp, a->body, a->bodyn);
	/* line breaks are tokens too: they end sentences */
	findnames(pp, 1);
	findrefs(pp);
	listnames(pp);
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

/* Does the clause in tokens [i, e) say something: a verb of speech, or a list it puts? */
static int
speaks(const struct people *pp, size_t i, size_t e)
{
	size_t len;

	for (; i < e && !ispunct_(pp, i, ';'); i++)
		if (pp->t[i].kind == T_WORD && (rolephrase(pp, i, &len) == ROLE_SPOKE ||
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

/* The speaker of the sentence in tokens [s0, e): the first subject that opens a clause which
 * says something. A person's index, SUBJ_NULL for a meeting, a document or another body
 * ("The meeting required", "It stressed"), SUBJ_REPORT for "the report" or "the speech", or
 * SUBJ_NONE when no one speaks there ("All units should ..."). */
static int
sentspeaker(const struct people *pp, size_t s0, size_t e)
{
	size_t i, nx, last, from, to;
	int who;

	for (i = s0; i < e; i++) {
		if (pp->t[i].kind != T_WORD)
			continue;
		int k = pp->t[i].person;
		if (k >= 0 && pp->t[i].mlen) {
			size_t st = i > 0 ? posttitle(pp, i - 1, &last) : i;
			size_t j = i + (size_t)pp->t[i].mlen;
			if (!opener(pp, mentionstart(pp, i, st))) {
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
		} else if ((tokis(pp, i, "it") || tokis(pp, i, "the")) && opener(pp, i)) {
			/* "The meeting (also) pointed out", "The report put forward", "It stressed":
			 * the verb right after a short noun phrase */
			size_t len;
			who = SUBJ_NULL;
			for (nx = i + 1; nx < e && nx < i + 6 && pp->t[nx].kind == T_WORD &&
			    rolephrase(pp, nx, &len) != ROLE_SPOKE; nx++)
				if (tokis(pp, nx, "report") || tokis(pp, nx, "speech"))
					who = SUBJ_REPORT;
			if (nx < e && rolephrase(pp, nx, &len) == ROLE_SPOKE)
				return who;
			continue;
		} else
			continue;
		if (speaks(pp, nx, e))
			return who;
	}
	return SUBJ_NONE;
}

/* Who presented "the report" (or "the speech") a sentence before token i refers to: the
 * speaker of the last sentence before it that names a report or speech delivered, made or
 * presented */
static int
presenter(const struct people *pp, size_t i)
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

int
people_speaker(const struct people *pp, size_t off, int quoted)
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
	 * one before */
	size_t lim = lo > LOOKBACK ? lo - LOOKBACK : 0;
	for (e = lo; ; e = s0 - 1) {
		for (s0 = e; s0 > lim && !sentend(pp, s0 - 1); s0--)
			;
		who = sentspeaker(pp, s0, e);
		if (who == SUBJ_REPORT)
			return presenter(pp, s0);
		if (who != SUBJ_NONE)
			return who >= 0 ? who : -1;
		if (s0 <= lim || (ispunct_(pp, s0 - 1, '\n') && ++paras > 2))
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

	trim(&s, &n);
	buf_grow(b, n);
	while (i < n) {
		if (is_space_at(s + i, n - i, &sp)) {
			i += sp;
			inword = 0;
			continue;
		}
		if (!inword && !first)
			buf_addc(b, ' ');
		if (s[i] == '-' && inword && i + 1 < n && is_alpha(s[i + 1]) && is_alpha(s[i - 1])) {
			i++;
			continue;
		}
		if (is_alpha(s[i]))
			buf_addc(b, (char)(inword ? s[i] | 0x20 : s[i] & ~0x20));
		else
			buf_addc(b, s[i]);
		inword = 1;
		first = 0;
		i++;
	}
}
