#!/usr/bin/env bats
# examples/parallel.sh and GNU parallel: a run cut into many jobs gives the records of the serial
# pipeline (sorted, or in order with -k), for whole files, for blocks of pages cut at form feeds
# and for record streams cut between lines; each extractor and to-tsv under parallel --pipe;
# counters summed over the jobs; exit status; option errors.
# Skipped when GNU parallel cannot be found (find_parallel, in test_helper.bash).

load test_helper

setup_file() {
	if find_parallel; then
		export PATH HAVE_PARALLEL=1
	fi
}

setup() {
	[[ -n ${HAVE_PARALLEL:-} ]] || skip "GNU parallel is not installed"
	T=$BATS_TEST_TMPDIR
	P=$EX/parallel.sh
	cd "$ROOT" || return 1 # records hold the file names as given: examples/...
}

# serial FILE...: the serial pipeline on the FILEs, into $T/serial.jsonl, and each tool's counters,
# renamed TOOL.NAME as parallel.sh writes them, in pipeline order, into $T/serial.counters
serial() {
	"$BIN/split-article" --counters "$@" 2>"$T/c1" |
		"$BIN/extract-meta" --counters 2>"$T/c2" |
		"$BIN/extract-people" --counters 2>"$T/c3" |
		"$BIN/extract-directives" --counters 2>"$T/c4" >"$T/serial.jsonl"
	local i=0 t
	for t in split-article extract-meta extract-people extract-directives; do
		i=$((i + 1))
		sed -n "s/^reporter:counter:readout,/&$t./p" "$T/c$i"
	done >"$T/serial.counters"
}

# same_sorted A B: files A and B hold the same lines, in any order
same_sorted() {
	if ! diff <(LC_ALL=C sort "$1") <(LC_ALL=C sort "$2") >"$T/diff"; then
		_show "$1 and $2 differ, sorted (<: $1, >: $2):" "$(head -n 20 "$T/diff")"
		return 1
	fi
}

# no_line NAME: the records in $T/NAME.jsonl with the "src" and "line" of every article made
# "-" and 0 (in -m pages, src is "-" and line counts from the start of the job's block), in
# $T/NAME.noline
no_line() {
	sed 's/^\({"type":"article","id":"[0-9a-f]*","src":\)"[^"]*","line":[0-9]*/\1"-","line":0/' \
		"$T/$1.jsonl" >"$T/$1.noline"
}

# repeat N FILE OUT: FILE N times over into OUT
repeat() {
	local i
	for ((i = 0; i < $1; i++)); do
		cat "$2"
	done >"$3"
}

# pages: $T/pages.txt, about 170 KB of raw pages with form feeds between some of them, a page of
# boilerplate only (pages_skipped) and invalid UTF-8 (chars_replaced) now and then
pages() {
	{
		cat examples/05-form-feeds.txt
		printf '\fContact Us | Site Map\nCopyright 2024 Foo Co., Ltd. All rights reserved.\n\f'
		sed 's/Huaxin/Hua\xffxin/' examples/01-work-conference.txt
		printf '\f'
		cat examples/04-three-in-one.txt examples/02-party-committee.txt
		printf '\f'
	} >"$T/page"
	repeat 12 "$T/page" "$T/pages.txt"
}

# jobs_of SIZE FILE: how many jobs parallel --pipe --block SIZE makes of FILE
jobs_of() {
	parallel --pipe --block "$1" 'echo x' <"$2" | wc -l
}

# ---- (a) whole files ----

