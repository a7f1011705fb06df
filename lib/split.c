/* Raw page text to articles. Each line is classified (lineclass.c); a small state machine
 * walks the lines of one article: the head (navigation, title, metadata), the body, the
 * footer. A footer followed by a new headline or dateline starts the next article, and so do
 * a new file and a form feed. Hard-wrapped paragraphs are joined back; every non-blank line
 * ends up in exactly one of title, header, body or footer. */
#include <stdlib.h>
#include <string.h>

#include "readout.h"

enum phase { HEAD, BODY, FOOT };

/* A headline is near the top: the checks that compare head lines with each other look only at
 * the first HEADMAX lines, so that a page of many short lines costs no more than a line each */
enum { HEADMAX = 64 };

struct pline {
	size_t off, n;     /* the trimmed line, NUL-terminated, in sp->text */
	size_t width;      /* in characters */
	long lineno;
	enum lineclass cls;
	int gap;           /* a blank line came before it */
	signed char label; /* is_label() of it, -1 until asked */
};

struct splitter {
	article_fn fn;
	void *arg;
	const char *src;
	struct buf text;    /* the lines of the article in progress */
	struct pline *l;
	size_t nl, capl;
	int gap;
	enum phase phase;
	long bodystart, footstart, lastfoot;
	int sawtitle;
	long footother;     /* a line other than metadata or text since footstart, or -1 */
	long narticles;     /* written for the current file */
	struct buf body, carry;
	const char **hdr, **ftr;
	size_t caph, capf;
	int ret;            /* first non-zero return of fn */
};

struct splitter *
split_new(article_fn fn, void *arg)
{
	struct splitter *sp = ecalloc(1, sizeof *sp);

	sp->fn = fn;
	sp->arg = arg;
	sp->bodystart = sp->footstart = sp->lastfoot = sp->footother = -1;
	return sp;
}

void
split_free(struct splitter *sp)
{
	if (!sp)
		return;
	buf_free(&sp->text);
	buf_free(&sp->body);
	buf_free(&sp->carry);
	free(sp->l);
	free(sp->hdr);
	free(sp->ftr);
	free(sp);
}

/* ASCII case-insensitive comparison of n bytes: 0 if the same */
static int
strncasecmp_(const char *a, const char *b, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		int x = (unsigned char)a[i], y = (unsigned char)b[i];
		if (x >= 'A' && x <= 'Z')
			x += 'a' - 'A';
		if (y >= 'A' && y <= 'Z')
			y += 'a' - 'A';
		if (x != y)
			return x - y;
	}
	return 0;
}

static const char *
lstr(const struct splitter *sp, size_t i)
{
	return sp->text.p + sp->l[i].off;
}

/* A headline has a letter: "0" (a count of views) or "1 1 1" is not one */
static int
hasletter(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (is_alpha(s[i]) || (unsigned char)s[i] >= 0x80)
			return 1;
	return 0;
}

static int
istitlecand(const struct splitter *sp, size_t i)
{
	return (sp->l[i].cls == L_TEXT || sp->l[i].cls == L_SENT) &&
	    hasletter(lstr(sp, i), sp->l[i].n);
}

static int
islabelline(struct splitter *sp, size_t i)
{
	if (sp->l[i].label < 0)
		sp->l[i].label = (signed char)is_label(lstr(sp, i), sp->l[i].n);
	return sp->l[i].label;
}

/* What a title bar puts after a headline: "-Site", " | Site", "_Site" */
static int
sitesuffix(const char *s, size_t n)
{
	size_t i = 0;

	while (i < n && s[i] == ' ')
		i++;
	return i < n && (s[i] == '-' || s[i] == '_' || s[i] == '|' ||
	    (n - i >= 3 && (!memcmp(s + i, "–", 3) || !memcmp(s + i, "—", 3))));
}

/* The headline among the lines before the body: the last real headline before the first
 * metadata line if there is one, else the first line that is not a section label. */
