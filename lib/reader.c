/* Lines of any length from a file or standard input, as clean UTF-8: a BOM at the start is
 * dropped, CRLF becomes LF, a form feed ends a line too (and is remembered for the next),
 * input in another encoding is converted with iconv, and in text mode invalid UTF-8 and NUL
 * bytes become U+FFFD and are counted. Memory is one read block plus the longest line. */
#include <errno.h>
#include <fcntl.h>
#include <iconv.h>
#include <sys/stat.h>
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "readout.h"

enum { RAWSZ = 1 << 16, DECSZ = 1 << 18, SLACK = 16, SNIFF = 8192 };

int
reader_enc_ok(const char *enc)
{
	iconv_t cd = iconv_open("UTF-8", enc);

	if (cd == (iconv_t)-1)
		return 0;
	iconv_close(cd);
	return 1;
}

static int
isutf8name(const char *enc)
{
	return !enc || !strcmp(enc, "UTF-8") || !strcmp(enc, "utf-8") || !strcmp(enc, "UTF8") ||
	    !strcmp(enc, "utf8");
}

int
reader_open(struct reader *r, const char *name, const char *enc, int repair)
{
	memset(r, 0, sizeof *r);
	r->name = name;
	r->repair = repair;
	r->nextline = 1;
	if (!strcmp(name, "-"))
		r->fd = 0;
	else if ((r->fd = open(name, O_RDONLY)) < 0) {
		warnat(name, 0, "cannot open: %s", strerror(errno));
		counter_add(C_FILES_SKIPPED, 1);
		return -1;
	}
	struct stat st;
	if (fstat(r->fd, &st) == 0 && S_ISDIR(st.st_mode)) {
		warnat(name, 0, "is a directory");
		close(r->fd);
		counter_add(C_FILES_SKIPPED, 1);
		return -1;
	}
	if (!isutf8name(enc)) {
		iconv_t cd = iconv_open("UTF-8", enc);
		if (cd == (iconv_t)-1) {
			warnat(name, 0, "cannot convert from '%s': %s", enc, strerror(errno));
			if (r->fd > 0)
				close(r->fd);
			return -1;
		}
		r->cd = cd;
		r->dec = emalloc(DECSZ + SLACK);
	}
	r->raw = emalloc(RAWSZ);
	return 0;
}

/* Reads more raw bytes after what is left. >0 read, 0 end of file, -1 error. */
static ssize_t
readraw(struct reader *r)
{
	ssize_t k;

	if (r->rawpos > 0) {
		memmove(r->raw, r->raw + r->rawpos, r->rawlen - r->rawpos);
		r->rawlen -= r->rawpos;
		r->rawpos = 0;
	}
	do
		k = read(r->fd, r->raw + r->rawlen, RAWSZ - r->rawlen);
	while (k < 0 && errno == EINTR);
	if (k < 0) {
		warnat(r->name, r->nextline, "read error: %s", strerror(errno));
		r->err = 1;
		return -1;
	}
	if (k == 0)
		r->eof = 1;
	r->rawlen += (size_t)k;
	return k;
}

static void
putfffd(struct reader *r)
{
	if (!r->enc_bad++) {	/* the line: the one being read, plus the lines converted since */
		const char *q = r->dec, *e = r->dec + r->declen;
		r->enc_line = r->nextline;
		while ((q = memchr(q, '\n', (size_t)(e - q))))
			q++, r->enc_line++;
	}
	memcpy(r->dec + r->declen, "\xEF\xBF\xBD", 3);
	r->declen += 3;
}

/* Converts raw bytes with iconv into dec. 1: some bytes, 0: end, -1: error. */
static int
convert(struct reader *r)
{
	iconv_t cd = (iconv_t)r->cd;

	r->decpos = r->declen = 0;
	while (r->declen == 0 || r->declen < DECSZ / 2) {
		if (r->rawpos == r->rawlen) {
			if (r->eof || (r->declen && r->rawlen))
				break;
			if (readraw(r) < 0)
				return -1;
			if (r->eof)
				break;
		}
		char *in = r->raw + r->rawpos, *out = r->dec + r->declen;
		size_t inleft = r->rawlen - r->rawpos, outleft = DECSZ - r->declen;
		size_t rc = iconv(cd, &in, &inleft, &out, &outleft);
		int e = errno;
		r->rawpos = (size_t)(in - r->raw);
		r->declen = (size_t)(out - r->dec);
		if (rc != (size_t)-1 || e == E2BIG)
			continue;
		if (e == EINVAL && !r->eof) {	/* a sequence cut by the block: read on */
			if (readraw(r) < 0)
				return -1;
			continue;
		}
		putfffd(r);	/* EILSEQ, or a sequence cut by the end of the file */
		r->rawpos++;
	}
	if (r->eof && r->rawpos == r->rawlen) {
		char *out = r->dec + r->declen;
		size_t outleft = DECSZ - r->declen;
		iconv(cd, NULL, NULL, &out, &outleft);
		r->declen = (size_t)(out - r->dec);
	}
	return r->declen > 0;
}

