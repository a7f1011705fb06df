#!/usr/bin/env bats
# Inputs that the fuzz harnesses (make fuzz, fuzz/run.sh) found to crash, hang, leak or abort
# a harness, kept as regression tests: tests/fixtures/fuzz/HARNESS/* is run through what that
# harness runs, which must end with status 0 or 1 (never a signal or a sanitizer's abort),
# with no sanitizer report on stderr (under ASan/UBSan, as .ci/run runs the suite).
# json: the record parser (readout-libtest json); any other name: that tool, input on stdin.

load test_helper

# run_each HARNESS: every kept input of HARNESS through its program
run_each() {
	local h=$1 f n=0
	for f in "$FIX/fuzz/$h"/*; do
		[ -f "$f" ] || continue
		n=$((n + 1))
		if [ "$h" = json ]; then
			run --separate-stderr "$BIN/readout-libtest" json < "$f"
		else
			run --separate-stderr "$BIN/$h" < "$f"
		fi
		if ((status > 1)) || [[ $stderr == *"runtime error:"* || $stderr == *Sanitizer* ]]; then
			echo "$h < $f: status $status"
			printf '%s\n' "$stderr" | head -n 20
			return 1
		fi
	done
	echo "$n inputs"
}

@test "fuzz regressions: the record parser" {
	run_each json
}

@test "fuzz regressions: split-article" {
	run_each split-article
}

@test "fuzz regressions: extract-meta" {
	run_each extract-meta
}

@test "fuzz regressions: extract-people" {
	run_each extract-people
}

@test "fuzz regressions: extract-directives" {
	run_each extract-directives
}

@test "fuzz regressions: to-tsv" {
	run_each to-tsv
}

@test "fuzz regressions: a key with a NUL in it (\\u0000) parses and is written back escaped" {
	run -0 "$BIN/readout-libtest" json < "$FIX/fuzz/json/key-with-nul.json"
	[[ $output == '{"\u000f\"\u000f\u000f\u0000type":'* ]]
}
