/* split-article: raw scraped page text to one JSON "article" record per article. */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <unistd.h>

#include "readout.h"

#define USAGE "[-uv] [-e ENC] [-f html|text] [--seen FILE] [--counters] [FILE ...]"

static const char *enc;
static int uflag, vflag;
static int format;	/* -f: 'h' HTML, 't' text, 0 by content */
static const char *seenpath;  /* --seen FILE */

struct seen {          /* ids written so far, for -u: open addressing */
	uint64_t *v;
	size_t n, cap;
};

/* --seen FILE: the ids of the articles written by earlier runs, one a line (16 hex digits and
 * a newline). The file is locked for the whole run, read at the start, and the ids of this
 * run's articles are appended at the end, once standard output has been written in full. */
struct seenfile {
	const char *name;
	int fd;
	off_t size;       /* the size as read: the new ids go after it, or it is cut back to it */
	struct buf add;   /* the new ids, a line each */
};

struct state {
	struct buf out;
	struct seen seen;
	struct seenfile sf;
	struct hpage page;	/* an HTML page's parse, its buffers kept from page to page */
};

static int
seen_add(struct seen *s, uint64_t id)
{
	size_t i;

	if (id == 0)
		id = 1;	/* 0 marks an empty slot */
	if ((s->n + 1) * 2 > s->cap) {
		struct seen t = { ecalloc(s->cap ? s->cap * 2 : 1024, sizeof *t.v), 0,
			s->cap ? s->cap * 2 : 1024 };
		for (i = 0; i < s->cap; i++)
			if (s->v[i])
				seen_add(&t, s->v[i]);
		free(s->v);
		*s = t;
	}
	for (i = (size_t)((id * 0x9e3779b97f4a7c15u) >> 32) & (s->cap - 1); s->v[i];
	    i = (i + 1) & (s->cap - 1))
		if (s->v[i] == id)
			return 0;
	s->v[i] = id;
	s->n++;
	return 1;
}

static int
hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* Opens, locks and reads the file of ids seen, into set; creates it if missing. A file that
 * cannot be opened, locked or read, or a line that is not an id, ends the run (status 2)
 * before any input is read. */
static void
seen_open(struct seenfile *f, const char *name, struct seen *set)
{
	struct flock lk;
	char b[1 << 16], line[17];
	ssize_t k;
	size_t i, len = 0;
	long lineno = 1;
	uint64_t id = 0;
	int bad = 0, v;

	f->name = name;
	if ((f->fd = open(name, O_RDWR | O_CREAT, 0666)) < 0)
		die(EXIT_USAGE, "%s: cannot open the file of ids seen: %s", name, strerror(errno));
	memset(&lk, 0, sizeof lk);
	lk.l_type = F_WRLCK;
	lk.l_whence = SEEK_SET;	/* l_start 0, l_len 0: the whole file */
	while (fcntl(f->fd, F_SETLKW, &lk) < 0)
		if (errno != EINTR)
			die(EXIT_USAGE, "%s: cannot lock the file of ids seen: %s", name,
			    strerror(errno));
	f->size = 0;
	for (;;) {
		if ((k = read(f->fd, b, sizeof b)) < 0) {
			if (errno == EINTR)
				continue;
			die(EXIT_USAGE, "%s: read error: %s", name, strerror(errno));
		}
		if (k == 0)
			break;
		f->size += k;
		for (i = 0; i < (size_t)k; i++) {
			if (b[i] != '\n') {
				if (len < 16 && (v = hexval(b[i])) >= 0)
					id = id << 4 | (uint64_t)v;
				else
					bad = 1;
				if (len < sizeof line)
					line[len] = b[i];
				len++;
				continue;
			}
			if (bad || len != 16)
				goto damaged;
			seen_add(set, id);
			lineno++;
			len = 0;
			id = 0;
		}
	}
	if (len == 0)
		return;
	bad = bad || len != 16 ? 1 : 2;	/* 2: an id, but no newline after it */
damaged:
	die(EXIT_USAGE, "%s:%ld: %s: the file of ids seen is damaged (each line must be the 16 "
	    "hex digits of an article id); mend or remove the line", name, lineno,
	    bad == 2 ? "no newline at the end of the file" : "not an article id");
}

