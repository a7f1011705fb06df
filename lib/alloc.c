/* Allocation that cannot fail: out of memory ends the program with a message. */
#include <stdlib.h>
#include <string.h>

#include "readout.h"

void *
emalloc(size_t n)
{
	void *p = malloc(n ? n : 1);

	if (!p)
		die(EXIT_BADINPUT, "out of memory (%zu bytes)", n);
	return p;
}

void *
ecalloc(size_t n, size_t m)
{
	void *p = calloc(n ? n : 1, m ? m : 1);

	if (!p)
		die(EXIT_BADINPUT, "out of memory (%zu x %zu bytes)", n, m);
	return p;
}

void *
erealloc(void *p, size_t n)
{
	p = realloc(p, n ? n : 1);
	if (!p)
		die(EXIT_BADINPUT, "out of memory (%zu bytes)", n);
	return p;
}

char *
estrndup(const char *s, size_t n)
{
	char *p = emalloc(n + 1);

	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}
