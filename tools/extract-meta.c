/* extract-meta: the meta record of every article: title, when it was published, when the
 * meeting took place, the source, where it was held and which organisation held it. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "readout.h"

struct meta {
	struct date pub, event;
	int haspub, hasevent;
	const char *src, *loc, *org; /* spans in the article's text */
	size_t srcn, locn, orgn;
	struct buf warn;             /* warnings, as JSON strings joined by ',' */
	struct buf tmp;
};

static void
warning(struct meta *m, const char *fmt, ...)
{
	char msg[200];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	if (m->warn.n)
		buf_addc(&m->warn, ',');
	buf_json_strz(&m->warn, msg);
}

static int
isupper_(char c)
{
	return c >= 'A' && c <= 'Z';
}

/* ---- published: the first date in the header, else in the footer (a CMS stamp) ---- */

static int
firstdate(const char **lines, size_t n, struct date *dt)
{
	size_t i, at;

	for (i = 0; i < n; i++)
		if (date_find(lines[i], strlen(lines[i]), dt, &at))
			return 1;
	return 0;
}

/* ---- source: what follows "Source:" or "From:" up to the next field ---- */

static int
sourcein(const char *s, size_t n, const char **v, size_t *vn)
{
	size_t i, k;

	for (i = 0; i < n; i++) {
		if (i > 0 && s[i - 1] != ' ' && s[i - 1] != '(' && s[i - 1] != '[' && s[i - 1] != '|')
			continue;
		if (has_prefix(s + i, n - i, "source"))
			k = i + 6;
		else if (has_prefix(s + i, n - i, "from"))
			k = i + 4;
		else if (n - i >= 6 && !memcmp(s + i, "来源", 6))
			k = i + 6;
		else
			continue;
		while (k < n && s[k] == ' ')
			k++;
		if (k < n && s[k] == ':')
			k++;
		else if (n - k >= 3 && !memcmp(s + k, "：", 3))
			k += 3;
		else
			continue;
		while (k < n && s[k] == ' ')
			k++;
		/* the value ends at two spaces, '|', a bracket it did not open, a date or the
		 * next field ("Date:", "Browsing volume:") */
		size_t e = k;
		int depth = 0;
		struct date dt;
		while (e < n) {
			if (s[e] == '(' || s[e] == '[')
				depth++;
			if (s[e] == '|' || ((s[e] == ')' || s[e] == ']') && depth-- == 0) ||
			    (s[e] == ' ' && e + 1 < n && s[e + 1] == ' '))
				break;
			if (e == k || s[e - 1] == ' ') {
				size_t at;
				if (meta_key_at(s + e, n - e))
					break;
				if (date_find(s + e, n - e, &dt, &at) && at == 0)
					break;
			}
			e++;
		}
		const char *val = s + k;
		size_t len = e - k;
		trim(&val, &len);
		*v = len ? val : NULL;
		*vn = len;
		return 1;
	}
	return 0;
}

static void
findsource(struct meta *m, const struct article *a)
{
	size_t i;

	for (i = 0; i < a->nheader; i++)
		if (sourcein(a->header[i], strlen(a->header[i]), &m->src, &m->srcn))
			return;
	for (i = 0; i < a->nfooter; i++)
		if (sourcein(a->footer[i], strlen(a->footer[i]), &m->src, &m->srcn))
			return;
}

/* ---- location: "held ... in Changsha", a headline's "in Beijing", a dateline's city ---- */

static int
notplace(const char *w, size_t n)
{
	static const char *const stop[] = { "the", "accordance", "order", "line", "party",
		"response", "view", "terms", "addition", "support", "light", "spite", "charge",
		"front", "xi", "this", "that", "its", "his", "her", "their", "our", "a", "an" };
	size_t i;

	if (month_of(w, n))
		return 1;
	for (i = 0; i < sizeof stop / sizeof stop[0]; i++)
		if (strlen(stop[i]) == n && has_prefix(w, n, stop[i]))
			return 1;
	return 0;
}

