/* readout: what the tools share. One header for all of lib/ (sbase style). */
#ifndef READOUT_H
#define READOUT_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#define READOUT_VERSION "0.2.0"

/* Exit statuses (DESIGN.md). */
enum { EXIT_OK = 0, EXIT_BADINPUT = 1, EXIT_USAGE = 2 };

/* ---- msg.c: messages, in the form "PROG: FILE:LINE: message" ---- */
extern const char *argv0;
void setprog(const char *name);
void warnx_(const char *fmt, ...);                       /* PROG: msg */
void warnat(const char *file, long line, const char *fmt, ...); /* PROG: FILE:LINE: msg */
_Noreturn void die(int status, const char *fmt, ...);   /* PROG: msg, then exit */
/* After --help or --version: status 0, or 1 with a message if standard output could not be
 * written (a full disk, a closed file) */
_Noreturn void exit_printed(void);
/* getopt returned ':' or '?': says what was wrong with the option, then calls usage() */
_Noreturn void badopt(int c, int opt, void (*usage)(void));
/* A long option: rewritten to its short form as, or (as NULL) *set made 1 */
struct longopt {
	const char *name;	/* "--only" */
	const char *as;		/* "-o", or NULL */
	int *set;
};
/* Before getopt, in every tool: options may come anywhere among the operands. argv is arranged
 * in place: the options first (each with its argument, as optstring says), then "--" if one
 * was given, then the operands in their order. "--" ends the options: what follows is an
 * operand whatever it looks like; "-" alone is an operand. --help calls help(), --version
 * prints the version, --counters turns on the counters in which; the long options in longs
 * (ended by a NULL name) are rewritten or set (one rewritten to a letter that takes an argument
 * takes it as --name ARG or --name=ARG); any other is refused (usage()). The new argc. */
int arrange(int argc, char *argv[], const char *optstring, void (*help)(void),
    void (*usage)(void), const struct longopt *longs, unsigned which);

/* ---- counters.c: --counters, run totals as Hadoop Streaming counter lines on stderr ---- */
enum counter {
	C_ARTICLES,       /* articles written (split-article) or read (extractors) */
	C_META, C_PEOPLE, C_DIRECTIVES,  /* records derived */
	C_ROWS,           /* to-tsv: rows written */
	C_RECORDS,        /* records read */
	C_REJECTED,       /* records reported and skipped, or not used */
	C_PAGES_SKIPPED,  /* text with no article in it */
	C_REPLACED,       /* invalid UTF-8, NUL bytes, bytes not valid in -e ENC: made U+FFFD */
	C_FILES_SKIPPED,  /* files that could not be read, binary files */
	C_DUPLICATES,     /* split-article -u: articles dropped, their id already written */
	NCOUNTERS
};
#define CBIT(c) (1u << (c))
void counters_on(unsigned which);   /* --counters given: report these at the end */
void counter_add(enum counter c, long n);
void counters_print(void);          /* the reported ones, if --counters was given */
long counter_get(enum counter c);   /* the total so far */

/* ---- alloc.c: allocation that cannot fail (it exits with a message) ---- */
void *emalloc(size_t n);
void *ecalloc(size_t n, size_t m);
void *erealloc(void *p, size_t n);
char *estrndup(const char *s, size_t n);

/* ---- buf.c: a growable byte buffer ---- */
struct buf {
	char *p;
	size_t n, cap;
};
void buf_grow(struct buf *b, size_t extra);
void buf_add(struct buf *b, const char *s, size_t n);
void buf_adds(struct buf *b, const char *s);
void buf_addc(struct buf *b, char c);
void buf_printf(struct buf *b, const char *fmt, ...);
void buf_free(struct buf *b);
/* JSON: a string value with its quotes, escaping '"', '\\' and control characters */
void buf_json_str(struct buf *b, const char *s, size_t n);
void buf_json_strz(struct buf *b, const char *s); /* NULL gives null */
void buf_json_strn(struct buf *b, const char *s, size_t n); /* NULL gives null */

/* ---- out.c: standard output, fully buffered, write errors caught ---- */
void out_init(void);
void out_write(const char *s, size_t n);
void out_buf(struct buf *b); /* writes b and empties it */
int out_close(void);         /* flushes and closes stdout: 0, or it ends the program (status 1) */

