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
	const char *title;           /* the headline less a glued date, a column, dashes */
	size_t titlen;
	struct date tdate;           /* a date glued to the headline */
	int hastdate;
	const char *lead;            /* the lead paragraph, in the body */
	size_t leadn;
	const char *hall;            /* a room or hall the meeting was held in */
	size_t halln;
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



/* ---- title: the headline, less what a page glues to it ---- */

/* "date 2024-06-03 Headline", "Headline 2021-05-10 14:29:00", "Headline (2021-07-08)",
 * "- Headline -", "Party Building News | Headline" */
static void
findtitle(struct meta *m, const struct article *a)
{
	const char *t = a->title;
	size_t n = a->titlen, k;

	m->hastdate = 0;
	if (t && (k = date_lead(t, n, &m->tdate)) && k < n) {
		m->hastdate = 1;
		t += k;
		n -= k;
	}
	if (t && (k = date_tail(t, n, &m->tdate))) {
		m->hastdate = 1;
		n = k;
	}
	/* dashes or stars around it */
	while (t && n >= 4 && (t[0] == '-' || t[0] == '*') && t[1] == ' ' &&
	    t[n - 1] == t[0] && t[n - 2] == ' ') {
		t += 2;
		n -= 4;
		trim(&t, &n);
	}
	/* a column's name before one bar: a few words before it, more after */
	const char *bar = t ? memchr(t, '|', n) : NULL;
	if (bar && !memchr(bar + 1, '|', n - (size_t)(bar + 1 - t))) {
		const char *r = bar + 1;
		size_t rn = n - (size_t)(r - t), ln = (size_t)(bar - t), i, lw = 1, rw = 1;
		trim(&r, &rn);
		for (i = 0; i < ln; i++)
			lw += t[i] == ' ' && i + 1 < ln && t[i + 1] != ' ' && t[i + 1] != '|';
		for (i = 0; i < rn; i++)
			rw += r[i] == ' ' && i + 1 < rn && r[i + 1] != ' ';
		struct date dt;
		size_t at;
		if (lw <= 4 && rw > lw && rw >= 4 && !date_find(r, rn, &dt, &at)) {
			t = r;
			n = rn;
		}
	}
	if (t)
		trim(&t, &n);
	m->title = t && n ? t : NULL;
	m->titlen = n;
}

/* ---- published: the date the page prints for itself ---- */

/* Does the line say it is a date (a field such as "Date:" or "Release time:" on it, or a date
 * glued to its front, or nothing but the date)? A site's banner ("Welcome ... Saturday, Oct
 * 16, 2021") does not. */
static int
datedline(const char *s, size_t n)
{
	struct date dt;
	size_t i;

	if (date_lead(s, n, &dt) || is_date_only(s, n))
		return 1;
	for (i = 0; i < n; i++)
		if ((i == 0 || s[i - 1] == ' ' || s[i - 1] == '|' || s[i - 1] == '(' ||
		    s[i - 1] == '[' || (unsigned char)s[i - 1] >= 0x80) && is_alpha(s[i]) &&
		    meta_key_at(s + i, n - i))
			return 1;
	return 0;
}

/* The first date in lines that are date lines (dated 1) or in any of them (dated 0) */
static int
firstdate(const char **lines, size_t n, struct date *dt, int dated)
{
	size_t i, at;

	for (i = 0; i < n; i++) {
		size_t len = strlen(lines[i]);
		if ((!dated || datedline(lines[i], len)) && date_find(lines[i], len, dt, &at))
			return 1;
	}
	return 0;
}

/* The page's date: a date line in the header; a date glued to the headline or to the first
 * line of the body; any date in the header; a date in the footer (a CMS stamp). */
