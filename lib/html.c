/* HTML as scraped: a tolerant tokenizer that turns a page into the lines a reader sees (text
 * blocks, in order), each with what the markup says about where it sits (navigation, header,
 * footer, aside, menus, links, the class and id names of its elements), and what the page
 * declares about itself (title, canonical URL, publication date, site name, language).
 * No recursion: the open elements are an explicit stack of at most HTML_MAX_DEPTH, beyond which
 * nesting is flattened; every element is one node (parent index) in an array as long as the
 * page allows. */
#include <stdlib.h>
#include <string.h>

#include "readout.h"

/* ---- character references ---- */
struct ent {
	const char *name;
	unsigned cp;
	int legacy;	/* may be written without ';' (HTML4's Latin-1 set) */
};
static const struct ent ents[] = {
	{ "AElig", 198, 1 },
	{ "AMP", 38, 1 },
	{ "Aacute", 193, 1 },
	{ "Acirc", 194, 1 },
	{ "Agrave", 192, 1 },
	{ "Alpha", 913, 0 },
	{ "Aring", 197, 1 },
	{ "Atilde", 195, 1 },
	{ "Auml", 196, 1 },
	{ "Beta", 914, 0 },
	{ "COPY", 169, 1 },
	{ "Ccedil", 199, 1 },
	{ "Chi", 935, 0 },
	{ "Dagger", 8225, 0 },
	{ "Delta", 916, 0 },
	{ "ETH", 208, 1 },
	{ "Eacute", 201, 1 },
	{ "Ecirc", 202, 1 },
	{ "Egrave", 200, 1 },
	{ "Epsilon", 917, 0 },
	{ "Eta", 919, 0 },
	{ "Euml", 203, 1 },
	{ "GT", 62, 1 },
	{ "Gamma", 915, 0 },
	{ "Iacute", 205, 1 },
	{ "Icirc", 206, 1 },
	{ "Igrave", 204, 1 },
	{ "Iota", 921, 0 },
	{ "Iuml", 207, 1 },
	{ "Kappa", 922, 0 },
	{ "LT", 60, 1 },
	{ "Lambda", 923, 0 },
	{ "Mu", 924, 0 },
	{ "NewLine", 10, 0 },
	{ "Ntilde", 209, 1 },
	{ "Nu", 925, 0 },
	{ "OElig", 338, 0 },
	{ "Oacute", 211, 1 },
	{ "Ocirc", 212, 1 },
	{ "Ograve", 210, 1 },
	{ "Omega", 937, 0 },
	{ "Omicron", 927, 0 },
	{ "Oslash", 216, 1 },
	{ "Otilde", 213, 1 },
	{ "Ouml", 214, 1 },
	{ "Phi", 934, 0 },
	{ "Pi", 928, 0 },
	{ "Prime", 8243, 0 },
	{ "Psi", 936, 0 },
	{ "QUOT", 34, 1 },
	{ "REG", 174, 1 },
	{ "Rho", 929, 0 },
	{ "Scaron", 352, 0 },
	{ "Sigma", 931, 0 },
	{ "THORN", 222, 1 },
	{ "Tab", 9, 0 },
	{ "Tau", 932, 0 },
	{ "Theta", 920, 0 },
	{ "Uacute", 218, 1 },
	{ "Ucirc", 219, 1 },
	{ "Ugrave", 217, 1 },
	{ "Upsilon", 933, 0 },
	{ "Uuml", 220, 1 },
	{ "Xi", 926, 0 },
	{ "Yacute", 221, 1 },
	{ "Yuml", 376, 0 },
	{ "Zeta", 918, 0 },
	{ "aacute", 225, 1 },
	{ "acirc", 226, 1 },
	{ "acute", 180, 1 },
	{ "aelig", 230, 1 },
	{ "agrave", 224, 1 },
	{ "alefsym", 8501, 0 },
	{ "alpha", 945, 0 },
	{ "amp", 38, 1 },
	{ "and", 8743, 0 },
	{ "ang", 8736, 0 },
	{ "apos", 39, 0 },
	{ "aring", 229, 1 },
	{ "ast", 42, 0 },
	{ "asymp", 8776, 0 },
	{ "atilde", 227, 1 },
	{ "auml", 228, 1 },
	{ "bdquo", 8222, 0 },
	{ "beta", 946, 0 },
	{ "brvbar", 166, 1 },
	{ "bsol", 92, 0 },
	{ "bull", 8226, 0 },
	{ "cap", 8745, 0 },
	{ "ccedil", 231, 1 },
	{ "cedil", 184, 1 },
	{ "cent", 162, 1 },
	{ "chi", 967, 0 },
	{ "circ", 710, 0 },
	{ "clubs", 9827, 0 },
	{ "colon", 58, 0 },
	{ "comma", 44, 0 },
	{ "commat", 64, 0 },
	{ "cong", 8773, 0 },
	{ "copy", 169, 1 },
	{ "crarr", 8629, 0 },
	{ "cup", 8746, 0 },
	{ "curren", 164, 1 },
	{ "dArr", 8659, 0 },
	{ "dagger", 8224, 0 },
	{ "darr", 8595, 0 },
	{ "dash", 8208, 0 },
	{ "deg", 176, 1 },
	{ "delta", 948, 0 },
	{ "diams", 9830, 0 },
	{ "divide", 247, 1 },
	{ "dollar", 36, 0 },
	{ "eacute", 233, 1 },
	{ "ecirc", 234, 1 },
	{ "egrave", 232, 1 },
	{ "empty", 8709, 0 },
	{ "emsp", 8195, 0 },
	{ "ensp", 8194, 0 },
	{ "epsilon", 949, 0 },
	{ "equals", 61, 0 },
	{ "equiv", 8801, 0 },
	{ "eta", 951, 0 },
	{ "eth", 240, 1 },
	{ "euml", 235, 1 },
	{ "euro", 8364, 0 },
	{ "excl", 33, 0 },
	{ "exist", 8707, 0 },
	{ "fnof", 402, 0 },
	{ "forall", 8704, 0 },
	{ "frac12", 189, 1 },
	{ "frac14", 188, 1 },
	{ "frac34", 190, 1 },
	{ "frasl", 8260, 0 },
	{ "gamma", 947, 0 },
	{ "ge", 8805, 0 },
	{ "grave", 96, 0 },
	{ "gt", 62, 1 },
	{ "hArr", 8660, 0 },
	{ "harr", 8596, 0 },
	{ "hearts", 9829, 0 },
	{ "hellip", 8230, 0 },
	{ "horbar", 8213, 0 },
	{ "hyphen", 8208, 0 },
	{ "iacute", 237, 1 },
	{ "icirc", 238, 1 },
	{ "iexcl", 161, 1 },
	{ "igrave", 236, 1 },
	{ "image", 8465, 0 },
	{ "infin", 8734, 0 },
	{ "int", 8747, 0 },
	{ "iota", 953, 0 },
	{ "iquest", 191, 1 },
	{ "isin", 8712, 0 },
	{ "iuml", 239, 1 },
	{ "kappa", 954, 0 },
	{ "lArr", 8656, 0 },
	{ "lambda", 955, 0 },
	{ "lang", 9001, 0 },
	{ "laquo", 171, 1 },
	{ "larr", 8592, 0 },
	{ "lbrace", 123, 0 },
	{ "lbrack", 91, 0 },
	{ "lceil", 8968, 0 },
	{ "lcub", 123, 0 },
	{ "ldquo", 8220, 0 },
	{ "le", 8804, 0 },
	{ "lfloor", 8970, 0 },
	{ "lowast", 8727, 0 },
	{ "lowbar", 95, 0 },
	{ "loz", 9674, 0 },
	{ "lpar", 40, 0 },
	{ "lrm", 8206, 0 },
	{ "lsaquo", 8249, 0 },
	{ "lsqb", 91, 0 },
	{ "lsquo", 8216, 0 },
	{ "lt", 60, 1 },
	{ "macr", 175, 1 },
	{ "mdash", 8212, 0 },
	{ "micro", 181, 1 },
	{ "middot", 183, 1 },
	{ "minus", 8722, 0 },
	{ "mu", 956, 0 },
	{ "nabla", 8711, 0 },
	{ "nbhy", 8209, 0 },
	{ "nbsp", 160, 1 },
	{ "ndash", 8211, 0 },
	{ "ne", 8800, 0 },
	{ "ni", 8715, 0 },
	{ "not", 172, 1 },
	{ "notin", 8713, 0 },
	{ "nsub", 8836, 0 },
	{ "ntilde", 241, 1 },
	{ "nu", 957, 0 },
	{ "num", 35, 0 },
	{ "oacute", 243, 1 },
	{ "ocirc", 244, 1 },
	{ "oelig", 339, 0 },
	{ "ograve", 242, 1 },
	{ "oline", 8254, 0 },
	{ "omega", 969, 0 },
	{ "omicron", 959, 0 },
	{ "oplus", 8853, 0 },
	{ "or", 8744, 0 },
	{ "ordf", 170, 1 },
	{ "ordm", 186, 1 },
	{ "oslash", 248, 1 },
	{ "otilde", 245, 1 },
	{ "otimes", 8855, 0 },
	{ "ouml", 246, 1 },
	{ "para", 182, 1 },
	{ "part", 8706, 0 },
	{ "percent", 37, 0 },
	{ "period", 46, 0 },
	{ "permil", 8240, 0 },
	{ "perp", 8869, 0 },
	{ "phi", 966, 0 },
	{ "pi", 960, 0 },
	{ "piv", 982, 0 },
	{ "plus", 43, 0 },
	{ "plusmn", 177, 1 },
	{ "pound", 163, 1 },
	{ "prime", 8242, 0 },
	{ "prod", 8719, 0 },
	{ "prop", 8733, 0 },
	{ "psi", 968, 0 },
	{ "quest", 63, 0 },
	{ "quot", 34, 1 },
	{ "rArr", 8658, 0 },
	{ "radic", 8730, 0 },
	{ "rang", 9002, 0 },
	{ "raquo", 187, 1 },
	{ "rarr", 8594, 0 },
	{ "rbrace", 125, 0 },
	{ "rbrack", 93, 0 },
	{ "rceil", 8969, 0 },
	{ "rcub", 125, 0 },
	{ "rdquo", 8221, 0 },
	{ "real", 8476, 0 },
	{ "reg", 174, 1 },
	{ "rfloor", 8971, 0 },
	{ "rho", 961, 0 },
	{ "rlm", 8207, 0 },
	{ "rpar", 41, 0 },
	{ "rsaquo", 8250, 0 },
	{ "rsqb", 93, 0 },
	{ "rsquo", 8217, 0 },
	{ "sbquo", 8218, 0 },
	{ "scaron", 353, 0 },
	{ "sdot", 8901, 0 },
	{ "sect", 167, 1 },
	{ "semi", 59, 0 },
	{ "shy", 173, 1 },
	{ "sigma", 963, 0 },
	{ "sigmaf", 962, 0 },
	{ "sim", 8764, 0 },
	{ "sol", 47, 0 },
	{ "spades", 9824, 0 },
	{ "sub", 8834, 0 },
	{ "sube", 8838, 0 },
	{ "sum", 8721, 0 },
	{ "sup", 8835, 0 },
	{ "sup1", 185, 1 },
	{ "sup2", 178, 1 },
	{ "sup3", 179, 1 },
	{ "supe", 8839, 0 },
	{ "szlig", 223, 1 },
	{ "tau", 964, 0 },
	{ "there4", 8756, 0 },
	{ "theta", 952, 0 },
	{ "thetasym", 977, 0 },
	{ "thinsp", 8201, 0 },
	{ "thorn", 254, 1 },
	{ "tilde", 732, 0 },
	{ "times", 215, 1 },
	{ "trade", 8482, 0 },
	{ "uArr", 8657, 0 },
	{ "uacute", 250, 1 },
	{ "uarr", 8593, 0 },
	{ "ucirc", 251, 1 },
	{ "ugrave", 249, 1 },
	{ "uml", 168, 1 },
	{ "upsih", 978, 0 },
	{ "upsilon", 965, 0 },
	{ "uuml", 252, 1 },
	{ "verbar", 124, 0 },
	{ "vert", 124, 0 },
	{ "weierp", 8472, 0 },
	{ "xi", 958, 0 },
	{ "yacute", 253, 1 },
	{ "yen", 165, 1 },
	{ "yuml", 255, 1 },
	{ "zeta", 950, 0 },
	{ "zwj", 8205, 0 },
	{ "zwnj", 8204, 0 },
};