/* ---- utf8.c ---- */
/* length of the valid UTF-8 sequence at s (1-4), or 0 if invalid (s < e) */
size_t utf8_seq(const unsigned char *s, const unsigned char *e);
/* decode one valid sequence of length len */
uint32_t utf8_decode(const unsigned char *s, size_t len);
size_t utf8_encode(uint32_t c, char *out);
/* Repair: append s to b with every invalid sequence and NUL byte replaced by U+FFFD.
 * Adds what it replaced to *bad and *nul; with nul NULL, NUL bytes are left as they are. */
void utf8_repair(struct buf *b, const char *s, size_t n, size_t *bad, size_t *nul);

/* ---- reader.c: lines of any length from a file, as clean UTF-8 ---- */
struct reader {
	const char *name; /* as given; "-" is stdin */
	int fd;
	void *cd;         /* iconv_t, or NULL for UTF-8 input */
	char *raw;        /* bytes read */
	size_t rawpos, rawlen;
	char *dec;        /* bytes converted to UTF-8 (iconv), else unused */
	size_t decpos, declen;
	struct buf line;  /* the current line */
	struct buf fix;   /* the current line after repair */
	long lineno;      /* line number of the current line (1-based) */
	int ff;           /* a form feed came before the current line */
	int eof, err, started, sniffed, binary, partial, nextff;
	long nextline;
	size_t bad, nul, enc_bad; /* counts: invalid UTF-8, NUL bytes, bytes not in ENC */
	long bad_line, nul_line, enc_line; /* first line with each */
	int repair;       /* 1: replace invalid UTF-8 and NUL (text); 0: leave bytes (records) */
	int enchint;      /* set after reader_open by a tool with -e ENC: a binary file's message
	                   * says to try it (as it does in text mode) */
};
/* 1 if iconv converts from enc to UTF-8 here, else 0 */
int reader_enc_ok(const char *enc);
/* Opens name ("-" is stdin); enc NULL or "UTF-8" for none. Returns 0, or -1 after a warning. */
int reader_open(struct reader *r, const char *name, const char *enc, int repair);
/* Next line without its terminator ("\n", "\r\n", and in text mode "\f"); BOM removed.
 * 1: a line, 0: end, -1: error */
int reader_line(struct reader *r, const char **s, size_t *n);
/* From the current line on, text mode: the line at *s, *n (just read) is repaired in place */
void reader_textmode(struct reader *r, const char **s, size_t *n);
/* The line at *s, *n (just read) parsed as a JSON record into d: 0, or -1 (d->err says why).
 * Invalid UTF-8 in a string is no reason to lose the record: the line is repaired (U+FFFD for
 * each invalid sequence, as in text), counted, and *s, *n are the repaired line. */
struct jdoc;
int reader_record(struct reader *r, struct jdoc *d, const char **s, size_t *n);
/* The first bytes of the input (at least 1024 unless it is shorter), not consumed. 0 or -1 */
int reader_peek(struct reader *r, const char **s, size_t *n);
/* The raw bytes of the next HTML page: up to and with the '>' of its "</html>", else to the
 * end of the input; *line is the line it starts on. 1: a page, 0: nothing but white space
 * left, -1: error */
int reader_page(struct reader *r, struct buf *page, long *line);
/* NUL bytes and control characters, or mostly invalid UTF-8, in the first 8 KB */
int looksbinary(const unsigned char *s, size_t n);
/* Warns about what was repaired; closes. Returns 1 if anything was wrong with the input, else 0. */
int reader_close(struct reader *r);

