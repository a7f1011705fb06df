/* The article id: a 64-bit hash of the title and body, as seen by a reader: white space runs
 * (including line breaks) count as one space, leading and trailing white space none, ASCII
 * letters ignore case. So the same article scraped twice, wrapped differently or with other
 * navigation and footers, keeps its id.
 *
 * The text is normalised that way into a stream of bytes, which is hashed eight bytes at a
 * time (a multiply and a shift per word). Plain stretches, eight bytes with single spaces
 * only, are normalised a word at a time too; the rest byte by byte. Either way the stream,
 * and so the id, is the same, and it does not depend on the machine's byte order. */
#include "readout.h"

static const uint64_t mulk = 0x9e3779b97f4a7c15ULL;

struct hasher {
	uint64_t h;
	uint64_t w;     /* the word being filled, low byte first */
	unsigned k;     /* bytes in w */
	uint64_t len;   /* bytes of the stream */
	int space;      /* -1 at the start, 1 after white space, else 0 */
};

static void
mix(struct hasher *hs, uint64_t w)
{
	hs->h = (hs->h ^ w) * mulk;
	hs->h ^= hs->h >> 29;
}

static void
put1(struct hasher *hs, unsigned char c)
{
	hs->w |= (uint64_t)c << (8 * hs->k);
	hs->len++;
	if (++hs->k == 8) {
		mix(hs, hs->w);
		hs->w = 0;
		hs->k = 0;
	}
}

static void
put8(struct hasher *hs, uint64_t x)
{
	hs->len += 8;
	if (hs->k == 0) {
		mix(hs, x);
		return;
	}
	mix(hs, hs->w | x << (8 * hs->k));
	hs->w = x >> (64 - 8 * hs->k);
}

static int
iswhite(unsigned char c)
{
	return c == ' ' || (c >= '\t' && c <= '\r');
}

static void
fold(struct hasher *hs, const char *s, size_t n)
{
	/* the state in locals, kept in registers, written back at the end */
	struct hasher st = *hs;
	size_t i = 0;

	st.space = -1;
	while (i < n) {
		if (i + 8 <= n) {
			uint64_t x = load8(s + i), sp = swar_eq(x, ' ');
			/* no control byte, no two spaces running, no space first after white space
			 * or at the start, no space last unless a word follows it */
			if (!swar_less(x, 0x20) && !(sp & sp >> 8) &&
			    (!(sp >> 63) || (i + 8 < n && !iswhite((unsigned char)s[i + 8]))) &&
			    !((sp & 0x80) && st.space)) {
				if (st.space == 1)
					put1(&st, ' ');
				put8(&st, swar_lower(x));
				st.space = 0;
				i += 8;
				continue;
			}
		}
		unsigned char c = (unsigned char)s[i++];
		if (iswhite(c)) {
			if (st.space == 0)
				st.space = 1;
			continue;
		}
		if (st.space == 1)
			put1(&st, ' ');
		st.space = 0;
		put1(&st, c >= 'A' && c <= 'Z' ? c + 'a' - 'A' : c);
	}
	*hs = st;
}

uint64_t
article_hash(const char *title, size_t tn, const char *body, size_t bn)
{
	struct hasher hs = { 0xcbf29ce484222325ULL, 0, 0, 0, -1 };
	uint64_t h;

	if (title)
		fold(&hs, title, tn);
	put1(&hs, 0x1f);	/* between title and body */
	fold(&hs, body, bn);
	mix(&hs, hs.w ^ hs.len << 56 ^ hs.len);
	h = hs.h;
	/* murmur3's finaliser spreads the bits over the whole word */
	h ^= h >> 33;
	h *= 0xff51afd7ed558ccdULL;
	h ^= h >> 33;
	h *= 0xc4ceb93fe53a4ca3ULL;
	h ^= h >> 33;
	return h;
}