static long
picktitle(struct splitter *sp, size_t end)
{
	size_t i, firstmeta = end;
	long any = -1, nonlabel = -1;

	/* a headline printed twice, in a title bar with the site's name after it and again
	 * over the body ("new year's greeting-Site" ... "new year's greeting"): the second */
	for (i = 1; i < end && i < HEADMAX; i++) {
		size_t k, n = sp->l[i].n;
		if (!istitlecand(sp, i) || n < 10)
			continue;
		for (k = 0; k < i; k++)
			if (istitlecand(sp, k) && sp->l[k].n > n && !memcmp(lstr(sp, k), lstr(sp, i), n) &&
			    sitesuffix(lstr(sp, k) + n, sp->l[k].n - n))
				return (long)i;
	}
	for (i = 0; i < end; i++)
		if (sp->l[i].cls == L_META) {
			firstmeta = i;
			break;
		}
	for (i = 0; firstmeta < end && i < firstmeta; i++) {
		if (!istitlecand(sp, i))
			continue;
		any = (long)i;
		if (!islabelline(sp, i))
			nonlabel = (long)i;
	}
	if (nonlabel >= 0)
		return nonlabel;
	for (i = 0; i < end; i++)
		if (istitlecand(sp, i) && !islabelline(sp, i))
			return (long)i;
	if (any >= 0)
		return any;
	for (i = 0; i < end; i++)
		if (istitlecand(sp, i))
			return (long)i;
	return -1;
}

static int
iscjk_end(const char *s, size_t n)
{
	return n >= 3 && (unsigned char)s[n - 3] >= 0xE3 && (unsigned char)s[n - 3] <= 0xE9;
}

static int
iscjk_start(const char *s, size_t n)
{
	return n >= 3 && (unsigned char)s[0] >= 0xE3 && (unsigned char)s[0] <= 0xE9;
}

static size_t
firstword(const char *s, size_t n)
{
	size_t i = 0;

	while (i < n && s[i] != ' ')
		i++;
	return ncodepoints(s, i);
}

/* Joins the body lines [from, to) into paragraphs in sp->body. */
static void
paragraphs(struct splitter *sp, size_t from, size_t to)
{
	size_t i, j;

	sp->body.n = 0;
	buf_add(&sp->body, "", 0);
	for (i = from; i < to; i = j) {
		/* a block: lines with no blank line between them */
		size_t w = 0, full = 0;
		for (j = i; j < to && (j == i || !sp->l[j].gap); j++)
			if (sp->l[j].width > w)
				w = sp->l[j].width;
		for (size_t k = i; k < j; k++)
			full += sp->l[k].width * 4 >= w * 3;
		int wrapped = j - i >= 2 && w <= 160 && full * 2 >= j - i;
		for (size_t k = i; k < j; k++) {
			const char *s = lstr(sp, k), *p = k > i ? lstr(sp, k - 1) : NULL;
			size_t n = sp->l[k].n, pn = k > i ? sp->l[k - 1].n : 0;
			int join = 0;
			if (p && !starts_list_item(s, n)) {
				if (wrapped)
					join = sp->l[k - 1].width + 1 + firstword(s, n) > w;
				else
					join = !ends_sentence(p, pn) && s[0] >= 'a' && s[0] <= 'z';
			}
			if (sp->body.n && !join)
				buf_addc(&sp->body, '\n');
			else if (join && !(iscjk_end(p, pn) && iscjk_start(s, n)) &&
			    !(pn >= 2 && p[pn - 1] == '-' && p[pn - 2] != ' ' && s[0] >= 'a' && s[0] <= 'z'))
				buf_addc(&sp->body, ' ');
			buf_add(&sp->body, s, n);
		}
	}
}

static const char **
lines(struct splitter *sp, const char **arr, size_t *cap, size_t from, size_t to, long skip,
    size_t *count)
{
	size_t i, k = 0;

	if (to - from + 1 > *cap) {
		*cap = to - from + 1;
		arr = erealloc(arr, *cap * sizeof *arr);
	}
	for (i = from; i < to; i++)
		if ((long)i != skip)
			arr[k++] = lstr(sp, i);
	*count = k;
	return arr;
}

static void
reset(struct splitter *sp)
{
	sp->nl = 0;
	sp->text.n = 0;
	sp->phase = HEAD;
	sp->bodystart = sp->footstart = sp->lastfoot = -1;
	sp->sawtitle = 0;
	sp->footother = -1;
}