/* ---- json.c: JSON records ---- */
enum jtype { J_NULL, J_FALSE, J_TRUE, J_NUM, J_STR, J_ARR, J_OBJ };
struct jnode {
	enum jtype type;
	const char *s; /* J_STR: decoded UTF-8 (in the doc's arena); J_NUM: the raw text; keys too */
	size_t n;
	const char *key; /* member of an object: its decoded name */
	size_t keyn;
	int kids;      /* J_ARR, J_OBJ: number of members */
	int first;     /* index of the first member, -1 if none */
	int next;      /* index of the next sibling, -1 if none */
	size_t soff, koff; /* where s and key are in the arena while parsing */
};
struct jdoc {
	struct jnode *v;
	int nv, capv;
	struct buf arena; /* decoded strings */
	const char *err;  /* what is wrong, after a failed parse */
	size_t errpos;    /* where (byte offset in the line) */
	const char *p, *e, *start; /* parser state */
};
#define JSON_MAX_DEPTH 512
#define JSON_BADUTF8 "invalid UTF-8 in string"	/* d->err: reader_record() repairs it */
/* Parses exactly one JSON value filling the line s (whitespace around allowed). 0 or -1. */
int json_parse(struct jdoc *d, const char *s, size_t n);
void json_free(struct jdoc *d);
/* Member named key of the object at index obj (last one wins), or NULL */
const struct jnode *json_get(const struct jdoc *d, int obj, const char *key);
const struct jnode *json_at(const struct jdoc *d, int i);
/* The value at index i as compact JSON (strings re-escaped, numbers as written) */
void json_write(struct buf *b, const struct jdoc *d, int i);

/* ---- hash.c ---- */
/* 64-bit id of an article from its title and body: FNV-1a over the text with runs of white
 * space folded to one space, ASCII letters in lower case, then a murmur3 finaliser. */
uint64_t article_hash(const char *title, size_t tn, const char *body, size_t bn);

/* ---- text.c: small text helpers shared by the splitter and the extractors ---- */
static inline int
is_alpha(char c)	/* an ASCII letter */
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
/* A class of each byte, for the per-byte loops: one table lookup a byte. */
enum { CH_ALNUM = 1, CH_WORD = 2 };	/* ASCII letter or digit; that or ' or - */
extern const unsigned char ascii_class[256];
static inline int
is_alnum(char c)	/* an ASCII letter or digit */
{
	return ascii_class[(unsigned char)c] & CH_ALNUM;
}
/* Eight bytes at a time (SWAR): the hot loops over every byte of the input use these. */
#define ONES8  0x0101010101010101ULL
#define HIGHS8 0x8080808080808080ULL
static inline uint64_t
load8(const char *s)	/* s[0..7] as a little-endian word, on any machine (one load on x86) */
{
	const unsigned char *p = (const unsigned char *)s;

	return (uint64_t)p[0] | (uint64_t)p[1] << 8 | (uint64_t)p[2] << 16 |
	    (uint64_t)p[3] << 24 | (uint64_t)p[4] << 32 | (uint64_t)p[5] << 40 |
	    (uint64_t)p[6] << 48 | (uint64_t)p[7] << 56;
}
static inline void
store8(char *s, uint64_t x)	/* the other way round: x's low byte first */
{
	unsigned char *p = (unsigned char *)s;

	p[0] = (unsigned char)x; p[1] = (unsigned char)(x >> 8);
	p[2] = (unsigned char)(x >> 16); p[3] = (unsigned char)(x >> 24);
	p[4] = (unsigned char)(x >> 32); p[5] = (unsigned char)(x >> 40);
	p[6] = (unsigned char)(x >> 48); p[7] = (unsigned char)(x >> 56);
}
static inline uint64_t
swar_less(uint64_t x, unsigned c)	/* non-zero if some byte of x is below c (c <= 128) */
{
	return (x - ONES8 * c) & ~x & HIGHS8;
}
static inline uint64_t
swar_eq(uint64_t x, unsigned char c)	/* bit 7 of each byte of x that is c, exactly */
{
	uint64_t y = x ^ (ONES8 * c);

	return ~(((y & ~HIGHS8) + ~HIGHS8) | y) & HIGHS8;
}
static inline uint64_t
swar_lower(uint64_t x)	/* ASCII A-Z to a-z, every other byte as it is */
{
	uint64_t h = x & ~HIGHS8;
	uint64_t up = (h + ONES8 * (0x80 - 'A')) & ~(h + ONES8 * (0x80 - 'Z' - 1)) & ~x & HIGHS8;

	return x | up >> 2;
}
int is_space_at(const char *s, size_t n, size_t *len); /* white space, incl. U+00A0, U+3000 */
void trim(const char **s, size_t *n);
size_t ncodepoints(const char *s, size_t n);
/* 1-12 for an English month name or abbreviation (any case, "Sept" too), else 0 */
int month_of(const char *w, size_t n);
/* case-insensitive: does s start with the ASCII word p? */
int has_prefix(const char *s, size_t n, const char *p);
/* case-insensitive search for the ASCII (or UTF-8) string p in s */
const char *find_ci(const char *s, size_t n, const char *p);

