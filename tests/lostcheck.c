/* readout-lostcheck: proves "nothing lost" for split-article. Given the raw input and the
 * article records made from it, every non-blank input line must be found, in order, in exactly
 * one place: the title, a header or footer line of its article, or the next stretch of its
 * body (joined to what came before by a space, a line break or nothing); and every part of
 * every record must be used up. For HTML input (by its first bytes, or -f html) the input lines
 * are the lines the HTML reader sees on each page, and a title that is no line of its page
 * (og:title or <title> less the site name) need not be found. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "readout.h"

struct art {
	char *title;          /* NULL when used or absent */
	char **hdr, **ftr;    /* entries set to NULL when used */
	size_t nhdr, nftr;
	char *body;
	size_t bodyn, cur;
	long line;
};

static char **
strarr(const struct jdoc *d, const struct jnode *a, size_t *n)
{
	char **v = ecalloc((size_t)(a && a->type == J_ARR ? a->kids : 0) + 1, sizeof *v);
	int i;

	*n = 0;
	if (a && a->type == J_ARR)
		for (i = a->first; i >= 0; i = d->v[i].next)
			v[(*n)++] = estrndup(d->v[i].s, d->v[i].n);
	return v;
}

static int
take(char **v, size_t n, const char *s, size_t len)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (v[i] && strlen(v[i]) == len && !memcmp(v[i], s, len)) {
			free(v[i]);
			v[i] = NULL;
			return 1;
		}
	return 0;
}

static int
inbody(struct art *a, const char *s, size_t n)
{
	size_t p = a->cur;

	while (p < a->bodyn && (a->body[p] == ' ' || a->body[p] == '\n'))
		p++;
	if (p - a->cur > 1 || p + n > a->bodyn || memcmp(a->body + p, s, n))
		return 0;
	a->cur = p + n;
	return 1;
}

/* the input lines, for HTML */
struct inline_ {
	char *s;
	size_t n;
	long line;
	int page;
};
static struct inline_ *ins;
static size_t nins;
static int npages;

static int
collect(const struct article *a, void *arg)
{
	const struct hpage *hp = arg;
	size_t i;

	(void)a;
	npages++;
	for (i = 0; i < hp->nb; i++) {
		ins = erealloc(ins, (nins + 1) * sizeof *ins);
		ins[nins].s = estrndup(hp->text.p + hp->b[i].off, hp->b[i].n);
		ins[nins].n = hp->b[i].n;
		ins[nins].line = hp->b[i].line;
		ins[nins].page = npages;
		nins++;
	}
	return 0;
}

static int
usedup(const struct art *a)
{
	size_t i;

	for (i = 0; i < a->nhdr; i++)
		if (a->hdr[i])
			return 0;
	for (i = 0; i < a->nftr; i++)
		if (a->ftr[i])
			return 0;
	return !a->title && a->cur == a->bodyn;
}

int
main(int argc, char *argv[])
{
	struct reader r;
	struct jdoc d = { 0 };
	struct art *arts = NULL;
	size_t narts = 0, k = 0, nlines = 0;
	const char *enc = NULL, *s;
	size_t n;
	int c;
	FILE *fp;
	char *line = NULL;
	size_t cap = 0;
	ssize_t len;

	setprog(argv[0]);
	int format = 0;
	while ((c = getopt(argc, argv, "e:f:")) != -1)
		if (c == 'e')
			enc = optarg;
		else if (c == 'f')
			format = optarg[0];
		else
			return 2;
	if (argc - optind != 2)
		die(2, "usage: readout-lostcheck [-e ENC] [-f html|text] RAWFILE RECORDS");
	if (!(fp = fopen(argv[optind + 1], "r")))
		die(2, "cannot open '%s'", argv[optind + 1]);
	while ((len = getline(&line, &cap, fp)) > 0) {
		if (json_parse(&d, line, (size_t)len) < 0)
			die(1, "%s: bad record: %s", argv[optind + 1], d.err);
		const struct jnode *t = json_get(&d, 0, "title"), *b = json_get(&d, 0, "body");
		const struct jnode *l = json_get(&d, 0, "line");
		arts = erealloc(arts, (narts + 1) * sizeof *arts);
		struct art *a = &arts[narts++];
		a->title = t && t->type == J_STR ? estrndup(t->s, t->n) : NULL;
		a->hdr = strarr(&d, json_get(&d, 0, "header"), &a->nhdr);
		a->ftr = strarr(&d, json_get(&d, 0, "footer"), &a->nftr);
		a->body = b && b->type == J_STR ? estrndup(b->s, b->n) : estrndup("", 0);
		a->bodyn = strlen(a->body);
		a->cur = 0;
		a->line = l ? atol(l->s) : 0;
	}
	fclose(fp);
	free(line);
	if (reader_open(&r, argv[optind], enc, 1) < 0)
		return 2;
	int html = html_input(&r, format);
	size_t hi = 0;
	if (html) {
		struct hpage hp = { 0 };
		html_read(&r, enc, &hp, collect, &hp);
		html_free(&hp);
		/* a title that is no line of its page came from og:title or <title> */
		for (k = 0; k < narts; k++) {
			size_t j;
			for (j = 0; arts[k].title && j < nins; j++)
				if (ins[j].page == (int)k + 1 && !strcmp(ins[j].s, arts[k].title))
					break;
			if (arts[k].title && j == nins) {
				free(arts[k].title);
				arts[k].title = NULL;
			}
		}
		k = 0;
	}
	for (;;) {
		if (html) {
			if (hi == nins)
				break;
			s = ins[hi].s;
			n = ins[hi].n;
			r.lineno = ins[hi].line;
			hi++;
		} else if (reader_line(&r, &s, &n) <= 0)
			break;
		trim(&s, &n);
		if (!n)
			continue;
		nlines++;
		for (;;) {
			if (k >= narts)
				die(1, "%s:%ld: line not found in any article: %.*s", r.name, r.lineno,
				    (int)n, s);
			struct art *a = &arts[k];
			if (a->title && strlen(a->title) == n && !memcmp(a->title, s, n)) {
				free(a->title);
				a->title = NULL;
				break;
			}
			if (inbody(a, s, n) || take(a->hdr, a->nhdr, s, n) || take(a->ftr, a->nftr, s, n))
				break;
			if (!usedup(a))
				die(1, "%s:%ld: line not found in article %zu (line %ld): %.*s", r.name,
				    r.lineno, k + 1, a->line, (int)n, s);
			k++;
		}
	}
	reader_close(&r);
	for (k = 0; k < narts; k++)
		if (!usedup(&arts[k]))
			die(1, "article %zu (line %ld) holds text that is not in the input", k + 1,
			    arts[k].line);
	printf("ok: %zu lines in %zu articles\n", nlines, narts);
	for (k = 0; k < narts; k++) {
		free(arts[k].title);
		free(arts[k].body);
		for (size_t i = 0; i < arts[k].nhdr; i++)
			free(arts[k].hdr[i]);
		for (size_t i = 0; i < arts[k].nftr; i++)
			free(arts[k].ftr[i]);
		free(arts[k].hdr);
		free(arts[k].ftr);
	}
	free(arts);
	for (k = 0; k < nins; k++)
		free(ins[k].s);
	free(ins);
	json_free(&d);
	return 0;
}