/* Writes the article made of lines [0, end), if it is one. */
static void
finish(struct splitter *sp, size_t end)
{
	struct article a;
	long ti, bs = sp->bodystart, fe;

	if (end == 0)
		return;
	ti = picktitle(sp, bs < 0 ? end : (size_t)bs);
	if (bs < 0) {	/* no paragraph: what follows the title is the body */
		for (bs = ti + 1; bs < (long)end; bs++)
			if (istitlecand(sp, (size_t)bs))
				break;
	}
	fe = sp->footstart < 0 ? (long)end : sp->footstart;
	/* short lines just above the footer ("Important News", the headline again) are footer */
	if (sp->footstart >= 0)
		while (fe - 1 > bs && (sp->l[fe - 1].cls == L_TEXT || sp->l[fe - 1].cls == L_NAV ||
		    sp->l[fe - 1].cls == L_META))
			fe--;
	if (bs >= fe && (ti < 0 || islabelline(sp, (size_t)ti))) {
		warnat(sp->src, sp->l[0].lineno, "%zu line%s of page navigation, metadata or footer "
		    "and no article: skipped", end, end == 1 ? "" : "s");
		counter_add(C_PAGES_SKIPPED, 1);
		return;
	}
	memset(&a, 0, sizeof a);
	a.src = sp->src;
	a.line = sp->l[0].lineno;
	if (ti >= 0) {
		a.title = lstr(sp, (size_t)ti);
		a.titlen = sp->l[ti].n;
	}
	sp->hdr = lines(sp, sp->hdr, &sp->caph, 0, (size_t)bs, ti, &a.nheader);
	a.header = sp->hdr;
	paragraphs(sp, (size_t)bs, (size_t)(fe > bs ? fe : bs));
	a.body = sp->body.p;
	a.bodyn = sp->body.n;
	sp->ftr = lines(sp, sp->ftr, &sp->capf, (size_t)(fe > bs ? fe : bs), end, -1, &a.nfooter);
	a.footer = sp->ftr;
	snprintf(a.id, sizeof a.id, "%016llx",
	    (unsigned long long)article_hash(a.title, a.titlen, a.body, a.bodyn));
	sp->narticles++;
	int r = sp->fn(&a, sp->arg);
	if (r && !sp->ret)
		sp->ret = r;
}

static void addline(struct splitter *sp, const char *s, size_t n, long lineno, int gap,
    enum lineclass cls);

/* The article in progress ends before line k; lines k.. begin the next one. */
static void
boundary(struct splitter *sp, size_t k)
{
	size_t i, nl = sp->nl;

	finish(sp, k);
	sp->carry.n = 0;
	for (i = k; i < nl; i++)
		buf_add(&sp->carry, lstr(sp, i), sp->l[i].n + 1);
	struct pline *moved = emalloc((nl - k + 1) * sizeof *moved);
	memcpy(moved, sp->l + k, (nl - k) * sizeof *moved);
	reset(sp);
	size_t off = 0;
	for (i = 0; i < nl - k; i++) {
		addline(sp, sp->carry.p + off, moved[i].n, moved[i].lineno, moved[i].gap, moved[i].cls);
		off += moved[i].n + 1;
	}
	free(moved);
}

/* Walks back from line i-1 over short lines and navigation (a headline and what leads to
 * it) but not before line floor; returns where that run starts, and whether it has a headline. */
static size_t
headrun(struct splitter *sp, size_t i, long floor, int *headline)
{
	*headline = 0;
	while ((long)i - 1 > floor && (sp->l[i - 1].cls == L_TEXT || sp->l[i - 1].cls == L_NAV)) {
		i--;
		if (sp->l[i].cls == L_TEXT && !islabelline(sp, i))
			*headline = 1;
	}
	return i;
}

/* A CMS label alone on its line, its value on the next: "Category:", "Published Time:",
 * "Source:" (one to four words and the colon that ends the line, no colon before it) */
static int
barelabel(const char *s, size_t n)
{
	size_t i, words = 0, end;

	if (n >= 3 && !memcmp(s + n - 3, "：", 3))
		end = n - 3;
	else if (n && s[n - 1] == ':')
		end = n - 1;
	else
		return 0;
	if (end == 0 || end > 40)
		return 0;
	for (i = 0; i < end; i++) {
		if (s[i] == ':' || s[i] == '.' || s[i] == ',')
			return 0;
		words += s[i] != ' ' && (i == 0 || s[i - 1] == ' ');
	}
	return words <= 4;
}

