/* to-tsv: the records of one type in a JSON Lines stream (standard input) as a table, in
 * linear TSV or, with --csv, in RFC 4180 CSV. */
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "readout.h"

#define USAGE "[-t TYPE] [-H] [-j SEP] [--csv] [--excel] [--counters] [FIELD ...]"

enum {
	FLUSH_AT = 1 << 16, /* rows are written out once this much is buffered */
	AHEAD_MEM = 8 << 20 /* rows read ahead (type not known yet) kept in memory, then on disk */
};

struct col {
	const char *name; /* the header: a FIELD as given, or a key of the first record */
	size_t n;
	size_t headn;     /* a FIELD with a dot: the length of its first part; else 0 */
	int nexte, nexth; /* the next column with the same name, with the same first part */
	int slot, hslot;  /* in this record: the member named name, the member named its first part */
	int hit;          /* some record of the type gave this column a value */
};

struct name {             /* an entry of the table of column names */
	const char *s;
	size_t n;
	int exact, head;  /* first column named s, first dotted column whose first part is s */
};

static const char *sep;    /* these start as start() sets them */
static size_t sepn;
static int Hflag, csv, excel;
static int cellnum;       /* --excel: the cell being built is one JSON number */

static const char *type;  /* the type written */
static size_t typen;
static char *owntype;     /* type, when it came from a record */
static int ahead;         /* the type is not known yet: articles so far, rows kept back */
static long keptrows;     /* how many */
static FILE *spill;       /* rows kept back that did not fit in memory */

static char **fields;
static int nfields;
static struct col *cols;
static int ncols, colsknown, owncols, headed;
static struct name *names; /* open addressing, size nmask + 1 */
static size_t nmask;

enum { MAXTYPES = 16 };    /* the other types named in a message */
static char *otypes[MAXTYPES]; /* types of the records not written, for the message */
static int notypes, moretypes;
static long good;          /* records that were good JSON objects with a type */
static long typerows;      /* rows of the type, so far */
static struct buf keys;    /* the keys of the first record of the type, for a message */
static long hits;          /* values found for cells so far */

static struct jdoc doc;
static void refcols(void);
static struct buf row;    /* rows waiting to be written */
static struct buf cell;   /* --csv: the cell being built */
static struct buf js;     /* an object as compact JSON */
static unsigned char tsvesc[256];

static size_t
hash(const char *s, size_t n)
{
	uint64_t h = 0xcbf29ce484222325u;

	while (n--)
		h = (h ^ (unsigned char)*s++) * 0x100000001b3u;
	return (size_t)(h ^ h >> 32);
}

/* The entry for the name s: found, or a free one to be filled in. */
static struct name *
lookup(const char *s, size_t n)
{
	size_t i;

	for (i = hash(s, n) & nmask; names[i].s; i = (i + 1) & nmask)
		if (names[i].n == n && !memcmp(names[i].s, s, n))
			break;
	return &names[i];
}

static struct name *
enter(const char *s, size_t n)
{
	struct name *e = lookup(s, n);

	if (!e->s) {
		e->s = s;
		e->n = n;
		e->exact = e->head = -1;
	}
	return e;
}

/* Adds the column s; with dotted, a FIELD that may hold a dot, entered under its first part
 * too. */
static void
addcol(const char *s, size_t n, int dotted)
{
	struct col *c = &cols[ncols];
	struct name *e = enter(s, n);
	const char *dot;
	int *link;

	memset(c, 0, sizeof *c);
	c->name = s;
	c->n = n;
	c->nexte = c->nexth = -1;
	for (link = &e->exact; *link >= 0; link = &cols[*link].nexte)
		;
	*link = ncols;
	if (dotted && (dot = memchr(s, '.', n))) {
		c->headn = (size_t)(dot - s);
		e = enter(s, c->headn);
		for (link = &e->head; *link >= 0; link = &cols[*link].nexth)
			;
		*link = ncols;
	}
	ncols++;
}

/* Room for max columns, with an empty table of names. */
static void
newcols(int max)
{
	size_t size = 16;

	while (size < (size_t)max * 4)
		size *= 2;
	free(names);
	names = ecalloc(size, sizeof *names);
	nmask = size - 1;
	free(cols);
	cols = ecalloc((size_t)max + 1, sizeof *cols);
	ncols = 0;
}