/* The place named at s: capitalised words, with "&" and "of" between them. Its length or 0. */
static size_t
placename(const char *s, size_t n, size_t maxwords)
{
	size_t i = 0, end = 0, words = 0;

	while (i < n && words < maxwords) {
		size_t j = i;
		while (j < n && s[j] != ' ' && s[j] != ',' && s[j] != '.' && s[j] != ';' &&
		    s[j] != ':' && s[j] != '(' && s[j] != ')' && s[j] != '"')
			j++;
		if (j == i)
			break;
		if (isupper_(s[i])) {
			if (words == 0 && notplace(s + i, j - i))
				return 0;
			end = j;
			words++;
		} else if (!(words > 0 && (s[i] == '&' || (j - i == 2 && !memcmp(s + i, "of", 2)))))
			break;
		if (j >= n || s[j] != ' ')
			break;
		i = j + 1;
	}
	return end;
}

static const char *const heldverbs[] = { " held ", " held.", " convened ", " hosted ",
	" organized ", " organised ", " opened ", " took place ", " was held", " were held",
	" kicked off", " holds ", " convenes ", " launched " };

/* "held ... in X": X after the verb, before the next comma */
static int
heldin(const char *s, size_t n, const char **loc, size_t *locn)
{
	const char *v = NULL, *p;
	size_t i, k;

	for (k = 0; k < sizeof heldverbs / sizeof heldverbs[0]; k++)
		if ((p = find_ci(s, n, heldverbs[k])) && (!v || p < v))
			v = p;
	if (!v)
		return 0;
	for (i = (size_t)(v - s) + 1; i + 4 < n && s[i] != ','; i++) {
		if (memcmp(s + i, " in ", 4))
			continue;
		size_t len = placename(s + i + 4, n - i - 4, 6);
		if (len) {
			*loc = s + i + 4;
			*locn = len;
			return 1;
		}
	}
	return 0;
}

static void
findlocation(struct meta *m, const struct article *a)
{
	const char *p = a->body, *e = a->body + a->bodyn;
	int para = 0;

	/* the sentences of the first two paragraphs that say the meeting was held */
	while (p < e && para < 2) {
		const char *pe = memchr(p, '\n', (size_t)(e - p));
		if (!pe)
			pe = e;
		const char *q = p;
		while (q < pe) {
			const char *se = q;
			while (se < pe && !((*se == '.' || *se == ';') && (se + 1 == pe || se[1] == ' ')))
				se++;
			if (heldin(q, (size_t)(se - q), &m->loc, &m->locn))
				return;
			q = se < pe ? se + 1 : pe;
		}
		p = pe + 1;
		para++;
	}
	/* the headline: "... in Beijing" at its end */
	if (a->title) {
		const char *t = a->title;
		size_t i, n = a->titlen;
		for (i = n; i-- > 0;) {
			if (i + 4 > n || memcmp(t + i, " in ", 4))
				continue;
			size_t len = placename(t + i + 4, n - i - 4, 3);
			if (len && i + 4 + len == n) {
				m->loc = t + i + 4;
				m->locn = len;
				return;
			}
			break;
		}
	}
	/* a wire-service dateline: "Beijing, 9 Sep (ZXS) -- ..." */
	const char *c = memchr(a->body, ',', a->bodyn < 40 ? a->bodyn : 40), *d;
	struct date dt;
	for (d = c ? c + 1 : NULL; d && d < e && *d == ' '; d++)
		;
	if (d && (find_ci(a->body, a->bodyn < 120 ? a->bodyn : 120, " -- ") ||
	    find_ci(a->body, a->bodyn < 120 ? a->bodyn : 120, " — ")) &&
	    date_daymonth_at(d, (size_t)(e - d), &dt)) {
		size_t len = placename(a->body, (size_t)(c - a->body), 3);
		if (len == (size_t)(c - a->body)) {
			m->loc = a->body;
			m->locn = len;
		}
	}
}

/* ---- org: who held the meeting ---- */

/* The organisation at o: words up to a verb or a clause; trailing "recently"-like words off */
static int
orgspan(const char *o, size_t len, const char **org, size_t *orgn)
{
	size_t i, words = 0;

	trim(&o, &len);
	for (i = 0; i < len; i++)
		if ((o[i] == ',' && !has_prefix(o + i, len - i, ", ltd") &&
		    !has_prefix(o + i, len - i, ", inc")) || o[i] == ';' ||
		    (o[i] == '.' && i + 2 < len && o[i + 1] == ' ' && isupper_(o[i + 2])) ||
		    has_prefix(o + i, len - i, " in ") ||
		    has_prefix(o + i, len - i, " on ") || has_prefix(o + i, len - i, " at ")) {
			len = i;
			break;
		}
	/* drop adverbs at the end: "recently", "jointly", "successfully" */
	while (len > 3 && o[len - 1] == 'y' && o[len - 2] == 'l') {
		size_t w = len;
		while (w > 0 && o[w - 1] != ' ')
			w--;
		if (w == 0)
			break;
		len = w - 1;
	}
	for (i = 0; i < len; i++)
		words += o[i] == ' ';
	if (!len || words > 7 || !(isupper_(o[0]) || has_prefix(o, len, "the ")))
		return 0;
	*org = o;
	*orgn = len;
	return 1;
}

