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

# kind: an option after an operand taken for an operand (a file name) by some tools and not
# others; the rule is one for all, lib/msg.c arrange()
@test "every tool: options may come after the operands, as before them" {
	local e=examples/01-work-conference.txt t
	for t in extract-meta extract-people extract-directives; do
		[ "$("$BIN/$t" "$e" -o)" = "$("$BIN/$t" -o "$e")" ] || { echo "$t FILE -o"; return 1; }
		[ "$("$BIN/$t" "$e" --only)" = "$("$BIN/$t" -o "$e")" ] || { echo "$t FILE --only"; return 1; }
		[ "$("$BIN/$t" "$e" -o - < examples/06-crlf-bom.txt)" = "$("$BIN/$t" -o "$e" - < examples/06-crlf-bom.txt)" ]
		run -0 --separate-stderr "$BIN/$t" "$e" --counters
		assert_stderr_has "reporter:counter:readout,articles,1"
		[ "$("$BIN/$t" examples/enc/latin1-delegation.txt -e LATIN1 -o)" = "$("$BIN/$t" -o -e LATIN1 examples/enc/latin1-delegation.txt)" ]
	done
	"$BIN/split-article" "$e" "$e" > "$T/twice"
	[ "$(wc -l < "$T/twice")" -eq 2 ]
	[ "$("$BIN/split-article" "$e" "$e" -u)" = "$("$BIN/split-article" -u "$e" "$e")" ]
	[ "$("$BIN/split-article" "$e" -u "$e" | wc -l)" -eq 1 ]
	[ "$("$BIN/split-article" examples/enc/latin1-delegation.txt -e LATIN1)" = "$("$BIN/split-article" -e LATIN1 examples/enc/latin1-delegation.txt)" ]
	"$BIN/split-article" examples/*.txt > "$T/rec"
	[ "$("$BIN/to-tsv" title src -H -t article < "$T/rec")" = "$("$BIN/to-tsv" -H -t article title src < "$T/rec")" ]
	[ "$("$BIN/to-tsv" title --csv < "$T/rec")" = "$("$BIN/to-tsv" --csv title < "$T/rec")" ]
}

@test "every tool: -- ends the options; what follows is an operand even if it starts with '-'" {
	local t
	cd "$T"
	cp "$ROOT/examples/01-work-conference.txt" ./-o
	for t in split-article extract-meta extract-people extract-directives; do
		run -0 --separate-stderr "$BIN/$t" -- -o
		[ "$output" = "$("$BIN/$t" ./-o | sed 's|"src":"./-o"|"src":"-o"|')" ] || { echo "$t -- -o"; return 1; }
		run -1 --separate-stderr "$BIN/$t" -- --help
		assert_stderr_has "$t: --help: cannot open: No such file or directory"
	done
	echo '{"type":"x","-H":"v"}' > "$T/rec"
	run -0 --separate-stderr bash -c '"$0" -- -H < "$1"' "$BIN/to-tsv" "$T/rec"
	[ "$output" = $'-H\nv' ]
	run -0 --separate-stderr bash -c '"$0" -H -- -H < "$1"' "$BIN/to-tsv" "$T/rec"
	[ "$output" = v ]
}

@test "every tool: an option's argument is never taken for an option or an operand" {
	run -0 --separate-stderr bash -c '"$0" examples/*.txt | "$1" -t article -j --csv footer' "$BIN/split-article" "$BIN/to-tsv"
	[ "${lines[0]}" = "footer" ]
	[[ ${lines[1]} == *--csv* ]]
	run -2 --separate-stderr "$BIN/split-article" examples/01-work-conference.txt -e
	assert_stderr_has "split-article: option -e needs an argument"
	run -2 --separate-stderr "$BIN/extract-people" examples/01-work-conference.txt -l
	assert_stderr_has "extract-people: option -l needs an argument"
	run -2 --separate-stderr "$BIN/to-tsv" name -t
	assert_stderr_has "to-tsv: option -t needs an argument"
}