static void
fieldcols(void)
{
	int i;

	newcols(nfields);
	for (i = 0; i < nfields; i++)
		addcol(fields[i], strlen(fields[i]), 1);
	colsknown = 1;
	refcols();
}

/* The default columns: the keys of this record, in order, each once, "type" left out. */
static void
recordcols(void)
{
	const struct jnode *v;
	int m;

	newcols(doc.v[0].kids);
	for (m = doc.v[0].first; m >= 0; m = v->next) {
		v = &doc.v[m];
		if (v->keyn == 4 && !memcmp(v->key, "type", 4))
			continue;
		if (lookup(v->key, v->keyn)->s)
			continue;
		addcol(estrndup(v->key, v->keyn), v->keyn, 0);
	}
	owncols = colsknown = 1;
}

static void
freecols(void)
{
	int i;

	if (owncols)
		for (i = 0; i < ncols; i++)
			free((char *)cols[i].name);
	free(cols);
	free(names);
	cols = NULL;
	names = NULL;
	ncols = colsknown = owncols = 0;
}

/* Text of a cell: escaped into the row (TSV), or as it is into the cell (CSV). */
static void
emit(const char *s, size_t n)
{
	char *o;
	size_t i;

	if (csv) {	/* CSV has no escapes: a NUL byte (\u0000) becomes U+FFFD */
		const char *z;
		while ((z = memchr(s, '\0', n))) {
			buf_add(&cell, s, (size_t)(z - s));
			buf_add(&cell, "\xEF\xBF\xBD", 3);
			n -= (size_t)(z - s) + 1;
			s = z + 1;
		}
		buf_add(&cell, s, n);
		return;
	}
	for (i = 0; i < n && !tsvesc[(unsigned char)s[i]]; i++)
		;
	buf_grow(&row, i == n ? n : 2 * n);
	memcpy(row.p + row.n, s, i);
	o = row.p + row.n + i;
	for (; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (tsvesc[c]) {
			*o++ = '\\';
			*o++ = (char)tsvesc[c];
		} else
			*o++ = (char)c;
	}
	row.n = (size_t)(o - row.p);
	row.p[row.n] = '\0';
}

/* Is s a number as a spreadsheet reads one: [+-]digits[.digits][e[+-]digits], or .digits? */
static int
isnumber(const char *s, size_t n)
{
	size_t i = 0, d = 0;

	if (i < n && (s[i] == '+' || s[i] == '-'))
		i++;
	for (; i < n && s[i] >= '0' && s[i] <= '9'; i++)
		d++;
	if (i < n && s[i] == '.')
		for (i++; i < n && s[i] >= '0' && s[i] <= '9'; i++)
			d++;
	if (!d)
		return 0;
	if (i < n && (s[i] == 'e' || s[i] == 'E')) {
		i++;
		if (i < n && (s[i] == '+' || s[i] == '-'))
			i++;
		for (d = 0; i < n && s[i] >= '0' && s[i] <= '9'; i++)
			d++;
		if (!d)
			return 0;
	}
	return i == n;
}

/* --excel: does the cell need a leading ' to be read as the text it is? A cell that a
 * spreadsheet would run as a formula (=, +, -, @, tab, CR first: CSV injection) unless it is a
 * number; and text of digits only (an article id such as 0123456789012345, which would be
 * rounded to a float), unless it was a JSON number. */
static int
inert(void)
{
	const char *s = cell.p;
	size_t n = cell.n, i;

	if (!n || cellnum)
		return 0;
	if (strchr("=+-@\t\r", s[0]))
		return !isnumber(s, n);
	for (i = 0; i < n && s[i] >= '0' && s[i] <= '9'; i++)
		;
	return i == n;
}

static void
cell_end(void)
{
	size_t i;
	char *o;
	int q;

	if (!csv)
		return;
	q = excel && inert();
	cellnum = 0;
	for (i = 0; i < cell.n; i++)
		if (cell.p[i] == ',' || cell.p[i] == '"' || cell.p[i] == '\n' || cell.p[i] == '\r')
			break;
	if (i == cell.n && (cell.n || ncols != 1)) {
		if (q)
			buf_addc(&row, '\'');
		buf_add(&row, cell.p, cell.n);
		cell.n = 0;
		return;
	}
	/* quoted; so is the only cell of a row when empty, or the row would be a blank line */
	buf_grow(&row, 2 * cell.n + 3);
	o = row.p + row.n;
	*o++ = '"';
	if (q)
		*o++ = '\'';
	for (i = 0; i < cell.n; i++) {
		if (cell.p[i] == '"')
			*o++ = '"';
		*o++ = cell.p[i];
	}
	*o++ = '"';
	row.n = (size_t)(o - row.p);
	row.p[row.n] = '\0';
	cell.n = 0;
}

