/* Messages to standard error, always prefixed with the program's name. */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "readout.h"

const char *argv0 = "readout";

void
setprog(const char *name)
{
	const char *slash = strrchr(name, '/');

	argv0 = slash ? slash + 1 : name;
}

static void
vmsg(const char *file, long line, const char *fmt, va_list ap)
{
	fflush(stdout);
	fprintf(stderr, "%s: ", argv0);
	if (file) {
		if (line > 0)
			fprintf(stderr, "%s:%ld: ", file, line);
		else
			fprintf(stderr, "%s: ", file);
	}
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
}

void
warnx_(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vmsg(NULL, 0, fmt, ap);
	va_end(ap);
}

void
warnat(const char *file, long line, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vmsg(file, line, fmt, ap);
	va_end(ap);
}

void
die(int status, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vmsg(NULL, 0, fmt, ap);
	va_end(ap);
	exit(status);
}

void
exit_printed(void)
{
	if (fflush(stdout) == EOF || ferror(stdout))
		die(EXIT_BADINPUT, "write error: %s", strerror(errno));
	exit(EXIT_OK);
}

void
badopt(int c, int opt, void (*usage)(void))
{
	if (c == ':')
		warnx_("option -%c needs an argument", opt);
	else
		warnx_("unknown option '-%c'", opt);
	usage();
	exit(EXIT_USAGE);
}

int
longopts(int argc, char *argv[], void (*help)(void), void (*usage)(void),
    const char *const longs[][2], unsigned which)
{
	int i, j, k;

	for (i = 1; i < argc && strcmp(argv[i], "--"); i++) {
		if (strncmp(argv[i], "--", 2))
			continue;
		if (!strcmp(argv[i], "--help"))
			help();
		if (!strcmp(argv[i], "--version")) {
			printf("%s %s\n", argv0, READOUT_VERSION);
			exit_printed();
		}
		if (!strcmp(argv[i], "--counters")) {
			counters_on(which);
			for (j = i--; j < argc; j++)
				argv[j] = argv[j + 1];
			argc--;
			continue;
		}
		for (k = 0; longs && longs[k][0]; k++)
			if (!strcmp(argv[i], longs[k][0]))
				break;
		if (longs && longs[k][0]) {
			argv[i] = (char *)longs[k][1];
			continue;
		}
		warnx_("unknown option '%s'", argv[i]);
		usage();
	}
	return argc;
}
