/* What kind of line a scraped page line is. The word lists hold what news sites print around
 * an article: in English and in Chinese, since many English pages keep a Chinese CMS footer. */
#include <string.h>

#include "readout.h"

/* A line that starts with one of these, then optional spaces and ':' or '：', is metadata. */
static const char *const metakeys[] = {
	"source", "sources", "date", "time", "date time", "datetime", "release time", "release date",
	"released", "publish time", "publish date", "published", "publishing time", "post time",
	"posted", "posted on", "updated", "update time", "updated on", "last updated", "created time",
	"created", "creation time", "issue time", "issued", "browsing volume", "browse times",
	"browse", "hits", "hit", "views", "view count", "view", "visits", "clicks", "page views",
	"author", "authors", "editor", "editors", "reporter", "reporters", "writer", "written by",
	"from", "publishdate", "pubdate", "photo", "photos", "translator", "translated by",
	"responsible editor", "chief editor", "contributor", "origin", "posted date", "post date",
	"reading times", "read times", "text size", "category", "tags", "column",
	"article source", "information source", "information sources", "page view",
	"来源", "发布时间", "发布日期", "时间", "日期", "作者", "编辑", "责任编辑", "浏览次数", "点击",
	"点击数", "浏览量", "稿源", "供稿", "审核", "摄影",
};

/* Footer: lines that start with these (case-insensitive), unless the line is a sentence of
 * more than six words ("Powered by solar energy, the village thrives.") */
static const char *const footstart[] = {
	"related news", "related articles", "related links", "related stories",
	"related reading", "related:", "next article", "next:", "next one", "next news",
	"previous article", "previous:", "previous one", "prev:", "last article", "last one",
	"last news", "share to", "share:", "share this", "print this", "print page", "back to top",
	"top of page", "powered by", "produced by", "designed by", "technical support",
	"contact us", "disclaimer", "privacy policy", "terms of use", "all rights reserved",
	"scan the qr code", "scan qr code", "follow us", "(end)", "[end]", "- end -", "-end-",
	"【print】", "【close】", "[print]", "[close]", "【打印】", "【关闭】", "上一篇", "下一篇",
	"相关新闻", "相关链接", "分享到", "打印本页", "关闭窗口", "返回顶部",
};

/* Footer: lines that are only these words (case and punctuation aside) */
static const char *const footline[] = {
	"end", "print", "close", "print close", "close print", "share", "top", "back",
	"return", "print this page", "close window", "打印", "关闭", "返回",
};

/* Footer: lines that hold these anywhere */
static const char *const footany[] = {
	"©", "all rights reserved", "rights reserved", "contact us |", "| contact us",
	"publishdate:", "icp备", "icp license", "icp no", "公网安备", "版权所有",
	"主办单位", "承办单位", "技术支持", "网站地图", "联系我们", "网站群内容管理系统", "网站标识码",
	"地址：", "电话：", "邮编：", "传真：",
};

/* Footer: lines that hold these anywhere, unless the line is a sentence of more than six words
 * ("The site map shows every page.") */
static const char *const footweak[] = {
	"site map", "sitemap", "without written authorization", "without permission",
	"shall not be republished", "reproduction", "reprinted",
};

/* Navigation: lines that start with these */
static const char *const navstart[] = {
	"you are here", "your location", "your current location", "current location",
	"your position", "current position", "location:", "position:", "home >", "home>",
	"home page >", "homepage >", "home »", "home /", "font size", "font:", "text size",
	"当前位置", "您现在的位置", "您的位置", "首页 >", "首页>", "字号", ">",
};

/* Is low, the line in lower case, one of the footline entries but for punctuation and
 * spaces? */
static int
isfootline(const char *low, size_t n)
{
	char w[24];
	size_t i, m = 0;

	for (i = 0; i < n && m < 20; i++) {	/* no entry is longer than 15 */
		unsigned char c = (unsigned char)low[i];
		if (is_alnum((char)c) || c >= 0x80)
			w[m++] = (char)c;
		else if (c == ' ' && m && w[m - 1] != ' ')
			w[m++] = ' ';
	}
	if (i < n)
		return 0;
	while (m && w[m - 1] == ' ')
		m--;
	w[m] = '\0';
	for (i = 0; i < sizeof footline / sizeof footline[0]; i++)
		if (!strcmp(w, footline[i]))
			return 1;
	return 0;
}