static void
row_end(void)
{
	if (csv)
		buf_add(&row, "\r\n", 2);
	else
		buf_addc(&row, '\n');
}

/* Node i as compact JSON. */
/* Node i (-1: nothing there) as the next item of a cell: items are separated by sep, and
 * an array gives its elements as items (nested arrays flattened). */
static void
item(int i, int *count)
{
	const struct jnode *v = i >= 0 ? &doc.v[i] : NULL;
	int k;

	if (v)
		hits++;
	if (v && v->type == J_ARR) {
		for (k = v->first; k >= 0; k = doc.v[k].next)
			item(k, count);
		return;
	}
	if ((*count)++) {
		emit(sep, sepn);
		cellnum = 0;
	}
	if (!v)
		return;
	switch (v->type) {
	case J_NULL: break;
	case J_FALSE: emit("false", 5); break;
	case J_TRUE: emit("true", 4); break;
	case J_NUM:
		cellnum = *count == 1;	/* the first item: one number, unless more follow */
		emit(v->s, v->n);
		break;
	case J_STR: emit(v->s, v->n); break;
	default:
		js.n = 0;
		json_write(&js, &doc, i);
		emit(js.p, js.n);
	}
}

/* The items at the path p..e (parts separated by dots; p NULL: none left) under node i.
 * Over an array, each element gives its own. */
static void
path(int i, const char *p, const char *e, int *count)
{
	const struct jnode *v = &doc.v[i];
	const char *dot;
	size_t kn;
	int k, found = -1;

	if (!p) {
		item(i, count);
		return;
	}
	if (v->type == J_ARR) {
		for (k = v->first; k >= 0; k = doc.v[k].next)
			path(k, p, e, count);
		return;
	}
	dot = memchr(p, '.', (size_t)(e - p));
	kn = (size_t)((dot ? dot : e) - p);
	if (v->type == J_OBJ)
		for (k = v->first; k >= 0; k = doc.v[k].next)
			if (doc.v[k].keyn == kn && !memcmp(doc.v[k].key, p, kn))
				found = k;
	if (found < 0)
		item(-1, count);
	else
		path(found, dot ? dot + 1 : NULL, e, count);
}

static void
header(void)
{
	int i;

	headed = 1;
	if (excel)	/* a UTF-8 byte order mark: Excel then reads the file as UTF-8 */
		buf_add(&row, "\xEF\xBB\xBF", 3);
	if (Hflag)
		return;
	for (i = 0; i < ncols; i++) {
		if (i)
			buf_addc(&row, csv ? ',' : '\t');
		emit(cols[i].name, cols[i].n);
		cell_end();
	}
	row_end();
}

/* The keys of the record in doc, less "type", for a message about a field no record has */
static void
firstkeys(void)
{
	const struct jnode *v;
	int m;

	keys.n = 0;
	for (m = doc.v[0].first; m >= 0; m = v->next) {
		v = &doc.v[m];
		if (v->keyn == 4 && !memcmp(v->key, "type", 4))
			continue;
		if (keys.n)
			buf_add(&keys, ", ", 2);
		buf_add(&keys, v->key, v->keyn);
	}
	if (!keys.n)
		buf_adds(&keys, "none");
}

/* ---- TYPE:FIELD columns: a field of another record of the row's article ----
 * The records of one article follow it in the stream (the article, then its meta, person and
 * directive records). For every TYPE named in a TYPE:FIELD column, the first record of TYPE
 * that belongs to the current article (the article itself for "article") is kept, and the rows
 * of the current article wait until the next article or the end of the input, so that a
 * record coming after a row (meta after person) still fills it. Only the current article's
 * records are kept. */
struct reftype {
	const char *name;      /* TYPE, in the FIELD as given */
	size_t n;
	struct buf line;       /* the record kept, a copy of its line */
	struct jdoc doc;       /* and parsed */
	int have, warned;
};
struct pendrow {           /* a row of the current article, waiting */
	size_t off, n;         /* its line, in pendtext */
	long lineno;
};