/* ---- date.c: dates as news pages print them ---- */
struct date {
	int y, m, d; /* y 0: year not given */
	int amb;     /* d and m could be the other way round (05-09-2023) */
};
/* The first full date in s (2022-01-25, 2022/02/10, 2021年8月9日, Aug 09,2021, 09 August 2021,
 * August 9, 2021, 17 Mar 2016 01:34:33, 27-07-2021, 5/12/2022, from 17 to 18 January 2018);
 * *at is where it starts. 1 if found, else 0. Of two numbers that could each be the month,
 * "/" puts the month first and "-" or "." the day, and amb is set. */
int date_find(const char *s, size_t n, struct date *dt, size_t *at);
/* The first day of a month that says when something happened: "On January 24", "on the
 * afternoon of August 5", "In the afternoon of April 14th", "On March 9th", "on 26 September",
 * "from January 6 to 7", "From 17 to 18, january, 2018", "January 24," at the very start; with
 * its year when one follows ("on January 6, 2014", "from March 30 to 31, 2023"). */
int date_find_event(const char *s, size_t n, struct date *dt, size_t *at);
/* A date glued to the front of a line ("date 2024-06-03 Chinese VP meets ...", "2021-09-25
 * 14:21:53 admin"): where the text after the date, its time and spaces starts (n if nothing
 * follows), else 0 */
size_t date_lead(const char *s, size_t n, struct date *dt);
/* A date (and time) ending a line of other text ("Headline 2021-05-10 14:29:00", "Headline
 * (2021-07-08 16:25:38)"): where the text before it ends, else 0 */
size_t date_tail(const char *s, size_t n, struct date *dt);
/* A day of a month at the very start of s ("March 9", "9 Sep", "Jan. 5th"): where it ends, or 0 */
size_t date_daymonth_at(const char *s, size_t n, struct date *dt);
/* Does the date exist in the Gregorian calendar? */
int date_valid(struct date dt);
/* The latest year from 1949 to 2100 written in s as a number of its own, or 0 */
int date_latest_year(const char *s, size_t n);
/* "YYYY-MM-DD" into out (11 bytes) */
void date_format(struct date dt, char *out);

/* ---- lineclass.c: what kind of line a page line is ---- */
enum lineclass {
	L_TEXT,     /* a headline, a label or a short line: not known to be a paragraph */
	L_SENT,     /* one sentence, ending in . ! ? or the like: a title or a short paragraph */
	L_PARA,     /* a paragraph: long, or more than one sentence */
	L_DATELINE, /* a paragraph that opens a report: "On July 5, ...", "Jinan, May 3 (Xinhua) --" */
	L_META,     /* Source:, Date:, Time:, Browsing volume:, a date alone, Editor: ... */
	L_NAV,      /* navigation: Home > News, You are here:, menus of short items */
	L_FOOT      /* page footer: copyright, Contact Us | Site Map, Related news:, CMS stamps */
};
enum lineclass classify_line(const char *s, size_t n);
/* A metadata field name and its colon at s ("Source:", "Browsing volume:", "来源："): the length
 * up to and with the colon, else 0 */
size_t meta_key_at(const char *s, size_t n);
/* A short line that names a section rather than an article: "NEWS & EVENTS", "Hot Topics" */
int is_label(const char *s, size_t n);
/* Does the line end a sentence (. ! ? ; : and their CJK forms, before closing quotes)? */
int ends_sentence(const char *s, size_t n);
/* Does the line open with a list marker: 1. 2) (3) ① • - ? */
int starts_list_item(const char *s, size_t n);
/* Is the whole line a date (and time): 2023-04-11 08:22, Aug 09,2021, 2021年8月9日 ...? */
int is_date_only(const char *s, size_t n);
/* A line that gives the page's own URL, a label then an http(s) URL and nothing else:
 * "URL: http://...", "Link:https://...", "Original link: ...", "原文链接：..." (not a label that
 * names another page: "Source:", "Related link:"). The URL and its length (*urln), else NULL. */
const char *page_url_line(const char *s, size_t n, size_t *urln);

