/* Standard output: one large buffer, every write checked. A closed pipe ends the program
 * quietly, as it does cat (SIGPIPE keeps its default action); any other write error is
 * reported once and changes the exit status (sbase fshut, jq main.c). */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "readout.h"

static int outerr;

static void
failed(void)
{
	if (errno == EPIPE)
		exit(EXIT_BADINPUT);	/* SIGPIPE ignored by our parent: end quietly */
	die(EXIT_BADINPUT, "write error: %s", strerror(errno));
}

void
out_init(void)
{
	signal(SIGPIPE, SIG_DFL);
	if (setvbuf(stdout, NULL, _IOFBF, 1 << 16) != 0)
		die(EXIT_BADINPUT, "cannot buffer standard output");
}

void
out_write(const char *s, size_t n)
{
	if (outerr)
		return;
	if (n && fwrite(s, 1, n, stdout) != n) {
		outerr = 1;
		failed();
	}
}

void
out_buf(struct buf *b)
{
	out_write(b->p, b->n);
	b->n = 0;
	if (b->p)
		b->p[0] = '\0';
}

int
out_close(void)
{
	if (fflush(stdout) == EOF || ferror(stdout))
		failed();
	if (fclose(stdout) == EOF) {	/* stdout is gone: no die(), which flushes it */
		if (errno == EPIPE)
			exit(EXIT_BADINPUT);
		fprintf(stderr, "%s: write error: %s\n", argv0, strerror(errno));
		exit(EXIT_BADINPUT);
	}
	return 0;
}