static struct reftype *reftypes;
static int nreftypes;
static int *colref;        /* per column: its TYPE in reftypes, or -1 */
static const char **colfield; /* per column: the FIELD after "TYPE:" */
static struct buf ctxid;   /* the current article's id */
static int inctx;          /* an article has been read */
static struct buf pendtext;
static struct pendrow *pend;
static size_t npend, cappend;
static struct jdoc pdoc;   /* a waiting row, parsed again */
static int rowinctx;       /* the row being written belongs to the current article */
static long rowline;       /* and is on this line */

/* Every TYPE:FIELD column's static at its starting value (start(), ref_free()). */
static void
ref_start(void)
{
	reftypes = NULL;
	nreftypes = 0;
	colref = NULL;
	colfield = NULL;
	memset(&ctxid, 0, sizeof ctxid);
	inctx = 0;
	memset(&pendtext, 0, sizeof pendtext);
	pend = NULL;
	npend = cappend = 0;
	memset(&pdoc, 0, sizeof pdoc);
	rowinctx = 0;
	rowline = 0;
}

static void
ref_free(void)
{
	int i;

	for (i = 0; i < nreftypes; i++) {
		buf_free(&reftypes[i].line);
		json_free(&reftypes[i].doc);
	}
	free(reftypes);
	free(colref);
	free(colfield);
	buf_free(&ctxid);
	buf_free(&pendtext);
	free(pend);
	json_free(&pdoc);
	ref_start();
}

/* The TYPE of a FIELD "TYPE:FIELD": its length, or 0 if the FIELD is not of that form (TYPE
 * is letters, digits, '_' and '-', FIELD not empty; a dot before the colon makes it a dotted
 * FIELD whose key holds a colon). */
static size_t
reftype_len(const char *f)
{
	size_t i;

	for (i = 0; is_alpha(f[i]) || (f[i] >= '0' && f[i] <= '9') || f[i] == '_' ||
	    f[i] == '-'; i++)
		;
	return i && f[i] == ':' && f[i + 1] ? i : 0;
}

/* After fieldcols(): which columns are TYPE:FIELD ones, and the TYPEs they name. */
static void
refcols(void)
{
	int i, k;
	size_t tn;

	for (i = 0; i < nfields; i++)
		if (reftype_len(fields[i]))
			break;
	if (i == nfields)
		return;
	colref = emalloc((size_t)nfields * sizeof *colref);
	colfield = ecalloc((size_t)nfields, sizeof *colfield);
	reftypes = ecalloc((size_t)nfields, sizeof *reftypes);
	for (i = 0; i < nfields; i++) {
		colref[i] = -1;
		if (!(tn = reftype_len(fields[i])))
			continue;
		for (k = 0; k < nreftypes; k++)
			if (reftypes[k].n == tn && !memcmp(reftypes[k].name, fields[i], tn))
				break;
		if (k == nreftypes) {
			reftypes[k].name = fields[i];
			reftypes[k].n = tn;
			nreftypes++;
		}
		colref[i] = k;
		colfield[i] = fields[i] + tn + 1;
	}
}

/* The id of the article the record in d belongs to: its "id" if it is an article, else its
 * "article"; NULL if it has none. */
static const struct jnode *
article_of(const struct jdoc *d, const char *t, size_t tn)
{
	const struct jnode *v;

	v = json_get(d, 0, tn == 7 && !memcmp(t, "article", 7) ? "id" : "article");
	return v && v->type == J_STR ? v : NULL;
}

static int
in_ctx(const struct jnode *id)
{
	return inctx && id && id->n == ctxid.n && !memcmp(id->s, ctxid.p, id->n);
}

/* The cell of a TYPE:FIELD column (TYPE r) for the row in doc. */
static void
refcell(int r, const char *field, int *count)
{
	struct reftype *rt = &reftypes[r];
	struct jdoc keep;

	if (!rowinctx || !rt->have) {
		if (!rt->warned) {
			const struct jnode *id = article_of(&doc, type, typen);
			warnat("-", rowline, "no %.*s record of article '%.*s' in the stream (the "
			    "records of an article follow it): its %.*s: cells are left empty "
			    "(said once)", (int)rt->n, rt->name, id ? (int)id->n : 0,
			    id ? id->s : "", (int)rt->n, rt->name);
			rt->warned = 1;
		}
		item(-1, count);
		return;
	}
	keep = doc;	/* item() and path() read doc: the kept record is lent to them */
	doc = rt->doc;
	path(0, field, field + strlen(field), count);
	doc = keep;
}

