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

/* Does the option letter c take an argument, as optstring says? */
static int
takesarg(const char *optstring, char c)
{
	const char *p = c != ':' ? strchr(optstring, c) : NULL;

	return p && p[1] == ':';
}

int
arrange(int argc, char *argv[], const char *optstring, void (*help)(void), void (*usage)(void),
    const struct longopt *longs, unsigned which)
{
	static char dd[] = "--";
	char **ops = emalloc(((size_t)argc + 1) * sizeof *ops);
	int i, j, ac = 1, nops = 0, dashdash = 0;
	const struct longopt *l;

	for (i = 1; i < argc; i++) {
		char *a = argv[i];
		if (!strcmp(a, "--")) {
			dashdash = 1;
			while (++i < argc)
				ops[nops++] = argv[i];
			break;
		}
		if (a[0] != '-' || !a[1]) {	/* an operand ("-" is standard input) */
			ops[nops++] = a;
			continue;
		}
		if (a[1] == '-') {
			if (!strcmp(a, "--help"))
				help();
			if (!strcmp(a, "--version")) {
				printf("%s %s\n", argv0, READOUT_VERSION);
				exit_printed();
			}
			if (!strcmp(a, "--counters")) {
				counters_on(which);
				continue;
			}
			char *eq = strchr(a, '=');
			size_t an = eq ? (size_t)(eq - a) : strlen(a);
			for (l = longs; l && l->name && (strlen(l->name) != an ||
			    memcmp(a, l->name, an)); l++)
				;
			if (!l || !l->name) {
				warnx_("unknown option '%.*s'", (int)an, a);
				usage();
				exit(EXIT_USAGE);
			}
			int witharg = l->as && takesarg(optstring, l->as[1]);
			if (eq && !witharg) {
				warnx_("option %s takes no argument", l->name);
				usage();
				exit(EXIT_USAGE);
			}
			if (!l->as) {
				*l->set = 1;
				continue;
			}
			argv[ac++] = (char *)l->as;
			if (!witharg)
				continue;
			if (eq)		/* --seen=FILE */
				argv[ac++] = eq + 1;
			else if (i + 1 == argc) {
				warnx_("option %s needs an argument", l->name);
				usage();
				exit(EXIT_USAGE);
			} else
				argv[ac++] = argv[++i];
			continue;
		}
		argv[ac++] = a;
		/* an option that takes an argument: the rest of the word, else the next word */
		for (j = 1; a[j] && !takesarg(optstring, a[j]); j++)
			;
		if (a[j] && !a[j + 1]) {
			if (i + 1 == argc) {	/* else getopt would take the first operand */
				warnx_("option -%c needs an argument", a[j]);
				usage();
				exit(EXIT_USAGE);
			}
			argv[ac++] = argv[++i];
		}
	}
	if (dashdash)
		argv[ac++] = dd;
	for (i = 0; i < nops; i++)
		argv[ac++] = ops[i];
	argv[ac] = NULL;
	free(ops);
	return ac;
}
