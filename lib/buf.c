/* A growable byte buffer, always NUL-terminated, and the one JSON string writer. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "readout.h"

void
buf_grow(struct buf *b, size_t extra)
{
	size_t need = b->n + extra + 1;

	if (need < b->n)
		die(EXIT_BADINPUT, "out of memory (buffer overflow)");
	if (need <= b->cap)
		return;
	size_t cap = b->cap ? b->cap : 256;
	while (cap < need)
		cap = cap > SIZE_MAX / 2 ? need : cap * 2;
	b->p = erealloc(b->p, cap);
	b->cap = cap;
}

void
buf_add(struct buf *b, const char *s, size_t n)
{
	buf_grow(b, n);
	if (n)
		memcpy(b->p + b->n, s, n);
	b->n += n;
	b->p[b->n] = '\0';
}

void
buf_adds(struct buf *b, const char *s)
{
	buf_add(b, s, strlen(s));
}

void
buf_addc(struct buf *b, char c)
{
	buf_grow(b, 1);
	b->p[b->n++] = c;
	b->p[b->n] = '\0';
}

void
buf_printf(struct buf *b, const char *fmt, ...)
{
	va_list ap;
	int len;

	buf_grow(b, 64);
	va_start(ap, fmt);
	len = vsnprintf(b->p + b->n, b->cap - b->n, fmt, ap);
	va_end(ap);
	if (len < 0)
		die(EXIT_BADINPUT, "bad format '%s'", fmt);
	if ((size_t)len >= b->cap - b->n) {
		buf_grow(b, (size_t)len);
		va_start(ap, fmt);
		vsnprintf(b->p + b->n, b->cap - b->n, fmt, ap);
		va_end(ap);
	}
	b->n += (size_t)len;
}

void
buf_free(struct buf *b)
{
	free(b->p);
	b->p = NULL;
	b->n = b->cap = 0;
}

void
buf_json_str(struct buf *b, const char *s, size_t n)
{
	static const char hex[] = "0123456789abcdef";
	size_t i, run;

	buf_grow(b, n + 2);
	b->p[b->n++] = '"';
	for (i = 0; i < n; ) {
		/* copy the run that needs no escape in one go */
		for (run = i; run + 8 <= n; run += 8) {
			uint64_t x = load8(s + run);
			if (swar_less(x, 0x20) | swar_eq(x, '"') | swar_eq(x, '\\'))
				break;
		}
		for (; run < n; run++) {
			unsigned char c = (unsigned char)s[run];
			if (c < 0x20 || c == '"' || c == '\\')
				break;
		}
		if (run > i) {
			buf_add(b, s + i, run - i);
			i = run;
			continue;
		}
		unsigned char c = (unsigned char)s[i++];
		char esc[6] = { '\\', 0, 0, 0, 0, 0 };
		size_t len = 2;
		switch (c) {
		case '"':  esc[1] = '"'; break;
		case '\\': esc[1] = '\\'; break;
		case '\n': esc[1] = 'n'; break;
		case '\t': esc[1] = 't'; break;
		case '\r': esc[1] = 'r'; break;
		case '\b': esc[1] = 'b'; break;
		case '\f': esc[1] = 'f'; break;
		default:
			esc[1] = 'u'; esc[2] = '0'; esc[3] = '0';
			esc[4] = hex[c >> 4]; esc[5] = hex[c & 15];
			len = 6;
		}
		buf_add(b, esc, len);
	}
	buf_addc(b, '"');
}

void
buf_json_strn(struct buf *b, const char *s, size_t n)
{
	if (s)
		buf_json_str(b, s, n);
	else
		buf_add(b, "null", 4);
}

void
buf_json_strz(struct buf *b, const char *s)
{
	buf_json_strn(b, s, s ? strlen(s) : 0);
}