/* The row of the record in doc: the members are matched with the columns in one pass. */
static void
datarow(void)
{
	const struct jnode *v;
	struct name *e;
	int i, m, count;

	for (i = 0; i < ncols; i++)
		cols[i].slot = cols[i].hslot = -1;
	for (m = doc.v[0].first; m >= 0; m = v->next) {
		v = &doc.v[m];
		e = lookup(v->key, v->keyn);
		if (!e->s)
			continue;
		for (i = e->exact; i >= 0; i = cols[i].nexte)
			cols[i].slot = m;
		for (i = e->head; i >= 0; i = cols[i].nexth)
			cols[i].hslot = m;
	}
	if (!typerows++)
		firstkeys();
	for (i = 0; i < ncols; i++) {
		struct col *c = &cols[i];
		long h = hits;
		if (i)
			buf_addc(&row, csv ? ',' : '\t');
		count = 0;
		if (colref && colref[i] >= 0 && c->slot < 0)
			refcell(colref[i], colfield[i], &count);
		else if (c->slot >= 0)
			item(c->slot, &count);
		else if (c->hslot >= 0)
			path(c->hslot, c->name + c->headn + 1, c->name + c->n, &count);
		cell_end();
		c->hit |= hits != h;
	}
	row_end();
	if (ahead)
		keptrows++;	/* counted once they are written */
	else
		counter_add(C_ROWS, 1);
}

/* Rows read ahead: to a temporary file once there are too many to keep in memory. */
static void
spill_rows(long lineno)
{
	if (!spill && !(spill = tmpfile()))
		die(EXIT_BADINPUT, "-:%ld: cannot create a temporary file for the article rows read "
		    "ahead while looking for the record type; give the type with -t", lineno);
	if (fwrite(row.p, 1, row.n, spill) != row.n)
		die(EXIT_BADINPUT, "-:%ld: cannot write the temporary file for the article rows "
		    "read ahead; give the type with -t", lineno);
	row.n = 0;
}

/* A row written: out once enough is buffered; rows read ahead to disk once there are many. */
static void
row_done(long lineno)
{
	if (ahead && row.n >= AHEAD_MEM)
		spill_rows(lineno);
	else if (!ahead && row.n >= FLUSH_AT)
		out_buf(&row);
}

/* The rows of the current article that were waiting are written. */
static void
ref_flush(void)
{
	struct jdoc keep;
	size_t i;

	if (!npend)
		return;
	keep = doc;
	doc = pdoc;
	rowinctx = 1;
	for (i = 0; i < npend; i++) {
		if (json_parse(&doc, pendtext.p + pend[i].off, pend[i].n) < 0)
			continue;	/* parsed once already: cannot happen */
		rowline = pend[i].lineno;
		datarow();
		row_done(rowline);
	}
	pdoc = doc;
	doc = keep;
	npend = 0;
	pendtext.n = 0;
}

/* Every record, in doc, of type t: an article starts a new current article; a record of a
 * TYPE that TYPE:FIELD columns name is kept if it is the first of its type in the current
 * article. */
static void
ref_record(const char *t, size_t tn, const char *s, size_t n)
{
	const struct jnode *id;
	int k;

	if (!nreftypes)
		return;
	id = article_of(&doc, t, tn);
	if (tn == 7 && !memcmp(t, "article", 7)) {
		ref_flush();
		for (k = 0; k < nreftypes; k++)
			reftypes[k].have = 0;
		ctxid.n = 0;
		if (id)
			buf_add(&ctxid, id->s, id->n);
		inctx = id != NULL;
	}
	if (!in_ctx(id))
		return;
	for (k = 0; k < nreftypes; k++) {
		struct reftype *rt = &reftypes[k];
		if (rt->have || rt->n != tn || memcmp(rt->name, t, tn))
			continue;
		rt->line.n = 0;
		buf_add(&rt->line, s, n);
		if (json_parse(&rt->doc, rt->line.p, rt->line.n) == 0)
			rt->have = 1;
	}
}