/* Is line i the same text as one of the head's lines [0, end)? */
static int
inhead(const struct splitter *sp, size_t i, size_t end)
{
	size_t k;

	if (end > HEADMAX)
		end = HEADMAX;
	for (k = 0; k < end; k++)
		if (sp->l[k].n == sp->l[i].n && !memcmp(lstr(sp, k), lstr(sp, i), sp->l[i].n))
			return 1;
	return 0;
}

/* Does a run [k, i) hold the article's own headline again (a page that prints it twice)? A
 * section label or a line of markup repeated ("</div>") is no headline. */
static int
againheadline(struct splitter *sp, size_t k, size_t i)
{
	for (; k < i; k++)
		if (sp->l[k].cls == L_TEXT && sp->bodystart > 0 && !islabelline(sp, k) &&
		    sp->l[k].n >= 10 && inhead(sp, k, (size_t)sp->bodystart))
			return 1;
	return 0;
}

/* A teaser: a line cut off with "..." or "…", as lists of related articles print them */
static int
teaser(const char *s, size_t n)
{
	return (n >= 3 && !memcmp(s + n - 3, "...", 3)) || (n >= 3 && !memcmp(s + n - 3, "…", 3));
}

/* Is line i the last item of a breadcrumb above it, a section's name ("Home > News > Party
 * affairs"), with perhaps its name in Chinese ("Party affairs 工作纪实")? */
static int
crumbagain(const struct splitter *sp, size_t i)
{
	size_t k;

	for (k = 0; k < i && k < HEADMAX; k++) {
		const char *s = lstr(sp, k), *last = NULL, *p;
		size_t n = sp->l[k].n;
		if (sp->l[k].cls != L_NAV)
			continue;
		for (p = s; (p = memchr(p, '>', (size_t)(s + n - p))); p++)
			last = p + 1;
		if (!last)
			continue;
		size_t ln = (size_t)(s + n - last);
		trim(&last, &ln);
		size_t w = 1, j;
		for (j = 0; j < ln; j++)
			w += last[j] == ' ';
		if (ln < 4 || w > 3 || ln >= sp->l[i].n || strncasecmp_(lstr(sp, i), last, ln))
			continue;
		for (j = ln; j < sp->l[i].n && !is_alpha(lstr(sp, i)[j]); j++)
			;
		if (j == sp->l[i].n)	/* nothing more but its name in Chinese */
			return 1;
	}
	return 0;
}

static void
step(struct splitter *sp, size_t i)
{
	enum lineclass c = sp->l[i].cls;
	int headline;
	size_t k;

	switch (sp->phase) {
	case HEAD:
		/* the section's name again under the breadcrumb: "Home > News > Party affairs",
		 * "Party affairs" */
		if (c == L_TEXT && i < HEADMAX && crumbagain(sp, i)) {
			c = sp->l[i].cls = L_NAV;
			break;
		}
		/* a label alone and the short value on the line after it are metadata */
		if ((c == L_SENT || c == L_TEXT) && barelabel(lstr(sp, i), sp->l[i].n)) {
			c = sp->l[i].cls = L_META;
			break;
		}
		if ((c == L_SENT || c == L_TEXT) && i > 0 && sp->l[i - 1].cls == L_META &&
		    barelabel(lstr(sp, i - 1), sp->l[i - 1].n) && sp->l[i].width <= 60) {
			c = sp->l[i].cls = L_META;
			break;
		}
		if (c == L_PARA || c == L_DATELINE || (c == L_SENT && sp->sawtitle)) {
			sp->phase = BODY;
			sp->bodystart = (long)i;
		} else if (c == L_SENT || (c == L_TEXT && !islabelline(sp, i)))
			sp->sawtitle = 1;
		break;
	case BODY:
		if (c == L_META) {
			k = headrun(sp, i, sp->bodystart, &headline);
			if (headline && !againheadline(sp, k, i)) {
				/* a headline, then a date line: the next article */
				boundary(sp, k);
				return;
			}
		}
		if (c == L_FOOT || c == L_NAV || c == L_META) {
			sp->phase = FOOT;
			sp->footstart = sp->lastfoot = (long)i;
			sp->footother = c == L_META ? -1 : (long)i;
		}
		break;
	case FOOT:
		if (c != L_META && c != L_TEXT && sp->footother < 0)
			sp->footother = (long)i;
		if (c == L_FOOT) {
			sp->lastfoot = (long)i;
			break;
		}
		if (c == L_TEXT || c == L_NAV)
			break;
		if (teaser(lstr(sp, i), sp->l[i].n)) {	/* related articles, not a new one */
			sp->lastfoot = (long)i;
			break;
		}
		k = headrun(sp, i, sp->lastfoot, &headline);
		if ((headline || c == L_DATELINE) && !againheadline(sp, k, i)) {
			boundary(sp, k);
			return;
		}
		if (c == L_PARA || c == L_DATELINE || (c == L_SENT && sp->l[i].width > 80)) {
			/* only metadata and the headline again since the body stopped ("Source:"
			 * over the second half of a page): the body goes on */
			if (sp->footother == (long)i) {
				sp->phase = BODY;
				sp->footstart = sp->lastfoot = -1;
				break;
			}
		}
		sp->lastfoot = (long)i;	/* footer text: a copyright notice's second line */
		break;
	}
}