/* What classify_line looks for anywhere in a line, found in one pass over it: the footer
 * words of footany and footweak, navigation arrows, a wire-service dash, ", on " before a
 * date, a possible sentence break, a colon (no metadata key without one) and a bar (no menu
 * without one). Each is a bit of the mask scan() returns. */
enum {
	NANY = sizeof footany / sizeof footany[0],
	NWEAK = sizeof footweak / sizeof footweak[0],
	P_ANY = 0, P_WEAK = P_ANY + NANY,
	P_NAV = P_WEAK + NWEAK,		/* " > ", ">>", " » " */
	P_DASH = P_NAV + 3,		/* " -- ", " — ", " —— " */
	P_ON = P_DASH + 3,		/* ", on ", ": on " */
	P_BRK = P_ON + 2,		/* ". ", "! ", "? ", "。": maybe a sentence break */
	P_COLON = P_BRK + 4,		/* ":", "：": maybe a metadata key before it */
	P_BAR = P_COLON + 2,		/* "|": maybe a menu */
	NPAT = P_BAR + 1,
	NFOOTSTART = sizeof footstart / sizeof footstart[0],
	NNAVSTART = sizeof navstart / sizeof navstart[0]
};
_Static_assert(NPAT <= 64 && NFOOTSTART <= 64 && NNAVSTART <= 64, "lists fit a bit mask");

static const char *
pattern(int k)
{
	static const char *const more[] = { " > ", ">>", " » ", " -- ", " — ", " —— ", ", on ",
		": on ", ". ", "! ", "? ", "。", ":", "：", "|" };

	return k < P_WEAK ? footany[k] : k < P_NAV ? footweak[k - P_WEAK] : more[k - P_NAV];
}

struct scan {
	uint64_t found;		/* bit k: pattern k occurs */
	size_t dash[3];		/* where each dash pattern first starts */
	size_t brk;		/* where the first possible sentence break is, or n */
};

/* The patterns that may start at a byte: those whose first byte is s[0], second s[1] and
 * third s[2], and their lengths. Filled once, only read after. */
static struct {
	unsigned char bigram[65536 / 8];	/* bit b0 | b1 << 8: some pattern starts b0 b1 */
	uint64_t first[256], second[256], third[256];
	unsigned char len[NPAT];
	/* footstart and navstart by their first byte, and their lengths */
	uint64_t foot1[256], nav1[256];
	unsigned char footlen[NFOOTSTART], navlen[NNAVSTART];
} tab;

static void
tab_init(void)
{
	int k, c;

	for (k = 0; k < NFOOTSTART; k++) {
		tab.foot1[(unsigned char)footstart[k][0]] |= (uint64_t)1 << k;
		tab.footlen[k] = (unsigned char)strlen(footstart[k]);
	}
	for (k = 0; k < NNAVSTART; k++) {
		tab.nav1[(unsigned char)navstart[k][0]] |= (uint64_t)1 << k;
		tab.navlen[k] = (unsigned char)strlen(navstart[k]);
	}

	for (k = 0; k < NPAT; k++) {
		const unsigned char *p = (const unsigned char *)pattern(k);
		uint64_t bit = (uint64_t)1 << k;
		tab.len[k] = (unsigned char)strlen((const char *)p);
		tab.first[p[0]] |= bit;
		for (c = 0; c < 256; c++) {	/* a pattern of one byte: any byte after it */
			unsigned char b2[2] = { p[0], p[1] ? p[1] : (unsigned char)c };
			uint16_t b;
			memcpy(&b, b2, 2);	/* as scan() reads it, in the machine's byte order */
			tab.bigram[b >> 3] |= (unsigned char)(1u << (b & 7));
			if (!p[1] || p[1] == c)
				tab.second[c] |= bit;
			if (!p[1] || !p[2] || p[2] == c)
				tab.third[c] |= bit;
		}
	}
}