/* ---- html.c: HTML as scraped, to the lines a reader sees and what the markup says ---- */
#define HTML_MAX_DEPTH 512 /* open elements; deeper nesting is flattened */
#define HTML_CICACHE 1024  /* class and id values remembered */
enum {	/* where a line sits, from its elements (inherited down the tree) */
	HF_NAV = 1 << 0,     /* <nav>, <menu>, role=navigation */
	HF_ASIDE = 1 << 1,   /* <aside>, role=complementary */
	HF_FOOTER = 1 << 2,  /* <footer>, role=contentinfo */
	HF_HEADER = 1 << 3,  /* <header>, role=banner */
	HF_FORM = 1 << 4,    /* <form>, <select>, <button> ... */
	HF_BOILER = 1 << 5,  /* a class or id of boilerplate: menu, sidebar, share, related ... */
	HF_HIDDEN = 1 << 6,  /* hidden, display:none: not seen, not a line */
	HF_ARTICLE = 1 << 7, /* <article>, <main>, role=main */
	HF_LINK = 1 << 8,    /* <a> */
	HF_PRE = 1 << 9,     /* <pre>: white space as written */
	HF_HEAD = 1 << 10,   /* <head> */
	HF_LIST = 1 << 11,   /* <li> */
	HF_TABLE = 1 << 12,  /* <table> */
	HF_CAPTION = 1 << 13,/* <figcaption> */
	HF_CONTENT = 1 << 14,/* itemprop=articleBody, class article-body, entry-content ... */
	HF_SCRAP = 1 << 15   /* a line all inside inline controls or boilerplate (a <button>, a
	                      * <span class=caption>): never body */
};
/* the elements the reader tells apart (struct hnode's tag); the rest are TG_OTHER */
enum { TG_OTHER, TG_A, TG_ARTICLE, TG_ASIDE, TG_BODY, TG_BR, TG_BUTTON, TG_DD, TG_DIV, TG_DL,
	TG_DT, TG_FOOTER, TG_FORM, TG_H1, TG_H2, TG_H3, TG_H4, TG_H5, TG_H6, TG_HEAD, TG_HEADER,
	TG_HR, TG_HTML, TG_LI, TG_LINK, TG_MAIN, TG_MATH, TG_META, TG_NAV, TG_OL, TG_OPTION,
	TG_P, TG_PLAINTEXT, TG_PRE, TG_SCRIPT, TG_SELECT, TG_SVG, TG_TABLE, TG_TBODY, TG_TD,
	TG_TEMPLATE, TG_TEXTAREA, TG_TFOOT, TG_TH, TG_THEAD, TG_TIME, TG_TITLE, TG_TR, TG_UL,
	TG_BLOCKQUOTE, TG_FIGCAPTION, TG_FIGURE, TG_SECTION, TG_CAPTION, TG_MENU, TG_IMG,
	TG_LABEL, TG_INPUT };
struct hnode {            /* an element */
	int parent;           /* index, -1 for none */
	unsigned own, flags;  /* HF_ of the element itself; with its ancestors' */
	unsigned char tag;
	signed char weight;   /* class and id names: -50 to 50 */
	long line;
	size_t textn, linkn;  /* characters of text and of link text below it */
	double score;
	int blockkids;        /* a block element is a child of it */
	int sel, in;          /* chosen as (part of) the article; inside what was chosen */
	unsigned rel;         /* HF_ from the chosen element down */
};
struct hblock {           /* a line: the text of a block element, a row, a <br> */
	size_t off, n;        /* in hpage.text, NUL-terminated */
	size_t width, linkn;  /* characters; bytes inside <a> */
	long line;            /* where it starts in the page */
	int node;             /* the block element it is a line of, -1 if none */
	unsigned flags;       /* HF_ of the innermost element */
	unsigned char tag;
	unsigned char part;   /* after html_article: 0 header, 1 title, 2 body, 3 footer */
};
struct hpage {
	struct buf text;      /* the lines */
	struct hblock *b;
	size_t nb, capb;
	struct hnode *nd;
	size_t nn, capn;
	struct buf title, ogtitle, url, ogurl, site, lang; /* declared, references decoded */
	char pub[11];         /* declared publication date YYYY-MM-DD, or "" */
	long lines;           /* lines in the page */
	long deep_line, comment_line, raw_line; /* first problem of each kind: flattened nesting, */
	const char *raw_tag;  /* unterminated comment, unterminated <script> or the like */
	/* private */
	struct buf cur, tmp, part;
	struct cicache { uint64_t h; unsigned info; } ci[HTML_CICACHE]; /* class names, by hash */
};
/* A character reference after its '&' at s: the bytes it takes (0: none, '&' is text), the code
 * point in *cp (HTML5: &#0; surrogates and beyond U+10FFFF are U+FFFD, &#128;-&#159; as
 * windows-1252; legacy names without ';', not in attributes before a letter, digit or '=') */