static int
entcmp(const void *k, const void *e)
{
	return strcmp(k, ((const struct ent *)e)->name);
}

/* windows-1252 for the numeric references &#128; to &#159; (HTML5) */
static const unsigned short cp1252[32] = {
	0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
	0x2039, 0x0152, 0x8D, 0x017D, 0x8F, 0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013,
	0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178
};

static int
isalnum_(unsigned char c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

size_t
html_charref(const char *s, size_t n, int attr, uint32_t *cp)
{
	size_t i = 0;

	if (n && s[0] == '#') {
		int hex = n > 1 && (s[1] == 'x' || s[1] == 'X');
		uint32_t v = 0;
		size_t d0 = i = 1 + (size_t)hex;
		for (; i < n; i++) {
			unsigned c = (unsigned char)s[i], dv;
			if (c >= '0' && c <= '9')
				dv = c - '0';
			else if (hex && ((c | 0x20) >= 'a' && (c | 0x20) <= 'f'))
				dv = (c | 0x20) - 'a' + 10;
			else
				break;
			v = v > 0x10FFFF ? 0x110000 : v * (hex ? 16 : 10) + dv;	/* saturates */
		}
		if (i == d0)
			return 0;	/* "&#" alone is text */
		if (i < n && s[i] == ';')
			i++;
		if (v == 0 || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF))
			v = 0xFFFD;
		else if (v >= 0x80 && v <= 0x9F)
			v = cp1252[v - 0x80];
		*cp = v;
		return i;
	}
	char name[33];
	while (i < n && i < 32 && isalnum_((unsigned char)s[i]))
		name[i] = s[i], i++;
	if (i == 0)
		return 0;
	name[i] = '\0';
	const struct ent *e;
	if (i < n && s[i] == ';' &&
	    (e = bsearch(name, ents, sizeof ents / sizeof *ents, sizeof *ents, entcmp))) {
		*cp = e->cp;
		return i + 1;
	}
	/* a legacy name without ';': the longest that is a prefix ("&copy2019", "&nbsp&nbsp") */
	for (size_t k = i < 6 ? i : 6; k >= 2; k--) {
		name[k] = '\0';
		if (!(e = bsearch(name, ents, sizeof ents / sizeof *ents, sizeof *ents, entcmp)) ||
		    !e->legacy)
			continue;
		if (attr && k < n && (isalnum_((unsigned char)s[k]) || s[k] == '='))
			return 0;
		*cp = e->cp;
		return k;
	}
	return 0;
}