static int
findpublished(struct meta *m, const struct article *a)
{
	size_t k;
	const char *nl;

	if (firstdate(a->header, a->nheader, &m->pub, 1))
		return 1;
	if (m->hastdate) {
		m->pub = m->tdate;
		return 1;
	}
	nl = memchr(a->body, '\n', a->bodyn);
	if ((k = date_lead(a->body, nl ? (size_t)(nl - a->body) : a->bodyn, &m->pub)))
		return 1;
	return firstdate(a->header, a->nheader, &m->pub, 0) ||
	    firstdate(a->footer, a->nfooter, &m->pub, 0);
}

/* ---- source: what follows "Source:" or "From:" up to the next field ---- */

/* Another field's name at s: a known one ("Reading times:", "Posted Date:"), or one word
 * and its colon */
static int
labelnext(const char *s, size_t n)
{
	size_t i = 0;

	if (meta_key_at(s, n))
		return 1;
	while (i < n && is_alpha(s[i]))
		i++;
	return i > 0 && i < n && (s[i] == ':' || (n - i >= 3 && !memcmp(s + i, "：", 3)));
}

static int
sourcein(const char *s, size_t n, const char **v, size_t *vn)
{
	size_t i, k;

	for (i = 0; i < n; i++) {
		if (i > 0 && s[i - 1] != ' ' && s[i - 1] != '(' && s[i - 1] != '[' && s[i - 1] != '|')
			continue;
		if (has_prefix(s + i, n - i, "sources"))
			k = i + 7;	/* "Information sources:FEDI" */
		else if (has_prefix(s + i, n - i, "source"))
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
		if (labelnext(s + k, n - k)) {	/* "Source: Reading times: 25": no value */
			*v = NULL;
			*vn = 0;
			return 1;
		}
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

	/* the first that names one: an empty "Source:" under the headline leaves the footer's */
	for (i = 0; i < a->nheader; i++)
		if (sourcein(a->header[i], strlen(a->header[i]), &m->src, &m->srcn) && m->src)
			return;
	for (i = 0; i < a->nfooter; i++)
		if (sourcein(a->footer[i], strlen(a->footer[i]), &m->src, &m->srcn) && m->src)
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

/* A headline's verb after a place: "Seminar Held", "Conference Opens" */
static int
headverb(const char *w, size_t n)
{
	static const char *const verbs[] = { "held", "holds", "opens", "opened", "convened",
		"convenes", "launched", "launches", "kicks", "closes", "concludes", "concluded" };
	size_t i;

	for (i = 0; i < sizeof verbs / sizeof verbs[0]; i++)
		if (strlen(verbs[i]) == n && has_prefix(w, n, verbs[i]))
			return 1;
	return 0;
}

/* A room, hall or campus ("Room 345", "Sandun Hospital Area", "Kerong Venture Building"):
 * a part of a place, not the place where the meeting was */
static int
venue(const char *s, size_t n)
{
	static const char *const parts[] = { "room", "hall", "auditorium", "building", "campus",
		"area", "hotel", "floor", "office", "venue" };
	size_t i, w = n;

	while (w > 0 && s[w - 1] != ' ')
		w--;
	for (i = 0; i < sizeof parts / sizeof parts[0]; i++)
		if (strlen(parts[i]) == n - w && has_prefix(s + w, n - w, parts[i]))
			return 1;
	return 0;
}

/* An abbreviation, "held in CNQC": in running text a place is not written in capitals, an
 * organisation's short name is (a wire dateline's "BEIJING," is read elsewhere) */
static int
abbreviation(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (!isupper_(s[i]) && !(s[i] >= '0' && s[i] <= '9'))
			return 0;
	return n >= 2;
}

/* The place named at s: capitalised words, with "&" and "of" between them. Its length or 0. */
static size_t
placename(const char *s, size_t n, size_t maxwords)
{
	size_t i = 0, end = 0, words = 0;

	while (i < n && words < maxwords) {
		size_t j = i;
		while (j < n && s[j] != ' ' && s[j] != ',' && s[j] != '.' && s[j] != ';' &&
		    s[j] != ':' && s[j] != '(' && s[j] != ')' && s[j] != '"' && s[j] != '!' &&
		    s[j] != '?' && !(s[j] == '-' && j + 1 < n && (unsigned char)s[j + 1] >= 0x80) &&
		    (unsigned char)s[j] < 0xE3)
			j++;
		if (j == i)
			break;
		if (isupper_(s[i])) {
			if (words == 0 && notplace(s + i, j - i))
				return 0;
			if (words > 0 && headverb(s + i, j - i))
				break;	/* "... in Innovation Held" */
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

/* "held ... in X": X after the verb, before the next comma; not a room or hall, not an
 * organisation's abbreviation, not the sub-venues of a teleconference ("held by video,
 * with sub-venues in ...") */
static int
heldin(struct meta *m, const char *s, size_t n)
{
	const char *v = NULL, *p;
	size_t i, k;

	for (k = 0; k < sizeof heldverbs / sizeof heldverbs[0]; k++)
		if ((p = find_ci(s, n, heldverbs[k])) && (!v || p < v))
			v = p;
	if (!v)
		return 0;
	for (i = (size_t)(v - s) + 1; i + 4 < n && s[i] != ','; i++) {
		if (!memcmp(s + i, "venue", 5) && i >= 4 && (find_ci(s + i - 4, 4, "sub") ||
		    (i >= 7 && find_ci(s + i - 7, 7, "branch"))))
			break;
		if (memcmp(s + i, " in ", 4))
			continue;
		size_t len = placename(s + i + 4, n - i - 4, 6);
		if (len && venue(s + i + 4, len)) {
			/* the hall, if no place is named elsewhere; a "Room" alone never */
			if (!m->hall && memchr(s + i + 4, ' ', len)) {
				m->hall = s + i + 4;
				m->halln = len;
			}
			continue;
		}
		if (len && !abbreviation(s + i + 4, len)) {
			m->loc = s + i + 4;
			m->locn = len;
			return 1;
		}
	}
	return 0;
}

/* A wire-service dateline opening the lead, "Beijing, 9 Sep (ZXS) -- ...", "BEIJING, June 3
 * (Xinhua) -- ...": the length of the place (and its date in *dt), else 0 */
static size_t
wiredateline(const char *s, size_t n, struct date *dt)
{
	const char *c = memchr(s, ',', n < 40 ? n : 40), *d, *e = s + n;
	size_t head = n < 120 ? n : 120;

	if (!c || !(find_ci(s, head, " -- ") || find_ci(s, head, " — ")))
		return 0;
	for (d = c + 1; d < e && *d == ' '; d++)
		;
	if (!date_daymonth_at(d, (size_t)(e - d), dt))
		return 0;
	size_t len = placename(s, (size_t)(c - s), 3);
	return len == (size_t)(c - s) ? len : 0;
}

/* A photo's caption: a paragraph that ends with its credit, "(Xinhua/Yao Dawei)", "(Photo by
 * Li Ming)" */
static int
caption(const char *s, size_t n)
{
	const char *o;

	trim(&s, &n);
	if (n < 2 || s[n - 1] != ')')
		return 0;
	for (o = s + n - 1; o > s && *o != '('; o--)
		;
	return *o == '(' && (memchr(o, '/', (size_t)(s + n - o)) ||
	    has_prefix(o + 1, (size_t)(s + n - o - 1), "photo"));
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
			if (heldin(m, q, (size_t)(se - q)))
				return;
			q = se < pe ? se + 1 : pe;
		}
		p = pe + 1;
		para++;
	}
	/* the headline: "... in Beijing" at its end */
	if (m->title) {
		const char *t = m->title;
		size_t i, n = m->titlen;
		for (i = n; i-- > 0;) {
			if (i + 4 > n || memcmp(t + i, " in ", 4))
				continue;
			size_t len = placename(t + i + 4, n - i - 4, 3);
			if (len && i + 4 + len == n && !venue(t + i + 4, len) &&
			    !abbreviation(t + i + 4, len)) {
				m->loc = t + i + 4;
				m->locn = len;
				return;
			}
			break;
		}
	}
	/* a wire-service dateline: "Beijing, 9 Sep (ZXS) -- ..." */
	struct date dt;
	size_t len = wiredateline(m->lead, m->leadn, &dt);
	if (len) {
		m->loc = m->lead;
		m->locn = len;
	} else if (m->hall) {
		m->loc = m->hall;
		m->locn = m->halln;
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
	if (m->title)
		subject(m->title, m->titlen, &m->org, &m->orgn);
}

/* A published date read "05-09-2023" could be 5 September or 9 May: the reading on or
 * soonest after the event the page reports (pages come after their meetings) */
static void
settle(struct date *pub, struct date ev)
{
	struct date sw = *pub;
	int y = ev.y ? ev.y : pub->y;

	sw.m = pub->d;
	sw.d = pub->m;
	long e = (long)y * 372 + ev.m * 31 + ev.d;
	long a = (long)pub->y * 372 + pub->m * 31 + pub->d - e;
	long b = (long)sw.y * 372 + sw.m * 31 + sw.d - e;
	if (b >= 0 && (a < 0 || b < a))
		*pub = sw;
	pub->amb = 0;
}

static const char *
monthname(int m)
{
	static const char *const names[] = { "January", "February", "March", "April", "May",
		"June", "July", "August", "September", "October", "November", "December" };

	return m >= 1 && m <= 12 ? names[m - 1] : "?";
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
	m->src = m->loc = m->org = m->hall = NULL;
	findtitle(m, a);
	/* the lead: the first paragraph, which says when the meeting was, or the one after a
	 * photo's caption; the year the report is about: the latest in the headline and the
	 * lead */
	const char *nl = memchr(a->body, '\n', a->bodyn);
	m->lead = a->body;
	m->leadn = nl ? (size_t)(nl - a->body) : a->bodyn;
	if (nl && caption(m->lead, m->leadn)) {
		m->lead = nl + 1;
		nl = memchr(m->lead, '\n', (size_t)(a->body + a->bodyn - m->lead));
		m->leadn = nl ? (size_t)(nl - m->lead) : (size_t)(a->body + a->bodyn - m->lead);
	}
	m->hasevent = date_find_event(m->lead, m->leadn, &m->event, &at) ||
	    wiredateline(m->lead, m->leadn, &m->event);
	m->haspub = findpublished(m, a);
	declared(a, m);	/* the date the HTML page declares, if far from the one seen */
	if (m->haspub && m->pub.amb && m->hasevent)
		settle(&m->pub, m->event);
	if (m->haspub && !date_valid(m->pub)) {
		date_format(m->pub, d1);
		warning(m, "published date %s does not exist", d1);
		m->haspub = 0;
	}
	m->tmp.n = 0;
	if (m->title)
		buf_add(&m->tmp, m->title, m->titlen);
	buf_addc(&m->tmp, '\n');
	buf_add(&m->tmp, m->lead, m->leadn);
	year = date_latest_year(m->tmp.p, m->tmp.n);
	if (m->haspub && year > m->pub.y) {
		date_format(m->pub, d1);
		warning(m, "published %s is before %d, the year the report is about", d1,
		    year % 10000);
	}
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
		if (!m->event.y)	/* say what was seen, so that nothing goes without a trace */
			warning(m, "event on %s %d, year not known", monthname(m->event.m),
			    m->event.d % 100);
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
	buf_json_strn(out, m->title, m->titlen);
	buf_adds(out, ",\"published\":");
	jsondate(out, m->haspub, m->pub);
	buf_adds(out, ",\"event_date\":");
	jsondate(out, m->hasevent, m->event);
	buf_adds(out, ",\"source\":");
	buf_json_strn(out, m->src, m->srcn);
	buf_adds(out, ",\"location\":");
	buf_json_strn(out, m->loc, m->locn);
	buf_adds(out, ",\"org\":");
	buf_json_strn(out, m->org, m->orgn);
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