size_t html_charref(const char *s, size_t n, int attr, uint32_t *cp);
/* Parses a page (UTF-8) into hp (reused; memory grows with the page, not with its nesting) */
void html_parse(struct hpage *hp, const char *s, size_t n);
void html_clear(struct hpage *hp);
void html_free(struct hpage *hp);
/* Does the text start (after a BOM and white space) as HTML does: <!DOCTYPE html, <html,
 * <head, <meta, <body, <title, or an HTML comment before one of them? */
int html_sniff(const char *s, size_t n);
/* The charset the page declares: a BOM, else <meta charset> or <meta http-equiv=Content-Type>
 * in the first 4096 bytes; as iconv names it (GB2312 is read as GB18030, Latin-1 as
 * windows-1252) into out, or "" */
void html_charset(const char *s, size_t n, char *out, size_t outn);

/* ---- htmlpage.c: an HTML page to its article ---- */
struct article;
typedef int (*article_fn)(const struct article *a, void *arg);
/* Is the input (opened, nothing read) HTML? force 'h': yes, 't': no, 0: by its first bytes */
int html_input(struct reader *r, int force);
/* The article of the parsed page hp to fn, its lines all in title, header, body or footer
 * (none if the page holds no text: a warning). Returns what fn returned. */
int html_article(struct hpage *hp, const char *src, long line, article_fn fn, void *arg);
/* Reads every page of r (a page ends after its </html>), each in its encoding (enc, else its
 * BOM or <meta> charset, else UTF-8), and gives fn its article. 1 if some input was bad. */
int html_read(struct reader *r, const char *enc, struct hpage *hp, article_fn fn, void *arg);

/* ---- split.c: raw text to articles (shared by split-article and the extractors) ---- */
struct pageinfo {         /* what a page declares about itself; each NULL if not known */
	const char *url, *published, *site, *lang;
};
struct article {
	const char *src;
	long line;            /* first line of the article in src */
	const char *title;    /* NULL if none */
	size_t titlen;
	const char **header;  /* lines (NUL-terminated) */
	size_t nheader;
	const char *body;     /* paragraphs joined with '\n', NUL-terminated */
	size_t bodyn;
	const char **footer;
	size_t nfooter;
	const struct pageinfo *page; /* NULL: nothing known (text input) */
	char id[17];
};
struct splitter;
struct splitter *split_new(article_fn fn, void *arg);
/* Feeds one line (UTF-8, no terminator) from src at lineno; ff: a form feed came before it */
int split_line(struct splitter *sp, const char *src, long lineno, int ff, const char *s, size_t n);
/* Ends the current file: the article in progress is written. Returns how many articles the
 * file gave (so a caller can warn about a file of boilerplate only). */
long split_end(struct splitter *sp);
void split_free(struct splitter *sp);
/* The article record, as one JSON line, appended to b */
void article_json(struct buf *b, const struct article *a);

/* ---- lexicon.c: the word lists of lib/lex/, compiled in; users add to them at run time ---- */
enum lexkind { LEX_SURNAME, LEX_SYLLABLE, LEX_POST, LEX_ORG, LEX_PRESIDED, LEX_SPOKE,
	LEX_ATTENDED, LEX_SPEECH, LEX_NKINDS };
/* The kind named "surnames", "syllables", "posts", "orgwords", "presided", "spoke" or
 * "attended"; -1 if none */
int lex_kind(const char *name);
/* Adds the entries of a file (one a line, '#' comments) to a list; 0, or -1 after a message */
int lex_add_file(enum lexkind k, const char *path);
/* Is the word (any case) in the list? */
int lex_has(enum lexkind k, const char *w, size_t n);
/* The longest entry of the list (one to six words, any case) that starts s and ends at a word
 * boundary: its length, else 0 */