/* A row of the record in doc (s, n at lineno), with TYPE:FIELD columns: 1 if it waits for the
 * end of its article, 0 if it is to be written now (it belongs to no article of the stream). */
static int
ref_defer(long lineno, const char *s, size_t n)
{
	if (!in_ctx(article_of(&doc, type, typen))) {
		rowinctx = 0;
		rowline = lineno;
		return 0;
	}
	if (npend == cappend) {
		cappend = cappend ? 2 * cappend : 64;
		pend = erealloc(pend, cappend * sizeof *pend);
	}
	pend[npend].off = pendtext.n;
	pend[npend].n = n;
	pend[npend].lineno = lineno;
	npend++;
	buf_add(&pendtext, s, n);
	return 1;
}

/* The type has changed (settype): the rows waiting were of the old one. */
static void
ref_drop(void)
{
	npend = 0;
	pendtext.n = 0;
}

/* The type is article after all: the rows read ahead are written. */
static void
unspill(void)
{
	char b[1 << 16];
	size_t k;

	if (!spill)
		return;
	if (fflush(spill) == EOF || fseek(spill, 0, SEEK_SET) != 0)
		die(EXIT_BADINPUT, "cannot read back the temporary file of article rows");
	while ((k = fread(b, 1, sizeof b, spill)) > 0)
		out_write(b, k);
	if (ferror(spill))
		die(EXIT_BADINPUT, "cannot read back the temporary file of article rows");
	fclose(spill);
	spill = NULL;
}

/* A record that is not an article: its type is the type; the rows read ahead go. */
static void
settype(const char *s, size_t n)
{
	int i;

	type = owntype = estrndup(s, n);
	typen = n;
	ahead = 0;
	row.n = 0;
	keptrows = 0;
	if (spill)
		fclose(spill);
	spill = NULL;
	ref_drop();
	headed = 0;
	typerows = 0;
	if (owncols)
		freecols();
	for (i = 0; i < ncols; i++)
		cols[i].hit = 0;	/* what the articles read ahead had does not count */
}

/* A record of another type than the one written: its type is remembered for a message. */
static void
othertype(const char *s, size_t n)
{
	int i;

	for (i = 0; i < notypes; i++)
		if (strlen(otypes[i]) == n && !memcmp(otypes[i], s, n))
			return;
	if (notypes == MAXTYPES)
		moretypes = 1;
	else
		otypes[notypes++] = estrndup(s, n);
}

static int
blank(const char *s, size_t n)
{
	while (n && (*s == ' ' || *s == '\t' || *s == '\r' || *s == '\n'))
		s++, n--;
	return n == 0;
}

/* One line of input. Returns 1 if it is not a good record. */
static int
record(struct reader *r, const char *s, size_t n)
{
	long lineno = r->lineno;
	const struct jnode *v, *t = NULL;
	int m;

	if (blank(s, n))
		return 0;
	counter_add(C_RECORDS, 1);
	if (reader_record(r, &doc, &s, &n) < 0) {
		warnat("-", lineno, "bad record: %s (column %zu)", doc.err, doc.errpos + 1);
		counter_add(C_REJECTED, 1);
		return 1;
	}
	if (doc.v[0].type != J_OBJ) {
		warnat("-", lineno, "bad record: not a JSON object");
		counter_add(C_REJECTED, 1);
		return 1;
	}
	for (m = doc.v[0].first; m >= 0; m = v->next) {
		v = &doc.v[m];
		if (v->keyn == 4 && !memcmp(v->key, "type", 4))
			t = v;
	}
	if (!t || t->type != J_STR) {
		warnat("-", lineno, t ? "bad record: 'type' is not a string" :
		    "bad record: no 'type' key");
		counter_add(C_REJECTED, 1);
		return 1;
	}
	good++;
	ref_record(t->s, t->n, s, n);
	if (t->n != typen || memcmp(t->s, type, typen)) {
		if (!ahead) {
			othertype(t->s, t->n);
			return 0;
		}
		settype(t->s, t->n);
	}
	if (!colsknown)
		recordcols();
	if (!headed)
		header();
	if (nreftypes && ref_defer(lineno, s, n))
		return 0;
	datarow();
	row_done(lineno);
	return 0;
}

/* Does the name look like a file's? */
static int
isfile(const char *s)
{
	struct stat st;

	return stat(s, &st) == 0 && !S_ISDIR(st.st_mode);
}