/* ---- elements ---- */
enum {	/* what an element does to the text */
	K_BLOCK = 1,   /* a line break before and after */
	K_VOID = 2,    /* no content, no end tag */
	K_RAW = 4,     /* its content is not text: dropped up to its end tag */
	K_CELL = 8,    /* a table cell: a space between cells, the row is the line */
	K_CLOSEP = 16, /* opening it closes an open <p> */
	K_SCOPE = 32   /* an end tag does not look for its element past this one */
};
struct tag {
	const char *name;
	unsigned char id, kind;
	unsigned flags;	/* HF_ it gives its content */
};
#define B (K_BLOCK | K_CLOSEP)
static const struct tag tags[] = {	/* sorted by name (strcmp) */
	{ "a", TG_A, 0, HF_LINK },
	{ "address", TG_OTHER, B, 0 },
	{ "area", TG_OTHER, K_VOID, 0 },
	{ "article", TG_ARTICLE, B, HF_ARTICLE },
	{ "aside", TG_ASIDE, B, HF_ASIDE },
	{ "audio", TG_OTHER, K_RAW, 0 },
	{ "base", TG_OTHER, K_VOID, 0 },
	{ "blockquote", TG_BLOCKQUOTE, B, 0 },
	{ "body", TG_BODY, K_BLOCK, 0 },
	{ "br", TG_BR, K_VOID, 0 },
	{ "button", TG_BUTTON, 0, HF_FORM },
	{ "canvas", TG_OTHER, K_RAW, 0 },
	{ "caption", TG_CAPTION, K_BLOCK, 0 },
	{ "center", TG_OTHER, B, 0 },
	{ "col", TG_OTHER, K_VOID, 0 },
	{ "dd", TG_DD, B, 0 },
	{ "details", TG_OTHER, B, 0 },
	{ "dialog", TG_OTHER, B, HF_BOILER },
	{ "dir", TG_OTHER, B, 0 },
	{ "div", TG_DIV, B, 0 },
	{ "dl", TG_DL, B, 0 },
	{ "dt", TG_DT, B, 0 },
	{ "embed", TG_OTHER, K_VOID, 0 },
	{ "fieldset", TG_OTHER, B, HF_FORM },
	{ "figcaption", TG_FIGCAPTION, B, HF_CAPTION },
	{ "figure", TG_FIGURE, B, 0 },
	{ "footer", TG_FOOTER, B, HF_FOOTER },
	{ "form", TG_FORM, B, 0 },	/* ASP.NET pages are one <form> */
	{ "frameset", TG_OTHER, K_RAW, 0 },
	{ "h1", TG_H1, B, 0 },
	{ "h2", TG_H2, B, 0 },
	{ "h3", TG_H3, B, 0 },
	{ "h4", TG_H4, B, 0 },
	{ "h5", TG_H5, B, 0 },
	{ "h6", TG_H6, B, 0 },
	{ "head", TG_HEAD, K_BLOCK, HF_HEAD },
	{ "header", TG_HEADER, B, HF_HEADER },
	{ "hgroup", TG_OTHER, B, 0 },
	{ "hr", TG_HR, K_VOID | B, 0 },
	{ "html", TG_HTML, K_BLOCK | K_SCOPE, 0 },
	{ "iframe", TG_OTHER, K_RAW, 0 },
	{ "img", TG_IMG, K_VOID, 0 },
	{ "input", TG_INPUT, K_VOID, 0 },
	{ "keygen", TG_OTHER, K_VOID, 0 },
	{ "label", TG_LABEL, 0, 0 },
	{ "legend", TG_OTHER, K_BLOCK, 0 },
	{ "li", TG_LI, B, HF_LIST },
	{ "link", TG_LINK, K_VOID, 0 },
	{ "main", TG_MAIN, B, HF_ARTICLE },
	{ "math", TG_MATH, K_RAW, 0 },
	{ "menu", TG_MENU, B, HF_NAV },
	{ "meta", TG_META, K_VOID, 0 },
	{ "nav", TG_NAV, B, HF_NAV },
	{ "noembed", TG_OTHER, K_RAW, 0 },
	{ "noframes", TG_OTHER, K_RAW, 0 },
	{ "noscript", TG_OTHER, K_RAW, 0 },
	{ "object", TG_OTHER, K_RAW, 0 },
	{ "ol", TG_OL, B, 0 },
	{ "optgroup", TG_OTHER, K_BLOCK, HF_FORM },
	{ "option", TG_OPTION, K_BLOCK, HF_FORM },
	{ "p", TG_P, B, 0 },
	{ "param", TG_OTHER, K_VOID, 0 },
	{ "plaintext", TG_PLAINTEXT, B, 0 },
	{ "pre", TG_PRE, B, HF_PRE },
	{ "script", TG_SCRIPT, K_RAW, 0 },
	{ "section", TG_SECTION, B, 0 },
	{ "select", TG_SELECT, K_BLOCK, HF_FORM },
	{ "source", TG_OTHER, K_VOID, 0 },
	{ "style", TG_OTHER, K_RAW, 0 },
	{ "summary", TG_OTHER, K_BLOCK, 0 },
	{ "svg", TG_SVG, K_RAW, 0 },
	{ "table", TG_TABLE, B | K_SCOPE, HF_TABLE },
	{ "tbody", TG_TBODY, K_BLOCK, 0 },
	{ "td", TG_TD, K_CELL | K_SCOPE, 0 },
	{ "template", TG_TEMPLATE, K_RAW, 0 },
	{ "textarea", TG_TEXTAREA, K_RAW, 0 },
	{ "tfoot", TG_TFOOT, K_BLOCK, 0 },
	{ "th", TG_TH, K_CELL | K_SCOPE, 0 },
	{ "thead", TG_THEAD, K_BLOCK, 0 },
	{ "time", TG_TIME, 0, 0 },
	{ "title", TG_TITLE, K_RAW, 0 },
	{ "tr", TG_TR, K_BLOCK, 0 },
	{ "track", TG_OTHER, K_VOID, 0 },
	{ "ul", TG_UL, B, 0 },
	{ "video", TG_OTHER, K_RAW, 0 },
	{ "wbr", TG_OTHER, K_VOID, 0 },
	{ "xmp", TG_OTHER, K_RAW, 0 },
};
#undef B