size_t lex_phrase_at(enum lexkind k, const char *s, size_t n);
/* The first of the nk lists kinds that has an entry starting s (as lex_phrase_at): its index
 * in kinds, with the entry's length in *len; else -1. The first word is hashed once. */
int lex_phrases_at(const enum lexkind *kinds, int nk, const char *s, size_t n, size_t *len);
/* Is w (any case) one to three pinyin syllables, as a Chinese given name is? */
int lex_pinyin_name(const char *w, size_t n);
void lex_free(void);

/* ---- people.c: who is named, with which posts, doing what ---- */
enum { ROLE_MENTIONED, ROLE_ATTENDED, ROLE_SPOKE, ROLE_PRESIDED };
struct person {
	size_t name, namen;   /* the full name, in the people's text */
	size_t surn;          /* length of the surname at the start (Chinese) */
	struct buf titles;    /* posts, joined with "; " */
	int role;             /* ROLE_*: the highest of roles */
	unsigned roles;       /* every role that applies: bit 1 << ROLE_* (0: mentioned only) */
	int mentions;
};
struct people {
	struct person *p;     /* in order of first mention */
	size_t np, capp;
	struct buf text;      /* the names */
	/* private */
	const char *s;
	size_t n;
	struct tok *t;        /* the body's tokens */
	size_t nt, capt;
	struct tok *ht;       /* a header or footer line's */
	size_t capht;
	int lower;            /* the body is written in lower case: names may be too */
	size_t words, caps;   /* tokenize(): words that begin with a letter, capitalised ones */
};
void people_analyse(struct people *pp, const struct article *a);
/* Only the names and the references to them (no posts, roles or bylines): enough for
 * people_speaker(), at half the cost */
void people_names(struct people *pp, const struct article *a);
void people_free(struct people *pp);
/* Who put forward the list whose first marker is at body offset off, after people_analyse():
 * the subject of the sentence that holds the marker or introduces the list, searched back
 * sentence by sentence over two paragraphs, and over four more to a sentence that announces
 * a list, but not before body offset from (where the last list ended); "he", "she", "Mr. Hao" resolved, "the report" to
 * whoever presented it; quoted (the list is inside a quotation) to who "said" it after the
 * quotation. A person's index, or -1: none, or a meeting, document or other body ("the meeting
 * required", "Personnel from relevant departments put forward"). A subject named in a form
 * the names were not found in ("CAI jun", "general manager wei") is added to pp's people. */
int people_speaker(struct people *pp, size_t off, size_t from, int quoted);
/* Is the word a noun that names what a list holds: requirements, points, tasks ...? */
int people_listnoun(const char *s, size_t n);
extern const char *const role_names[];
/* The person record's "key", appended to b: the name with each word capitalised ("CAI Jun",
 * "cai  jun" -> "Cai Jun"), a hyphen between letters dropped ("Sai-ming" -> "Saiming"), one
 * space between words, so that the forms of one name meet */
void person_key(struct buf *b, const char *s, size_t n);

/* ---- records.c: the input side of every extractor ----
 * Reads a record stream, or raw text (the first non-blank byte is not '{'), which it splits as
 * split-article would. Every record is passed through unchanged unless only is set; after each
 * article comes what derive appends to out. Bad records are reported and skipped. */
typedef void (*derive_fn)(struct buf *out, const struct article *a, void *arg);
struct extractor {
	derive_fn derive;
	void *arg;
	int only;             /* -o: write only the derived records */
	const char *enc;      /* -e: encoding of raw text */
	int format;           /* -f: 'h' HTML, 't' text, 0 by content */
	int lexicons;         /* the tool takes -l KIND:FILE to add to a word list */
	enum counter counter; /* --counters: what the derived records count as */
	/* private */
	struct buf out;
	struct jdoc doc;
	const char **hdr, **ftr;
	size_t caph, capf;
	struct splitter *sp;
	struct pageinfo page;
	struct hpage html;
};
/* Processes one input file ("-" is stdin). Returns 1 if some input was bad, else 0. */
int extract_file(struct extractor *x, const char *name);
void extract_free(struct extractor *x);
/* The common main of an extractor: options -o, -e ENC, -h/--help, --version; usage and
 * help name the tool; the files are processed in turn. */
int extract_main(int argc, char *argv[], struct extractor *x, const char *purpose);

#endif
