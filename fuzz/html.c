/* libFuzzer harness for the HTML reader (lib/html.c, lib/htmlpage.c): any bytes are sniffed,
 * their charset looked for, parsed as a page and made an article, as split-article does after
 * after decoding: the bytes repaired as UTF-8 (NUL and invalid sequences to U+FFFD), as
 * html_read does. The article record must be JSON, and its lines non-empty without NUL. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../lib/readout.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int
check(const struct article *a, void *arg)
{
	struct buf b = { 0 };
	struct jdoc d = { 0 };
	const struct hpage *hp = arg;
	size_t i, k = a->nheader + a->nfooter + (a->bodyn > 0);

	article_json(&b, a);
	if (json_parse(&d, b.p, b.n - 1) != 0)
		abort();	/* the record is JSON */
	for (i = 0; i < hp->nb; i++)
		if (hp->b[i].n == 0 || strlen(hp->text.p + hp->b[i].off) != hp->b[i].n)
			abort();	/* lines are not empty and hold no NUL */
	if (k > hp->nb + 1)
		abort();
	json_free(&d);
	buf_free(&b);
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct hpage hp;	/* reused, as split-article reuses it */
	struct buf u = { 0 };
	size_t bad = 0, nul = 0;
	char cs[40];
	uint32_t cp;

	html_sniff((const char *)data, size);
	html_charset((const char *)data, size, cs, sizeof cs);
	if (size && data[0] == '&')
		html_charref((const char *)data + 1, size - 1, size > 1 && data[1] == 'a', &cp);
	utf8_repair(&u, (const char *)data, size, &bad, &nul);
	html_parse(&hp, u.p ? u.p : "", u.n);
	html_article(&hp, "fuzz", 1, check, &hp);
	buf_free(&u);
	return 0;
}
