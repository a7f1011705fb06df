# tests/extractor.bash: checks of the driver every extractor shares (lib/records.c), run
# by each extractor's test file with TOOL set to the tool's name: `TOOL=extract-meta`, then
# `load extractor`, then a test whose body is one of these functions.
# shellcheck shell=bash

# Every extractor's tests run in the project root (golden files hold the file names as given:
# examples/...), with its fixtures in $F and a scratch folder in $T. A file may define its own.
setup() {
	T=$BATS_TEST_TMPDIR
	F=tests/fixtures/$TOOL
	cd "$ROOT"
}

# fixture NAME [OPTION...]: $TOOL -o on $F/NAME.txt: status 0, nothing on stderr, and the
# golden file $TOOL/NAME.jsonl
fixture() {
	local name=$1
	shift
	run -0 --separate-stderr "$BIN/$TOOL" -o "$@" "$F/$name.txt"
	[ -z "$stderr" ] || { _show "stderr: $stderr"; return 1; }
	assert_golden "$TOOL/$name.jsonl"
}

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
	[ "${lines[0]}" = '{"type":"article","id":"9c758e38440ad277"' ]
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

# ---- moved here from the extractors' own files: the same test, told what differs ----

# xt_records FILE BODY: a record stream of five kinds of lines in FILE: a note, the article
# split-article writes for examples/01-work-conference.txt, a person record with odd spacing,
# an article with unknown keys and odd spacing whose body is BODY (as written inside a JSON
# string), and a meta record. (Each file defines `records FILE` with its BODY;
# xt_blank_lines_in_a_record_stream_are_skipp uses that.)
xt_records() {
	{
		echo '{"type":"note","text":"hello","n":[1,2,{"k":null}]}'
		"$BIN/split-article" examples/01-work-conference.txt
		echo '{ "type" : "person" ,  "article":"9c758e38440ad277", "name":"Xu Lei",	"role":"spoke" }'
		printf '%s\n' '{"type":"article" , "id" : "00000000000000ab","src":"x.txt","line":3,"title":"Tianhe Steel Group Holds Work Conference","header":["Date: 2022-03-10"],"body":"'"$2"'","footer":[],"extra":{"k":[1, 2]},  "z":true}'
		printf '%s\n' '{"type":"meta","article":"0000000000000000","title":null,"x":"\u00e9\n"}'
	} > "$1"
}

# an unknown option is a usage error (status 2): for each OPTION, the message and the usage
# line (the first line of --help) on stderr, nothing on stdout
xt_an_unknown_option_is_a_usage_error() { # OPTION...
	local usage opt
	usage=$("$BIN/$TOOL" --help | sed -n 1p)
	[[ $usage == "usage: $TOOL "* ]]
	for opt in "$@"; do
		run -2 --separate-stderr "$BIN/$TOOL" "$opt" examples/01-work-conference.txt
		assert_stderr_has "$TOOL: unknown option '$opt'"
		assert_stderr_has "$usage"
		[ -z "$output" ]
	done
}

# an option without its argument is a usage error
xt_an_option_without_its_argument() { # OPTION...
	local opt
	for opt in "$@"; do
		run -2 --separate-stderr "$BIN/$TOOL" "$opt"
		assert_stderr_has "$TOOL: option $opt needs an argument"
		assert_stderr_has "usage: $TOOL"
		[ -z "$output" ]
	done
}

# -e with an encoding iconv does not know is a usage error
xt_e_with_an_encoding_iconv_does_not_know() {
	run -2 --separate-stderr "$BIN/$TOOL" -e NO-SUCH-CODE examples/01-work-conference.txt
	assert_stderr_has "$TOOL: unknown encoding 'NO-SUCH-CODE'"
	[ -z "$output" ]
}

# -l with a KIND it does not know, or with no KIND, is a usage error
xt_l_with_a_kind_it_does_not_know() {
	echo lee > "$T/words"
	local a
	for a in "names:$T/words" "$T/words" "Surnames:$T/words" ":$T/words" "verbs-spoke:$T/words"; do
		run -2 --separate-stderr "$BIN/$TOOL" -l "$a" examples/01-work-conference.txt
		assert_stderr_has "$TOOL: -l takes KIND:FILE, KIND one of surnames, syllables, posts, orgwords, presided, spoke, attended, speech"
		assert_stderr_has "usage: $TOOL"
		[ -z "$output" ] || { echo "output for -l $a"; return 1; }
	done
}

