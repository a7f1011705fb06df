/* The article id: a 64-bit hash of the title and body, as seen by a reader: white space runs
 * (including line breaks) count as one space, ASCII letters ignore case. So the same article
 * scraped twice, wrapped differently or with other navigation and footers, keeps its id. */
#include "readout.h"

static const uint64_t fnv_offset = 0xcbf29ce484222325ULL, fnv_prime = 0x100000001b3ULL;

static uint64_t
fold(uint64_t h, const char *s, size_t n)
{
	size_t i;
	int space = -1;	/* -1: at the start (leading space dropped) */

	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
			if (space == 0)
				space = 1;
			continue;
		}
		if (space == 1) {
			h ^= ' ';
			h *= fnv_prime;
		}
		space = 0;
		if (c >= 'A' && c <= 'Z')
			c += 'a' - 'A';
		h ^= c;
		h *= fnv_prime;
	}
	return h;
}

uint64_t
article_hash(const char *title, size_t tn, const char *body, size_t bn)
{
	uint64_t h = fnv_offset;

	if (title)
		h = fold(h, title, tn);
	h ^= 0x1f;	/* between title and body */
	h *= fnv_prime;
	h = fold(h, body, bn);
	/* murmur3's finaliser spreads the bits over the whole word */
	h ^= h >> 33;
	h *= 0xff51afd7ed558ccdULL;
	h ^= h >> 33;
	h *= 0xc4ceb93fe53a4ca3ULL;
	h ^= h >> 33;
	return h;
}