/* Who held it: the subject of "X held/convened/hosted", or the agent of "was held by X" */
static int
subject(const char *s, size_t n, const char **org, size_t *orgn)
{
	static const char *const verbs[] = { " held ", " holds ", " convened ", " convenes ",
		" hosted ", " hosts ", " organized ", " organised ", " organizes " };
	static const char *const clause[] = { " -- ", " — ", " said ", " says ", " that " };
	size_t k, best = n, vlen = 0, i, start = 0;

	for (k = 0; k < sizeof verbs / sizeof verbs[0]; k++) {
		const char *v = find_ci(s, n, verbs[k]);
		if (v && (size_t)(v - s) < best) {
			best = (size_t)(v - s);
			vlen = strlen(verbs[k]);
		}
	}
	if (best == n)
		return 0;
	const char *after = s + best + vlen;
	size_t rest = (size_t)(s + n - after);
	if (has_prefix(after, rest, "in ") || has_prefix(after, rest, "on ") ||
	    has_prefix(after, rest, "at "))
		return 0;	/* "Meeting held in Beijing": the meeting, not who held it */
	if ((best >= 4 && has_prefix(s + best - 4, 4, " was")) ||
	    (best >= 5 && has_prefix(s + best - 5, 5, " were"))) {
		const char *by = s + best + vlen - 1;
		if (has_prefix(by, (size_t)(s + n - by), " by "))
			return orgspan(by + 4, (size_t)(s + n - by - 4), org, orgn);
		return 0;
	}
	/* after a dateline ("On July 23, X held", "Beijing, May 3 (Xinhua) -- X held") or a
	 * reporting verb ("Luo Bin said the group held"); "Co., Ltd." is no clause */
	for (i = 0; i < best; i++) {
		if (s[i] == ',' && !has_prefix(s + i, best - i, ", ltd") &&
		    !has_prefix(s + i, best - i, ", inc"))
			start = i + 1;
		else
			for (k = 0; k < sizeof clause / sizeof clause[0]; k++)
				if (has_prefix(s + i, best - i, clause[k]))
					start = i + strlen(clause[k]);
	}
	return orgspan(s + start, best - start, org, orgn);
}

static void
findorg(struct meta *m, const struct article *a)
{
	size_t n;

	/* the first sentence: up to ". X" (so "Co., Ltd. held" is inside it) */
	for (n = 0; n < a->bodyn; n++)
		if (a->body[n] == '\n' || (a->body[n] == '.' && (n + 1 == a->bodyn ||
		    (n + 2 < a->bodyn && a->body[n + 1] == ' ' && isupper_(a->body[n + 2])))))
			break;

	if (subject(a->body, n, &m->org, &m->orgn))
		return;
	if (a->title)
		subject(a->title, a->titlen, &m->org, &m->orgn);
}

/* ---- the record ---- */

static void
jsondate(struct buf *b, int has, struct date dt)
{
	char s[11];

	if (!has) {
		buf_adds(b, "null");
		return;
	}
	date_format(dt, s);
	buf_json_str(b, s, 10);
}

static void
jsonspan(struct buf *b, const char *s, size_t n)
{
	if (s)
		buf_json_str(b, s, n);
	else
		buf_adds(b, "null");
}

/* The date an HTML page declares (page.published) where the text gives none, and over the
 * text's when they are more than a day apart: on a web page the lines around the article
 * (a cookie notice, other stories' dates) are in its header and footer, while a declared
 * time stamp is in UTC, so a day either way is the local date the page prints. */
static long
daynum(struct date d)
{
	long y = d.y - (d.m <= 2), era = (y >= 0 ? y : y - 399) / 400, yoe = y - era * 400;
	long doy = (153 * (d.m + (d.m > 2 ? -3 : 9)) + 2) / 5 + d.d - 1;

	return era * 146097 + yoe * 365 + yoe / 4 - yoe / 100 + doy;
}