/* Appends the new ids, whole lines, and syncs them to the disk; if any of it fails, the file is
 * cut back to what it was (no id half written) and the run's status is 1. The lock goes with
 * the descriptor. */
static int
seen_close(struct seenfile *f)
{
	size_t done = 0;
	ssize_t k;
	int err = 0;

	if (lseek(f->fd, f->size, SEEK_SET) < 0)
		err = errno;
	while (!err && done < f->add.n) {
		if ((k = write(f->fd, f->add.p + done, f->add.n - done)) < 0) {
			if (errno != EINTR)
				err = errno;
			continue;
		}
		done += (size_t)k;
	}
	if (!err && f->add.n && fsync(f->fd) < 0)
		err = errno;
	if (err) {
		if (ftruncate(f->fd, f->size) < 0)
			warnx_("%s: cannot append the new ids (%s), nor cut the file back to its "
			    "%lld bytes (%s): mend its last line", f->name, strerror(err),
			    (long long)f->size, strerror(errno));
		else
			warnx_("%s: cannot append the new ids: %s (the file is as it was; this "
			    "run's articles will be written again by the next)", f->name,
			    strerror(err));
	}
	if (close(f->fd) < 0 && !err) {
		err = errno;
		warnx_("%s: cannot close the file of ids seen: %s", f->name, strerror(err));
	}
	buf_free(&f->add);
	return err != 0;
}

static int
emit(const struct article *a, void *arg)
{
	struct state *st = arg;

	if (uflag && !seen_add(&st->seen, strtoull(a->id, NULL, 16))) {
		counter_add(C_DUPLICATES, 1);
		return 0;
	}
	if (seenpath) {
		buf_add(&st->sf.add, a->id, 16);
		buf_addc(&st->sf.add, '\n');
	}
	counter_add(C_ARTICLES, 1);
	article_json(&st->out, a);
	out_buf(&st->out);
	return 0;
}

/* Is the line a JSON record, as split-article and the extractors write them: an object with a
 * "type" string? (Records given by mistake would be split as a page of text, without a word.) */
static int
isrecord(struct jdoc *d, const char *s, size_t n)
{
	const struct jnode *t;

	while (n && (*s == ' ' || *s == '\t'))
		s++, n--;
	if (!n || *s != '{' || json_parse(d, s, n) < 0 || d->v[0].type != J_OBJ)
		return 0;
	return (t = json_get(d, 0, "type")) && t->type == J_STR;
}

static int
process(struct splitter *sp, struct state *st, const char *name)
{
	struct reader r;
	struct jdoc doc = { 0 };
	const char *s;
	size_t n, i;
	int k, first = 1, records = 0;

	if (reader_open(&r, name, enc, 1) < 0)
		return 1;
	if (html_input(&r, format)) {
		k = html_read(&r, enc, &st->page, emit, st);
		return reader_close(&r) || k;
	}
	while ((k = reader_line(&r, &s, &n)) > 0) {
		if (first) {	/* the first line that is not blank */
			for (i = 0; i < n && (s[i] == ' ' || s[i] == '\t'); i++)
				;
			if (i < n) {
				first = 0;
				if ((records = isrecord(&doc, s, n)))
					warnat(name, r.lineno, "looks like JSON records, not a page; "
					    "split-article reads raw pages (the extractors and to-tsv read "
					    "records)");
			}
		}
		split_line(sp, name, r.lineno, r.ff, s, n);
	}
	split_end(sp);
	json_free(&doc);
	return reader_close(&r) || k < 0 || records;
}

static void
usage(void)
{
	fprintf(stderr, "usage: %s " USAGE "\n", argv0);
	exit(EXIT_USAGE);
}

