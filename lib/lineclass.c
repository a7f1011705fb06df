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
	"responsible editor", "chief editor", "contributor", "origin",
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

static int
isalnum_(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

/* how: 0, a prefix that ends at a word boundary; 1, anywhere; 2, the whole line but for
 * punctuation and spaces. low is the line in lower case, NUL-terminated. */
static int
matchlist(const char *low, size_t n, const char *const *list, size_t k, int how)
{
	char w[64];
	size_t i, m = 0;

	if (how == 2) {
		for (i = 0; i < n && m < sizeof w - 1; i++) {
			unsigned char c = (unsigned char)low[i];
			if (isalnum_(c) || c >= 0x80)
				w[m++] = (char)c;
			else if (c == ' ' && m && w[m - 1] != ' ')
				w[m++] = ' ';
		}
		if (i < n)
			return 0;
		while (m && w[m - 1] == ' ')
			m--;
		w[m] = '\0';
	}
	for (i = 0; i < k; i++) {
		const char *p = list[i];
		if (how == 1) {
			if (strstr(low, p))
				return 1;
		} else if (how == 2) {
			if (!strcmp(w, p))
				return 1;
		} else if (low[0] == p[0]) {
			size_t len = strlen(p);
			if (len <= n && !memcmp(low, p, len) && (len == n ||
			    !isalnum_((unsigned char)p[len - 1]) || !isalnum_((unsigned char)low[len])))
				return 1;
		}
	}
	return 0;
}

#define MATCH(s, n, list, any) matchlist(s, n, list, sizeof list / sizeof list[0], any)

size_t
meta_key_at(const char *s, size_t n)
{
	size_t i, k;

	for (i = 0; i < sizeof metakeys / sizeof metakeys[0]; i++) {
		const char *key = metakeys[i];
		if (!has_prefix(s, n, key))
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

static size_t
nwords(const char *s, size_t n)
{
	size_t i, k = 0;

	for (i = 0; i < n; i++)
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

/* A menu: three or more short items between '|' ("A | A | A", "Home | About | News") */
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

/* Sentence breaks inside the line: ". X" where the word before is not an abbreviation. */
static int
nsentences(const char *s, size_t n)
{
	static const char *const abbr[] = { "mr", "mrs", "ms", "dr", "no", "co", "ltd", "inc",
		"jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
		"st", "vs", "prof", "gen", "gov", "rep", "sen", "corp", "dept", "u.s", "e.g", "i.e",
		"etc", "jr", "sr", "vol", "art", "fig" };
	size_t i, j, k = 1;

	for (i = 1; i + 2 < n; i++) {
		if ((s[i] == '.' || s[i] == '!' || s[i] == '?') && s[i + 1] == ' ') {
			unsigned char nx = (unsigned char)s[i + 2];
			if (!((nx >= 'A' && nx <= 'Z') || nx == '"' || nx >= 0xE2))
				continue;
			for (j = i; j > 0 && s[j - 1] != ' ' && s[j - 1] != '('; j--)
				;
			size_t a, w = i - j, isabbr = w == 1;	/* an initial: "J. Smith" */
			for (a = 0; !isabbr && a < sizeof abbr / sizeof abbr[0]; a++)
				isabbr = strlen(abbr[a]) == w && has_prefix(s + j, w, abbr[a]);
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
			if (!month_of(s + i, j - i) && !has_prefix(s + i, j - i, "am") &&
			    !has_prefix(s + i, j - i, "pm"))
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
 * "Yellow River News: On January 25, ..."; low is the line in lower case */
static int
isdateline(const char *s, size_t n, const char *low)
{
	size_t head = n < 120 ? n : 120;
	const char *p, *q;

	if (has_prefix(s, n, "recently,") || has_prefix(s, n, "recently ") ||
	    has_prefix(s, n, "not long ago,") || has_prefix(s, n, "lately,"))
		return 1;
	if (ondate(s, s + n))
		return 1;
	/* after a lead-in that ends in ':' or ',' */
	for (q = strstr(low, "on "); q && q < low + head; q = strstr(q + 1, "on ")) {
		p = s + (q - low);
		if (p >= s + 2 && p[-1] == ' ' && (p[-2] == ':' || p[-2] == ',') && ondate(p, s + n))
			return 1;
	}
	/* a wire-service dateline: "Place, date (Agency) --" */
	p = find_ci(s, head, " -- ");
	if (!p)
		p = find_ci(s, head, " — ");
	if (!p)
		p = find_ci(s, head, " —— ");
	return p && p > s && memchr(s, ',', (size_t)(p - s));
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

enum lineclass
classify_line(const char *s, size_t n)
{
	char low[301];
	size_t i, m = n < 300 ? n : 300;

	for (i = 0; i < m; i++)
		low[i] = (char)(s[i] >= 'A' && s[i] <= 'Z' ? s[i] + 'a' - 'A' : s[i]);
	low[m] = '\0';
	if (n <= 300) {
		if (ismeta(low, n) || is_date_only(s, n))
			return L_META;
		int sentence = ends_sentence(s, n) && nwords(s, n) > 6;
		if (MATCH(low, n, footline, 2) || MATCH(low, n, footany, 1) || iscopyright(low, n) ||
		    (!sentence && (MATCH(low, n, footstart, 0) || MATCH(low, n, footweak, 1))))
			return L_FOOT;
		if (MATCH(low, n, navstart, 0) || ismenu(s, n))
			return L_NAV;
		if (n <= 200 && (find_ci(s, n, " > ") || find_ci(s, n, ">>") || find_ci(s, n, " » ")))
			return L_NAV;
	}
	if (isdateline(s, n, low))
		return L_DATELINE;
	if (n > 300 || nsentences(s, n) > 1)
		return L_PARA;
	if (ends_sentence(s, n))
		return L_SENT;
	return L_TEXT;
}
