/* An HTML page to its article: which input is HTML, in which encoding, which of its lines are
 * the article (scored by markup as readers of the web do: paragraphs give their ancestors
 * points, links and boilerplate names take them away, the best element and its like siblings
 * are the article), then the genre's own text rules at the edges; every line lands in exactly
 * one of title, header, body or footer, in order. */
#include <errno.h>
#include <iconv.h>
#include <stdlib.h>
#include <string.h>

#include "readout.h"

static int
lower(int c)
{
	return c >= 'A' && c <= 'Z' ? c | 0x20 : c;
}

static int
prefixci(const char *s, const char *e, const char *lit)
{
	for (; *lit; s++, lit++)
		if (s >= e || lower((unsigned char)*s) != *lit)
			return 0;
	return 1;
}

int
html_sniff(const char *s, size_t n)
{
	static const char *const starts[] = { "<!doctype html", "<html", "<head", "<meta",
		"<body", "<title", "<link", NULL };
	const char *p = s, *e = s + n;
	int i;

	if (n >= 3 && !memcmp(s, "\xEF\xBB\xBF", 3))
		p += 3;
	for (;;) {
		while (p < e && (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r' || *p == '\f'))
			p++;
		if (prefixci(p, e, "<!--")) {	/* a comment before the page */
			const char *q = p + 4;
			while (q + 2 < e && !(q[0] == '-' && q[1] == '-' && q[2] == '>'))
				q++;
			if (q + 2 >= e)
				return 0;
			p = q + 3;
			continue;
		}
		if (prefixci(p, e, "<?xml")) {
			const char *q = memchr(p, '>', (size_t)(e - p));
			if (!q)
				return 0;
			p = q + 1;
			continue;
		}
		break;
	}
	for (i = 0; starts[i]; i++)
		if (prefixci(p, e, starts[i])) {
			const char *q = p + strlen(starts[i]);
			return q >= e || !((*q >= 'a' && *q <= 'z') || (*q >= 'A' && *q <= 'Z') ||
			    (*q >= '0' && *q <= '9') || *q == '-');
		}
	return 0;
}

/* The iconv name for a declared charset, or NULL for UTF-8 */
static void
encname(const char *s, size_t n, char *out, size_t outn)
{
	static const char *const map[][2] = {
		{ "gb2312", "GB18030" }, { "gbk", "GB18030" }, { "x-gbk", "GB18030" },
		{ "gb_2312-80", "GB18030" }, { "chinese", "GB18030" }, { "csgb2312", "GB18030" },
		{ "gb18030", "GB18030" }, { "big5", "BIG5" }, { "big5-hkscs", "BIG5-HKSCS" },
		{ "iso-8859-1", "WINDOWS-1252" }, { "iso8859-1", "WINDOWS-1252" },
		{ "latin1", "WINDOWS-1252" }, { "us-ascii", "WINDOWS-1252" },
		{ "ascii", "WINDOWS-1252" }, { "windows-1252", "WINDOWS-1252" },
		{ "cp1252", "WINDOWS-1252" }, { "utf-8", "" }, { "utf8", "" }, { "utf-16", "" },
		{ "utf-16le", "" }, { "utf-16be", "" }, { "unicode", "" }, { NULL, NULL }
	};
	char low[40];
	size_t i;

	out[0] = '\0';
	while (n && (*s == ' ' || *s == '"' || *s == '\''))
		s++, n--;
	for (i = 0; i < n && i < sizeof low - 1 && s[i] != ';' && s[i] != '"' && s[i] != '\'' &&
	    s[i] != ' ' && s[i] != '>'; i++)
		low[i] = (char)lower((unsigned char)s[i]);
	low[i] = '\0';
	if (i == 0)
		return;
	for (i = 0; map[i][0]; i++)
		if (!strcmp(low, map[i][0])) {
			snprintf(out, outn, "%s", map[i][1]);
			return;
		}
	snprintf(out, outn, "%s", low);
}

void
html_charset(const char *s, size_t n, char *out, size_t outn)
{
	const char *p = s, *e = s + (n > 4096 ? 4096 : n);

	out[0] = '\0';
	if (n >= 3 && !memcmp(s, "\xEF\xBB\xBF", 3))
		return;
	while ((p = memchr(p, '<', (size_t)(e - p)))) {
		if (!prefixci(p, e, "<meta") || p + 5 >= e) {
			p++;
			continue;
		}
		const char *gt = memchr(p, '>', (size_t)(e - p)), *q;
		if (!gt)
			return;
		/* charset=X, in the charset attribute or in content="text/html; charset=X" */
		for (q = p + 5; q + 8 <= gt; q++)
			if (prefixci(q, gt, "charset")) {
				const char *v = q + 7;
				while (v < gt && (*v == ' ' || *v == '"' || *v == '\''))
					v++;
				if (v < gt && *v == '=') {
					v++;
					encname(v, (size_t)(gt - v), out, outn);
					return;
				}
			}
		p = gt;
	}
}

/* ---- the article among the lines ---- */
static const char *bstr(const struct hpage *hp, size_t i);
enum { P_HEADER, P_TITLE, P_BODY, P_FOOTER };
#define OUTSIDE (HF_HIDDEN | HF_NAV | HF_ASIDE | HF_FOOTER | HF_HEADER | HF_FORM | HF_BOILER | \
    HF_CAPTION)

static size_t
commas(const char *s, size_t n)
{
	size_t i, k = 0;

	for (i = 0; i < n; i++)
		if (s[i] == ',' || (s[i] == '\xEF' && i + 2 < n && s[i + 1] == '\xBC' &&
		    s[i + 2] == '\x8C') || (s[i] == '\xE3' && i + 2 < n && s[i + 1] == '\x80' &&
		    s[i + 2] == '\x81'))
			k++;
	return k;
}

static double
density(const struct hnode *nd)
{
	return nd->textn ? (double)nd->linkn / (double)nd->textn : 0;
}

static int
isheading(int tag)
{
	return tag >= TG_H1 && tag <= TG_H6;
}

/* Points an element starts with, by its tag (as Readability gives them) and its names */
static double
initscore(const struct hnode *nd)
{
	double s = nd->weight;

	switch (nd->tag) {
	case TG_DIV:
		return s + 5;
	case TG_PRE: case TG_TD: case TG_BLOCKQUOTE:
		return s + 3;
	case TG_OL: case TG_UL: case TG_DL: case TG_DD: case TG_DT: case TG_LI: case TG_FORM:
		return s - 3;
	case TG_H1: case TG_H2: case TG_H3: case TG_H4: case TG_H5: case TG_H6: case TG_TH:
		return s - 5;
	default:
		return s;
	}
}

/* Scores every element that holds paragraphs; the index of the best, or -1 */
static int
score(struct hpage *hp, unsigned skip)
{
	size_t i;
	int best = -1, lvl, a;

	for (i = 0; i < hp->nn; i++) {
		hp->nd[i].score = 0;
		hp->nd[i].sel = hp->nd[i].in = 0;
		hp->nd[i].rel = 0;
	}
	for (i = 0; i < hp->nb; i++) {
		const struct hblock *b = &hp->b[i];
		if (b->node < 0 || (b->flags & skip) || b->width < 25)
			continue;
		if (b->linkn * 2 > b->n)
			continue;
		double pts = 1 + (double)commas(hp->text.p + b->off, b->n) +
		    (b->width / 100 < 3 ? (double)(b->width / 100) : 3);
		a = b->node;
		if (!hp->nd[a].blockkids)	/* a paragraph: its container gets the points */
			a = hp->nd[a].parent;
		for (lvl = 0; a >= 0 && lvl < 5; lvl++, a = hp->nd[a].parent) {
			struct hnode *nd = &hp->nd[a];
			if (!nd->sel) {	/* sel: scored, for now */
				nd->sel = 1;
				nd->score = initscore(nd);
			}
			nd->score += pts / (lvl == 0 ? 1 : lvl == 1 ? 2 : lvl * 3);
		}
	}
	for (i = 0; i < hp->nn; i++) {
		struct hnode *nd = &hp->nd[i];
		if (!nd->sel)
			continue;
		nd->score *= 1 - density(nd);
		if (best < 0 || nd->score > hp->nd[best].score)
			best = (int)i;
	}
	return best;
}

static int
isunder(const struct hpage *hp, int n, int anc)
{
	for (; n >= 0; n = hp->nd[n].parent)
		if (n == anc)
			return 1;
	return 0;
}

/* Readability's refinements: up to an ancestor that holds most of the best candidates, or up
 * while the parent scores higher */
static int
refine(struct hpage *hp, int top)
{
	int alt[5], nalt = 0, a, k, i;
	size_t j;

	for (j = 0; j < hp->nn; j++) {	/* the next best, at least 3/4 of the top's score */
		if (!hp->nd[j].sel || (int)j == top || hp->nd[j].score < hp->nd[top].score * 0.75)
			continue;
		if (nalt < 5)
			alt[nalt++] = (int)j;
	}
	if (nalt >= 3)
		for (a = hp->nd[top].parent; a >= 0 && hp->nd[a].tag != TG_BODY; a = hp->nd[a].parent) {
			for (k = i = 0; i < nalt; i++)
				k += isunder(hp, alt[i], a);
			if (k >= 3) {
				top = a;
				break;
			}
		}
	double last = hp->nd[top].score, floor = last / 3;
	for (a = hp->nd[top].parent; a >= 0 && hp->nd[a].tag != TG_BODY; a = hp->nd[a].parent) {
		if (!hp->nd[a].sel)
			continue;
		if (hp->nd[a].score < floor)
			break;
		if (hp->nd[a].score > last) {
			top = a;
			break;
		}
		last = hp->nd[a].score;
	}
	return top;
}

/* Are a and b, and their ancestors up to k levels, of the same tags and names, some of the
 * names telling (a bare nest of <div>s is every page's) */
static int
sameshape(const struct hpage *hp, int a, int b, int k)
{
	int named = 0;

	for (; k >= 0; k--) {
		if (a < 0 || b < 0)
			return 0;
		if (a == b)
			break;
		if (hp->nd[a].tag != hp->nd[b].tag || hp->nd[a].weight != hp->nd[b].weight)
			return 0;
		named |= hp->nd[a].weight != 0;
		a = hp->nd[a].parent;
		b = hp->nd[b].parent;
	}
	return named;
}

/* An article cut in parts by figures or boxes between them: the elements built as the top one
 * (same tags and names three levels up) whose text scores at least a fifth of the top's (its
 * points less those of its tag and names) are more of it */
static void
cousins(struct hpage *hp, int top)
{
	double floor = (hp->nd[top].score - initscore(&hp->nd[top])) * 0.2;
	size_t i;

	if (floor < 3)
		floor = 3;
	for (i = 0; i < hp->nn; i++) {
		struct hnode *nd = &hp->nd[i];
		if (!nd->sel || nd->in || (int)i == top || nd->score - initscore(nd) < floor ||
		    (nd->flags & OUTSIDE) || density(nd) > 0.25 || !sameshape(hp, (int)i, top, 3) ||
		    isunder(hp, (int)i, top) || isunder(hp, top, (int)i))
			continue;
		nd->in = 2;
	}
}

/* The top element and its siblings that look like more of the article are chosen */
static void
siblings(struct hpage *hp, int top)
{
	int par = hp->nd[top].parent;
	double floor = hp->nd[top].score * 0.2;
	size_t i;

	if (floor < 10)
		floor = 10;
	for (i = 0; i < hp->nn; i++)
		hp->nd[i].in = 0;
	hp->nd[top].in = 2;
	if (par < 0)
		return;
	for (i = (size_t)par + 1; i < hp->nn; i++) {
		struct hnode *nd = &hp->nd[i];
		if (nd->parent != par || (int)i == top || (nd->flags & HF_HIDDEN))
			continue;
		double bonus = nd->weight && nd->weight == hp->nd[top].weight ?
		    hp->nd[top].score * 0.2 : 0;
		if (nd->sel && nd->score + bonus >= floor)
			nd->in = 2;
		else if (nd->tag == TG_P && nd->textn > 80 * 1 && density(nd) < 0.25)
			nd->in = 2;
	}
	cousins(hp, top);
}

/* in: inside a chosen element; rel: the HF_ flags from the chosen element down */
static void
inside(struct hpage *hp)
{
	size_t i;

	for (i = 0; i < hp->nn; i++) {
		struct hnode *nd = &hp->nd[i];
		int p = nd->parent;
		if (nd->in == 2)
			nd->rel = nd->own & ~(HF_ARTICLE | HF_CONTENT | HF_BOILER | HF_HEADER |
			    HF_FOOTER);
		else if (p >= 0 && hp->nd[p].in) {
			nd->in = 1;
			nd->rel = hp->nd[p].rel | nd->own;
		}
		/* a list, table or box of links inside the article is not of it */
		if (nd->in && (nd->tag == TG_UL || nd->tag == TG_OL || nd->tag == TG_TABLE ||
		    nd->tag == TG_DIV || nd->tag == TG_SECTION) && density(nd) > 0.5 &&
		    nd->textn < 4000)
			nd->rel |= HF_BOILER;
	}
}

/* A paragraph of the article that is mostly links yet prose: long, a sentence, with a
 * sentence's worth of text outside its links, which are less than 70 percent of it (a
 * summary's items that open with the link to the story; not the cards of linked names that
 * pop up, hidden by a style sheet, over most of it) */
static int
linkprose(const struct hpage *hp, size_t i)
{
	const struct hblock *b = &hp->b[i];

	return b->width >= 100 && b->linkn * 10 <= b->n * 7 && b->n - b->linkn >= 60 &&
	    ends_sentence(bstr(hp, i), b->n);
}

static size_t
bodylines(struct hpage *hp)
{
	size_t i, k = 0;

	for (i = 0; i < hp->nb; i++) {
		struct hblock *b = &hp->b[i];
		b->part = P_HEADER;
		if (b->node < 0 || !hp->nd[b->node].in || (hp->nd[b->node].rel & OUTSIDE) ||
		    (b->flags & (HF_HIDDEN | HF_FORM | HF_SCRAP)))
			continue;
		if (b->linkn * 2 > b->n && !isheading(b->tag) && !linkprose(hp, i))
			continue;
		b->part = P_BODY;
		k += b->width;
	}
	return k;
}

static void
sums(struct hpage *hp)
{
	size_t i;

	for (i = 0; i < hp->nn; i++)
		hp->nd[i].textn = hp->nd[i].linkn = 0;
	for (i = 0; i < hp->nb; i++)
		if (hp->b[i].node >= 0) {
			hp->nd[hp->b[i].node].textn += hp->b[i].n;
			hp->nd[hp->b[i].node].linkn += hp->b[i].linkn;
		}
	for (i = hp->nn; i-- > 0; )	/* children come after their parents */
		if (hp->nd[i].parent >= 0) {
			hp->nd[hp->nd[i].parent].textn += hp->nd[i].textn;
			hp->nd[hp->nd[i].parent].linkn += hp->nd[i].linkn;
		}
}

/* Chooses the article's lines: the part of every line */
static void
choose(struct hpage *hp)
{
	size_t i, total = 0, got = 0;
	int top;

	sums(hp);
	for (i = 0; i < hp->nb; i++)
		if (!(hp->b[i].flags & HF_HIDDEN))
			total += hp->b[i].width;
	top = score(hp, OUTSIDE);
	if (top >= 0) {
		top = refine(hp, top);
		siblings(hp, top);
		inside(hp);
		got = bodylines(hp);
	}
	if (got < 250 && got * 4 < total) {	/* too little: again, with the names unheeded */
		int t2 = score(hp, HF_HIDDEN | HF_NAV | HF_FORM);
		if (t2 >= 0) {
			t2 = refine(hp, t2);
			siblings(hp, t2);
			inside(hp);
			size_t got2 = bodylines(hp);
			if (got2 > got) {
				top = t2;
				got = got2;
			} else if (top >= 0) {
				score(hp, OUTSIDE);
				siblings(hp, refine(hp, top));
				inside(hp);
				got = bodylines(hp);
			}
		}
	}
	if (top < 0 || got == 0)	/* no paragraph anywhere: every line that is not boilerplate */
		for (i = 0; i < hp->nb; i++)
			hp->b[i].part = hp->b[i].flags & (OUTSIDE | HF_HEAD) ? P_HEADER : P_BODY;
}

/* ---- the headline ---- */
static const char *
bstr(const struct hpage *hp, size_t i)
{
	return hp->text.p + hp->b[i].off;
}

/* The page's <h1>: the first one in the article, else the last before it, else the first */
static long
headline(const struct hpage *hp)
{
	long first = -1, before = -1;
	size_t i;

	for (i = 0; i < hp->nb; i++) {
		const struct hblock *b = &hp->b[i];
		if (b->tag != TG_H1 || (b->flags & (HF_HIDDEN | HF_NAV | HF_ASIDE | HF_FOOTER)))
			continue;
		if (b->part == P_BODY)
			return (long)i;
		if (first < 0)
			first = (long)i;
		before = (long)i;
		size_t j;
		for (j = i + 1; j < hp->nb && hp->b[j].part != P_BODY; j++)
			;
		if (j < hp->nb)	/* the article is still to come */
			continue;
		before = first;
		break;
	}
	if (before >= 0 || first >= 0)
		return before >= 0 ? before : first;
	/* no <h1>: a headline line just above the body, past its date and source lines (a
	 * <font size=4><b> in a layout table) */
	for (i = 0; i < hp->nb && hp->b[i].part != P_BODY; i++)
		;
	while (i-- > 0) {
		const struct hblock *b = &hp->b[i];
		const char *s = hp->text.p + b->off;
		enum lineclass c = classify_line(s, b->n);
		if (c == L_META || is_date_only(s, b->n))
			continue;
		if ((c == L_TEXT || c == L_SENT) && !(b->flags & (OUTSIDE | HF_LINK)) &&
		    b->linkn == 0 && b->width >= 10 && !is_label(s, b->n))
			return (long)i;
		break;
	}
	return -1;
}

/* <title> (or og:title) less the site's name: "Headline | Site", "Site - Headline" */
static void
pagetitle(struct hpage *hp, const char **t, size_t *tn)
{
	static const char *const seps[] = { " | ", " - ", " \xE2\x80\x93 ", " \xE2\x80\x94 ",
		" :: ", " \xC2\xBB ", " \xC2\xAB ", "_", " / ", NULL };
	const struct buf *src = hp->ogtitle.n ? &hp->ogtitle : &hp->title;
	const char *s = src->p, *best = s;
	size_t n = src->n, bestn = n;
	int i;

	*t = NULL;
	*tn = 0;
	if (!n)
		return;
	for (i = 0; seps[i]; i++) {
		size_t sl = strlen(seps[i]);
		const char *p = s, *q;
		const char *e = s + n;
		int parts = 0;
		bestn = 0;
		while (p <= e) {
			for (q = p; q + sl <= e && memcmp(q, seps[i], sl); q++)
				;
			if (q + sl > e)
				q = e;
			size_t pn = (size_t)(q - p);
			parts++;
			int site = hp->site.n && pn == hp->site.n && !memcmp(p, hp->site.p, pn);
			if (!site && pn > bestn) {
				best = p;
				bestn = pn;
			}
			p = q + sl;
		}
		if (parts > 1 && bestn)
			break;
		best = s;
		bestn = n;
	}
	trim(&best, &bestn);
	*t = best;
	*tn = bestn;
}

/* ---- the genre's text rules at the edges of the body ---- */
/* A byline or date stamp: a short line with a date that is not a sentence ("By Li Na - 11/18/19
 * 11:04 PM", "Updated 1:39 am EST, Wednesday, November 20, 2019", "Posted on March 30, 2015 by
 * Admin") */
static int
stamp(const char *s, size_t n, size_t width)
{
	struct date dt;
	size_t at;

	return width <= 120 && !ends_sentence(s, n) && date_find(s, n, &dt, &at);
}

static void
edges(struct hpage *hp)
{
	size_t i, j, k;
	long last = -1;

	for (i = 0; i < hp->nb; i++) {
		struct hblock *b = &hp->b[i];
		if (b->part != P_BODY)
			continue;
		enum lineclass c = classify_line(bstr(hp, i), b->n);
		if (c != L_META && c != L_NAV && !is_date_only(bstr(hp, i), b->n) &&
		    !stamp(bstr(hp, i), b->n, b->width))
			break;
		b->part = P_HEADER;
	}
	/* a stamp among the first lines of the body: what comes before it is the headline again
	 * or its standfirst, header too */
	for (j = i, k = 0; j < hp->nb && k < 3; j++) {
		if (hp->b[j].part != P_BODY)
			continue;
		if (stamp(bstr(hp, j), hp->b[j].n, hp->b[j].width)) {
			for (; i <= j; i++)
				if (hp->b[i].part == P_BODY)
					hp->b[i].part = P_HEADER;
			break;
		}
		k++;
	}
	for (i = hp->nb; i-- > 0; ) {
		struct hblock *b = &hp->b[i];
		if (b->part != P_BODY)
			continue;
		enum lineclass c = classify_line(bstr(hp, i), b->n);
		if (c != L_FOOT && c != L_NAV && c != L_META)
			break;
		b->part = P_FOOTER;
	}
	for (i = 0; i < hp->nb; i++)
		if (hp->b[i].part == P_BODY) {
			last = (long)i;
			break;
		}
	for (i = 0; i < hp->nb; i++)	/* the rest: before the body header, after it footer */
		if (hp->b[i].part != P_BODY && hp->b[i].part != P_TITLE)
			hp->b[i].part = last >= 0 && (long)i > last ? P_FOOTER : P_HEADER;
}

/* ---- the article ---- */
static const char *
declared(const struct buf *b)
{
	return b->n ? b->p : NULL;
}

int
html_article(struct hpage *hp, const char *src, long line, article_fn fn, void *arg)
{
	struct article a;
	struct pageinfo pg;
	const char **hdr, **ftr;
	size_t i, nbody = 0;
	long ti;

	choose(hp);
	ti = headline(hp);
	if (ti < 0) {	/* no headline element: a line that is the <title> less the site name */
		const char *t;
		size_t tn;
		pagetitle(hp, &t, &tn);
		for (i = 0; tn && i < hp->nb; i++)
			if (hp->b[i].n == tn && !memcmp(bstr(hp, i), t, tn) &&
			    !(hp->b[i].flags & (HF_HEAD | HF_HIDDEN))) {
				ti = (long)i;
				break;
			}
	}
	if (ti >= 0)
		hp->b[ti].part = P_TITLE;
	edges(hp);
	for (i = 0; i < hp->nb; i++)
		nbody += hp->b[i].part == P_BODY;
	if (nbody == 0 && ti < 0) {
		warnat(src, line, "%zu line%s of page navigation, metadata or footer and no article: "
		    "skipped", hp->nb, hp->nb == 1 ? "" : "s");
		counter_add(C_PAGES_SKIPPED, 1);
		return 0;
	}
	memset(&a, 0, sizeof a);
	a.src = src;
	a.line = line;
	if (ti >= 0) {
		a.title = bstr(hp, (size_t)ti);
		a.titlen = hp->b[ti].n;
	} else
		pagetitle(hp, &a.title, &a.titlen);
	hdr = emalloc((hp->nb + 1) * sizeof *hdr);
	ftr = emalloc((hp->nb + 1) * sizeof *ftr);
	hp->part.n = 0;
	buf_add(&hp->part, "", 0);
	for (i = 0; i < hp->nb; i++) {
		switch (hp->b[i].part) {
		case P_HEADER:
			hdr[a.nheader++] = bstr(hp, i);
			break;
		case P_FOOTER:
			ftr[a.nfooter++] = bstr(hp, i);
			break;
		case P_BODY:
			if (hp->part.n)
				buf_addc(&hp->part, '\n');
			buf_add(&hp->part, bstr(hp, i), hp->b[i].n);
			break;
		}
	}
	a.header = hdr;
	a.footer = ftr;
	a.body = hp->part.p;
	a.bodyn = hp->part.n;
	pg.url = hp->url.n ? hp->url.p : declared(&hp->ogurl);
	pg.published = hp->pub[0] ? hp->pub : NULL;
	pg.site = declared(&hp->site);
	pg.lang = declared(&hp->lang);
	a.page = pg.url || pg.published || pg.site || pg.lang ? &pg : NULL;	/* null: none */
	snprintf(a.id, sizeof a.id, "%016llx",
	    (unsigned long long)article_hash(a.title, a.titlen, a.body, a.bodyn));
	int r = fn(&a, arg);
	free(hdr);
	free(ftr);
	return r;
}

/* ---- reading: the pages of a file, each in its encoding ---- */
/* The page as UTF-8 in out: converted from enc with iconv (bytes not valid in it become
 * U+FFFD, counted in *bad), else repaired (*bad invalid sequences, *nul NUL bytes) */
static void
decode(const char *s, size_t n, const char *enc, struct buf *out, size_t *bad, size_t *nul)
{
	out->n = 0;
	*bad = *nul = 0;
	if (n >= 3 && !memcmp(s, "\xEF\xBB\xBF", 3))
		s += 3, n -= 3;
	if (!enc || !*enc) {
		utf8_repair(out, s, n, bad, nul);
		return;
	}
	iconv_t cd = iconv_open("UTF-8", enc);
	char *in = (char *)s;
	size_t inleft = n;
	if (cd == (iconv_t)-1) {
		utf8_repair(out, s, n, bad, nul);
		return;
	}
	while (inleft) {
		buf_grow(out, inleft * 2 + 16);
		char *o = out->p + out->n;
		size_t oleft = out->cap - out->n - 1;
		size_t rc = iconv(cd, &in, &inleft, &o, &oleft);
		int e = errno;
		out->n = (size_t)(o - out->p);
		if (rc != (size_t)-1 || e == E2BIG)
			continue;
		buf_add(out, "\xEF\xBF\xBD", 3);	/* EILSEQ, or cut at the end */
		(*bad)++;
		in++;
		inleft--;
	}
	iconv_close(cd);
	/* NUL bytes stay NUL through iconv: they become U+FFFD too */
	for (size_t i = 0; i < out->n; i++)
		if (out->p[i] == '\0')
			(*nul)++;
	if (*nul) {
		struct buf t = { 0 };
		size_t b2 = 0, n2 = 0;
		utf8_repair(&t, out->p, out->n, &b2, &n2);
		buf_free(out);
		*out = t;
	}
	buf_addc(out, '\0');
	out->n--;
}

static int
validutf8(const char *s, size_t n)
{
	size_t i = 0, hi = 0;

	while (i < n) {
		if ((unsigned char)s[i] < 0x80) {
			i++;
			continue;
		}
		size_t k = utf8_seq((const unsigned char *)s + i, (const unsigned char *)s + n);
		if (!k)
			return 0;
		i += k;
		hi++;
	}
	return hi > 0;
}

int
html_read(struct reader *r, const char *enc, struct hpage *hp, article_fn fn, void *arg)
{
	struct buf page = { 0 }, utf = { 0 };
	int k, bad = 0;
	long line;
	char decl[40];

	while ((k = reader_page(r, &page, &line)) > 0) {
		const char *use = enc;
		size_t nbad, nnul;
		if (looksbinary((const unsigned char *)page.p, page.n) && !enc) {
			warnat(r->name, line, "binary file skipped (if it is text in another encoding, "
			    "give it with -e ENC)");
			counter_add(C_FILES_SKIPPED, 1);
			bad = 1;
			break;
		}
		if (!use) {
			html_charset(page.p, page.n, decl, sizeof decl);
			use = decl;
			if (*decl && validutf8(page.p, page.n)) {
				warnat(r->name, line, "declares charset '%s' but is valid UTF-8: read as "
				    "UTF-8", decl);
				use = NULL;
				bad = 1;
			} else if (*decl && !reader_enc_ok(decl)) {
				warnat(r->name, line, "unknown charset '%s': read as UTF-8", decl);
				use = NULL;
				bad = 1;
			}
		}
		decode(page.p, page.n, use, &utf, &nbad, &nnul);
		if (nbad || nnul) {
			warnat(r->name, line, "%zu %s and %zu NUL byte%s replaced with U+FFFD%s",
			    nbad, use && *use ? "byte sequences not valid in the page's encoding" :
			    "invalid UTF-8 sequences", nnul, nnul == 1 ? "" : "s",
			    use && *use ? "" : " (if the page is in another encoding, give it with "
			    "-e ENC)");
			counter_add(C_REPLACED, (long)(nbad + nnul));
			bad = 1;
		}
		html_parse(hp, utf.p ? utf.p : "", utf.n);
		if (hp->comment_line) {
			warnat(r->name, line + hp->comment_line - 1, "unterminated comment: the rest "
			    "of the page ignored");
			bad = 1;
		}
		if (hp->raw_line) {
			warnat(r->name, line + hp->raw_line - 1, "unterminated <%s>: the rest of the "
			    "page ignored", hp->raw_tag);
			bad = 1;
		}
		if (hp->deep_line) {
			warnat(r->name, line + hp->deep_line - 1, "elements nested deeper than %d: "
			    "flattened", HTML_MAX_DEPTH);
			bad = 1;
		}
		html_article(hp, r->name, line, fn, arg);
	}
	buf_free(&page);
	buf_free(&utf);
	return bad || k < 0;
}

int
html_input(struct reader *r, int force)
{
	const char *s;
	size_t n;

	if (force)
		return force == 'h';
	if (reader_peek(r, &s, &n) < 0)
		return 0;
	return html_sniff(s, n);
}
