/* libFuzzer harness for one tool: the tool's main() (compiled as tool_main, see the Makefile's
 * fuzz target) runs on each input as its standard input, as in `TOOL < input`, with stdout
 * thrown away. Crashes, sanitizer reports, leaks and exit() (which libFuzzer reports) are the
 * findings. TOOL_NAME is the program name; TOOL_ARGS, if defined, extra arguments. Run it
 * with -close_fd_mask=2 (fuzz/run.sh does): the tools' warnings on every bad input would
 * drown libFuzzer's output, which libFuzzer keeps on a stderr of its own. */
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int tool_main(int argc, char *argv[]);
int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int in = -1;	/* a temporary file that holds the input */

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	char path[] = "/tmp/readout-fuzz-XXXXXX";

	(void)argc;
	(void)argv;
	if ((in = mkstemp(path)) < 0 || unlink(path) < 0) {
		perror("readout fuzz: temporary file");
		exit(1);
	}
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char name[] = TOOL_NAME;
#ifdef TOOL_ARGS
	char *argv[] = { name, TOOL_ARGS, NULL };
#else
	char *argv[] = { name, NULL };
#endif
	int argc = (int)(sizeof argv / sizeof argv[0]) - 1;

	if (ftruncate(in, 0) < 0 || pwrite(in, data, size, 0) != (ssize_t)size ||
	    dup2(in, 0) < 0 || lseek(0, 0, SEEK_SET) < 0) {
		perror("readout fuzz: input");
		exit(1);
	}
	/* the tool ends by closing stdout (out_close): a fresh one each run (glibc lets stdout
	 * be assigned) */
	if (!(stdout = fopen("/dev/null", "w"))) {
		perror("readout fuzz: /dev/null");
		exit(1);
	}
	optind = 1;
	tool_main(argc, argv);
	return 0;
}
