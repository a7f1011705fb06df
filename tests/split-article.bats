#!/usr/bin/env bats
# split-article: options, error paths, golden output on examples/, and "nothing lost".

load test_helper

setup() {
	T=$BATS_TEST_TMPDIR
	cd "$ROOT"	# golden files hold the file names as given: examples/...
}

# split FILE... and compare with the golden file NAME
golden() {
	local name=$1
	shift
	run -0 "$BIN/split-article" "$@"
	assert_golden "split-article/$name.jsonl"
}

# nothing lost: every non-blank line of FILE is in exactly one place of its records
lost() {
	local enc=()
	if [ "$1" = -e ]; then enc=(-e "$2"); shift 2; fi
	"$BIN/split-article" "${enc[@]}" "$1" > "$T/rec"
	run "$BIN/readout-lostcheck" "${enc[@]}" "$1" "$T/rec"
	[ "$status" -eq 0 ] || { echo "$output"; return 1; }
}

@test "--help prints the usage to stdout and exits 0" {
	run -0 --separate-stderr "$BIN/split-article" --help
	[ "${lines[0]}" = "usage: split-article [-u] [-e ENC] [--seen FILE] [--counters] [FILE ...]" ]
	[ -z "$stderr" ]
}

@test "-h is --help" {
	run -0 "$BIN/split-article" --help
	local long=$output
	run -0 "$BIN/split-article" -h
	[ "$output" = "$long" ]
}

@test "--version prints the version" {
	run -0 "$BIN/split-article" --version
	[[ "$output" =~ ^split-article\ [0-9]+\.[0-9]+\.[0-9]+$ ]]
}

@test "an unknown option is a usage error (status 2)" {
	run -2 --separate-stderr "$BIN/split-article" -x
	assert_stderr_has "split-article: unknown option '-x'"
	assert_stderr_has "usage: split-article"
	[ -z "$output" ]
}

@test "an unknown long option is a usage error" {
	run -2 --separate-stderr "$BIN/split-article" --frobnicate
	assert_stderr_has "unknown option '--frobnicate'"
}

@test "-e without an argument is a usage error" {
	run -2 --separate-stderr "$BIN/split-article" -e
	assert_stderr_has "option -e needs an argument"
}

@test "-e with an encoding iconv does not know is a usage error" {
	run -2 --separate-stderr "$BIN/split-article" -e NO-SUCH-CODE "$EX/01-work-conference.txt"
	assert_stderr_has "unknown encoding 'NO-SUCH-CODE'"
	[ -z "$output" ]
}

@test "golden: 01 navigation, Source/Date line, wrapped copyright, CMS stamp" {
	golden 01 "examples/01-work-conference.txt"
}

@test "golden: 02 breadcrumb, Time: and Browsing volume:, Related news footer" {
	golden 02 "examples/02-party-committee.txt"
}

@test "golden: 03 hard-wrapped paragraphs are joined back" {
	golden 03 "examples/03-hard-wrapped.txt"
}

@test "golden: 04 three articles in one file without form feeds" {
	golden 04 "examples/04-three-in-one.txt"
}

@test "golden: 05 articles split at form feeds, one without a headline" {
	golden 05 "examples/05-form-feeds.txt"
}

@test "golden: 06 BOM and CRLF" {
	golden 06 "examples/06-crlf-bom.txt"
}

@test "golden: 07 Chinese footer" {
	golden 07 "examples/07-chinese-footer.txt"
}

@test "golden: 08 no headline, wire-service dateline, editor line" {
	golden 08 "examples/08-no-header.txt"
}

@test "golden: 09 date line under the headline, Print/Close footer" {
	golden 09 "examples/09-results-not-directives.txt"
}

@test "golden: 10 section label, cut headline, repeated headline in the footer" {
	golden 10 "examples/10-long-headline.txt"
}

@test "golden: -e LATIN1 converts a Latin-1 page" {
	golden latin1 -e LATIN1 "examples/enc/latin1-delegation.txt"
}

@test "golden: -e GBK converts a GBK page" {
	golden gbk -e GBK "examples/enc/gbk-district.txt"
}

@test "the headline of every example is found" {
	for f in "$EX"/0*.txt "$EX"/10*.txt; do
		"$BIN/split-article" "$f" > "$T/out"
		grep -q '"title":"' "$T/out" || [[ $f == *08-no-header* ]] || { echo "no title: $f"; return 1; }
	done
}

