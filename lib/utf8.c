/* UTF-8: validation by RFC 3629 (no overlong forms, no surrogates, nothing past U+10FFFF)
 * and repair, which puts U+FFFD in place of each maximal invalid subpart (Unicode 3.9, D93b). */
#include <string.h>

#include "readout.h"

static const char fffd[3] = { (char)0xEF, (char)0xBF, (char)0xBD };

size_t
utf8_seq(const unsigned char *s, const unsigned char *e)
{
	unsigned char c = s[0], lo = 0x80, hi = 0xBF;
	size_t len, i;

	if (c < 0x80)
		return 1;
	if (c < 0xC2)
		return 0;
	if (c < 0xE0)
		len = 2;
	else if (c < 0xF0) {
		len = 3;
		if (c == 0xE0)
			lo = 0xA0;
		else if (c == 0xED)
			hi = 0x9F;
	} else if (c < 0xF5) {
		len = 4;
		if (c == 0xF0)
			lo = 0x90;
		else if (c == 0xF4)
			hi = 0x8F;
	} else
		return 0;
	if ((size_t)(e - s) < len)
		return 0;
	if (s[1] < lo || s[1] > hi)
		return 0;
	for (i = 2; i < len; i++)
		if ((s[i] & 0xC0) != 0x80)
			return 0;
	return len;
}

uint32_t
utf8_decode(const unsigned char *s, size_t len)
{
	switch (len) {
	case 1: return s[0];
	case 2: return (uint32_t)(s[0] & 0x1F) << 6 | (s[1] & 0x3F);
	case 3: return (uint32_t)(s[0] & 0x0F) << 12 | (uint32_t)(s[1] & 0x3F) << 6 | (s[2] & 0x3F);
	default:
		return (uint32_t)(s[0] & 0x07) << 18 | (uint32_t)(s[1] & 0x3F) << 12 |
		    (uint32_t)(s[2] & 0x3F) << 6 | (s[3] & 0x3F);
	}
}

size_t
utf8_encode(uint32_t c, char *out)
{
	if (c < 0x80) {
		out[0] = (char)c;
		return 1;
	}
	if (c < 0x800) {
		out[0] = (char)(0xC0 | c >> 6);
		out[1] = (char)(0x80 | (c & 0x3F));
		return 2;
	}
	if (c < 0x10000) {
		out[0] = (char)(0xE0 | c >> 12);
		out[1] = (char)(0x80 | (c >> 6 & 0x3F));
		out[2] = (char)(0x80 | (c & 0x3F));
		return 3;
	}
	out[0] = (char)(0xF0 | c >> 18);
	out[1] = (char)(0x80 | (c >> 12 & 0x3F));
	out[2] = (char)(0x80 | (c >> 6 & 0x3F));
	out[3] = (char)(0x80 | (c & 0x3F));
	return 4;
}

/* How many bytes of an invalid sequence at s form one maximal subpart (at least 1). */
static size_t
badlen(const unsigned char *s, const unsigned char *e)
{
	unsigned char c = s[0], lo = 0x80, hi = 0xBF;
	size_t len, i;

	if (c < 0xC2 || c > 0xF4)
		return 1;
	len = c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
	if (c == 0xE0) lo = 0xA0;
	if (c == 0xED) hi = 0x9F;
	if (c == 0xF0) lo = 0x90;
	if (c == 0xF4) hi = 0x8F;
	for (i = 1; i < len && s + i < e; i++) {
		unsigned char lo_i = i == 1 ? lo : 0x80, hi_i = i == 1 ? hi : 0xBF;
		if (s[i] < lo_i || s[i] > hi_i)
			break;
	}
	return i;
}

void
utf8_repair(struct buf *b, const char *s, size_t n, size_t *bad, size_t *nul)
{
	const unsigned char *p = (const unsigned char *)s, *e = p + n, *run = p;

	buf_grow(b, n);
	while (p < e) {
		if (*p >= 0x01 && *p < 0x80) {
			p++;
			continue;
		}
		size_t len = *p ? utf8_seq(p, e) : !nul;	/* nul NULL: a NUL byte is left */
		if (len) {
			p += len;
			continue;
		}
		buf_add(b, (const char *)run, (size_t)(p - run));
		buf_add(b, fffd, sizeof fffd);
		if (*p == 0) {
			(*nul)++;
			p++;
		} else {
			(*bad)++;
			p += badlen(p, e);
		}
		run = p;
	}
	buf_add(b, (const char *)run, (size_t)(p - run));
}