/* the lowest set bit of a non-zero c */
static int
lowbit(uint64_t c)
{
#if defined(__GNUC__) || defined(__clang__)
	return __builtin_ctzll(c);
#else
	int k = 0;
	while (!(c & 1))
		c >>= 1, k++;
	return k;
#endif
}

/* Scans low[0, n), which may be read up to low[n + 1]; a dash or ", on " counts only within the
 * first head bytes, an arrow only in a line of 200 bytes or less (as classify_line wants). */
static struct scan
scan(const char *low, size_t n, size_t head)
{
	const unsigned char *u = (const unsigned char *)low;
	struct scan r = { 0, { 0, 0, 0 }, n };
	size_t i;

	for (i = 0; i < n; i++) {
		uint16_t b;
		memcpy(&b, u + i, 2);	/* one load */
		if (!(tab.bigram[b >> 3] >> (b & 7) & 1))
			continue;
		uint64_t c = tab.first[u[i]] & tab.second[u[i + 1]] & tab.third[u[i + 2]] & ~r.found;
		while (c) {
			int k = lowbit(c);
			size_t len = tab.len[k];
			c &= c - 1;
			if (len > n - i || memcmp(low + i, pattern(k), len))
				continue;
			if ((k >= P_NAV && k < P_DASH && n > 200) ||
			    (k >= P_DASH && k < P_ON && i + len > head) ||
			    (k >= P_ON && k < P_BRK && i + 2 >= head))
				continue;
			if (k >= P_BRK && k < P_COLON) {	/* as nsentences() counts them */
				if (i == 0 || i + 2 >= n || (k == P_BRK + 3 && i + 3 >= n))
					continue;
				if (i < r.brk)
					r.brk = i;
			}
			if (k >= P_DASH && k < P_ON)
				r.dash[k - P_DASH] = i;
			r.found |= (uint64_t)1 << k;
		}
	}
	return r;
}

/* Does low, the line in lower case, start with an entry of list (whose entries are indexed
 * by first byte in first and their lengths in len) that ends at a word boundary? */
static int
startswith(const char *low, size_t n, const char *const *list, const uint64_t *first,
    const unsigned char *len)
{
	uint64_t c = n ? first[(unsigned char)low[0]] : 0;

	while (c) {
		int k = lowbit(c);
		size_t m = len[k];
		c &= c - 1;
		if (m <= n && !memcmp(low, list[k], m) && (m == n ||
		    !is_alnum(list[k][m - 1]) || !is_alnum(low[m])))
			return 1;
	}
	return 0;
}

size_t
meta_key_at(const char *s, size_t n)
{
	size_t i, k;
	const char *colon = memchr(s, ':', n), *wide = memchr(s, 0xEF, n);

	if (!colon && !wide)
		return 0;	/* no key without its colon: most lines, found fast */
	for (i = 0; i < sizeof metakeys / sizeof metakeys[0]; i++) {
		const char *key = metakeys[i];
		/* the first byte first: keys start with a lower-case letter or a CJK lead byte */
		if (((unsigned char)s[0] | 0x20) != (unsigned char)key[0] || !has_prefix(s, n, key))
			continue;
		k = strlen(key);
		while (k < n && s[k] == ' ')
			k++;
		if (k < n && s[k] == ':')
			return k + 1;
		if (n - k >= 3 && !memcmp(s + k, "：", 3))
			return k + 3;
	}
	return 0;
}

/* low: the line in lower case */
static int
ismeta(const char *low, size_t n)
{
	if (n && (*low == '(' || *low == '['))	/* "(Editor: Wang Lu)" */
		low++, n--;
	return n && meta_key_at(low, n) > 0;
}

/* the words of s, but no more than max */
static size_t
nwords(const char *s, size_t n, size_t max)
{
	size_t i, k = 0;

	for (i = 0; i < n && k < max; i++)
		k += s[i] != ' ' && (i == 0 || s[i - 1] == ' ');
	return k;
}

/* "Copyright 2023 ...", "Copyright © ...", "Copyright: ...", but not "Copyright Protection
 * Work Conference Held" */