/* A FIELD given that is surely a file's name, to-tsv being used as the other tools are (whose
 * operands are files): it ends in .jsonl, .json or .ndjson; or it names a file and has a '/';
 * or it names a file and standard input is a terminal (to-tsv would wait for it). A FIELD
 * spelt like a file in the current directory ("title") is a FIELD otherwise. */
static int
filename(const char *s)
{
	static const char *const ext[] = { ".jsonl", ".json", ".ndjson", ".JSONL", ".JSON" };
	size_t n = strlen(s), k, i;

	for (i = 0; i < sizeof ext / sizeof *ext; i++)
		if (n > (k = strlen(ext[i])) && !strcmp(s + n - k, ext[i]))
			return 1;
	return isfile(s) && (strchr(s, '/') || isatty(0));
}

/* Is TYPE one the tools write? A day without directives, or a block of a parallel run with
 * articles only, has none of such a type: not an error. A type no tool writes is most likely
 * misspelt ("persons"). */
static int
knowntype(void)
{
	static const char *const known[] = { "article", "meta", "person", "directive" };
	size_t i;

	for (i = 0; i < sizeof known / sizeof known[0]; i++)
		if (strlen(known[i]) == typen && !memcmp(known[i], type, typen))
			return 1;
	return 0;
}

/* After the input: did it match what was asked? A type given with -t that no tool writes and
 * no record has (in input with records), or a FIELD no record of the type has, is said, with
 * what the records do have. 1 if something was wrong. (A FIELD with ':' names another record
 * type's key: not checked here.) */
static int
checkinput(int typegiven)
{
	struct buf b = { 0 };
	int i, bad = 0;

	if (!good)
		return 0;	/* no records at all: not an error */
	if (!typerows && typegiven && !knowntype()) {
		for (i = 0; i < notypes; i++)
			buf_printf(&b, "%s%s", i ? ", " : "", otypes[i]);
		warnx_("no record of type '%.*s' in the input (its types: %s%s)", (int)typen, type,
		    b.n ? b.p : "", moretypes ? ", ..." : "");
		bad = 1;
	}
	for (i = 0; typerows && !owncols && i < ncols; i++) {
		if (cols[i].hit || memchr(cols[i].name, ':', cols[i].n))
			continue;
		b.n = 0;
		if (isfile(cols[i].name))	/* a FIELD is a C string */
			buf_printf(&b, "; '%s' is also a file: to-tsv reads standard input, as in "
			    "to-tsv ... < %s", cols[i].name, cols[i].name);
		warnx_("no '%.*s' record has the field '%s' (the first one has: %.*s)%s",
		    (int)typen, type, cols[i].name, (int)keys.n, keys.p, b.n ? b.p : "");
		bad = 1;
	}
	buf_free(&b);
	return bad;
}

static int
process(int typegiven)
{
	struct reader r;
	const char *s;
	size_t n;
	int k, bad = 0;

	if (reader_open(&r, "-", NULL, 0) < 0)
		return 1;
	while ((k = reader_line(&r, &s, &n)) > 0)
		bad |= record(&r, s, n);
	ref_flush();
	if (!headed && colsknown)
		header();
	counter_add(C_ROWS, keptrows);
	unspill();
	out_buf(&row);
	bad |= reader_close(&r) || k < 0;
	return checkinput(typegiven) || bad;
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
	    "Write the records of one type from a JSON Lines stream as a table: a header row,\n"
	    "then one row per record. to-tsv reads standard input:\n"
	    "    to-tsv -t person name title < day.jsonl\n"
	    "The FIELDs are the columns, in order; a dotted FIELD (posts.org) reaches into an\n"
	    "object. By default the columns are the keys of the first record, less \"type\".\n"
	    "TYPE:KEY takes KEY from the record of TYPE of the row's article (the records of\n"
	    "an article follow it in the stream):\n"
	    "    to-tsv -t person meta:event_date article:title name < day.jsonl\n"
	    "Options may come before or after the FIELDs; '--' ends them (a FIELD that starts\n"
	    "with '-' comes after it).\n"
	    "\n"
	    "  -t TYPE    the records of type TYPE (default: the type of the first record that\n"
	    "             is not an article, else article)\n"
	    "  -H         leave out the header row\n"
	    "  -j SEP     join the elements of an array with SEP (default \"; \")\n"
	    "  --csv      write CSV (RFC 4180, CRLF line ends) instead of TSV\n"
	    "  --excel    CSV for a spreadsheet: a UTF-8 BOM first; a leading ' makes a cell\n"
	    "             that would run as a formula (= + - @ tab CR first, not a number) inert,\n"
	    "             and keeps text of digits only (ids) as text\n"
	    "  --counters at the end, write totals to stderr as Hadoop Streaming counters\n"
	    "             (reporter:counter:readout,NAME,N)\n"
	    "  -h, --help show this help\n"
	    "  --version  show the version\n"
	    "\n"
	    "TSV cells: backslash, tab, newline, carriage return and NUL become \\\\, \\t, \\n,\n"
	    "\\r and \\0 (NUL is U+FFFD in CSV);\n"
	    "null is an empty cell; numbers as written; objects as compact JSON.\n"
	    "A TYPE (-t) that no tool writes and no record has, or a FIELD that no record of\n"
	    "TYPE has, is said after the table, status 1; a FIELD that is a file's name\n"
	    "(day.jsonl) is a usage error.\n"
	    "Exit status: 0 all good, 1 some input was bad or did not match TYPE or a FIELD\n"
	    "(the rest was processed) or output could not be written, 2 usage.\n"
	    "See to-tsv(1).\n", argv0);
	exit_printed();
}