static int
tagcmp(const void *k, const void *e)
{
	return strcmp(k, ((const struct tag *)e)->name);
}

static const struct tag othertag = { "", TG_OTHER, 0, 0 };

static const struct tag *
lookup(const char *name)
{
	const struct tag *t = bsearch(name, tags, sizeof tags / sizeof *tags, sizeof *tags, tagcmp);

	return t ? t : &othertag;
}

/* ---- the parser ---- */
struct open {
	int node;          /* its node, or -1 */
	unsigned char tag, kind;
	uint32_t name;     /* hash of the name, to match an unknown element's end tag */
};

struct parser {
	struct hpage *hp;
	const char *s, *e;
	const char *lpos;  /* line counting: lines before lpos are counted in line */
	long line;
	struct open st[HTML_MAX_DEPTH];
	int depth;
	long flat;         /* elements not pushed because the stack was full */
	int space;         /* a space is due before the next text */
	long curline;
	size_t curlink;
	size_t curscrap;   /* bytes of the line inside an inline control or boilerplate element */
	unsigned gen;      /* changes whenever the open elements do */
	unsigned scrapgen; /* the gen scrap was worked out for (0: never) */
	int scrap;
	int pubrank;       /* how sure the publication date so far is (lower is surer), 0: none */
};

static long
lineat(struct parser *ps, const char *at)
{
	const char *q = ps->lpos;

	if (at < q)
		return ps->line;
	while ((q = memchr(q, '\n', (size_t)(at - q))))
		q++, ps->line++, ps->lpos = q;
	ps->lpos = at;
	return ps->line;
}

static unsigned
topflags(const struct parser *ps)
{
	int i;

	for (i = ps->depth - 1; i >= 0; i--)
		if (ps->st[i].node >= 0)
			return ps->hp->nd[ps->st[i].node].flags;
	return 0;
}

/* The text gathered so far is a line of the page. */
static void
flush(struct parser *ps)
{
	struct hpage *hp = ps->hp;
	const char *s = hp->cur.p;
	size_t n = hp->cur.n;
	int i;

	ps->space = 0;
	trim(&s, &n);
	if (n == 0) {
		hp->cur.n = 0;
		ps->curlink = ps->curscrap = 0;
		return;
	}
	if (hp->nb == hp->capb) {
		hp->capb = hp->capb ? hp->capb * 2 : 256;
		hp->b = erealloc(hp->b, hp->capb * sizeof *hp->b);
	}
	struct hblock *b = &hp->b[hp->nb++];
	memset(b, 0, sizeof *b);
	b->off = hp->text.n;
	b->n = n;
	b->line = ps->curline;
	b->linkn = ps->curlink > n ? n : ps->curlink;
	b->flags = topflags(ps);
	if (ps->curscrap >= n)	/* a line all of buttons or caption <span>s: not text */
		b->flags |= HF_SCRAP;
	b->node = -1;
	for (i = ps->depth - 1; i >= 0; i--)	/* the element the line is a block of */
		if (ps->st[i].node >= 0 && ps->st[i].kind & (K_BLOCK | K_CELL)) {
			b->node = ps->st[i].node;
			b->tag = ps->st[i].tag;
			break;
		}
	b->width = ncodepoints(s, n);
	buf_add(&hp->text, s, n);
	buf_addc(&hp->text, '\0');
	hp->cur.n = 0;
	ps->curlink = ps->curscrap = 0;
}

/* The flags of the innermost element against those of the block it is in: what an inline
 * element (a <button>, a <span class=caption>) says of its text */
static unsigned
inlineflags(const struct parser *ps)
{
	unsigned top = 0;
	int i, seen = 0;

	for (i = ps->depth - 1; i >= 0; i--) {
		if (ps->st[i].node < 0)
			continue;
		unsigned f = ps->hp->nd[ps->st[i].node].flags;
		if (!seen++)
			top = f;
		if (ps->st[i].kind & (K_BLOCK | K_CELL))
			return top & ~f;
	}
	return top;
}

static void
put(struct parser *ps, const char *s, size_t n, const char *at)
{
	struct hpage *hp = ps->hp;
	unsigned f = topflags(ps);

	if (ps->scrapgen != ps->gen + 1) {	/* once per change of the open elements, not per word */
		ps->scrap = (inlineflags(ps) & (HF_FORM | HF_BOILER | HF_CAPTION)) != 0;
		ps->scrapgen = ps->gen + 1;
	}
	int scrap = ps->scrap;

	if (f & HF_HIDDEN)
		return;
	if (hp->cur.n == 0)
		ps->curline = lineat(ps, at);
	else if (ps->space) {
		buf_addc(&hp->cur, ' ');
		if (f & HF_LINK)
			ps->curlink++;
		if (scrap)
			ps->curscrap++;
	}
	ps->space = 0;
	buf_add(&hp->cur, s, n);
	if (f & HF_LINK)
		ps->curlink += n;
	if (scrap)
		ps->curscrap += n;
}