/* Makes bytes available at *p, *n. 1, 0 at the end, -1 on error. */
static int
fill(struct reader *r)
{
	if (r->cd) {
		if (r->decpos < r->declen)
			return 1;
		return convert(r);
	}
	if (r->rawpos < r->rawlen)
		return 1;
	r->rawpos = r->rawlen = 0;
	if (r->eof)
		return 0;
	ssize_t k = readraw(r);
	return k < 0 ? -1 : k > 0;
}

/* A binary file: NUL bytes and control characters, or mostly invalid UTF-8, early on. */
int
looksbinary(const unsigned char *s, size_t n)
{
	size_t i, ctl = 0, bad = 0;

	if (n > SNIFF)
		n = SNIFF;
	for (i = 0; i < n; ) {
		unsigned char c = s[i];
		if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v' &&
		    c != 0x1b)
			ctl++;
		if (c < 0x80) {
			i++;
			continue;
		}
		size_t len = utf8_seq(s + i, s + n);
		if (!len) {
			if (n - i < 4 && n == SNIFF)
				break;	/* cut by the sample */
			bad++;
			len = 1;
		}
		i += len;
	}
	return (ctl * 20 > n && ctl >= 8) || (bad * 10 > n * 3 && bad >= 8);
}

/* In text mode: invalid UTF-8 and NUL bytes of the line become U+FFFD, counted, with the line
 * of the first of each */
static void
repairline(struct reader *r, const char **l, size_t *len)
{
	size_t i, bad = r->bad, nul = r->nul;

	for (i = 0; i + 8 <= *len; i += 8) {
		uint64_t x = load8(*l + i);
		if ((x & HIGHS8) | swar_less(x, 1))
			break;
	}
	for (; i < *len; i++)
		if ((unsigned char)(*l)[i] >= 0x80 || (*l)[i] == 0)
			break;
	if (i == *len)
		return;
	r->fix.n = 0;
	utf8_repair(&r->fix, *l, *len, &r->bad, &r->nul);
	if (r->bad == bad && r->nul == nul)
		return;
	if (!bad && r->bad)
		r->bad_line = r->lineno;
	if (!nul && r->nul)
		r->nul_line = r->lineno;
	*l = r->fix.p;
	*len = r->fix.n;
}

void
reader_textmode(struct reader *r, const char **s, size_t *n)
{
	r->repair = 1;
	repairline(r, s, n);
}

int
reader_line(struct reader *r, const char **s, size_t *n)
{
	int term = 0;
	const char *l = NULL;	/* the line, in the read buffer or in r->line */
	size_t ln = 0;

	if (r->binary || r->err)
		return r->err ? -1 : 0;
	r->line.n = 0;
	r->partial = 0;
	for (;;) {
		int k = fill(r);
		if (k < 0)
			return -1;
		if (k == 0)
			break;
		char *src = r->cd ? r->dec : r->raw;
		size_t *pos = r->cd ? &r->decpos : &r->rawpos, len = r->cd ? r->declen : r->rawlen;
		if (!r->sniffed++ && !r->cd && looksbinary((unsigned char *)src, len)) {
			r->binary = 1;
			counter_add(C_FILES_SKIPPED, 1);
			warnat(r->name, 0, r->repair || r->enchint ? "binary file skipped (if it is text in another "
			    "encoding, give it with -e ENC)" : "binary file skipped");
			return 0;
		}
		char *p = src + *pos, *end = src + len, *q = memchr(p, '\n', (size_t)(end - p));
		char *f = r->repair ? memchr(p, '\f', (size_t)((q ? q : end) - p)) : NULL;
		if (f)
			q = f;
		r->partial = 1;
		if (q && r->line.n == 0) {	/* the whole line is in the buffer: no copy */
			l = p;
			ln = (size_t)(q - p);
		} else
			buf_add(&r->line, p, (size_t)((q ? q : end) - p));
		if (q) {
			*pos = (size_t)(q + 1 - src);
			term = *q;
			break;
		}
		*pos = len;
	}
	if (!l) {
		l = r->line.p ? r->line.p : "";
		ln = r->line.n;
	}
	if (!term && ln == 0 && !r->partial)
		return 0;
	r->lineno = r->nextline;
	r->ff = r->nextff;
	r->nextff = term == '\f';
	if (term == '\n')
		r->nextline++;
	if (!r->started) {
		r->started = 1;
		if (ln >= 3 && !memcmp(l, "\xEF\xBB\xBF", 3))
			l += 3, ln -= 3;
	}
	if (ln && l[ln - 1] == '\r')
		ln--;
	if (r->repair)
		repairline(r, &l, &ln);
	*s = l;
	*n = ln;
	return 1;
}