@test "over examples/*.txt, the records are the serial pipeline's" {
	serial examples/*.txt
	run -0 --separate-stderr sh "$P" -j 2 examples/*.txt
	[ -z "$stderr" ] || { _show "stderr: $stderr"; return 1; }
	_output_file >"$T/par.jsonl"
	same_sorted "$T/serial.jsonl" "$T/par.jsonl"
	[ "$(wc -l <"$T/par.jsonl")" -eq 115 ]
}

@test "-k keeps the order: the output is the serial pipeline's, byte for byte" {
	serial examples/*.txt
	sh "$P" -k -j 2 -n 1 examples/*.txt >"$T/par.jsonl"
	cmp "$T/serial.jsonl" "$T/par.jsonl"
}

@test "-a reads the names of the files from a list, - from standard input" {
	serial examples/*.txt
	printf '%s\n' examples/*.txt >"$T/list"
	sh "$P" -k -n 3 -a "$T/list" >"$T/par.jsonl"
	cmp "$T/serial.jsonl" "$T/par.jsonl"
	sh "$P" -k --arg-file=- <"$T/list" >"$T/par2.jsonl"
	cmp "$T/serial.jsonl" "$T/par2.jsonl"
}

@test "-d DIR -t TYPES writes the records and a table per type" {
	serial examples/*.txt
	run -0 --separate-stderr sh "$P" -d "$T/out" -t meta,person,directive examples/*.txt
	[ -z "$output" ]
	[ -z "$stderr" ] || { _show "stderr: $stderr"; return 1; }
	same_sorted "$T/serial.jsonl" "$T/out/records.jsonl"
	local t
	for t in meta person directive; do
		"$BIN/to-tsv" -t "$t" <"$T/serial.jsonl" >"$T/$t.tsv"
		same_sorted "$T/$t.tsv" "$T/out/$t.tsv"
		[ "$(head -n 1 "$T/out/$t.tsv")" = "$(head -n 1 "$T/$t.tsv")" ] # one header, first
	done
}

@test "-S passes the hosts to parallel (':' is this one; the files are not copied for it)" {
	serial examples/*.txt
	run -0 --separate-stderr sh "$P" -k -S 2/: --sshlogin 1/: examples/*.txt
	[ "$output" = "$(cat "$T/serial.jsonl")" ]
	cat examples/05-form-feeds.txt examples/05-form-feeds.txt >"$T/ff.txt"
	"$BIN/split-article" <"$T/ff.txt" | "$BIN/extract-meta" | "$BIN/extract-people" |
		"$BIN/extract-directives" >"$T/serial.jsonl"
	run -0 --separate-stderr sh "$P" -k -S : -b 1k "$T/ff.txt"
	_output_file >"$T/par.jsonl"
	no_line serial
	no_line par
	cmp "$T/serial.noline" "$T/par.noline"
}

# ---- blocks of pages, cut at form feeds ----

@test "one big file of pages cut at form feeds gives the serial records (less article lines)" {
	sh bench/gen.sh 1 "$T/big.txt"
	(($(jobs_of 64k "$T/big.txt") > 10))
	"$BIN/split-article" <"$T/big.txt" | "$BIN/extract-meta" | "$BIN/extract-people" |
		"$BIN/extract-directives" >"$T/serial.jsonl"
	run -0 --separate-stderr sh "$P" -b 64k "$T/big.txt"
	[ -z "$stderr" ] || { _show "stderr: $stderr"; return 1; }
	_output_file >"$T/par.jsonl"
	no_line serial
	no_line par
	same_sorted "$T/serial.noline" "$T/par.noline"
	# and from standard input (parallel --pipe), in order
	sh "$P" -k -b 64k <"$T/big.txt" >"$T/stdin.jsonl"
	no_line stdin
	cmp "$T/serial.noline" "$T/stdin.noline"
}

# ---- (b) record streams cut between lines ----

@test "each extractor under parallel --pipe --block 64k gives the serial records" {
	serial examples/*.txt
	# the examples' records, all four types, 26 times over: 2990 lines, 1.3 MB, about 20 jobs
	repeat 26 "$T/serial.jsonl" "$T/stream.jsonl"
	[ "$(wc -l <"$T/stream.jsonl")" -eq 2990 ]
	(($(jobs_of 64k "$T/stream.jsonl") > 10))
	local t
	for t in extract-meta extract-people extract-directives; do
		"$BIN/$t" <"$T/stream.jsonl" >"$T/$t.serial"
		parallel --pipe --block 64k "$BIN/$t" <"$T/stream.jsonl" >"$T/$t.par"
		same_sorted "$T/$t.serial" "$T/$t.par"
		"$BIN/$t" -o <"$T/stream.jsonl" >"$T/$t.serial"
		parallel --pipe --block 64k "$BIN/$t" -o <"$T/stream.jsonl" >"$T/$t.par"
		same_sorted "$T/$t.serial" "$T/$t.par"
	done
}

@test "to-tsv under parallel --pipe --block 64k gives the serial rows" {
	serial examples/*.txt
	repeat 26 "$T/serial.jsonl" "$T/stream.jsonl"
	local t
	for t in article meta person directive; do
		"$BIN/to-tsv" -t "$t" <"$T/stream.jsonl" | tail -n +2 >"$T/$t.serial"
		parallel --pipe --block 64k "$BIN/to-tsv" -H -t "$t" <"$T/stream.jsonl" >"$T/$t.par"
		same_sorted "$T/$t.serial" "$T/$t.par"
		[ "$(wc -l <"$T/$t.par")" -gt 0 ]
	done
}

@test "-m records: article records cut between lines give the serial records" {
	serial examples/*.txt
	"$BIN/split-article" examples/*.txt >"$T/articles.jsonl"
	repeat 26 "$T/articles.jsonl" "$T/stream.jsonl"
	repeat 26 "$T/serial.jsonl" "$T/serial26.jsonl"
	(($(jobs_of 64k "$T/stream.jsonl") > 10))
	run -0 --separate-stderr sh "$P" -m records -b 64k "$T/stream.jsonl"
	[ -z "$stderr" ] || { _show "stderr: $stderr"; return 1; }
	_output_file >"$T/par.jsonl"
	same_sorted "$T/serial26.jsonl" "$T/par.jsonl"
	# standard input, in order
	sh "$P" -m records -k -b 64k <"$T/stream.jsonl" >"$T/stdin.jsonl"
	cmp "$T/serial26.jsonl" "$T/stdin.jsonl"
}

# ---- (c) counters ----

@test "-c: each tool's counters summed over the jobs are the serial counters (files)" {
	serial examples/*.txt
	run -0 --separate-stderr sh "$P" -c -n 2 examples/*.txt
	[ "$stderr" = "$(cat "$T/serial.counters")" ] ||
		{ _show "expected:" "$(cat "$T/serial.counters")" "actual:" "$stderr"; return 1; }
	grep -q '^reporter:counter:readout,extract-people.people,52$' <<<"$stderr"
}

@test "-c: counters summed over blocks of pages, with bad input: the serial counters, status 1" {
	pages
	serial "$T/pages.txt"
	grep -q '^reporter:counter:readout,split-article.pages_skipped,12$' "$T/serial.counters"
	grep -q '^reporter:counter:readout,split-article.chars_replaced,[1-9]' "$T/serial.counters"
	run -1 --separate-stderr sh "$P" -c -b 4k "$T/pages.txt"
	_output_file >"$T/par.jsonl"
	grep '^reporter:counter:' <<<"$stderr" >"$T/par.counters" || true
	diff "$T/serial.counters" "$T/par.counters"
	# the tools' warnings are on stderr too, before the counters, and the jobs' failure is told
	assert_stderr_has "split-article: -:"
	assert_stderr_has "invalid UTF-8 sequences replaced with U+FFFD"
	assert_stderr_has " jobs failed"
	# the counters come last
	awk '/^reporter:counter:/ { c = 1; next } c { bad = 1 } END { exit bad }' <<<"$stderr"
	no_line serial
	no_line par
	same_sorted "$T/serial.noline" "$T/par.noline"
}

@test "-c with -t: to-tsv's counters, one set per table" {
	serial examples/*.txt
	run -0 --separate-stderr sh "$P" --counters --dir "$T/out" --tables person,meta examples/*.txt
	grep -q '^reporter:counter:readout,to-tsv.person.rows,52$' <<<"$stderr"
	grep -q '^reporter:counter:readout,to-tsv.meta.rows,14$' <<<"$stderr"
	grep -q '^reporter:counter:readout,to-tsv.meta.records_read,115$' <<<"$stderr"
	# the pipeline's counters first, as the serial run's; then the tables', in the order of -t
	[ "$(grep -v to-tsv <<<"$stderr")" = "$(cat "$T/serial.counters")" ]
	[ "$(grep -o 'to-tsv\.[a-z]*' <<<"$stderr" | uniq | tr '\n' ' ')" = "to-tsv.person to-tsv.meta " ]
}

# ---- exit status ----

@test "a file that cannot be read: reported, the rest processed, status 1" {
	serial examples/01-work-conference.txt examples/02-party-committee.txt
	run -1 --separate-stderr sh "$P" -k examples/01-work-conference.txt "$T/no-such-file" \
		examples/02-party-committee.txt
	assert_stderr_has "split-article: $T/no-such-file: cannot open"
	assert_stderr_has "parallel.sh: 1 job failed"
	[ "$output" = "$(cat "$T/serial.jsonl")" ]
	# -m pages: the script itself reports it
	run -1 --separate-stderr sh "$P" -m pages "$T/no-such-file" examples/05-form-feeds.txt
	assert_stderr_has "parallel.sh: $T/no-such-file: no such file"
	[ "$(grep -c '"type":"article"' <<<"$output")" -eq 3 ]
}

# ---- (d) options ----

@test "--help and -h print the usage to stdout and exit 0" {
	run -0 --separate-stderr sh "$P" --help
	[[ ${lines[0]} == "usage: parallel.sh "* ]]
	has "-j N" "-S LOGINS" "-d DIR" "-k" "-c" "-m MODE" "Exit status:"
	[ -z "$stderr" ]
	local long=$output
	run -0 sh "$P" -h
	[ "$output" = "$long" ]
}

@test "an unknown option is a usage error: status 2 and the usage on stderr" {
	run -2 --separate-stderr sh "$P" -x examples/01-work-conference.txt
	[ -z "$output" ]
	assert_stderr_has "parallel.sh: unknown option '-x'"
	assert_stderr_has "usage: parallel.sh"
	run -2 --separate-stderr sh "$P" --frobnicate
	assert_stderr_has "parallel.sh: unknown option '--frobnicate'"
	assert_stderr_has "usage: parallel.sh"
}

@test "-o and --output, the output folder's old names, say it is -d DIR now (status 2)" {
	local args
	for args in "-o out" "-oout" "-ko out" "--output out" "--output=out"; do
		# shellcheck disable=SC2086 # the words of $args are the arguments
		run -2 --separate-stderr sh "$P" $args examples/01-work-conference.txt
		[ -z "$output" ]
		assert_stderr_has "the output folder is -"
		assert_stderr_has "usage: parallel.sh"
	done
	[ ! -e out ]
}

@test "bad option values are usage errors (status 2)" {
	local args
	for args in "-j" "-j two" "-n 0 a b" "-b 10X" "-m bogus" "-t person" "-d d -t a/b" \
		"--counters=yes" "-a list examples/01-work-conference.txt" "-m files" \
		"-B /opt/readout/bin a b"; do
		# shellcheck disable=SC2086 # the words of $args are the arguments
		run -2 --separate-stderr sh "$P" $args </dev/null
		[ -z "$output" ]
		assert_stderr_has "usage: parallel.sh"
	done
}