static int
iscopyright(const char *low, size_t n)
{
	size_t k = 9;

	if (n < 9 || memcmp(low, "copyright", 9))
		return 0;
	while (k < n && low[k] == ' ')
		k++;
	if (k == n || !(low[k] >= 'a' && low[k] <= 'z'))
		return 1;
	return !strncmp(low + k, "by ", 3) || !strncmp(low + k, "reserved", 8) ||
	    !strncmp(low + k, "notice", 6);
}

/* A menu: three or more short items between '|' ("A | A | A", "Home | About | News");
 * classify_line asks only of a line in which its scan found a '|' */
static int
ismenu(const char *s, size_t n)
{
	size_t i, bars = 0, words = 0, maxwords = 0;
	int inword = 0;

	for (i = 0; i < n; i++) {
		if (s[i] == '|') {
			bars++;
			words = 0;
			inword = 0;
		} else if (s[i] == ' ') {
			inword = 0;
		} else if (!inword) {
			inword = 1;
			if (++words > maxwords)
				maxwords = words;
		}
	}
	return bars >= 2 && maxwords <= 4;
}

int
ends_sentence(const char *s, size_t n)
{
	trim(&s, &n);
	/* step back over closing quotes and brackets */
	while (n) {
		unsigned char c = (unsigned char)s[n - 1];
		if (c == '"' || c == '\'' || c == ')' || c == ']')
			n--;
		else if (n >= 3 && (!memcmp(s + n - 3, "”", 3) || !memcmp(s + n - 3, "’", 3) ||
		    !memcmp(s + n - 3, "）", 3) || !memcmp(s + n - 3, "」", 3) ||
		    !memcmp(s + n - 3, "』", 3) || !memcmp(s + n - 3, "】", 3)))
			n -= 3;
		else
			break;
	}
	if (!n)
		return 0;
	char c = s[n - 1];
	if (c == '.' || c == '!' || c == '?' || c == ';' || c == ':')
		return !(n >= 3 && !memcmp(s + n - 3, "...", 3));	/* a cut headline */
	if (n >= 3) {
		const char *t = s + n - 3;
		return !memcmp(t, "。", 3) || !memcmp(t, "！", 3) || !memcmp(t, "？", 3) ||
		    !memcmp(t, "；", 3) || !memcmp(t, "：", 3);
	}
	return 0;
}

/* Sentence breaks inside the line: ". X" where the word before is not an abbreviation; the
 * first possible one is at from. */
static int
nsentences(const char *s, size_t n, size_t from)
{
	static const char *const abbr[] = { "mr", "mrs", "ms", "dr", "no", "co", "ltd", "inc",
		"jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
		"st", "vs", "prof", "gen", "gov", "rep", "sen", "corp", "dept", "u.s", "e.g", "i.e",
		"etc", "jr", "sr", "vol", "art", "fig" };
	size_t i, j, k = 1;

	for (i = from > 1 ? from : 1; i + 2 < n; i++) {
		if ((unsigned char)s[i] > '?' && (unsigned char)s[i] != 0xE3)
			continue;	/* letters and most bytes: not a break */
		if ((s[i] == '.' || s[i] == '!' || s[i] == '?') && s[i + 1] == ' ') {
			unsigned char nx = (unsigned char)s[i + 2];
			if (!((nx >= 'A' && nx <= 'Z') || nx == '"' || nx >= 0xE2))
				continue;
			for (j = i; j > 0 && s[j - 1] != ' ' && s[j - 1] != '('; j--)
				;
			size_t w = i - j, isabbr = w == 1;	/* an initial: "J. Smith" */
			size_t a = w > 4 ? sizeof abbr / sizeof abbr[0] : 0;	/* none is longer */
			for (; !isabbr && a < sizeof abbr / sizeof abbr[0]; a++)
				isabbr = has_prefix(s + j, w, abbr[a]) && strlen(abbr[a]) == w;
			k += !isabbr;
		} else if ((unsigned char)s[i] == 0xE3 && (unsigned char)s[i + 1] == 0x80 &&
		    (unsigned char)s[i + 2] == 0x82 && i + 3 < n)
			k++;	/* 。 inside the line */
	}
	return (int)k;
}

