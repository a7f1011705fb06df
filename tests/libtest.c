/* readout-libtest: runs the functions of lib/ on standard input or its arguments and prints
 * what they give, so that tests/lib.bats can check the library through plain text. */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "readout.h"

static struct buf ob;	/* one output buffer, written out after each record */

static void
usage(void)
{
	fprintf(stderr, "usage: %s json | get KEY | escape | repair | lines [-n] [-k] [ENC] |\n"
	    "       hash [TITLE] BODY | class | html | sniff | charset | url | key\n", argv0);
	exit(EXIT_USAGE);
}

/* All of standard input into b, bytes as they are. */
static void
slurp(struct buf *b)
{
	size_t k;

	do {
		buf_grow(b, 1 << 16);
		k = fread(b->p + b->n, 1, 1 << 16, stdin);
		b->n += k;
	} while (k > 0);
	if (ferror(stdin))
		die(EXIT_BADINPUT, "read error on standard input");
	b->p[b->n] = '\0';
}

/* Calls fn on each line of standard input (split at '\n' only; a last line without '\n' counts).
 * Each line is given in a buffer of exactly its length, not NUL-terminated, so that a memory
 * checker sees any read past its end. */
static void
eachline(void (*fn)(const char *s, size_t n, void *arg), void *arg)
{
	struct buf in = { 0 };
	size_t i = 0;

	slurp(&in);
	while (i < in.n) {
		const char *nl = memchr(in.p + i, '\n', in.n - i);
		size_t n = nl ? (size_t)(nl - (in.p + i)) : in.n - i;
		char *line = emalloc(n);
		memcpy(line, in.p + i, n);
		fn(line, n, arg);
		free(line);
		out_buf(&ob);
		i += n + 1;
	}
	buf_free(&in);
}

/* ---- json, get ---- */

/* The node i of d written back as compact JSON. */
static void
serialise(struct buf *b, const struct jdoc *d, int i)
{
	const struct jnode *v = json_at(d, i);
	int k, kids = 0;

	if (!v) {
		buf_adds(b, "<bad node>");
		return;
	}
	switch (v->type) {
	case J_NULL: buf_adds(b, "null"); break;
	case J_FALSE: buf_adds(b, "false"); break;
	case J_TRUE: buf_adds(b, "true"); break;
	case J_NUM: buf_add(b, v->s, v->n); break;
	case J_STR: buf_json_str(b, v->s, v->n); break;
	case J_ARR:
	case J_OBJ:
		buf_addc(b, v->type == J_OBJ ? '{' : '[');
		for (k = v->first; k >= 0; k = json_at(d, k)->next) {
			if (kids++)
				buf_addc(b, ',');
			if (v->type == J_OBJ) {
				buf_json_str(b, json_at(d, k)->key, json_at(d, k)->keyn);
				buf_addc(b, ':');
			}
			serialise(b, d, k);
		}
		buf_addc(b, v->type == J_OBJ ? '}' : ']');
		if (kids != v->kids)
			buf_printf(b, "<kids %d, found %d>", v->kids, kids);
		break;
	}
}

static int
parse(struct jdoc *d, const char *s, size_t n)
{
	if (json_parse(d, s, n) == 0)
		return 0;
	buf_printf(&ob, "error at %zu: %s\n", d->errpos + 1, d->err ? d->err : "(no message)");
	return -1;
}

static void
jsonline(const char *s, size_t n, void *arg)
{
	struct jdoc *d = arg;

	if (parse(d, s, n) < 0)
		return;
	serialise(&ob, d, 0);
	buf_addc(&ob, '\n');
}

struct getarg {
	struct jdoc d;
	const char *key;
};

static void
getkey(const char *s, size_t n, void *arg)
{
	struct getarg *g = arg;
	const struct jnode *v;

	if (parse(&g->d, s, n) < 0)
		return;
	if ((v = json_get(&g->d, 0, g->key)) != NULL)
		serialise(&ob, &g->d, (int)(v - g->d.v));
	else
		buf_adds(&ob, "absent");
	buf_addc(&ob, '\n');
}

/* ---- escape, repair ---- */

static void
escape(void)
{
	struct buf in = { 0 };

	slurp(&in);
	buf_json_str(&ob, in.p, in.n);
	buf_addc(&ob, '\n');
	out_buf(&ob);
	buf_free(&in);
}

static void
repair(void)
{
	struct buf in = { 0 };
	size_t bad = 0, nul = 0;

	slurp(&in);
	utf8_repair(&ob, in.p, in.n, &bad, &nul);
	out_buf(&ob);
	fprintf(stderr, "bad=%zu nul=%zu\n", bad, nul);
	buf_free(&in);
}

/* ---- lines ---- */

/* Each line as "LINENO FF LEN: "TEXT"" (TEXT as a JSON string, so that a stray '\r' shows),
 * or without the text with -n; then "close N" with what reader_close returned. -k: records
 * mode (repair 0), bytes left as they are. */
static int
lines(int argc, char **argv)
{
	struct reader r;
	const char *s, *enc = NULL;
	size_t n;
	int k, i, lenonly = 0, repair = 1;

	for (i = 0; i < argc; i++) {
		if (!strcmp(argv[i], "-n"))
			lenonly = 1;
		else if (!strcmp(argv[i], "-k"))
			repair = 0;
		else if (!enc && argv[i][0] != '-')
			enc = argv[i];
		else
			usage();
	}
	if (reader_open(&r, "-", enc, repair) < 0)
		return EXIT_BADINPUT;
	while ((k = reader_line(&r, &s, &n)) > 0) {
		buf_printf(&ob, "%ld %d %zu", r.lineno, r.ff, n);
		if (!lenonly) {
			buf_adds(&ob, ": ");
			buf_json_str(&ob, s, n);
		}
		buf_addc(&ob, '\n');
		out_buf(&ob);
	}
	if (k < 0)
		buf_adds(&ob, "read error\n");
	buf_printf(&ob, "close %d\n", reader_close(&r));
	out_buf(&ob);
	return EXIT_OK;
}