static void
addline(struct splitter *sp, const char *s, size_t n, long lineno, int gap, enum lineclass cls)
{
	if (sp->nl == sp->capl) {
		sp->capl = sp->capl ? sp->capl * 2 : 64;
		sp->l = erealloc(sp->l, sp->capl * sizeof *sp->l);
	}
	struct pline *pl = &sp->l[sp->nl];
	pl->off = sp->text.n;
	pl->n = n;
	pl->lineno = lineno;
	pl->gap = gap;
	pl->cls = cls;
	pl->label = -1;
	pl->width = ncodepoints(s, n);
	buf_add(&sp->text, s, n);
	buf_addc(&sp->text, '\0');
	sp->nl++;
	step(sp, sp->nl - 1);
}

int
split_line(struct splitter *sp, const char *src, long lineno, int ff, const char *s, size_t n)
{
	sp->src = src;
	if (ff) {
		finish(sp, sp->nl);
		reset(sp);
		sp->gap = 0;
	}
	trim(&s, &n);
	if (n == 0) {
		sp->gap = 1;
		return sp->ret;
	}
	addline(sp, s, n, lineno, sp->gap, classify_line(s, n));
	sp->gap = 0;
	return sp->ret;
}

long
split_end(struct splitter *sp)
{
	long k;

	finish(sp, sp->nl);
	reset(sp);
	sp->gap = 0;
	k = sp->narticles;
	sp->narticles = 0;
	return k;
}

/* "page": what the page says about itself. From HTML, what its markup declares; from text,
 * the URL of the first header line that gives it (the line stays in the header). An HTML page
 * that declares no URL but prints one in its header gets that one. null when nothing is
 * known. */
static void
page_json(struct buf *b, const struct article *a)
{
	const struct pageinfo *pi = a->page;
	const char *url = pi ? pi->url : NULL;
	size_t i, un = url ? strlen(url) : 0;

	for (i = 0; i < a->nheader && !url; i++)
		url = page_url_line(a->header[i], strlen(a->header[i]), &un);
	if (!url && !pi) {
		buf_adds(b, "null");
		return;
	}
	buf_adds(b, "{\"url\":");
	buf_json_strn(b, url, un);
	buf_adds(b, ",\"published\":");
	buf_json_strz(b, pi ? pi->published : NULL);
	buf_adds(b, ",\"site\":");
	buf_json_strz(b, pi ? pi->site : NULL);
	buf_adds(b, ",\"lang\":");
	buf_json_strz(b, pi ? pi->lang : NULL);
	buf_addc(b, '}');
}

void
article_json(struct buf *b, const struct article *a)
{
	size_t i;

	buf_adds(b, "{\"type\":\"article\",\"id\":\"");
	buf_add(b, a->id, 16);
	buf_adds(b, "\",\"src\":");
	buf_json_strz(b, a->src);
	buf_printf(b, ",\"line\":%ld,\"title\":", a->line);
	buf_json_strn(b, a->title, a->titlen);
	buf_adds(b, ",\"header\":[");
	for (i = 0; i < a->nheader; i++) {
		if (i)
			buf_addc(b, ',');
		buf_json_strz(b, a->header[i]);
	}
	buf_adds(b, "],\"body\":");
	buf_json_str(b, a->body, a->bodyn);
	buf_adds(b, ",\"footer\":[");
	for (i = 0; i < a->nfooter; i++) {
		if (i)
			buf_addc(b, ',');
		buf_json_strz(b, a->footer[i]);
	}
	buf_adds(b, "],\"page\":");
	page_json(b, a);
	buf_adds(b, "}\n");
}