static void
help(void)
{
	printf("usage: %s " USAGE "\n"
	    "Split raw scraped news pages into article records (JSON Lines), one per article.\n"
	    "Reads the FILEs, or standard input if none or '-'. Each file starts a new article,\n"
	    "and so do a form feed and a new headline or dateline after a page footer.\n"
	    "An HTML page is one article: its text without navigation and boilerplate, and in\n"
	    "\"page\" the URL, date, site and language it declares.\n"
	    "A file of JSON records (extract-* and to-tsv read those) is split as text, with a\n"
	    "warning and status 1.\n"
	    "Options may come before or after the FILEs; '--' ends them.\n"
	    "\n"
	    "  -e ENC     the input is in encoding ENC (GBK, GB18030, LATIN1, ...), not UTF-8\n"
	    "             (HTML: not the charset the page declares)\n"
	    "  -f FORMAT  read the input as html or as text (default: HTML if it starts as\n"
	    "             HTML does: <!DOCTYPE html, <html, <head, <meta ...)\n"
	    "  -u         write each article once: drop one whose id was already written\n"
	    "  -v         at the end, say on stderr how many articles were written (and with\n"
	    "             -u, how many duplicates dropped)\n"
	    "  --seen FILE  ids of articles written before, one a line: skip those, append\n"
	    "             the new ones (17 bytes each; created if missing, locked while in\n"
	    "             use); implies -u, so a nightly job writes each article once ever\n"
	    "  --counters at the end, write totals to stderr as Hadoop Streaming counters\n"
	    "             (reporter:counter:readout,NAME,N)\n"
	    "  -h, --help show this help\n"
	    "  --version  show the version\n"
	    "\n"
	    "Exit status: 0 all good, 1 some input was bad (the rest was processed) or output\n"
	    "could not be written, 2 usage.\n"
	    "See split-article(1).\n", argv0);
	exit_printed();
}

int
main(int argc, char *argv[])
{
	struct state st = { 0 };
	struct splitter *sp;
	int c, i, ret = 0;
	const struct longopt longs[] = { { "--seen", "-s", NULL }, { NULL, NULL, NULL } };

	setprog(argv[0]);
	argc = arrange(argc, argv, ":e:f:us:vh", help, usage, longs, CBIT(C_ARTICLES) |
	    CBIT(C_PAGES_SKIPPED) | CBIT(C_REPLACED) | CBIT(C_FILES_SKIPPED) | CBIT(C_DUPLICATES));
	while ((c = getopt(argc, argv, ":e:f:us:vh")) != -1) {
		switch (c) {
		case 'e':
			enc = optarg;
			if (!reader_enc_ok(enc))
				die(EXIT_USAGE, "unknown encoding '%s' (see iconv -l)", enc);
			break;
		case 'f':
			if (!strcmp(optarg, "html"))
				format = 'h';
			else if (!strcmp(optarg, "text"))
				format = 't';
			else
				die(EXIT_USAGE, "-f takes html or text, not '%s'", optarg);
			break;
		case 'u':
			uflag = 1;
			break;
		case 'v':
			vflag = 1;
			break;
		case 's':	/* --seen FILE */
			seenpath = optarg;
			uflag = 1;
			break;
		case 'h':
			help();
			break;
		default:
			badopt(c, optopt, usage);
		}
	}
	if (seenpath)
		seen_open(&st.sf, seenpath, &st.seen);
	out_init();
	sp = split_new(emit, &st);
	if (optind == argc)
		ret |= process(sp, &st, "-");
	for (i = optind; i < argc; i++)
		ret |= process(sp, &st, argv[i]);
	split_free(sp);
	html_free(&st.page);
	buf_free(&st.out);
	free(st.seen.v);
	out_close();	/* ends the run (status 1) if the articles could not all be written */
	if (seenpath)
		ret |= seen_close(&st.sf);
	if (vflag) {	/* stdout is closed: not warnx_(), which flushes it */
		long w = counter_get(C_ARTICLES), d = counter_get(C_DUPLICATES);
		fprintf(stderr, "%s: %ld article%s written", argv0, w, w == 1 ? "" : "s");
		if (uflag)
			fprintf(stderr, ", %ld duplicate%s dropped (-u)", d, d == 1 ? "" : "s");
		fputc('\n', stderr);
	}
	counters_print();
	return ret ? EXIT_BADINPUT : EXIT_OK;
}