/* ---- hash, class ---- */

static void
hash(const char *title, const char *body)
{
	uint64_t h = article_hash(title, title ? strlen(title) : 0, body, strlen(body));

	buf_printf(&ob, "%016" PRIx64 "\n", h);
	out_buf(&ob);
}

/* "CLASS[,label][,ends][,date][,list] LINE" */
static void
classline(const char *s, size_t n, void *arg)
{
	static const char *const names[] = { "TEXT", "SENT", "PARA", "DATELINE", "META", "NAV",
		"FOOT" };
	enum lineclass c = classify_line(s, n);

	(void)arg;
	buf_adds(&ob, (unsigned)c < sizeof names / sizeof names[0] ? names[c] : "?");
	if (is_label(s, n))
		buf_adds(&ob, ",label");
	if (ends_sentence(s, n))
		buf_adds(&ob, ",ends");
	if (is_date_only(s, n))
		buf_adds(&ob, ",date");
	if (starts_list_item(s, n))
		buf_adds(&ob, ",list");
	buf_addc(&ob, ' ');
	buf_add(&ob, s, n);
	buf_addc(&ob, '\n');
}

/* ---- html: the lines of a page and what it declares; sniff; charset ---- */
static void
html(void)
{
	struct buf in = { 0 };
	struct hpage hp = { 0 };
	size_t i;

	slurp(&in);
	html_parse(&hp, in.p, in.n);
	for (i = 0; i < hp.nb; i++) {
		buf_printf(&ob, "%ld%s: ", hp.b[i].line, hp.b[i].flags & HF_LINK ? " link" : "");
		buf_add(&ob, hp.text.p + hp.b[i].off, hp.b[i].n);
		buf_addc(&ob, '\n');
	}
	buf_printf(&ob, "title=%s og=%s url=%s/%s site=%s lang=%s pub=%s lines=%ld",
	    hp.title.n ? hp.title.p : "", hp.ogtitle.n ? hp.ogtitle.p : "",
	    hp.url.n ? hp.url.p : "", hp.ogurl.n ? hp.ogurl.p : "", hp.site.n ? hp.site.p : "",
	    hp.lang.n ? hp.lang.p : "", hp.pub, hp.lines);
	if (hp.comment_line)
		buf_printf(&ob, " comment@%ld", hp.comment_line);
	if (hp.raw_line)
		buf_printf(&ob, " %s@%ld", hp.raw_tag, hp.raw_line);
	if (hp.deep_line)
		buf_printf(&ob, " deep@%ld", hp.deep_line);
	buf_addc(&ob, '\n');
	out_buf(&ob);
	html_free(&hp);
	buf_free(&in);
}

static void
sniffline(const char *s, size_t n, void *arg)
{
	char cs[40];

	if (arg) {
		html_charset(s, n, cs, sizeof cs);
		buf_printf(&ob, "%s\n", *cs ? cs : "-");
	} else
		buf_printf(&ob, "%d\n", html_sniff(s, n));
}

/* the URL page_url_line() finds in the line, or "-" */
static void
urlline(const char *s, size_t n, void *arg)
{
	size_t un;
	const char *u = page_url_line(s, n, &un);

	(void)arg;
	if (u)
		buf_add(&ob, u, un);
	else
		buf_addc(&ob, '-');
	buf_addc(&ob, '\n');
}

/* the person_key() of the line, in brackets */
static void
keyline(const char *s, size_t n, void *arg)
{
	(void)arg;
	buf_addc(&ob, '[');
	person_key(&ob, s, n);
	buf_adds(&ob, "]\n");
}

int
main(int argc, char **argv)
{
	int status = EXIT_OK;

	setprog("readout-libtest");
	out_init();
	if (argc < 2)
		usage();
	if (!strcmp(argv[1], "json") && argc == 2) {
		struct jdoc d = { 0 };
		eachline(jsonline, &d);
		json_free(&d);
	} else if (!strcmp(argv[1], "get") && argc == 3) {
		struct getarg g = { .key = argv[2] };
		eachline(getkey, &g);
		json_free(&g.d);
	} else if (!strcmp(argv[1], "escape") && argc == 2) {
		escape();
	} else if (!strcmp(argv[1], "repair") && argc == 2) {
		repair();
	} else if (!strcmp(argv[1], "lines")) {
		status = lines(argc - 2, argv + 2);
	} else if (!strcmp(argv[1], "hash") && (argc == 3 || argc == 4)) {
		hash(argc == 4 ? argv[2] : NULL, argv[argc - 1]);
	} else if (!strcmp(argv[1], "class") && argc == 2) {
		eachline(classline, NULL);
	} else if (!strcmp(argv[1], "html") && argc == 2) {
		html();
	} else if (!strcmp(argv[1], "sniff") && argc == 2) {
		eachline(sniffline, NULL);
	} else if (!strcmp(argv[1], "charset") && argc == 2) {
		eachline(sniffline, "");
	} else if (!strcmp(argv[1], "url") && argc == 2) {
		eachline(urlline, NULL);
	} else if (!strcmp(argv[1], "key") && argc == 2) {
		eachline(keyline, NULL);
	} else
		usage();
	buf_free(&ob);
	return out_close() || status;
}
