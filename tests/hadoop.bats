#!/usr/bin/env bats
# examples/hadoop-streaming.sh: Hadoop is not here, so the job is untested; its mapper,
# readout-map.sh (--mapper), is run as streaming runs it: in a task folder holding the tools
# (-files: run as ./NAME, not from PATH), its split on standard input (whole lines of records cut
# anywhere between lines; a whole file of raw pages), the records on stdout, the counters on
# stderr as reporter:counter: lines, summed over the tasks as streaming sums them; exit status 0
# for bad input (1), else the worst status, which fails the task.

load test_helper

setup() {
	T=$BATS_TEST_TMPDIR
	HS=$EX/hadoop-streaming.sh
	cd "$ROOT" || return 1
	# The task's folder, as -files lays it out: the tools and the mapper, and nothing on PATH.
	mkdir "$T/task"
	local t
	for t in split-article extract-meta extract-people extract-directives; do
		ln -s "$BIN/$t" "$T/task/$t"
	done
	sh "$HS" --mapper >"$T/task/readout-map.sh"
}

# task [ARG...]: run the mapper in the task folder with a bare PATH, stdin as given
task() {
	(cd "$T/task" && PATH=/usr/bin:/bin exec sh readout-map.sh "$@")
}

# sum_counters FILE...: the counter lines of the FILEs summed by name, as streaming sums them
sum_counters() {
	cat "$@" | awk -F , '/^reporter:counter:readout,/ { if (!($2 in s)) k[++n] = $2; s[$2] += $3 }
		END { for (i = 1; i <= n; i++) printf "%s %d\n", k[i], s[k[i]] }' | LC_ALL=C sort
}

# serial_counters TOOL...: the counters of the serial run, from $T/c.TOOL, named TOOL.NAME
serial_counters() {
	local t
	for t in "$@"; do
		sed -n "s/^reporter:counter:readout,/&$t./p" "$T/c.$t"
	done >"$T/serial.err"
	sum_counters "$T/serial.err"
}

@test "hadoop mapper, records: two splits cut between lines give the serial records and counters" {
	"$BIN/split-article" examples/*.txt >"$T/articles.jsonl"
	"$BIN/extract-meta" --counters <"$T/articles.jsonl" 2>"$T/c.extract-meta" |
		"$BIN/extract-people" --counters 2>"$T/c.extract-people" |
		"$BIN/extract-directives" --counters 2>"$T/c.extract-directives" >"$T/serial.jsonl"
	head -n 5 "$T/articles.jsonl" >"$T/split0"
	tail -n +6 "$T/articles.jsonl" >"$T/split1"
	task records <"$T/split0" >"$T/out0" 2>"$T/err0"
	task records <"$T/split1" >"$T/out1" 2>"$T/err1"
	cat "$T/out0" "$T/out1" | cmp - "$T/serial.jsonl"
	[ "$(sum_counters "$T/err0" "$T/err1")" = "$(serial_counters extract-meta extract-people extract-directives)" ]
	run -1 grep -v '^reporter:counter:readout,extract-[a-z]*\.[a-z_]*,[0-9]*$' "$T/err0" "$T/err1"
}

@test "hadoop mapper, pages: a whole file on stdin gives the serial records (src -) and counters" {
	local f i=0
	for f in examples/05-form-feeds.txt examples/01-work-conference.txt; do
		task <"$f" >"$T/out$i" 2>"$T/err$i"
		i=$((i + 1))
	done
	for f in examples/05-form-feeds.txt examples/01-work-conference.txt; do
		"$BIN/split-article" --counters <"$f" 2>>"$T/c.split-article" |
			"$BIN/extract-meta" --counters 2>>"$T/c.extract-meta" |
			"$BIN/extract-people" --counters 2>>"$T/c.extract-people" |
			"$BIN/extract-directives" --counters 2>>"$T/c.extract-directives"
	done >"$T/serial.jsonl"
	cat "$T/out0" "$T/out1" | cmp - "$T/serial.jsonl"
	grep -q '"src":"-","line":1,' "$T/out1"
	[ "$(sum_counters "$T/err0" "$T/err1")" = \
		"$(serial_counters split-article extract-meta extract-people extract-directives)" ]
}

@test "hadoop mapper: bad input is told and counted, and the task still succeeds (status 0)" {
	"$BIN/split-article" examples/01-work-conference.txt >"$T/articles.jsonl"
	{ cat "$T/articles.jsonl"; echo 'not a record'; } >"$T/split" # (a record first: records)
	run -0 --separate-stderr task records <"$T/split"
	assert_stderr_has "extract-meta: -:2: "
	assert_stderr_has "reporter:counter:readout,extract-meta.records_rejected,1"
	[ "$(grep -c '"type":"article"' <<<"$output")" -eq 1 ]
	printf 'Plant Visit\n\nThe Hua\377xin Group met on 3 May.\n' >"$T/bad.txt"
	run -0 --separate-stderr task <"$T/bad.txt"
	assert_stderr_has "split-article: -:3: 1 invalid UTF-8 sequence replaced"
	assert_stderr_has "reporter:counter:readout,split-article.chars_replaced,1"
}

@test "hadoop mapper: a tool missing or crashing fails the task with its status" {
	rm "$T/task/extract-people" # not shipped with -files; and not taken from PATH
	run -127 --separate-stderr task records </dev/null
	assert_stderr_has "extract-people: not found"
	ln -s "$BIN/extract-people" "$T/task/extract-people"
	# A tool killed by a signal (a crash): 128 + SIGSEGV's 11 on Linux.
	rm "$T/task/extract-meta"
	printf '#!/bin/sh\ncat >/dev/null\nkill -SEGV $$\n' >"$T/task/extract-meta"
	chmod +x "$T/task/extract-meta"
	run --separate-stderr task records <"$EX/01-work-conference.txt"
	[ "$status" -gt 128 ]
}

@test "hadoop-streaming.sh: --help, --mapper, and usage errors" {
	run -0 sh "$HS" --help
	[[ $output == *"usage: hadoop-streaming.sh pages|records INPUT OUTPUT"* ]]
	[[ $output == *"--mapper"* ]]
	run -0 sh "$HS" --mapper
	[[ ${lines[0]} == "#!/bin/sh" ]]
	run -2 sh "$HS" --mapper extra
	run -2 sh "$HS" pages only-input
	run -2 sh "$HS"
	# Without Hadoop: a message, not a job
	run -1 --separate-stderr env -u HADOOP_HOME sh "$HS" pages in out
	[ "$stderr" = "hadoop-streaming.sh: set HADOOP_HOME to where Hadoop is installed" ]
}