static int
isws(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

/* Text between tags: references decoded, white space folded (kept in <pre>). */
static void
text(struct parser *ps, const char *p, const char *e)
{
	int pre = (topflags(ps) & HF_PRE) != 0;
	char u[4];

	while (p < e) {
		unsigned char c = (unsigned char)*p;
		if (isws(c)) {
			if (!pre)
				ps->space = 1;
			else if (c == '\n')
				flush(ps);
			else if (c != '\r')
				put(ps, " ", 1, p);
			p++;
			continue;
		}
		if (c == '&') {
			uint32_t cp;
			size_t k = html_charref(p + 1, (size_t)(e - p - 1), 0, &cp);
			if (k && (cp == 0xA0 || (cp < 0x80 && isws((unsigned char)cp)))) {
				if (!pre)
					ps->space = 1;
				else
					put(ps, " ", 1, p);
			} else if (k)
				put(ps, u, utf8_encode(cp, u), p);
			else
				put(ps, "&", 1, p);
			p += 1 + k;
			continue;
		}
		if (c == 0) {
			put(ps, "\xEF\xBF\xBD", 3, p);
			p++;
			continue;
		}
		const char *q = p + 1;
		while (q < e && !isws((unsigned char)*q) && *q != '&' && *q)
			q++;
		put(ps, p, (size_t)(q - p), p);
		p = q;
	}
}

/* ---- tags and their attributes ---- */
enum { MAXATTR = 32 };
struct attr {
	const char *name, *val;
	size_t namen, valn;
};

static int
eqci(const char *s, size_t n, const char *lit)
{
	size_t i;

	for (i = 0; i < n && lit[i]; i++)
		if ((s[i] | (s[i] >= 'A' && s[i] <= 'Z' ? 0x20 : 0)) != lit[i])
			return 0;
	return i == n && !lit[i];
}

static const struct attr *
getattr(const struct attr *a, int na, const char *name)
{
	int i;

	for (i = 0; i < na; i++)
		if (eqci(a[i].name, a[i].namen, name))
			return &a[i];
	return NULL;
}

/* An attribute's value with its references decoded, white space folded, into b (emptied) */
static void
attrval(struct buf *b, const struct attr *a)
{
	const char *p = a->val, *e = a->val + a->valn;
	char u[4];
	int sp = 0;

	b->n = 0;
	buf_grow(b, a->valn);
	for (; p < e; p++) {
		uint32_t cp;
		size_t k;
		if (isws((unsigned char)*p)) {
			sp = b->n > 0;
			continue;
		}
		if (sp)
			buf_addc(b, ' ');
		sp = 0;
		if (*p == '&' && (k = html_charref(p + 1, (size_t)(e - p - 1), 1, &cp))) {
			buf_add(b, u, utf8_encode(cp == 0xA0 ? ' ' : cp, u));
			p += k;
		} else
			buf_addc(b, *p ? *p : ' ');
	}
}

/* Parses the attributes from p to the tag's '>': the position after it, or NULL if the page
 * ends first. */
static const char *
attrs(const char *p, const char *e, struct attr *a, int *na)
{
	*na = 0;
	for (;;) {
		while (p < e && (isws((unsigned char)*p) || *p == '/'))
			p++;
		if (p >= e)
			return NULL;
		if (*p == '>')
			return p + 1;
		const char *name = p++;
		while (p < e && !isws((unsigned char)*p) && *p != '/' && *p != '>' && *p != '=')
			p++;
		size_t namen = (size_t)(p - name);
		const char *val = "";
		size_t valn = 0;
		while (p < e && isws((unsigned char)*p))
			p++;
		if (p < e && *p == '=') {
			p++;
			while (p < e && isws((unsigned char)*p))
				p++;
			if (p >= e)
				return NULL;
			if (*p == '"' || *p == '\'') {
				const char *q = memchr(p + 1, *p, (size_t)(e - p - 1));
				if (!q)
					return NULL;
				val = p + 1;
				valn = (size_t)(q - p - 1);
				p = q + 1;
			} else {
				val = p;
				while (p < e && !isws((unsigned char)*p) && *p != '>')
					p++;
				valn = (size_t)(p - val);
			}
		}
		if (*na < MAXATTR) {
			a[*na].name = name;
			a[*na].namen = namen;
			a[*na].val = val;
			a[*na].valn = valn;
			(*na)++;
		}
	}
}

/* Does the lower-cased class or id name hold one of the words? */
static int
hasany(const char *s, const char *const *w)
{
	for (; *w; w++)
		if (strstr(s, *w))
			return 1;
	return 0;
}

static const char *const unlikely[] = { "banner", "breadcrumb", "combx", "comment", "community",
	"cover-wrap", "disqus", "extra", "foot", "gdpr", "header", "legends", "menu", "related",
	"remark", "replies", "rss", "shoutbox", "sidebar", "skyscraper", "social", "sponsor",
	"supplemental", "ad-break", "agegate", "pagination", "pager", "popup", "share", "sharing",
	"newsletter", "subscribe", "promo", "navbar", "nav-", "-nav", "navigation",
	"cookie", "copyright", "toolbar", "recommend", "most-", "trending", "signup", "login",
	"print", "tag-list", "taglist", "hot-news", "hotnews", "crumb", "byline", "timestamp",
	"caption", "credit", "gallery", "slideshow", NULL };
static const char *const maybe[] = { "and", "article", "body", "column", "content", "main",
	"shadow", "story", "entry", "post", NULL };
static const char *const negative[] = { "-ad-", "banner", "combx", "comment", "com-", "contact",
	"foot", "gdpr", "masthead", "media", "meta", "outbrain", "promo", "related", "scroll",
	"share", "shoutbox", "sidebar", "skyscraper", "sponsor", "shopping", "tags", "tool",
	"widget", "nav", "menu", "byline", "author", "caption", NULL };
/* a heading of these names is the title of a box that is not the article */
static const char *const boxtitle[] = { "related", "comment", "replies", "reply-title",
	"recommend", "newsletter", "subscribe", "signup", "share", "sharing", "popular",
	"trending", "most-", "promo", "sponsor", "social", "sidebar", "widget", NULL };
static const char *const positive[] = { "article", "body", "content", "entry", "hentry",
	"h-entry", "main", "page", "post", "text", "blog", "story", NULL };

/* Is one of the words of a class or id value (cut at spaces, '-' and '_') "ad", "ads" or
 * "advert..."? ("ad-unit", "dfp-ad-top", "movable-ad"; not "head", "load-more", "adapt") */
static int
adword(const char *s)
{
	const char *p = s, *q;

	for (;;) {
		while (*p == ' ' || *p == '-' || *p == '_')
			p++;
		if (!*p)
			return 0;
		for (q = p; *q && *q != ' ' && *q != '-' && *q != '_'; q++)
			;
		size_t k = (size_t)(q - p);
		if ((k == 2 && !memcmp(p, "ad", 2)) || (k == 3 && !memcmp(p, "ads", 3)) ||
		    (k >= 6 && !memcmp(p, "advert", 6)))
			return 1;
		p = q;
	}
}

/* What a class or id value says, by the lists above: CI_ bits. Cached by the value's hash, as a
 * site repeats its few names on every element (the lists are the cost of a page otherwise). */
enum { CI_NEG = 1, CI_POS = 2, CI_UNLIKELY = 4, CI_MAYBE = 8, CI_CONTENT = 16, CI_KNOWN = 32,
	CI_BOX = 64, CI_AD = 128 };

static unsigned
classinfo(struct hpage *hp, const char *v, size_t n)
{
	struct buf *b = &hp->tmp;
	uint64_t h = 1469598103934665603ULL;
	size_t k;
	unsigned ci = CI_KNOWN;

	for (k = 0; k < n; k++)
		h = (h ^ (unsigned char)(v[k] | (v[k] >= 'A' && v[k] <= 'Z' ? 0x20 : 0))) *
		    1099511628211ULL;
	h ^= n;
	struct cicache *c = &hp->ci[h & (HTML_CICACHE - 1)];
	if (c->h == h && c->info)
		return c->info;
	b->n = 0;
	buf_add(b, v, n);
	for (k = 0; k < b->n; k++)
		if (b->p[k] >= 'A' && b->p[k] <= 'Z')
			b->p[k] |= 0x20;
	if (hasany(b->p, negative))
		ci |= CI_NEG;
	if (hasany(b->p, positive))
		ci |= CI_POS;
	if (hasany(b->p, unlikely))
		ci |= CI_UNLIKELY;
	if (hasany(b->p, maybe))
		ci |= CI_MAYBE;
	if (hasany(b->p, boxtitle))
		ci |= CI_BOX;
	if (adword(b->p))
		ci |= CI_AD;
	if (strstr(b->p, "articlebody") || strstr(b->p, "article-body") ||
	    strstr(b->p, "article_body") || strstr(b->p, "entry-content") ||
	    strstr(b->p, "post-content") || strstr(b->p, "story-body") ||
	    strstr(b->p, "article-content") || strstr(b->p, "article_content"))
		ci |= CI_CONTENT;
	c->h = h;
	c->info = ci;
	return ci;
}

/* What the class, id, role, style and hidden attributes say: HF_ flags and a weight */
static unsigned
attrflags(struct parser *ps, const struct attr *a, int na, int tag, int *weight, int *box)
{
	struct buf *b = &ps->hp->tmp;
	unsigned f = 0;
	const struct attr *v;
	int i;

	*weight = 0;
	*box = 0;
	for (i = 0; i < 2; i++) {
		if (!(v = getattr(a, na, i ? "id" : "class")) || v->valn == 0 || v->valn > 512)
			continue;
		unsigned ci = classinfo(ps->hp, v->val, v->valn);
		if (ci & CI_NEG)
			*weight -= 25;
		if (ci & CI_POS)
			*weight += 25;
		if (tag != TG_BODY && tag != TG_HTML && tag != TG_ARTICLE && tag != TG_MAIN &&
		    (ci & CI_UNLIKELY) && !(ci & CI_MAYBE))
			f |= HF_BOILER;
		if (tag >= TG_H2 && tag <= TG_H6 && (ci & CI_BOX)) {
			f |= HF_BOILER;
			*box = 1;
		}
		if (tag != TG_BODY && tag != TG_HTML && tag != TG_ARTICLE && tag != TG_MAIN &&
		    (ci & CI_AD))	/* an advertisement's box, whatever else it is named */
			f |= HF_BOILER;
		if (ci & CI_CONTENT)
			f |= HF_CONTENT;
	}
	if ((v = getattr(a, na, "itemprop")) && eqci(v->val, v->valn, "articlebody"))
		f |= HF_CONTENT | HF_ARTICLE;
	if ((v = getattr(a, na, "role"))) {
		if (eqci(v->val, v->valn, "navigation") || eqci(v->val, v->valn, "menu") ||
		    eqci(v->val, v->valn, "menubar"))
			f |= HF_NAV;
		else if (eqci(v->val, v->valn, "complementary"))
			f |= HF_ASIDE;
		else if (eqci(v->val, v->valn, "contentinfo"))
			f |= HF_FOOTER;
		else if (eqci(v->val, v->valn, "banner"))
			f |= HF_HEADER;
		else if (eqci(v->val, v->valn, "main") || eqci(v->val, v->valn, "article"))
			f |= HF_ARTICLE;
	}
	if (getattr(a, na, "hidden"))
		f |= HF_HIDDEN;
	if ((v = getattr(a, na, "style")) && v->valn < 1024) {
		b->n = 0;
		for (size_t k = 0; k < v->valn; k++)	/* lower case, no spaces */
			if (!isws((unsigned char)v->val[k]))
				buf_addc(b, (char)(v->val[k] | (v->val[k] >= 'A' && v->val[k] <= 'Z' ?
				    0x20 : 0)));
		if (b->n && (strstr(b->p, "display:none") || strstr(b->p, "visibility:hidden")))
			f |= HF_HIDDEN;
	}
	return f;
}

/* ---- what the page declares about itself ---- */
static void
setdecl(struct buf *dst, const struct buf *src)
{
	if (dst->n == 0 && src->n)
		buf_add(dst, src->p, src->n);
}

/* A publication date from an attribute or JSON-LD: kept if surer than what we have */
static void
setpub(struct parser *ps, const char *s, size_t n, int rank)
{
	struct date dt;
	size_t at;

	if (ps->pubrank && ps->pubrank <= rank)
		return;
	if (!date_find(s, n, &dt, &at) || dt.y == 0 || !date_valid(dt))
		return;
	date_format(dt, ps->hp->pub);
	ps->pubrank = rank;
}

static void
meta(struct parser *ps, const struct attr *a, int na)
{
	struct hpage *hp = ps->hp;
	const struct attr *k = getattr(a, na, "property"), *c = getattr(a, na, "content");

	if (!c)
		return;
	if (!k)
		k = getattr(a, na, "name");
	if (!k && (k = getattr(a, na, "itemprop")) && eqci(k->val, k->valn, "datepublished")) {
		setpub(ps, c->val, c->valn, 2);
		return;
	}
	if (!k && (k = getattr(a, na, "http-equiv")) && eqci(k->val, k->valn, "content-language")) {
		attrval(&hp->tmp, c);
		setdecl(&hp->lang, &hp->tmp);
		return;
	}
	if (!k)
		return;
	if (eqci(k->val, k->valn, "og:title") || eqci(k->val, k->valn, "twitter:title")) {
		attrval(&hp->tmp, c);
		setdecl(&hp->ogtitle, &hp->tmp);
	} else if (eqci(k->val, k->valn, "og:url")) {
		attrval(&hp->tmp, c);
		setdecl(&hp->ogurl, &hp->tmp);
	} else if (eqci(k->val, k->valn, "og:site_name")) {
		attrval(&hp->tmp, c);
		setdecl(&hp->site, &hp->tmp);
	} else if (eqci(k->val, k->valn, "article:published_time") ||
	    eqci(k->val, k->valn, "og:published_time"))
		setpub(ps, c->val, c->valn, 1);
	else if (eqci(k->val, k->valn, "pubdate") || eqci(k->val, k->valn, "publishdate") ||
	    eqci(k->val, k->valn, "publish-date") || eqci(k->val, k->valn, "publish_date") ||
	    eqci(k->val, k->valn, "datepublished") || eqci(k->val, k->valn, "dc.date.issued") ||
	    eqci(k->val, k->valn, "dcterms.issued") || eqci(k->val, k->valn, "sailthru.date") ||
	    eqci(k->val, k->valn, "parsely-pub-date") || eqci(k->val, k->valn, "article.published") ||
	    eqci(k->val, k->valn, "original-publish-date") || eqci(k->val, k->valn, "dc.date"))
		setpub(ps, c->val, c->valn, 2);
}

/* "datePublished": "..." in a JSON-LD script */
static void
jsonld(struct parser *ps, const char *s, const char *e)
{
	static const char key[] = "\"datePublished\"";
	const char *p = s;

	while ((size_t)(e - p) >= sizeof key - 1 && (p = memchr(p, '"', (size_t)(e - p)))) {
		if ((size_t)(e - p) < sizeof key - 1 || memcmp(p, key, sizeof key - 1)) {
			p++;
			continue;
		}
		p += sizeof key - 1;
		while (p < e && (isws((unsigned char)*p) || *p == ':'))
			p++;
		if (p < e && *p == '"') {
			const char *q = memchr(p + 1, '"', (size_t)(e - p - 1));
			if (q)
				setpub(ps, p + 1, (size_t)(q - p - 1), 3);
		}
		return;
	}
}

/* The end of a raw-text element: where "</name" starts (or e) */
static const char *
rawend(const char *p, const char *e, const char *name)
{
	size_t n = strlen(name);

	while ((p = memchr(p, '<', (size_t)(e - p)))) {
		if ((size_t)(e - p) >= n + 2 && p[1] == '/' && eqci(p + 2, n, name) &&
		    ((size_t)(e - p) == n + 2 || isws((unsigned char)p[n + 2]) || p[n + 2] == '>' ||
		    p[n + 2] == '/'))
			return p;
		p++;
	}
	return e;
}

/* ---- the open elements ---- */
static uint32_t
namehash(const char *s, size_t n)
{
	uint32_t h = 2166136261u;

	while (n--)
		h = (h ^ (unsigned char)(*s++ | 0x20)) * 16777619u;
	return h;
}

static void
pop(struct parser *ps, int to)	/* closes the elements from the top down to index to */
{
	while (ps->depth > to) {
		const struct open *o = &ps->st[ps->depth - 1];
		if (o->kind & K_BLOCK)
			flush(ps);
		else if (o->kind & K_CELL)
			ps->space = 1;
		ps->depth--;
		ps->gen++;
	}
}

/* The index of the innermost open element with tag id (or any of ids2) before a stop tag */
static int
findopen(const struct parser *ps, int id, int id2, const int *stop)
{
	int i, k;

	for (i = ps->depth - 1; i >= 0; i--) {
		if (ps->st[i].tag == id || (id2 && ps->st[i].tag == id2))
			return i;
		for (k = 0; stop[k]; k++)
			if (ps->st[i].tag == stop[k])
				return -1;
		if (ps->st[i].kind & K_SCOPE)
			return -1;
	}
	return -1;
}

static void
implied(struct parser *ps, const struct tag *t)
{
	static const int none[] = { 0 }, lists[] = { TG_UL, TG_OL, 0 }, dl[] = { TG_DL, 0 },
	    tr[] = { TG_TR, 0 }, sel[] = { TG_SELECT, 0 }, scope[] = { TG_BUTTON, TG_LI, TG_DD,
	    TG_DT, 0 };
	int i = -1;

	if (t->kind & K_CLOSEP)
		i = findopen(ps, TG_P, 0, t->id == TG_P ? scope : scope);
	if (i >= 0)
		pop(ps, i);
	switch (t->id) {
	case TG_LI:
		i = findopen(ps, TG_LI, 0, lists);
		break;
	case TG_DT:
	case TG_DD:
		i = findopen(ps, TG_DT, TG_DD, dl);
		break;
	case TG_TR:
		i = findopen(ps, TG_TR, 0, none);
		break;
	case TG_TD:
	case TG_TH:
		i = findopen(ps, TG_TD, TG_TH, tr);
		break;
	case TG_TBODY:
	case TG_THEAD:
	case TG_TFOOT:
		i = findopen(ps, TG_TBODY, TG_THEAD, none);
		if (i < 0)
			i = findopen(ps, TG_TFOOT, 0, none);
		break;
	case TG_OPTION:
		i = findopen(ps, TG_OPTION, 0, sel);
		break;
	case TG_A:
		i = findopen(ps, TG_A, 0, none);
		break;
	case TG_H1: case TG_H2: case TG_H3: case TG_H4: case TG_H5: case TG_H6:
		i = ps->depth && ps->st[ps->depth - 1].tag >= TG_H1 &&
		    ps->st[ps->depth - 1].tag <= TG_H6 ? ps->depth - 1 : -1;
		break;
	default:
		i = -1;
	}
	if (i >= 0)
		pop(ps, i);
}

static void
push(struct parser *ps, const struct tag *t, const char *name, size_t namen,
    const struct attr *a, int na, long line)
{
	struct hpage *hp = ps->hp;
	int weight, parent = -1, i;

	if (ps->depth == HTML_MAX_DEPTH) {	/* flattened */
		if (!hp->deep_line)
			hp->deep_line = line;
		ps->flat++;
		return;
	}
	for (i = ps->depth - 1; i >= 0 && parent < 0; i--)
		parent = ps->st[i].node;
	int box;
	unsigned own = t->flags | attrflags(ps, a, na, t->id, &weight, &box);
	if (hp->nn == hp->capn) {
		hp->capn = hp->capn ? hp->capn * 2 : 256;
		hp->nd = erealloc(hp->nd, hp->capn * sizeof *hp->nd);
	}
	struct hnode *nd = &hp->nd[hp->nn];
	memset(nd, 0, sizeof *nd);
	nd->parent = parent;
	nd->own = own;
	nd->flags = own | (parent >= 0 ? hp->nd[parent].flags : 0);
	nd->tag = t->id;
	nd->weight = (signed char)weight;
	nd->line = line;
	if (parent >= 0 && (t->kind & K_BLOCK))
		hp->nd[parent].blockkids = 1;
	/* an <h2> to <h6> named as a box's title (related posts, comments, newsletter) first in
	 * its element names that element: all of it is boilerplate */
	if (box && parent >= 0 &&
	    (size_t)parent == hp->nn - 1 && hp->nd[parent].tag != TG_BODY &&
	    hp->nd[parent].tag != TG_MAIN && hp->nd[parent].tag != TG_HTML &&
	    (hp->nb == 0 || hp->b[hp->nb - 1].node != parent)) {
		hp->nd[parent].own |= HF_BOILER;
		hp->nd[parent].flags |= HF_BOILER;
		nd->flags |= HF_BOILER;
	}
	ps->gen++;
	struct open *o = &ps->st[ps->depth++];
	o->node = (int)hp->nn++;
	o->tag = t->id;
	o->kind = t->kind;
	o->name = namehash(name, namen);
}

static void
endtag(struct parser *ps, const struct tag *t, const char *name, size_t namen)
{
	uint32_t h = namehash(name, namen);
	int i, table = t->id == TG_TABLE || t->id == TG_TR || t->id == TG_TD || t->id == TG_TH ||
	    t->id == TG_TBODY || t->id == TG_THEAD || t->id == TG_TFOOT || t->id == TG_HTML ||
	    t->id == TG_BODY;

	if (t->id == TG_BR) {
		flush(ps);
		return;
	}
	if (ps->flat > 0 && !(t->kind & K_VOID)) {
		ps->flat--;
		return;
	}
	int heading = t->id >= TG_H1 && t->id <= TG_H6;
	for (i = ps->depth - 1; i >= 0; i--) {
		if (ps->st[i].name == h && ps->st[i].tag == t->id)
			break;
		if (heading && ps->st[i].tag >= TG_H1 && ps->st[i].tag <= TG_H6)
			break;	/* </h2> closes an <h3> left open */
		if (!(t->kind & (K_BLOCK | K_CELL)) && (ps->st[i].kind & K_BLOCK))
			return;	/* </b> does not close the <p> opened inside it */
		if (!table && (ps->st[i].kind & K_SCOPE))
			return;
		if (table && ps->st[i].tag == TG_TABLE && t->id != TG_HTML && t->id != TG_BODY)
			return;
	}
	if (i < 0) {
		if (t->id == TG_P)	/* </p> with no <p>: a line break */
			flush(ps);
		return;
	}
	pop(ps, i);
}

/* A start tag from '<' at lt: the position after it */
static const char *
starttag(struct parser *ps, const char *lt)
{
	struct hpage *hp = ps->hp;
	const char *p = lt + 1, *e = ps->e;
	char name[16];
	size_t namen = 0;
	struct attr a[MAXATTR];
	int na;

	while (p < e && !isws((unsigned char)*p) && *p != '/' && *p != '>') {
		if (namen < sizeof name - 1)
			name[namen] = (char)(*p | (*p >= 'A' && *p <= 'Z' ? 0x20 : 0));
		namen++, p++;
	}
	name[namen < sizeof name ? namen : sizeof name - 1] = '\0';
	const struct tag *t = namen < sizeof name ? lookup(name) : &othertag;
	const char *end = attrs(p, e, a, &na);
	if (!end)
		return e;	/* the page ends inside the tag: dropped */
	long line = lineat(ps, lt);
	if (t->kind & K_RAW) {
		const char *q = rawend(end, e, t->name);
		if (q == e && !hp->raw_line) {
			hp->raw_line = line;
			hp->raw_tag = t->name;
		}
		if (t->id == TG_TITLE && hp->title.n == 0 && !(topflags(ps) & HF_HIDDEN)) {
			struct attr v = { "", end, 0, (size_t)(q - end) };
			attrval(&hp->title, &v);
		} else if (t->id == TG_SCRIPT) {
			const struct attr *ty = getattr(a, na, "type");
			if (ty && ty->valn >= 7 && eqci(ty->val + ty->valn - 7, 7, "ld+json"))
				jsonld(ps, end, q);
		}
		if (q == e)
			return e;
		const char *gt = memchr(q, '>', (size_t)(e - q));
		return gt ? gt + 1 : e;
	}
	const struct attr *v;
	switch (t->id) {
	case TG_META:
		meta(ps, a, na);
		return end;
	case TG_LINK:
		if ((v = getattr(a, na, "rel")) && eqci(v->val, v->valn, "canonical") &&
		    (v = getattr(a, na, "href"))) {
			attrval(&hp->tmp, v);
			setdecl(&hp->url, &hp->tmp);
		}
		return end;
	case TG_HTML:
		if ((v = getattr(a, na, "lang")) || (v = getattr(a, na, "xml:lang"))) {
			attrval(&hp->tmp, v);
			setdecl(&hp->lang, &hp->tmp);
		}
		break;
	case TG_TIME:
		if ((v = getattr(a, na, "datetime"))) {
			const struct attr *ip = getattr(a, na, "itemprop");
			int sure = getattr(a, na, "pubdate") ||
			    (ip && eqci(ip->val, ip->valn, "datepublished"));
			setpub(ps, v->val, v->valn, sure ? 2 : 4);
		}
		break;
	case TG_PLAINTEXT:
		flush(ps);
		push(ps, lookup("pre"), name, namen, a, 0, line);
		text(ps, end, e);
		return e;
	}
	if ((v = getattr(a, na, "itemprop")) && eqci(v->val, v->valn, "datepublished") &&
	    ((v = getattr(a, na, "datetime")) || (v = getattr(a, na, "content"))))
		setpub(ps, v->val, v->valn, 2);
	if (t->id == TG_BR) {
		flush(ps);
		return end;
	}
	if (t->kind & K_VOID) {
		if (t->kind & K_BLOCK)
			flush(ps);
		return end;
	}
	implied(ps, t);
	if (t->kind & K_BLOCK)
		flush(ps);
	else if (t->kind & K_CELL)
		ps->space = 1;
	push(ps, t, name, namen < sizeof name ? namen : sizeof name - 1, a, na, line);
	return end;
}

/* Markup from '<' at lt: the position after it */
static const char *
markup(struct parser *ps, const char *lt)
{
	const char *p = lt + 1, *e = ps->e, *q;

	if (p >= e) {
		put(ps, "<", 1, lt);
		return e;
	}
	if (*p == '!') {
		if (e - p >= 3 && p[1] == '-' && p[2] == '-') {	/* a comment */
			p += 3;
			if (p < e && *p == '>')
				return p + 1;
			if (e - p >= 2 && p[0] == '-' && p[1] == '>')
				return p + 2;
			for (q = p; (q = memchr(q, '-', (size_t)(e - q))); q++) {
				if (e - q >= 3 && q[1] == '-' && q[2] == '>')
					return q + 3;
				if (e - q >= 4 && q[1] == '-' && q[2] == '!' && q[3] == '>')
					return q + 4;
			}
			if (!ps->hp->comment_line)
				ps->hp->comment_line = lineat(ps, lt);
			return e;
		}
		if (e - p >= 8 && !memcmp(p, "[CDATA[", 7)) {
			for (q = p + 7; (q = memchr(q, ']', (size_t)(e - q))); q++)
				if (e - q >= 3 && q[1] == ']' && q[2] == '>')
					return q + 3;
			return e;
		}
	}
	if (*p == '!' || *p == '?' || (*p == '/' && e - p > 1 && !is_alpha(p[1]))) {
		if (*p == '/' && p[1] == '>')
			return p + 2;
		q = memchr(p, '>', (size_t)(e - p));	/* a doctype or bogus comment */
		return q ? q + 1 : e;
	}
	if (*p == '/') {
		char name[16];
		size_t namen = 0;
		struct attr a[MAXATTR];
		int na;
		for (p++; p < e && !isws((unsigned char)*p) && *p != '/' && *p != '>'; p++, namen++)
			if (namen < sizeof name - 1)
				name[namen] = (char)(*p | (*p >= 'A' && *p <= 'Z' ? 0x20 : 0));
		name[namen < sizeof name ? namen : sizeof name - 1] = '\0';
		if (!(q = attrs(p, e, a, &na)))
			return e;
		endtag(ps, namen < sizeof name ? lookup(name) : &othertag, name,
		    namen < sizeof name ? namen : sizeof name - 1);
		return q;
	}
	if (is_alpha(*p))
		return starttag(ps, lt);
	put(ps, "<", 1, lt);	/* a stray '<' */
	return p;
}

void
html_parse(struct hpage *hp, const char *s, size_t n)
{
	struct parser *ps = ecalloc(1, sizeof *ps);
	const char *p = s, *e = s + n;

	html_clear(hp);
	ps->hp = hp;
	ps->s = s;
	ps->e = e;
	ps->lpos = s;
	ps->line = 1;
	while (p < e) {
		const char *lt = memchr(p, '<', (size_t)(e - p));
		text(ps, p, lt ? lt : e);
		if (!lt)
			break;
		p = markup(ps, lt);
	}
	pop(ps, 0);
	flush(ps);
	hp->lines = lineat(ps, e);
	free(ps);
}

void
html_clear(struct hpage *hp)
{
	hp->text.n = hp->cur.n = hp->tmp.n = 0;
	hp->title.n = hp->ogtitle.n = hp->url.n = hp->ogurl.n = hp->site.n = hp->lang.n = 0;
	hp->nb = hp->nn = 0;
	hp->pub[0] = '\0';
	hp->deep_line = hp->comment_line = hp->raw_line = 0;
	hp->raw_tag = NULL;
}

void
html_free(struct hpage *hp)
{
	buf_free(&hp->text);
	buf_free(&hp->cur);
	buf_free(&hp->tmp);
	buf_free(&hp->title);
	buf_free(&hp->ogtitle);
	buf_free(&hp->url);
	buf_free(&hp->ogurl);
	buf_free(&hp->site);
	buf_free(&hp->lang);
	buf_free(&hp->part);
	free(hp->b);
	free(hp->nd);
	memset(hp, 0, sizeof *hp);
}
