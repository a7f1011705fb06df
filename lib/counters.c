/* --counters: run totals written to standard error at the end as Hadoop Streaming counter
 * lines, "reporter:counter:readout,NAME,N", which a streaming job adds up over all its tasks
 * and shows with the job (and which a plain run can grep). Totals for the whole run: they
 * are the one state here that has to outlive a record. */
#include <stdio.h>

#include "readout.h"

static const char *const names[NCOUNTERS] = {
	[C_ARTICLES] = "articles",
	[C_META] = "meta",
	[C_PEOPLE] = "people",
	[C_DIRECTIVES] = "directives",
	[C_ROWS] = "rows",
	[C_RECORDS] = "records_read",
	[C_REJECTED] = "records_rejected",
	[C_PAGES_SKIPPED] = "pages_skipped",
	[C_REPLACED] = "chars_replaced",
	[C_FILES_SKIPPED] = "files_skipped",
	[C_DUPLICATES] = "duplicates",
};

static long total[NCOUNTERS];
static unsigned shown;	/* the counters this tool reports, a bit each; 0: --counters not given */

void
counters_on(unsigned which)
{
	shown = which;
}

void
counter_add(enum counter c, long n)
{
	total[c] += n;
}

long
counter_get(enum counter c)
{
	return total[c];
}

void
counters_print(void)
{
	int c;

	for (c = 0; c < NCOUNTERS; c++)
		if (shown >> c & 1)
			fprintf(stderr, "reporter:counter:readout,%s,%ld\n", names[c], total[c]);
	fflush(stderr);
}