# -l with a file that cannot be read is a usage error, with the file's name
xt_l_with_a_file_that_cannot_be_read() {
	run -2 --separate-stderr "$BIN/$TOOL" -l "surnames:$T/nope.txt" examples/01-work-conference.txt
	assert_stderr_has "$TOOL: $T/nope.txt: cannot open: No such file or directory"
	[ -z "$output" ]
	run -2 --separate-stderr "$BIN/$TOOL" -l "posts:$T" examples/01-work-conference.txt
	assert_stderr_has "$TOOL: $T: read error: Is a directory"
	[ -z "$output" ]
}

# -o writes only the derived records; --only is -o; less them, the full output is the input,
# byte for byte. On split-article examples/*.txt: every line of -o matches RECORD-REGEX (grep),
# and the number of lines passes the test OP N ("-eq 10", "-gt 40").
xt_o_writes_only_the_derived_records() { # RECORD-REGEX OP N
	"$BIN/split-article" examples/*.txt > "$T/rec"
	run -0 --separate-stderr "$BIN/$TOOL" -o "$T/rec"
	[ -z "$stderr" ]
	test "${#lines[@]}" "$2" "$3" || { _show "${#lines[@]} lines, not $2 $3"; return 1; }
	[ "$(printf '%s\n' "${lines[@]}" | grep -vc "$1")" -eq 0 ]
	local short=$output
	run -0 "$BIN/$TOOL" --only "$T/rec"
	[ "$output" = "$short" ]
	run -0 "$BIN/$TOOL" -o - < "$T/rec"
	[ "$output" = "$short" ]
	run -0 "$BIN/$TOOL" "$T/rec"
	[ "$(printf '%s\n' "$output" | grep -v '^{"type":"article",')" = "$short" ]
	printf '%s\n' "$output" | grep '^{"type":"article",' | cmp - "$T/rec"
}

# raw text gives the same bytes as split-article | TOOL: on examples/*.txt, and on the
# *.txt of DIR if given
xt_raw_text_gives_the_same_bytes() { # [DIR]
	"$BIN/split-article" examples/*.txt | "$BIN/$TOOL" > "$T/piped"
	run -0 --separate-stderr "$BIN/$TOOL" examples/*.txt
	[ -z "$stderr" ]
	printf '%s\n' "$output" | cmp - "$T/piped"
	if (($#)); then
		"$BIN/split-article" "$1"/*.txt | "$BIN/$TOOL" > "$T/piped"
		"$BIN/$TOOL" "$1"/*.txt | cmp - "$T/piped"
	fi
}

# raw text: one file directly, and on standard input (src is -)
xt_raw_text_one_file_directly_and_on_stdin() {
	run -0 "$BIN/$TOOL" -o examples/01-work-conference.txt
	local direct=$output
	[ -n "$direct" ]
	"$BIN/split-article" examples/01-work-conference.txt | "$BIN/$TOOL" -o > "$T/piped"
	printf '%s\n' "$direct" | cmp - "$T/piped"
	run -0 "$BIN/$TOOL" < examples/01-work-conference.txt
	[[ ${lines[0]} == '{"type":"article",'*'"src":"-","line":1,'* ]]
	[ "$(printf '%s\n' "${lines[@]:1}")" = "$direct" ]
}

# raw text: -e converts the encoding, as split-article -e does (the Latin-1 and GBK examples)
xt_e_converts_the_encoding() {
	local e
	for e in LATIN1:examples/enc/latin1-delegation.txt GBK:examples/enc/gbk-district.txt; do
		run -0 --separate-stderr "$BIN/$TOOL" -e "${e%%:*}" "${e#*:}"
		[ -z "$stderr" ]
		[[ ${lines[0]} == '{"type":"article",'* ]]
		[ "$output" = "$("$BIN/split-article" -e "${e%%:*}" "${e#*:}" | "$BIN/$TOOL")" ]
	done
}

# each file decides for itself: records in one (examples/02-party-committee.txt split), raw
# text in the next (RAW-FILE): the records of both, in order, COUNT lines in all
xt_each_file_decides_for_itself() { # RAW-FILE COUNT
	"$BIN/split-article" examples/02-party-committee.txt > "$T/rec"
	run -0 --separate-stderr "$BIN/$TOOL" -o "$T/rec" "$1"
	[ -z "$stderr" ]
	[ "${#lines[@]}" -eq "$2" ]
	[ "$output" = "$("$BIN/$TOOL" -o examples/02-party-committee.txt "$1")" ]
	[[ ${lines[0]} == *'"article":"ccf65f21eb25b95c",'* ]]
}

# bad records are reported with FILE:LINE and skipped; the rest is processed; status 1. The
# stream: the good article record FIRST, nine bad lines (two of them article records without
# a good id, with the keys NOID after "type"; one with invalid UTF-8 in a string), the good
# article record LAST. The output is exactly FIRST and its records, the two article records
# without an id (passed through, nothing derived), the record with invalid UTF-8 repaired,
# LAST and its records.
xt_bad_records_are_reported_with_file_line() { # FIRST NOID LAST
	{
		printf '%s\n' "$1"
		echo '{"type":"article","id":"00000000000000ac","title":"Tianhe Ste'
		echo '["type","article"]'
		echo '{"kind":"article","id":"00000000000000ad"}'
		echo '{"type":7}'
		printf '%s\n' "{\"type\":\"article\",\"id\":\"abc\",$2}"
		printf '%s\n' "{\"type\":\"article\",$2}"
		echo '{"type":"note"} and more'
		printf '{"type":"note","t":"caf\xe9"}\n'
		echo '{"type":"note","n":[1,2'
		printf '%s\n' "$3"
	} > "$T/bad.jsonl"
	run -1 --separate-stderr "$BIN/$TOOL" "$T/bad.jsonl"
	assert_stderr_has "$TOOL: $T/bad.jsonl:2: bad record, skipped: unterminated string (column 62)"
	assert_stderr_has "$TOOL: $T/bad.jsonl:3: bad record, skipped: not a JSON object"
	assert_stderr_has "$TOOL: $T/bad.jsonl:4: bad record, skipped: no \"type\" string"
	assert_stderr_has "$TOOL: $T/bad.jsonl:5: bad record, skipped: no \"type\" string"
	assert_stderr_has "$TOOL: $T/bad.jsonl:6: article record without an \"id\" of 16 hex digits: nothing derived"
	assert_stderr_has "$TOOL: $T/bad.jsonl:7: article record without an \"id\" of 16 hex digits: nothing derived"
	assert_stderr_has "$TOOL: $T/bad.jsonl:8: bad record, skipped: text after the end of the record (column 17)"
	assert_stderr_has "$TOOL: $T/bad.jsonl:9: 1 invalid UTF-8 sequence in JSON strings replaced with U+FFFD, records kept (first on this line)"
	assert_stderr_has "$TOOL: $T/bad.jsonl:10: bad record, skipped: truncated: the line ends inside an array (column"
	[ "$(printf '%s\n' "$stderr" | wc -l)" -eq 9 ]
	local want
	want=$(printf '%s\n' "$1"
		printf '%s\n' "$1" | "$BIN/$TOOL" -o
		sed -n 6,7p "$T/bad.jsonl"
		printf '{"type":"note","t":"caf\xef\xbf\xbd"}\n' # repaired, kept
		printf '%s\n' "$3"
		printf '%s\n' "$3" | "$BIN/$TOOL" -o)
	[ "$output" = "$want" ] || { _show "expected output:" "$want"; return 1; }
}

# a truncated last line (no newline) is reported, status 1; the records before it are
# processed
xt_a_truncated_last_line_is_reported() {
	"$BIN/split-article" examples/01-work-conference.txt > "$T/rec"
	head -c 100 "$T/rec" > "$T/part"
	cat "$T/part" >> "$T/rec"
	run -1 --separate-stderr "$BIN/$TOOL" -o "$T/rec"
	assert_stderr_has "$TOOL: $T/rec:2: bad record, skipped: "
	[ -n "$output" ]
	[ "$output" = "$("$BIN/$TOOL" -o examples/01-work-conference.txt)" ]
}

# a missing file among others: a message, status 1, the others processed (COUNT lines, the
# same as from the two alone)
xt_a_missing_file_among_others() { # FILE FILE COUNT
	run -1 --separate-stderr "$BIN/$TOOL" -o "$1" "$T/nope.txt" "$2"
	assert_stderr_has "$TOOL: $T/nope.txt: cannot open: No such file or directory"
	[ "$(printf '%s\n' "$stderr" | wc -l)" -eq 1 ]
	[ "${#lines[@]}" -eq "$3" ]
	[ "$output" = "$("$BIN/$TOOL" -o "$1" "$2")" ]
}

# a directory or a binary file among files: a message, status 1, the others processed (the
# COUNT lines of FILE)
xt_a_directory_or_a_binary_file_among_files() { # FILE COUNT
	run -1 --separate-stderr "$BIN/$TOOL" -o "$T" "$1"
	assert_stderr_has "$TOOL: $T: is a directory"
	[ "${#lines[@]}" -eq "$2" ]
	{ printf '\177ELF\2\1\1'; head -c 8185 /dev/zero; } > "$T/prog.bin"	# not $BIN/$TOOL: a script under make valgrind
	run -1 --separate-stderr "$BIN/$TOOL" -o "$T/prog.bin" "$1"
	[ "$stderr" = "$TOOL: $T/prog.bin: binary file skipped (if it is text in another encoding, give it with -e ENC)" ]
	[ "${#lines[@]}" -eq "$2" ]
}

# a full disk: a message and status 1, with and without -o
xt_a_full_disk_a_message_and_status_1() {
	[ -w /dev/full ] || skip "no /dev/full"
	run -1 --separate-stderr bash -c '"$0" "$1" > /dev/full' "$BIN/$TOOL" examples/01-work-conference.txt
	assert_stderr_has "$TOOL: write error: No space left on device"
	run -1 --separate-stderr bash -c '"$0" -o "$1" > /dev/full' "$BIN/$TOOL" examples/01-work-conference.txt
	assert_stderr_has "$TOOL: write error: No space left on device"
}

# the same input gives the same bytes, whatever the locale and time zone, run after run: on
# examples/*.txt and the FILEs given
xt_the_same_input_gives_the_same_bytes() { # [FILE...]
	local a b c d e
	a=$(LC_ALL=C "$BIN/$TOOL" examples/*.txt "$@" | cksum)
	b=$(LC_ALL=C.UTF-8 TZ=Asia/Shanghai "$BIN/$TOOL" examples/*.txt "$@" | cksum)
	c=$(LC_ALL=C TZ=UTC "$BIN/split-article" examples/*.txt "$@" |
		LANG=de_DE.UTF-8 LC_ALL=tr_TR.UTF-8 "$BIN/$TOOL" | cksum)
	d=$("$BIN/$TOOL" examples/*.txt "$@" | cksum)
	e=$("$BIN/$TOOL" examples/*.txt "$@" | cksum)
	[ "$a" = "$b" ]
	[ "$a" = "$c" ]
	[ "$a" = "$d" ]
	[ "$a" = "$e" ]
}

# the man page's examples run: the command lines of its literal displays that start with one
# of PROGRAMS (a sed basic regex: 'split-article\|extract-meta'), less those that match an
# EXCLUDE (grep patterns), run one after another in a temporary directory with examples/
# linked in and bin/ first on PATH; each exits 0 and writes something (or writes to a file
# with "> "); those that need jq are skipped if jq is missing; at least MIN of them
xt_the_man_page_s_examples_run() { # MIN PROGRAMS [EXCLUDE...]
	local min=$1 progs=$2 n=0 skipped=0 cmd x
	shift 2
	local ex=(-e '^$') jq='(^|[|;&(][[:space:]]*)jq[[:space:]]'
	for x in "$@"; do ex+=(-e "$x"); done
	while IFS= read -r cmd; do
		if [[ $cmd =~ $jq ]] && ! command -v jq > /dev/null; then
			skipped=$((skipped + 1))
			continue
		fi
		run --separate-stderr bash -c "set -o pipefail; cd '$T' && ln -sf '$ROOT/examples' . && PATH='$BIN':\$PATH && $cmd"
		[ "$status" -eq 0 ] || { echo "failed: $cmd"; echo "$stderr"; return 1; }
		[ -n "$output" ] || [[ $cmd == *'> '* ]] || { echo "no output: $cmd"; return 1; }
		n=$((n + 1))
	done < <(sed -n "/^\.Bd -literal/,/^\.Ed/{/^\($progs\) /p;}" "man/$TOOL.1" |
		grep -v "${ex[@]}" | sed -e 's/\\e/\\/g' -e 's/\\(dq/"/g')
	((n + skipped >= min)) || { echo "only $n examples ran ($skipped skipped), not $min"; return 1; }
}

# the record the man page shows is the one TOOL -o gives for examples/06-crlf-bom.txt: every
# line of the page that is a record of TYPE, in order
xt_the_man_page_s_record_example() { # TYPE
	run -0 "$BIN/$TOOL" -o examples/06-crlf-bom.txt
	[ -n "$output" ]
	local shown
	shown=$(grep "^{\"type\":\"$1\"," "man/$TOOL.1" | sed -e 's/\\e/\\/g')
	[ "$output" = "$shown" ] || { _show "the man page shows:" "$shown" "the tool writes:" "$output"; return 1; }
}