int
starts_list_item(const char *s, size_t n)
{
	static const char *const ord[] = { "first", "second", "third", "fourth", "fifth",
		"sixth", "seventh", "eighth", "ninth", "tenth", "finally", "last" };
	size_t i = 0, k;

	for (k = 0; k < sizeof ord / sizeof ord[0]; k++) {
		size_t len = strlen(ord[k]);
		if (has_prefix(s, n, ord[k])) {
			if (len + 2 < n && s[len] == 'l' && s[len + 1] == 'y')
				len += 2;
			if (len < n && s[len] == ',')
				return 1;
		}
	}

	if (n >= 3 && (unsigned char)s[0] == 0xE2 && (unsigned char)s[1] == 0x91 &&
	    (unsigned char)s[2] >= 0xA0 && (unsigned char)s[2] <= 0xB3)
		return 1;	/* ① .. ⑳ */
	if (n >= 3 && !memcmp(s, "•", 3))
		return 1;
	if (n >= 2 && (s[0] == '-' || s[0] == '*') && s[1] == ' ')
		return 1;
	if (n && s[0] == '(')
		i = 1;
	size_t d = i;
	while (i < n && s[i] >= '0' && s[i] <= '9')
		i++;
	if (i == d || i - d > 2 || i >= n)
		return 0;
	if (d)	/* (3) */
		return s[i] == ')';
	return (s[i] == '.' || s[i] == ')') && (i + 1 == n || s[i + 1] == ' ') ? 1 :
	    n - i >= 3 && !memcmp(s + i, "、", 3);
}

/* "Saturday", "Sat", "Sat." */
static int
weekday(const char *w, size_t n)
{
	static const char *const days[] = { "monday", "tuesday", "wednesday", "thursday",
		"friday", "saturday", "sunday" };
	size_t i;

	if (n && w[n - 1] == '.')
		n--;
	if (n < 3 || n > 9 || !strchr("mtwfs", w[0] | 0x20))
		return 0;
	for (i = 0; i < 7; i++) {
		size_t k, len = strlen(days[i]);
		if (n != 3 && n != len)
			continue;
		for (k = 0; k < n && (w[k] | 0x20) == days[i][k]; k++)
			;
		if (k == n)
			return 1;
	}
	return 0;
}

int
is_date_only(const char *s, size_t n)
{
	size_t i = 0, digits = 0, words = 0, year = 0, cjk = 0;

	if (n == 0 || n > 40)
		return 0;
	while (i < n) {
		unsigned char c = (unsigned char)s[i];
		if (c >= '0' && c <= '9') {
			size_t d = i;
			while (i < n && s[i] >= '0' && s[i] <= '9')
				i++;
			digits++;
			year += i - d == 4;
			if (i + 1 < n && (s[i] == 's' || s[i] == 'n' || s[i] == 'r' || s[i] == 't') &&
			    (s[i + 1] == 't' || s[i + 1] == 'd' || s[i + 1] == 'h'))
				i += 2;	/* 1st 2nd 3rd 4th */
		} else if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')) {
			size_t j = i;
			while (j < n && ((s[j] >= 'A' && s[j] <= 'Z') || (s[j] >= 'a' && s[j] <= 'z')))
				j++;
			if (j < n && s[j] == '.')
				j++;
			if (!month_of(s + i, j - i) && !weekday(s + i, j - i) &&
			    !has_prefix(s + i, j - i, "am") && !has_prefix(s + i, j - i, "pm"))
				return 0;
			words++;
			i = j;
		} else if (c == ' ' || c == '-' || c == '/' || c == ':' || c == ',' || c == '.') {
			i++;
		} else if (n - i >= 3 && (!memcmp(s + i, "年", 3) || !memcmp(s + i, "月", 3) ||
		    !memcmp(s + i, "日", 3))) {
			i += 3;
			cjk++;
		} else
			return 0;
	}
	return (words && digits) || (year && digits >= 2) || (cjk && digits >= 2);
}

/* "On July 5,", "On the afternoon of August 5", "Recently,", "Jinan, May 3 (Xinhua) --",
 * "Yellow River News: On January 25, ..." */
