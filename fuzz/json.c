/* libFuzzer harness for the record parser (lib/json.c): any bytes are parsed; what parses is
 * written back (json_write), and that must parse again and write back the same bytes. Every
 * key of the top object is looked up, as the tools do. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../lib/readout.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct jdoc d = { 0 }, d2 = { 0 };
	struct buf b = { 0 }, b2 = { 0 };
	int i;

	if (json_parse(&d, (const char *)data, size) == 0) {
		json_write(&b, &d, 0);
		if (json_parse(&d2, b.p, b.n) != 0)
			abort();	/* what we write must be JSON */
		json_write(&b2, &d2, 0);
		if (b.n != b2.n || memcmp(b.p, b2.p, b.n))
			abort();	/* and written the same way again */
		if (d.v[0].type == J_OBJ)	/* json_get takes a C string: keys without a NUL */
			for (i = d.v[0].first; i >= 0; i = d.v[i].next)
				if (strlen(d.v[i].key) == d.v[i].keyn && !json_get(&d, 0, d.v[i].key))
					abort();
	}
	json_free(&d);
	json_free(&d2);
	buf_free(&b);
	buf_free(&b2);
	return 0;
}
