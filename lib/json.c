/* JSON (RFC 8259) for one record a line: a small tree of nodes in one array, strings decoded
 * into one arena, both reused from record to record. Depth is limited so that hostile input
 * gets an error rather than a stack overflow. */
#include <string.h>
#include <stdlib.h>

#include "readout.h"

static int value(struct jdoc *d, int depth);

static int
fail(struct jdoc *d, const char *msg)
{
	if (!d->err) {
		d->err = msg;
		d->errpos = (size_t)(d->p - d->start);
	}
	return -1;
}

static int
newnode(struct jdoc *d, enum jtype t)
{
	if (d->nv == d->capv) {
		d->capv = d->capv ? d->capv * 2 : 64;
		d->v = erealloc(d->v, (size_t)d->capv * sizeof *d->v);
	}
	struct jnode *v = &d->v[d->nv];
	memset(v, 0, sizeof *v);
	v->type = t;
	v->first = v->next = -1;
	return d->nv++;
}

static void
skipws(struct jdoc *d)
{
	while (d->p < d->e && (*d->p == ' ' || *d->p == '\t' || *d->p == '\n' || *d->p == '\r'))
		d->p++;
}

static int
hex4(const char *p, unsigned *out)
{
	unsigned v = 0;
	int i;

	for (i = 0; i < 4; i++) {
		char c = p[i];
		v <<= 4;
		if (c >= '0' && c <= '9') v |= (unsigned)(c - '0');
		else if (c >= 'a' && c <= 'f') v |= (unsigned)(c - 'a' + 10);
		else if (c >= 'A' && c <= 'F') v |= (unsigned)(c - 'A' + 10);
		else return -1;
	}
	*out = v;
	return 0;
}

/* A string at d->p (on its opening quote), decoded to the arena: offset and length. */
static int
string(struct jdoc *d, size_t *off, size_t *len)
{
	struct buf *a = &d->arena;
	const char *run;

	d->p++;
	*off = a->n;
	for (run = d->p; ; ) {
		/* eight plain bytes at a time: no quote, backslash, control or non-ASCII byte */
		while (d->e - d->p >= 8) {
			uint64_t x = load8(d->p);
			if ((x & HIGHS8) | swar_less(x, 0x20) | swar_eq(x, '"') | swar_eq(x, '\\'))
				break;
			d->p += 8;
		}
		if (d->p >= d->e)
			return fail(d, "unterminated string");
		unsigned char c = (unsigned char)*d->p;
		if (c == '"' || c == '\\' || c < 0x20 || c >= 0x80) {
			buf_add(a, run, (size_t)(d->p - run));
			if (c == '"')
				break;
			if (c < 0x20)
				return fail(d, "control character in string (must be escaped)");
			if (c >= 0x80) {
				size_t n = utf8_seq((const unsigned char *)d->p, (const unsigned char *)d->e);
				if (!n)
					return fail(d, JSON_BADUTF8);
				buf_add(a, d->p, n);
				d->p += n;
				run = d->p;
				continue;
			}
			/* an escape */
			if (d->e - d->p < 2)
				return fail(d, "unterminated string");
			char e = d->p[1], u[4];
			unsigned cp, lo;
			d->p += 2;
			switch (e) {
			case '"': case '\\': case '/': buf_addc(a, e); break;
			case 'b': buf_addc(a, '\b'); break;
			case 'f': buf_addc(a, '\f'); break;
			case 'n': buf_addc(a, '\n'); break;
			case 'r': buf_addc(a, '\r'); break;
			case 't': buf_addc(a, '\t'); break;
			case 'u':
				if (d->e - d->p < 4 || hex4(d->p, &cp) < 0)
					return fail(d, "bad \\u escape (needs four hex digits)");
				d->p += 4;
				if (cp >= 0xD800 && cp <= 0xDBFF && d->e - d->p >= 6 && d->p[0] == '\\' &&
				    d->p[1] == 'u' && hex4(d->p + 2, &lo) == 0 && lo >= 0xDC00 && lo <= 0xDFFF) {
					cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
					d->p += 6;
				} else if (cp >= 0xD800 && cp <= 0xDFFF)
					cp = 0xFFFD;	/* a lone surrogate has no UTF-8 form */
				buf_add(a, u, utf8_encode(cp, u));
				break;
			default:
				d->p -= 1;
				return fail(d, "bad escape in string");
			}
			run = d->p;
			continue;
		}
		d->p++;
	}
	d->p++;
	*len = a->n - *off;
	buf_addc(a, '\0');	/* so that a decoded string can be used as a C string too */
	return 0;
}

static int
digits(struct jdoc *d)
{
	const char *s = d->p;

	while (d->p < d->e && *d->p >= '0' && *d->p <= '9')
		d->p++;
	return d->p > s ? 0 : fail(d, "bad number");
}

static int
number(struct jdoc *d, int i)
{
	const char *s = d->p;

	if (*d->p == '-')
		d->p++;
	if (d->p < d->e && *d->p == '0')
		d->p++;
	else if (digits(d) < 0)
		return -1;
	if (d->p < d->e && *d->p == '.') {
		d->p++;
		if (digits(d) < 0)
			return -1;
	}
	if (d->p < d->e && (*d->p == 'e' || *d->p == 'E')) {
		d->p++;
		if (d->p < d->e && (*d->p == '+' || *d->p == '-'))
			d->p++;
		if (digits(d) < 0)
			return -1;
	}
	d->v[i].s = s;
	d->v[i].n = (size_t)(d->p - s);
	return 0;
}