/* "On <Month> <d>", "On the afternoon of <Month> <d>" at w */
static int
ondate(const char *w, const char *e)
{
	static const char *const parts[] = { "morning of ", "afternoon of ", "evening of ",
		"night of ", "eve of ", "occasion of " };
	size_t i;

	if (!has_prefix(w, (size_t)(e - w), "on "))
		return 0;
	w += 3;
	if (has_prefix(w, (size_t)(e - w), "the ")) {
		w += 4;
		for (i = 0; i < sizeof parts / sizeof parts[0]; i++)
			if (has_prefix(w, (size_t)(e - w), parts[i])) {
				w += strlen(parts[i]);
				break;
			}
	}
	const char *we = w;
	while (we < e && ((*we >= 'A' && *we <= 'Z') || (*we >= 'a' && *we <= 'z') || *we == '.'))
		we++;
	return month_of(w, (size_t)(we - w)) && e - we >= 2 && we[0] == ' ' &&
	    we[1] >= '0' && we[1] <= '9';
}

/* "On July 5,", "On the afternoon of August 5", "Recently,", "Jinan, May 3 (Xinhua) --",
 * "Yellow River News: On January 25, ..."; low is the line in lower case, sc what scan()
 * found in it */
static int
isdateline(const char *s, size_t n, const char *low, const struct scan *sc)
{
	size_t head = n < 120 ? n : 120;
	const char *p, *q;
	int k;

	switch (low[0]) {
	case 'r':
		if (has_prefix(s, n, "recently,") || has_prefix(s, n, "recently "))
			return 1;
		break;
	case 'n':
		if (has_prefix(s, n, "not long ago,"))
			return 1;
		break;
	case 'l':
		if (has_prefix(s, n, "lately,"))
			return 1;
		break;
	}
	if (ondate(s, s + n))
		return 1;
	/* after a lead-in that ends in ':' or ',' */
	if (sc->found >> P_ON & 3)
		for (q = strstr(low, "on "); q && q < low + head; q = strstr(q + 1, "on ")) {
			p = s + (q - low);
			if (p >= s + 2 && p[-1] == ' ' && (p[-2] == ':' || p[-2] == ',') &&
			    ondate(p, s + n))
				return 1;
		}
	/* a wire-service dateline: "Place, date (Agency) --" */
	for (k = 0; k < 3; k++)
		if (sc->found >> (P_DASH + k) & 1)
			return sc->dash[k] > 0 && memchr(s, ',', sc->dash[k]);
	return 0;
}

int
is_label(const char *s, size_t n)
{
	size_t i, words = 0, lower = 0, upper = 0;
	int inword = 0;

	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c == ' ')
			inword = 0;
		else if (!inword) {
			inword = 1;
			words++;
		}
		lower += c >= 'a' && c <= 'z';
		upper += c >= 'A' && c <= 'Z';
	}
	return words <= 3 || (upper && !lower);
}

static enum lineclass classify(const char *s, size_t n, int glued);
static size_t nwords(const char *s, size_t n, size_t max);

/* A date glued to the front of the line: "2021-09-25 14:21:53 admin source:" is a CMS stamp;
 * "date 2024-06-03 Chinese VP meets ..." is the headline, or the first paragraph, behind it,
 * as the rest would be alone, but that a sentence behind it is the body's first and text with
 * no full stop at its end (even of several sentences) the headline. -1 if no date leads the
 * line. */
static int
gluedclass(const char *s, size_t n)
{
	struct date dt;
	size_t k = date_lead(s, n, &dt);

	if (!k)
		return -1;
	size_t w = nwords(s + k, n - k, 9);
	if (w <= 3 || (w <= 8 && memchr(s + k, ':', n - k)))
		return L_META;
	enum lineclass c = classify(s + k, n - k, 1);
	if (c == L_PARA || c == L_SENT)	/* a headline has no full stop at its end */
		return ends_sentence(s + k, n - k) ? L_PARA : L_TEXT;
	return (int)c;
}

enum lineclass
classify_line(const char *s, size_t n)
{
	return classify(s, n, 0);
}