@test "nothing lost: every example, line by line" {
	for f in "$EX"/*.txt; do
		lost "$f"
	done
	lost -e LATIN1 "$EX/enc/latin1-delegation.txt"
	lost -e GBK "$EX/enc/gbk-district.txt"
}

@test "nothing lost: all examples in one stream" {
	cat "$EX"/*.txt > "$T/all.txt"
	lost "$T/all.txt"
}

@test "each file starts a new article; records come in the order of the files" {
	run -0 "$BIN/split-article" "$EX/02-party-committee.txt" "$EX/01-work-conference.txt"
	[ "${#lines[@]}" -eq 2 ]
	[[ ${lines[0]} == *'"src":"'"$EX"'/02-party-committee.txt","line":1,'* ]]
	[[ ${lines[1]} == *'"src":"'"$EX"'/01-work-conference.txt","line":1,'* ]]
}

@test "line is where each article starts in its file" {
	run -0 "$BIN/split-article" "$EX/04-three-in-one.txt"
	[ "${#lines[@]}" -eq 3 ]
	[[ ${lines[0]} == *'"line":1,'* ]]
	[[ ${lines[1]} == *'"line":11,'* ]]
	[[ ${lines[2]} == *'"line":23,'* ]]
}

@test "standard input when no file is named, and '-' names it; src is -" {
	run -0 "$BIN/split-article" < "$EX/01-work-conference.txt"
	local a=$output
	run -0 "$BIN/split-article" - < "$EX/01-work-conference.txt"
	[ "$output" = "$a" ]
	[[ $a == *'"src":"-","line":1,'* ]]
}

@test "a form feed inside a line splits articles too" {
	printf 'First Headline About a Meeting\nOn May 3, the group held a meeting. It went well.\fSecond Headline About a Meeting\nOn May 4, the group held another meeting. It went well too.\n' > "$T/ff.txt"
	run -0 "$BIN/split-article" "$T/ff.txt"
	[ "${#lines[@]}" -eq 2 ]
	[[ ${lines[1]} == *'"line":2,"title":"Second Headline About a Meeting"'* ]]
}

@test "CRLF and a BOM give the same article as LF without BOM" {
	sed 's/\r$//' "$EX/06-crlf-bom.txt" | tail -c +4 > "$T/lf.txt"
	cp "$EX/06-crlf-bom.txt" "$T/crlf.txt"
	run -0 "$BIN/split-article" "$T/lf.txt"
	local lf=${output/lf.txt/X}
	run -0 "$BIN/split-article" "$T/crlf.txt"
	[ "${output/crlf.txt/X}" = "$lf" ]
}

@test "the same article scraped twice, wrapped differently, with other navigation and footer, has the same id" {
	"$BIN/split-article" "$EX/03-hard-wrapped.txt" > "$T/a"
	{ echo "Home > Archive"; head -n 2 "$EX/03-hard-wrapped.txt"; tail -n +3 "$EX/03-hard-wrapped.txt" | grep -v -e Copyright -e Reserved -e ICP | fmt -w 60; echo "Contact Us | Site Map"; } > "$T/b.txt"
	"$BIN/split-article" "$T/b.txt" > "$T/b"
	[ "$(grep -o '"id":"[0-9a-f]*"' "$T/a")" = "$(grep -o '"id":"[0-9a-f]*"' "$T/b")" ]
}

@test "ids are 16 lowercase hex digits, and differ between articles" {
	run -0 "$BIN/split-article" "$EX"/*.txt
	ids=$(printf '%s\n' "${lines[@]}" | grep -o '"id":"[^"]*"' | sort)
	[ "$(printf '%s\n' "$ids" | grep -cv '"id":"[0-9a-f]\{16\}"')" -eq 0 ]
	[ "$(printf '%s\n' "$ids" | uniq -d | wc -l)" -eq 0 ]
}

@test "-u writes an article once even when it was scraped twice" {
	cp "$EX/01-work-conference.txt" "$T/again.txt"
	run -0 "$BIN/split-article" "$EX/01-work-conference.txt" "$T/again.txt"
	[ "${#lines[@]}" -eq 2 ]
	run -0 "$BIN/split-article" -u "$EX/01-work-conference.txt" "$T/again.txt" "$EX/02-party-committee.txt"
	[ "${#lines[@]}" -eq 2 ]
	[[ ${lines[1]} == *02-party-committee* ]]
}

@test "output is deterministic" {
	a=$("$BIN/split-article" "$EX"/*.txt | cksum)
	b=$("$BIN/split-article" "$EX"/*.txt | cksum)
	[ "$a" = "$b" ]
}

@test "empty input gives no output and status 0" {
	: > "$T/empty.txt"
	run -0 --separate-stderr "$BIN/split-article" "$T/empty.txt"
	[ -z "$output" ] && [ -z "$stderr" ]
	run -0 "$BIN/split-article" < /dev/null
	[ -z "$output" ]
}

@test "blank lines only (spaces, tabs, no-break spaces) give nothing" {
	printf '\n  \n\t\n\xc2\xa0\n' > "$T/blank.txt"
	run -0 --separate-stderr "$BIN/split-article" "$T/blank.txt"
	[ -z "$output" ] && [ -z "$stderr" ]
}

@test "a last line without a newline is kept" {
	printf 'A Headline Without Any Newline At All\n\nOn May 3, the group held a meeting. It went well.' > "$T/nonl.txt"
	run -0 "$BIN/split-article" "$T/nonl.txt"
	[[ $output == *'"body":"On May 3, the group held a meeting. It went well."'* ]]
}

@test "a file of boilerplate only: a warning naming file and line, no article" {
	printf 'Home > News\n\nContact Us | Site Map\nCopyright © 2020 Example Group. All rights reserved.\n' > "$T/boiler.txt"
	run -0 --separate-stderr "$BIN/split-article" "$T/boiler.txt" "$EX/08-no-header.txt"
	[ "${#lines[@]}" -eq 1 ]
	assert_stderr_has "split-article: $T/boiler.txt:1: 3 lines of page navigation, metadata or footer and no article: skipped"
}

@test "invalid UTF-8: replaced by U+FFFD, counted, named with file and line, status 1" {
	printf 'Headline of a Broken Page Here\n\nOn May 3, the caf\xe9 group held a meeting \xff\xfe here. It went well.\n' > "$T/bad.txt"
	run -1 --separate-stderr "$BIN/split-article" "$T/bad.txt"
	assert_stderr_has "split-article: $T/bad.txt:3: 3 invalid UTF-8 sequences replaced with U+FFFD"
	assert_stderr_has "-e ENC"
	[[ $output == *'caf�'*'meeting �� here'* ]]
}

@test "NUL bytes: replaced by U+FFFD, reported with the line, status 1" {
	printf 'Headline of a Page With Nulls\n\nOn May 3, the group\0 held a meeting. It went well.\n' > "$T/nul.txt"
	run -1 --separate-stderr "$BIN/split-article" "$T/nul.txt"
	assert_stderr_has "split-article: $T/nul.txt:3: 1 NUL byte replaced with U+FFFD"
	[[ $output == *'group� held'* ]]
}

@test "a Latin-1 file without -e: a warning that suggests -e" {
	run -1 --separate-stderr "$BIN/split-article" "$EX/enc/latin1-delegation.txt"
	assert_stderr_has "invalid UTF-8 sequences replaced with U+FFFD (first on this line; if the file is in another encoding, give it with -e ENC)"
}

@test "a byte that is not valid in the -e encoding: U+FFFD and a warning with the line" {
	{ iconv -f UTF-8 -t GBK <<< 'Jiangbei District Holds a Meeting on Housing'; echo; printf 'On May 3, the district held a meeting \x81 here. It went well.\n'; } > "$T/gbk.txt"
	run -1 --separate-stderr "$BIN/split-article" -e GBK "$T/gbk.txt"
	assert_stderr_has "split-article: $T/gbk.txt:3: 1 byte sequence not valid in the input encoding replaced with U+FFFD"
	[[ $output == *'meeting �'* ]]
}

@test "a binary file is skipped with a message; the other files are still processed" {
	{ printf '\177ELF\2\1\1'; head -c 8185 /dev/zero; } > "$T/prog.bin"	# an ELF header and NULs (not $BIN/split-article: under make valgrind it is a script)
	run -1 --separate-stderr "$BIN/split-article" "$T/prog.bin" "$EX/01-work-conference.txt"
	assert_stderr_has "split-article: $T/prog.bin: binary file skipped"
	[ "${#lines[@]}" -eq 1 ]
}

@test "a missing file among others: a message, status 1, the others processed" {
	run -1 --separate-stderr "$BIN/split-article" "$EX/01-work-conference.txt" "$T/nope.txt" "$EX/02-party-committee.txt"
	assert_stderr_has "split-article: $T/nope.txt: cannot open: No such file or directory"
	[ "${#lines[@]}" -eq 2 ]
}

@test "a directory among files: a message, status 1, the others processed" {
	run -1 --separate-stderr "$BIN/split-article" "$T" "$EX/02-party-committee.txt"
	assert_stderr_has "split-article: $T: is a directory"
	[ "${#lines[@]}" -eq 1 ]
}

@test "an unreadable file: a message, status 1" {
	[ "$(id -u)" -ne 0 ] || skip "root reads every file"
	cp "$EX/01-work-conference.txt" "$T/locked.txt"
	chmod 000 "$T/locked.txt"
	run -1 --separate-stderr "$BIN/split-article" "$T/locked.txt"
	assert_stderr_has "cannot open: Permission denied"
}

@test "a 50 MB line is one paragraph, read whole" {
	{ echo "A Headline Above a Very Long Line"; echo; head -c 50000000 /dev/zero | tr '\0' 'a'; echo .; } > "$T/long.txt"
	"$BIN/split-article" "$T/long.txt" > "$T/out"
	[ "$(wc -l < "$T/out")" -eq 1 ]
	[ "$(grep -o 'a*' "$T/out" | awk 'length > m { m = length } END { print m }')" -eq 50000000 ]
}

@test "a full disk: a message and status 1" {
	[ -w /dev/full ] || skip "no /dev/full"
	run -1 --separate-stderr bash -c '"$0" "$1" > /dev/full' "$BIN/split-article" "$EX/01-work-conference.txt"
	assert_stderr_has "split-article: write error: No space left on device"
}

@test "a closed pipe ends it quietly, as it does cat" {
	for i in 1 2 3 4 5 6 7 8; do cat "$EX"/*.txt; done > "$T/many.txt"
	for i in 1 2 3 4 5 6 7 8; do cat "$T/many.txt"; done > "$T/more.txt"
	run -0 --separate-stderr bash -c '"$0" "$1" | head -n 1' "$BIN/split-article" "$T/more.txt"
	[ "${#lines[@]}" -eq 1 ]
	[ -z "$stderr" ]
}
