#!/usr/bin/env bats
# What every tool does the same way with its options (issue 13): a write error on --help and
# --version, options anywhere among the operands.

load test_helper

setup() {
	T=$BATS_TEST_TMPDIR
	cd "$ROOT"
}

TOOLS=(split-article extract-meta extract-people extract-directives to-tsv)

# kind: a write error after --help or --version was not reported (status 0)
@test "every tool: --help and --version to a full disk are a write error, status 1" {
	[ -w /dev/full ] || skip "no /dev/full"
	local t o
	for t in "${TOOLS[@]}"; do
		for o in --help -h --version; do
			run --separate-stderr bash -c '"$0" "$1" > /dev/full' "$BIN/$t" "$o"
			[ "$status" -eq 1 ] || { echo "$t $o: status $status"; return 1; }
			assert_stderr_has "$t: write error: No space left on device"
		done
	done
}

@test "every tool: --help and --version to a good file: status 0, nothing on stderr" {
	local t o
	for t in "${TOOLS[@]}"; do
		for o in --help --version; do
			run -0 --separate-stderr "$BIN/$t" "$o"
			[ -n "$output" ] && [ -z "$stderr" ]
		done
	done
}