static enum lineclass
classify(const char *s, size_t n, int glued)
{
	char low[302];
	size_t i, m = n < 300 ? n : 300;

	if (!tab.len[0])
		tab_init();
	if (!glued && n && ((s[0] >= '0' && s[0] <= '9') || s[0] == 'd' || s[0] == 'D')) {
		int c = gluedclass(s, n);
		if (c >= 0)
			return (enum lineclass)c;
	}

	for (i = 0; i + 8 <= m; i += 8)
		store8(low + i, swar_lower(load8(s + i)));
	for (; i < m; i++)
		low[i] = (char)(s[i] >= 'A' && s[i] <= 'Z' ? s[i] + 'a' - 'A' : s[i]);
	low[m] = low[m + 1] = '\0';
	/* a long line is only looked at for a dateline in its first 120 bytes */
	struct scan sc = scan(low, n <= 300 ? n : 124, n < 120 ? n : 120);
	if (n <= 300) {
		if (((sc.found >> P_COLON & 3) && ismeta(low, n)) || is_date_only(s, n))
			return L_META;
		int sentence = ends_sentence(s, n) && nwords(s, n, 7) > 6;
		uint64_t any = ((uint64_t)1 << NANY) - 1, weak = (((uint64_t)1 << NWEAK) - 1) << P_WEAK;
		if (isfootline(low, n) || (sc.found & any) || iscopyright(low, n) ||
		    (!sentence && (startswith(low, n, footstart, tab.foot1, tab.footlen) ||
		    (sc.found & weak))))
			return L_FOOT;
		if (startswith(low, n, navstart, tab.nav1, tab.navlen) ||
		    ((sc.found >> P_BAR & 1) && ismenu(s, n)) ||
		    (sc.found >> P_NAV & 7))
			return L_NAV;
	}
	if (isdateline(s, n, low, &sc))
		return L_DATELINE;
	if (n > 300 || nsentences(s, n, sc.brk) > 1)
		return L_PARA;
	if (ends_sentence(s, n))
		return L_SENT;
	return L_TEXT;
}

/* Labels that name another page than the one the line is on: "Source: http://..." names the
 * publisher, "Related link:" another article. */
static const char *const otherpage[] = {
	"source", "from", "reprint", "related", "friendly", "home", "previous", "next", "prev",
	"email", "e-mail", "mail", "contact", "more", "see also", "other", "editor", "author",
	"\xe6\x9d\xa5\xe6\xba\x90" /* 来源 */, "\xe7\x9b\xb8\xe5\x85\xb3" /* 相关 */,
	"\xe5\x8f\x8b\xe6\x83\x85" /* 友情 */, "\xe8\xbd\xac\xe8\xbd\xbd" /* 转载 */,
	"\xe4\xb8\x8a\xe4\xb8\x80" /* 上一 */, "\xe4\xb8\x8b\xe4\xb8\x80" /* 下一 */,
};

const char *
page_url_line(const char *s, size_t n, size_t *urln)
{
	const char *label, *u;
	size_t ln, k, i, words = 1;

	trim(&s, &n);
	if (n && (*s == '(' || *s == '[')) {	/* "(Original link: http://...)" */
		s++, n--;
		if (n && (s[n - 1] == ')' || s[n - 1] == ']'))
			n--;
		trim(&s, &n);
	}
	label = s;
	for (ln = 0; ln < n && s[ln] != ':' && !(n - ln >= 3 && !memcmp(s + ln, "：", 3)); ln++)
		if (s[ln] == ' ' && ln && s[ln - 1] != ' ')
			words++;
	if (ln == n || ln > 40 || words > 4)
		return NULL;
	k = ln + (s[ln] == ':' ? 1 : 3);
	u = s + k;
	n -= k;
	trim(&u, &n);
	if (!has_prefix(u, n, "http://") && !has_prefix(u, n, "https://"))
		return NULL;
	for (i = 0; i < n; i++)
		if (is_space_at(u + i, n - i, &k))
			return NULL;	/* more after the URL: not a line that only gives it */
	k = has_prefix(u, n, "https://") ? 8 : 7;
	if (n == k || u[k] == '/' || u[k] == '.')
		return NULL;	/* no host */
	while (ln && label[ln - 1] == ' ')
		ln--;
	for (i = 0; i < sizeof otherpage / sizeof otherpage[0]; i++)
		if (find_ci(label, ln, otherpage[i]))
			return NULL;
	*urln = n;
	return u;
}
