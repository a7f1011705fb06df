/* readout-lostcheck: proves "nothing lost" for split-article. Given the raw input and the
 * article records made from it, every non-blank input line must be found, in order, in exactly
 * one place: the title, a header or footer line of its article, or the next stretch of its
 * body (joined to what came before by a space, a line break or nothing); and every part of
 * every record must be used up. */
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
	while ((c = getopt(argc, argv, "e:")) != -1)
		if (c == 'e')
			enc = optarg;
		else
			return 2;
	if (argc - optind != 2)
		die(2, "usage: readout-lostcheck [-e ENC] RAWFILE RECORDS");
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
	while (reader_line(&r, &s, &n) > 0) {
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
			if (take(a->hdr, a->nhdr, s, n) || take(a->ftr, a->nftr, s, n) || inbody(a, s, n))
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
	json_free(&d);
	return 0;
}
