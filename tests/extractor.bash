# tests/extractor.bash: checks of the driver every extractor shares (lib/records.c), run
# by each extractor's test file with TOOL set to the tool's name: `TOOL=extract-meta`, then
# `load extractor`, then a test whose body is one of these functions.
# shellcheck shell=bash

# -h is --help
xt_h_is_help() {
	run -0 "$BIN/$TOOL" --help
	local long=$output
	run -0 "$BIN/$TOOL" -h
	[ "$output" = "$long" ]
}

# --version prints the version
xt_version_prints_the_version() {
	run -0 --separate-stderr "$BIN/$TOOL" --version
	[[ "$output" =~ ^$TOOL\ [0-9]+\.[0-9]+\.[0-9]+$ ]]
	[ -z "$stderr" ]
}

# blank lines in a record stream are skipped
xt_blank_lines_in_a_record_stream_are_skipp() {
	records "$T/rec"
	{ echo; awk '{ print; print "" }' "$T/rec"; printf '  \t\n'; } > "$T/blank"
	run -0 --separate-stderr "$BIN/$TOOL" "$T/blank"
	[ -z "$stderr" ]
	"$BIN/$TOOL" "$T/rec" > "$T/want"
	printf '%s\n' "$output" | cmp - "$T/want"
}

# raw text with blank lines before it is raw text still
xt_raw_text_with_blank_lines_before_it_is_r() {
	{ printf '\n  \n'; cat examples/01-work-conference.txt; } > "$T/lead.txt"
	run -0 "$BIN/$TOOL" -o "$T/lead.txt"
	[ "$output" = "$("$BIN/$TOOL" -o examples/01-work-conference.txt)" ]
}

# a NUL byte inside a record: bad record, status 1
xt_a_nul_byte_inside_a_record_bad_record_st() {
	printf '{"type":"note","t":"a\0b"}\n' > "$T/nul.jsonl"
	run -1 --separate-stderr "$BIN/$TOOL" "$T/nul.jsonl"
	assert_stderr_has "$TOOL: $T/nul.jsonl:1: bad record, skipped: control character in string (must be escaped)"
	[ -z "$output" ]
}

# empty input: no output, status 0
xt_empty_input_no_output_status_0() {
	: > "$T/empty"
	run -0 --separate-stderr "$BIN/$TOOL" "$T/empty"
	[ -z "$output" ] && [ -z "$stderr" ]
	run -0 --separate-stderr "$BIN/$TOOL" < /dev/null
	[ -z "$output" ] && [ -z "$stderr" ]
	printf '\n  \n\t\n' > "$T/blank"
	run -0 --separate-stderr "$BIN/$TOOL" "$T/blank"
	[ -z "$output" ] && [ -z "$stderr" ]
}

# a closed pipe ends it quietly, as it does cat
xt_a_closed_pipe_ends_it_quietly_as_it_does() {
	"$BIN/split-article" examples/*.txt > "$T/one"
	for _ in $(seq 300); do cat "$T/one"; done > "$T/many"
	run --separate-stderr bash -c '"$0" "$1" | head -n 1 | cut -c 1-41; echo "status ${PIPESTATUS[0]}"' \
		"$BIN/$TOOL" "$T/many"
	[ -z "$stderr" ]
	[ "${lines[0]}" = '{"type":"article","id":"a32bfaa6b2e3a461"' ]
	[ "${lines[1]}" = "status 141" ] # killed by SIGPIPE, as cat would be
}

# the man page: SYNOPSIS is the usage line; mandoc -T lint is clean
xt_the_man_page_synopsis_is_the_usage_line_() {
	command -v mandoc > /dev/null || skip "mandoc is not installed"
	run -0 "$BIN/$TOOL" --help
	local usage=${lines[0]#usage: }
	run -0 bash -c "mandoc -T ascii man/$TOOL.1 | col -b | sed -n '/^SYNOPSIS/{n;p;}'"
	[ "$(echo $output)" = "$usage" ]
	run bash -c "mandoc -T lint man/$TOOL.1 2>&1"
	printf '%s\n' "$output" | grep -v -e 'referenced manual not found' -e 'mandoc.db' \
		-e 'operating system explicitly specified' | { ! grep .; }
}
