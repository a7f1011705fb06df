# tests/test_helper.bash: shared setup and assertions for the bats suite.
# Every test file starts with `load test_helper`.
#
# Paths:  ROOT (project root), BIN (the built tools), FIX (tests/fixtures),
#         GOLD (tests/golden), EX (examples).
# Asserts, for use after `run`; each prints expected and actual on failure:
#   assert_status N            $status is N
#   assert_output_equal STR    $output is exactly STR
#   assert_stderr_has SUBSTR   $stderr contains SUBSTR (needs run --separate-stderr)
#   assert_line_count N        $output has N lines (blank lines count too)
#   assert_golden NAME         $output matches the file $GOLD/NAME; with
#                              UPDATE_GOLDEN=1 in the environment, (re)writes it
# shellcheck shell=bash disable=SC2034,SC2154  # ROOT, FIX, ... are for the test
# files; status, output, stderr come from bats's `run`

# `run -N` and `run --separate-stderr` need bats 1.5.
bats_require_minimum_version 1.5.0

ROOT=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd -P)
BIN=${READOUT_BIN:-$ROOT/bin}
FIX=$ROOT/tests/fixtures
GOLD=$ROOT/tests/golden
EX=$ROOT/examples

# Find the tools by name too (tests/run does this already; plain `bats` does not).
case ":$PATH:" in
*":$BIN:"*) ;;
*) PATH=$BIN:$PATH ;;
esac

# _show LINE...: print lines for the failure report (bats shows a failed
# test's output).
_show() {
	printf '%s\n' "$@" >&2
}

assert_status() { # N
	if [[ $status != "$1" ]]; then
		_show "expected status: $1" "actual status:   $status"
		return 1
	fi
}

assert_output_equal() { # STRING
	if [[ $output != "$1" ]]; then
		_show "expected output:" "$1" "actual output:" "$output"
		return 1
	fi
}

assert_stderr_has() { # SUBSTRING
	if [[ -z ${stderr+set} ]]; then
		_show "assert_stderr_has: \$stderr is not set; use 'run --separate-stderr'"
		return 1
	fi
	if [[ $stderr != *"$1"* ]]; then
		_show "expected stderr to contain: $1" "actual stderr:" "$stderr"
		return 1
	fi
}

assert_line_count() { # N
	local n=0
	[[ -z $output ]] || n=$(printf '%s\n' "$output" | wc -l)
	n=$((n)) # drop the blanks some wc implementations pad with
	if ((n != $1)); then
		_show "expected $1 lines of output, actual $n:" "$output"
		return 1
	fi
}

# _output_file: $output as a file's contents (`run` has cut its trailing
# newlines; put one back, unless the output is empty).
_output_file() {
	[[ -z $output ]] || printf '%s\n' "$output"
}

assert_golden() { # NAME
	local gold=$GOLD/$1 actual
	if [[ ${UPDATE_GOLDEN:-} == 1 ]]; then
		mkdir -p "$(dirname "$gold")" && _output_file >"$gold" || return 1
		echo "# updated $gold" >&3
		return 0
	fi
	if [[ ! -f $gold ]]; then
		_show "golden file missing: $gold" "(run with UPDATE_GOLDEN=1 to create it)" \
			"actual output:" "$output"
		return 1
	fi
	# Compare as `run` does: trailing newlines do not count.
	if [[ $(<"$gold") != "$output" ]]; then
		actual=$BATS_TEST_TMPDIR/golden-actual
		_output_file >"$actual"
		_show "output differs from $gold (-expected +actual):" \
			"$(diff -u "$gold" "$actual")" \
			"(run with UPDATE_GOLDEN=1 to accept the new output)"
		return 1
	fi
}

# has STRING...: $output contains each STRING
has() {
	local s
	for s in "$@"; do
		if [[ $output != *"$s"* ]]; then
			_show "expected output to contain: $s" "actual output:" "$output"
			return 1
		fi
	done
}

# hasnt STRING...: $output contains none of the STRINGs
hasnt() {
	local s
	for s in "$@"; do
		if [[ $output == *"$s"* ]]; then
			_show "expected output not to contain: $s" "actual output:" "$output"
			return 1
		fi
	done
}

# find_parallel: put GNU parallel on PATH, or fail. CI runs on a fresh machine with a bare PATH,
# so look beyond PATH too: $READOUT_PARALLEL (a path to it), then the usual places. moreutils
# has a "parallel" too, with no --pipe: only one that says "GNU parallel" will do.
find_parallel() {
	local p
	for p in ${READOUT_PARALLEL:+"$READOUT_PARALLEL"} "$(command -v parallel)" \
		/usr/bin/parallel /usr/local/bin/parallel /opt/homebrew/bin/parallel \
		/opt/local/bin/parallel "$HOME/.local/bin/parallel" "$HOME/bin/parallel" \
		"$ROOT/.deps/bin/parallel"; do
		[[ -n $p && -x $p ]] || continue
		if "$p" --version 2>/dev/null | head -n 1 | grep -q '^GNU parallel'; then
			PATH=$(dirname -- "$p"):$PATH
			return 0
		fi
	done
	return 1
}