/* Every static at its starting value: main() runs more than once in a fuzz harness. */
static void
start(void)
{
	sep = "; ";
	sepn = 2;
	Hflag = csv = excel = cellnum = 0;
	type = "article";
	typen = 7;
	owntype = NULL;
	ahead = 0;
	keptrows = 0;
	spill = NULL;
	fields = NULL;
	nfields = 0;
	cols = NULL;
	ncols = colsknown = owncols = headed = 0;
	names = NULL;
	nmask = 0;
	memset(&doc, 0, sizeof doc);
	memset(&row, 0, sizeof row);
	memset(&cell, 0, sizeof cell);
	memset(&js, 0, sizeof js);
	memset(tsvesc, 0, sizeof tsvesc);
	notypes = moretypes = 0;
	good = typerows = hits = 0;
	memset(&keys, 0, sizeof keys);
	ref_start();
}

int
main(int argc, char *argv[])
{
	const struct longopt longs[] = { { "--csv", NULL, &csv }, { "--excel", NULL, &excel },
		{ NULL, NULL, NULL } };
	int c, i, ret;

	setprog(argv[0]);
	start();
	argc = arrange(argc, argv, ":t:j:Hh", help, usage, longs, CBIT(C_RECORDS) |
	    CBIT(C_REJECTED) | CBIT(C_ROWS) | CBIT(C_REPLACED));
	ahead = 1;
	while ((c = getopt(argc, argv, ":t:j:Hh")) != -1) {
		switch (c) {
		case 't':
			type = optarg;
			typen = strlen(optarg);
			ahead = 0;
			break;
		case 'j':
			sep = optarg;
			sepn = strlen(optarg);
			break;
		case 'H':
			Hflag = 1;
			break;
		case 'h':
			help();
			break;
		default:
			badopt(c, optopt, usage);
		}
	}
	if (excel)
		csv = 1;
	fields = argv + optind;
	nfields = argc - optind;
	for (i = 0; i < nfields; i++) {
		if (!*fields[i]) {
			warnx_("empty field name");
			usage();
		}
		if (filename(fields[i])) {
			warnx_("'%s' is a file, not a field: to-tsv reads standard input, as in "
			    "to-tsv [FIELD ...] < %s", fields[i], fields[i]);
			usage();
		}
	}
	if (nfields)
		fieldcols();
	tsvesc['\\'] = '\\';
	tsvesc['\t'] = 't';
	tsvesc['\n'] = 'n';
	tsvesc['\r'] = 'r';
	tsvesc['\0'] = '0';	/* a NUL byte (\u0000) as \0: no raw NUL in a text table */
	out_init();
	ret = process(!ahead);
	out_close();
	counters_print();
	freecols();
	ref_free();
	json_free(&doc);
	buf_free(&row);
	buf_free(&cell);
	buf_free(&js);
	free(owntype);
	buf_free(&keys);
	for (i = 0; i < notypes; i++)
		free(otypes[i]);
	return ret ? EXIT_BADINPUT : EXIT_OK;
}