int
reader_record(struct reader *r, struct jdoc *d, const char **s, size_t *n)
{
	size_t bad = r->bad;

	if (json_parse(d, *s, *n) == 0)
		return 0;
	if (strcmp(d->err, JSON_BADUTF8))
		return -1;
	r->fix.n = 0;
	utf8_repair(&r->fix, *s, *n, &r->bad, NULL);
	if (json_parse(d, r->fix.p, r->fix.n) < 0) {
		r->bad = bad;	/* not kept: not counted */
		return -1;
	}
	if (!bad)
		r->bad_line = r->lineno;
	*s = r->fix.p;
	*n = r->fix.n;
	return 0;
}

int
reader_close(struct reader *r)
{
	int bad = r->err || r->binary;

	counter_add(C_REPLACED, (long)(r->bad + r->nul + r->enc_bad));
	if (r->bad && !r->repair) {	/* records */
		warnat(r->name, r->bad_line, "%zu invalid UTF-8 sequence%s in JSON strings replaced "
		    "with U+FFFD, records kept (first on this line)", r->bad, r->bad == 1 ? "" : "s");
		bad = 1;
	} else if (r->bad) {
		warnat(r->name, r->bad_line, "%zu invalid UTF-8 sequence%s replaced with U+FFFD "
		    "(first on this line; if the file is in another encoding, give it with -e ENC)",
		    r->bad, r->bad == 1 ? "" : "s");
		bad = 1;
	}
	if (r->nul) {
		warnat(r->name, r->nul_line, "%zu NUL byte%s replaced with U+FFFD (first on this line)",
		    r->nul, r->nul == 1 ? "" : "s");
		bad = 1;
	}
	if (r->enc_bad) {
		warnat(r->name, r->enc_line, "%zu byte sequence%s not valid in the input encoding "
		    "replaced with U+FFFD (first on this line)", r->enc_bad, r->enc_bad == 1 ? "" : "s");
		bad = 1;
	}
	if (r->cd)
		iconv_close((iconv_t)r->cd);
	if (r->fd > 0)
		close(r->fd);
	free(r->raw);
	free(r->dec);
	buf_free(&r->line);
	buf_free(&r->fix);
	return bad;
}

int
reader_peek(struct reader *r, const char **s, size_t *n)
{
	while (!r->eof && !r->err && r->rawlen - r->rawpos < 1024 && r->rawlen < RAWSZ)
		if (readraw(r) < 0)
			return -1;
	*s = r->raw + r->rawpos;
	*n = r->rawlen - r->rawpos;
	return 0;
}

/* Where "</html" and its '>' end in s, from off on, or 0 */
static size_t
htmlend(const char *s, size_t n, size_t off)
{
	const char *p, *e;

	if (off >= n)	/* nothing read yet: s may be NULL */
		return 0;
	p = s + off, e = s + n;
	while ((p = memchr(p, '<', (size_t)(e - p)))) {
		if (e - p >= 7 && p[1] == '/' && (p[2] | 0x20) == 'h' && (p[3] | 0x20) == 't' &&
		    (p[4] | 0x20) == 'm' && (p[5] | 0x20) == 'l') {
			const char *gt = memchr(p + 6, '>', (size_t)(e - p - 6));
			return gt ? (size_t)(gt + 1 - s) : 0;
		}
		p++;
	}
	return 0;
}

int
reader_page(struct reader *r, struct buf *page, long *line)
{
	size_t from = 0, cut = 0, c, q;

	page->n = 0;
	if (r->fix.n) {	/* what came after the last page (r->fix is unused in HTML mode) */
		buf_add(page, r->fix.p, r->fix.n);
		r->fix.n = 0;
	}
	for (;;) {
		/* a page ends after a "</html>" followed by the end or by another page, not by a
		 * "</html>" in a script's string */
		while ((c = htmlend(page->p, page->n, from))) {
			for (q = c; q < page->n && isspace((unsigned char)page->p[q]); q++)
				;
			if ((q == page->n || page->n - q < 64) && !r->eof)
				break;	/* read on to see what follows */
			if (q == page->n || html_sniff(page->p + q, page->n - q)) {
				cut = c;
				break;
			}
			from = c;
		}
		if (cut || (r->eof && r->rawpos == r->rawlen))
			break;
		if (r->rawpos == r->rawlen) {
			r->rawpos = r->rawlen = 0;
			if (readraw(r) < 0)
				return -1;
			if (r->eof && r->rawlen == 0)
				continue;
		}
		buf_add(page, r->raw + r->rawpos, r->rawlen - r->rawpos);
		r->rawpos = r->rawlen = 0;
	}
	if (cut && cut < page->n) {	/* the next page's beginning */
		buf_add(&r->fix, page->p + cut, page->n - cut);
		page->n = cut;
	}
	size_t i = 0;
	while (i < page->n && isspace((unsigned char)page->p[i]))
		if (page->p[i++] == '\n')
			r->nextline++;
	*line = r->nextline;
	for (const char *p = page->p + i, *e = page->p + page->n;
	    (p = memchr(p, '\n', (size_t)(e - p))); p++)
		r->nextline++;
	return i < page->n;
}