static void
declared(const struct article *a, struct meta *m)
{
	struct date d;
	size_t at;

	if (!a->page || !a->page->published ||
	    !date_find(a->page->published, strlen(a->page->published), &d, &at) || !date_valid(d))
		return;
	if (!m->haspub || !date_valid(m->pub) || labs(daynum(d) - daynum(m->pub)) > 1) {
		m->pub = d;
		m->haspub = 1;
	}
}

static void
meta(struct buf *out, const struct article *a, void *arg)
{
	struct meta *m = arg;
	char d1[11];
	size_t at;
	int year = 0;

	m->warn.n = 0;
	m->src = m->loc = m->org = NULL;
	m->haspub = firstdate(a->header, a->nheader, &m->pub) ||
	    firstdate(a->footer, a->nfooter, &m->pub);
	declared(a, m);
	if (m->haspub && !date_valid(m->pub)) {
		date_format(m->pub, d1);
		warning(m, "published date %s does not exist", d1);
		m->haspub = 0;
	}
	/* the lead: the first paragraph, which says when the meeting was; the year the report
	 * is about: the latest in the headline and the lead */
	const char *nl = memchr(a->body, '\n', a->bodyn);
	size_t lead = nl ? (size_t)(nl - a->body) : a->bodyn;
	m->tmp.n = 0;
	if (a->title)
		buf_add(&m->tmp, a->title, a->titlen);
	buf_addc(&m->tmp, '\n');
	buf_add(&m->tmp, a->body, lead);
	year = date_latest_year(m->tmp.p, m->tmp.n);
	if (m->haspub && year > m->pub.y) {
		date_format(m->pub, d1);
		warning(m, "published %s is before %d, the year the report is about", d1,
		    year % 10000);
	}
	m->hasevent = date_find_event(a->body, lead, &m->event, &at);
	if (m->hasevent && !m->event.y) {
		if (m->haspub && year <= m->pub.y) {
			m->event.y = m->pub.y;
			/* reports come after their meetings: a month well after the page's is last
			 * year's (a December meeting in a January page); but a January date in a
			 * December page is next year's */
			if (m->event.m == 1 && m->pub.m == 12)
				m->event.y++;
			else if (m->event.m > m->pub.m + 1)
				m->event.y--;
		} else
			m->event.y = year;
		m->hasevent = m->event.y != 0;
	}
	if (m->hasevent && !date_valid(m->event)) {
		date_format(m->event, d1);
		warning(m, "event date %s does not exist", d1);
		m->hasevent = 0;
	}
	if (a->title && a->titlen >= 3 && (!memcmp(a->title + a->titlen - 3, "...", 3) ||
	    !memcmp(a->title + a->titlen - 3, "…", 3)))
		warning(m, "headline cut off (it ends with an ellipsis)");
	findsource(m, a);
	findlocation(m, a);
	findorg(m, a);

	buf_adds(out, "{\"type\":\"meta\",\"article\":\"");
	buf_add(out, a->id, 16);
	buf_adds(out, "\",\"title\":");
	jsonspan(out, a->title, a->titlen);
	buf_adds(out, ",\"published\":");
	jsondate(out, m->haspub, m->pub);
	buf_adds(out, ",\"event_date\":");
	jsondate(out, m->hasevent, m->event);
	buf_adds(out, ",\"source\":");
	jsonspan(out, m->src, m->srcn);
	buf_adds(out, ",\"location\":");
	jsonspan(out, m->loc, m->locn);
	buf_adds(out, ",\"org\":");
	jsonspan(out, m->org, m->orgn);
	buf_adds(out, ",\"warnings\":[");
	buf_add(out, m->warn.p ? m->warn.p : "", m->warn.n);
	buf_adds(out, "]}\n");
}

int
main(int argc, char *argv[])
{
	struct meta m = { 0 };
	struct extractor x = { 0 };
	int ret;

	x.derive = meta;
	x.counter = C_META;
	x.arg = &m;
	ret = extract_main(argc, argv, &x, "Write the meta record of every article: title, dates, "
	    "source, place, organisation.");
	buf_free(&m.warn);
	buf_free(&m.tmp);
	return ret;
}
