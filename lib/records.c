/* The input side of every extractor: a record stream passed through byte for byte, or raw
 * page text split into articles exactly as split-article does; after each article, the
 * records the extractor derives from it. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "readout.h"

/* Derived records for one article, written after it (or alone with -o). */
static void
derive(struct extractor *x, const struct article *a)
{
	const char *p, *e;
	long k = 0;

	x->out.n = 0;
	x->derive(&x->out, a, x->arg);
	if ((p = x->out.p))	/* NULL when nothing was ever derived */
		for (e = p + x->out.n; (p = memchr(p, '\n', (size_t)(e - p))); p++)
			k++;	/* a record a line */
	counter_add(C_ARTICLES, 1);
	counter_add(x->counter, k);
	out_buf(&x->out);
}

static int
fromsplit(const struct article *a, void *arg)
{
	struct extractor *x = arg;

	if (!x->only) {
		x->out.n = 0;
		article_json(&x->out, a);
		out_buf(&x->out);
	}
	derive(x, a);
	return 0;
}

/* An array of strings, as C strings in the doc's arena; other values are left out. */
static const char **
strings(const struct jdoc *d, const struct jnode *arr, const char **v, size_t *cap, size_t *n)
{
	int i;

	*n = 0;
	if (!arr || arr->type != J_ARR)
		return v;
	if ((size_t)arr->kids + 1 > *cap) {
		*cap = (size_t)arr->kids + 1;
		v = erealloc(v, *cap * sizeof *v);
	}
	for (i = arr->first; i >= 0; i = d->v[i].next)
		if (d->v[i].type == J_STR)
			v[(*n)++] = d->v[i].s;
	return v;
}

/* One line of a record stream. Returns 1 if it was bad. */
static int
record(struct extractor *x, struct reader *r, const char *s, size_t n)
{
	const char *name = r->name;
	long lineno = r->lineno;
	struct jdoc *d = &x->doc;
	const struct jnode *t, *v;
	struct article a;
	size_t i;

	for (i = 0; i < n && (s[i] == ' ' || s[i] == '\t'); i++)
		;
	if (i == n)
		return 0;	/* a blank line is no record */
	counter_add(C_RECORDS, 1);
	if (reader_record(r, d, &s, &n) < 0) {
		warnat(name, lineno, "bad record, skipped: %s (column %zu)", d->err, d->errpos + 1);
		counter_add(C_REJECTED, 1);
		return 1;
	}
	if (d->v[0].type != J_OBJ || !(t = json_get(d, 0, "type")) || t->type != J_STR) {
		warnat(name, lineno, "bad record, skipped: %s", d->v[0].type != J_OBJ ?
		    "not a JSON object" : "no \"type\" string");
		counter_add(C_REJECTED, 1);
		return 1;
	}
	if (!x->only) {
		out_write(s, n);
		out_write("\n", 1);
	}
	if (t->n != 7 || memcmp(t->s, "article", 7))
		return 0;
	memset(&a, 0, sizeof a);
	if ((v = json_get(d, 0, "id")) && v->type == J_STR && v->n == 16 &&
	    strspn(v->s, "0123456789abcdef") == 16)
		memcpy(a.id, v->s, 16);
	else {
		warnat(name, lineno, "article record without an \"id\" of 16 hex digits: nothing "
		    "derived");
		counter_add(C_REJECTED, 1);
		return 1;
	}
	a.src = (v = json_get(d, 0, "src")) && v->type == J_STR ? v->s : name;
	a.line = (v = json_get(d, 0, "line")) && v->type == J_NUM ? atol(v->s) : 0;
	if ((v = json_get(d, 0, "title")) && v->type == J_STR) {
		a.title = v->s;
		a.titlen = v->n;
	}
	x->hdr = strings(d, json_get(d, 0, "header"), x->hdr, &x->caph, &a.nheader);
	a.header = x->hdr;
	x->ftr = strings(d, json_get(d, 0, "footer"), x->ftr, &x->capf, &a.nfooter);
	a.footer = x->ftr;
	if ((v = json_get(d, 0, "body")) && v->type == J_STR) {
		a.body = v->s;
		a.bodyn = v->n;
	} else
		a.body = "";
	if ((v = json_get(d, 0, "page")) && v->type == J_OBJ) {	/* strings in the arena */
		const struct jnode *f;
		int pi = (int)(v - d->v);
		memset(&x->page, 0, sizeof x->page);
		if ((f = json_get(d, pi, "url")) && f->type == J_STR)
			x->page.url = f->s;
		if ((f = json_get(d, pi, "published")) && f->type == J_STR)
			x->page.published = f->s;
		if ((f = json_get(d, pi, "site")) && f->type == J_STR)
			x->page.site = f->s;
		if ((f = json_get(d, pi, "lang")) && f->type == J_STR)
			x->page.lang = f->s;
		a.page = &x->page;
	}
	derive(x, &a);
	return 0;
}