static int
literal(struct jdoc *d, const char *word, enum jtype t)
{
	size_t n = strlen(word);

	if ((size_t)(d->e - d->p) < n || memcmp(d->p, word, n))
		return fail(d, "unexpected word (expected a value)");
	d->p += n;
	return newnode(d, t);
}

/* Members of an array or object at d->p (on '[' or '{'); i is its node. */
static int
members(struct jdoc *d, int i, int obj, int depth)
{
	char close = obj ? '}' : ']';
	int last = -1;

	d->p++;
	skipws(d);
	if (d->p < d->e && *d->p == close) {
		d->p++;
		return i;
	}
	for (;;) {
		size_t koff = 0, klen = 0;
		skipws(d);
		if (obj) {
			if (d->p >= d->e)
				return fail(d, "truncated: the line ends inside an object");
			if (*d->p != '"')
				return fail(d, "expected a string as member name");
			if (string(d, &koff, &klen) < 0)
				return -1;
			skipws(d);
			if (d->p >= d->e || *d->p != ':')
				return fail(d, d->p >= d->e ? "truncated: the line ends inside an object" :
				    "expected ':' after member name");
			d->p++;
		}
		int k = value(d, depth + 1);
		if (k < 0)
			return -1;
		if (obj) {
			d->v[k].koff = koff;
			d->v[k].keyn = klen;
			d->v[k].key = "";	/* set when the arena is final */
		}
		if (last < 0)
			d->v[i].first = k;
		else
			d->v[last].next = k;
		last = k;
		d->v[i].kids++;
		skipws(d);
		if (d->p >= d->e)
			return fail(d, obj ? "truncated: the line ends inside an object" :
			    "truncated: the line ends inside an array");
		if (*d->p == ',') {
			d->p++;
			continue;
		}
		if (*d->p == close) {
			d->p++;
			return i;
		}
		return fail(d, obj ? "expected ',' or '}' in object" : "expected ',' or ']' in array");
	}
}

static int
value(struct jdoc *d, int depth)
{
	int i;

	if (depth >= JSON_MAX_DEPTH)
		return fail(d, "nested too deeply (more than 512 levels)");
	skipws(d);
	if (d->p >= d->e)
		return fail(d, depth ? "truncated: the line ends where a value should be" : "empty line");
	switch (*d->p) {
	case '{':
	case '[':
		i = newnode(d, *d->p == '{' ? J_OBJ : J_ARR);
		return members(d, i, d->v[i].type == J_OBJ, depth);
	case '"':
		i = newnode(d, J_STR);
		{
			size_t off, len;
			if (string(d, &off, &len) < 0)
				return -1;
			d->v[i].soff = off;
			d->v[i].n = len;
			d->v[i].s = "";
		}
		return i;
	case 't': return literal(d, "true", J_TRUE);
	case 'f': return literal(d, "false", J_FALSE);
	case 'n': return literal(d, "null", J_NULL);
	default:
		if (*d->p == '-' || (*d->p >= '0' && *d->p <= '9')) {
			i = newnode(d, J_NUM);
			return number(d, i) < 0 ? -1 : i;
		}
		return fail(d, "unexpected character (expected a value)");
	}
}

int
json_parse(struct jdoc *d, const char *s, size_t n)
{
	int i;

	d->nv = 0;
	d->arena.n = 0;
	d->err = NULL;
	d->errpos = 0;
	d->start = d->p = s;
	d->e = s + n;
	if (value(d, 0) < 0)
		return -1;
	skipws(d);
	if (d->p < d->e)
		return fail(d, "text after the end of the record");
	for (i = 0; i < d->nv; i++) {
		struct jnode *v = &d->v[i];
		if (v->type == J_STR)
			v->s = d->arena.p + v->soff;
		if (v->key)
			v->key = d->arena.p + v->koff;
	}
	return 0;
}

void
json_free(struct jdoc *d)
{
	free(d->v);
	buf_free(&d->arena);
	memset(d, 0, sizeof *d);
}

const struct jnode *
json_at(const struct jdoc *d, int i)
{
	return i >= 0 && i < d->nv ? &d->v[i] : NULL;
}

const struct jnode *
json_get(const struct jdoc *d, int obj, const char *key)
{
	const struct jnode *o = json_at(d, obj), *found = NULL;
	size_t kn = strlen(key);
	int i;

	if (!o || o->type != J_OBJ)
		return NULL;
	for (i = o->first; i >= 0; i = d->v[i].next)
		if (d->v[i].keyn == kn && !memcmp(d->v[i].key, key, kn))
			found = &d->v[i];
	return found;
}

void
json_write(struct buf *b, const struct jdoc *d, int i)
{
	const struct jnode *v = &d->v[i];
	int k;

	switch (v->type) {
	case J_NULL: buf_add(b, "null", 4); break;
	case J_FALSE: buf_add(b, "false", 5); break;
	case J_TRUE: buf_add(b, "true", 4); break;
	case J_NUM: buf_add(b, v->s, v->n); break;
	case J_STR: buf_json_str(b, v->s, v->n); break;
	case J_ARR:
	case J_OBJ:
		buf_addc(b, v->type == J_OBJ ? '{' : '[');
		for (k = v->first; k >= 0; k = d->v[k].next) {
			if (k != v->first)
				buf_addc(b, ',');
			if (v->type == J_OBJ) {
				buf_json_str(b, d->v[k].key, d->v[k].keyn);
				buf_addc(b, ':');
			}
			json_write(b, d, k);
		}
		buf_addc(b, v->type == J_OBJ ? '}' : ']');
	}
}