int
extract_file(struct extractor *x, const char *name)
{
	struct reader r;
	const char *s;
	size_t n, i;
	int k, bad = 0, mode = 0;	/* 0: not known yet, 1: records, 2: raw text */

	if (reader_open(&r, name, x->enc, 0) < 0)
		return 1;
	r.enchint = 1;	/* raw text may come in another encoding, given with -e */
	if (html_input(&r, x->format)) {
		k = html_read(&r, x->enc, &x->html, fromsplit, x);
		return reader_close(&r) || k;
	}
	while ((k = reader_line(&r, &s, &n)) > 0) {
		if (mode == 0) {
			for (i = 0; i < n && (s[i] == ' ' || s[i] == '\t'); i++)
				;
			if (i == n)
				continue;
			mode = s[i] == '{' && !x->enc ? 1 : 2;
			if (mode == 2) {	/* raw text: repair from here on, this line too */
				reader_textmode(&r, &s, &n);
				if (!x->sp)
					x->sp = split_new(fromsplit, x);
			}
		}
		if (mode == 1)
			bad |= record(x, &r, s, n);
		else
			split_line(x->sp, name, r.lineno, r.ff, s, n);
	}
	if (mode == 2)
		split_end(x->sp);
	return reader_close(&r) || k < 0 || bad;
}

void
extract_free(struct extractor *x)
{
	buf_free(&x->out);
	json_free(&x->doc);
	free(x->hdr);
	free(x->ftr);
	split_free(x->sp);
	html_free(&x->html);
}

static const char *purpose;	/* the tool's one-line description, for --help */
static int lexopt;		/* the tool takes -l */

static _Noreturn void
usage(void)
{
	fprintf(stderr, "usage: %s [-o] [-e ENC] [-f html|text]%s [--counters] [FILE ...]\n", argv0,
	    lexopt ? " [-l KIND:FILE]" : "");
	exit(EXIT_USAGE);
}

static _Noreturn void
help(void)
{
	printf("usage: %s [-o] [-e ENC] [-f html|text]%s [--counters] [FILE ...]\n"
	    "%s\n"
	    "Reads article records (from split-article), or raw page text or HTML, which it\n"
	    "splits as split-article does, from the FILEs or standard input ('-' or none). Writes\n"
	    "every input record unchanged, each article followed by what is derived from it.\n"
	    "Options may come before or after the FILEs; '--' ends them.\n"
	    "\n"
	    "  -o, --only  write only the derived records\n"
	    "  -e ENC      raw text in encoding ENC (GBK, GB18030, LATIN1, ...)\n"
	    "  -f FORMAT   raw input as html or as text (default: HTML if it starts as HTML does)\n"
	    "%s"
	    "  --counters  at the end, write totals to stderr as Hadoop Streaming counters\n"
	    "              (reporter:counter:readout,NAME,N)\n"
	    "  -h, --help  show this help\n"
	    "  --version   show the version\n"
	    "\n"
	    "Exit status: 0 all good, 1 some input was bad (the rest was processed) or output\n"
	    "could not be written, 2 usage.\n"
	    "See %s(1).\n", argv0, lexopt ? " [-l KIND:FILE]" : "", purpose,
	    lexopt ? "  -l KIND:FILE  add the words of FILE (one a line) to a word list: surnames,\n"
	    "              syllables, posts, orgwords, presided, spoke, attended or speech\n" : "", argv0);
	exit_printed();
}

int
extract_main(int argc, char *argv[], struct extractor *x, const char *what)
{
	static const struct longopt longs[] = { { "--only", "-o", NULL }, { NULL, NULL, NULL } };
	const char *optstring = x->lexicons ? ":e:f:l:oh" : ":e:f:oh";
	int c, i, ret = 0;

	setprog(argv[0]);
	purpose = what;
	lexopt = x->lexicons;
	argc = arrange(argc, argv, optstring, help, usage, longs, CBIT(C_ARTICLES) |
	    CBIT(x->counter) | CBIT(C_RECORDS) | CBIT(C_REJECTED) | CBIT(C_PAGES_SKIPPED) |
	    CBIT(C_REPLACED) | CBIT(C_FILES_SKIPPED));
	while ((c = getopt(argc, argv, optstring)) != -1) {
		switch (c) {
		case 'l': {
			char *colon = strchr(optarg, ':');
			int k;
			if (colon)
				*colon = '\0';
			if (!colon || (k = lex_kind(optarg)) < 0) {
				warnx_("-l takes KIND:FILE, KIND one of surnames, syllables, posts, "
				    "orgwords, presided, spoke, attended, speech");
				usage();
			}
			if (lex_add_file((enum lexkind)k, colon + 1) < 0)
				exit(EXIT_USAGE);
			break;
		}
		case 'e':
			x->enc = optarg;
			if (!reader_enc_ok(x->enc))
				die(EXIT_USAGE, "unknown encoding '%s' (see iconv -l)", x->enc);
			break;
		case 'f':
			if (!strcmp(optarg, "html") || !strcmp(optarg, "text"))
				x->format = optarg[0];
			else
				die(EXIT_USAGE, "-f takes html or text, not '%s'", optarg);
			break;
		case 'o':
			x->only = 1;
			break;
		case 'h':
			help();
		default:
			badopt(c, optopt, usage);
		}
	}
	out_init();
	if (optind == argc)
		ret |= extract_file(x, "-");
	for (i = optind; i < argc; i++)
		ret |= extract_file(x, argv[i]);
	extract_free(x);
	out_close();
	counters_print();
	return ret ? EXIT_BADINPUT : EXIT_OK;
}
