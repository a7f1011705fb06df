#!/usr/bin/env bats
# split-article --seen FILE: each article once across runs (issue 18). The good path, and every
# bad case: a missing file (created), a damaged one (status 2, nothing written), a full disk for
# the file or for standard output (status 1, the file as it was), two jobs sharing the file (a
# lock), a file that cannot be opened, the option without its argument.

load test_helper

setup() {
	T=$BATS_TEST_TMPDIR
	cd "$ROOT"
	S=$T/ids
}

# ids OUTPUT: the ids of the article records in OUTPUT (a file), one a line
ids() {
	to-tsv -H -t article id < "$1"
}

@test "--seen: a missing file is created with the ids written, 17 bytes each" {
	[ ! -e "$S" ]
	run -0 --separate-stderr split-article --seen "$S" examples/01-work-conference.txt examples/02-party-committee.txt
	[ -z "$stderr" ]
	assert_line_count 2
	printf '%s\n' "$output" > "$T/out"
	[ "$(cat "$S")" = "$(ids "$T/out")" ]
	[ "$(wc -c < "$S")" -eq 34 ]
}

@test "--seen: the ids in the file are skipped, the new ones appended; a second night writes nothing" {
	split-article --seen "$S" examples/01-work-conference.txt > /dev/null
	split-article examples/*.txt > "$T/all"
	run -0 split-article --seen "$S" examples/*.txt
	printf '%s\n' "$output" > "$T/out"
	# every article but the first, in the order of a plain run
	[ "$(ids "$T/out")" = "$(ids "$T/all" | sed 1d)" ]
	[ "$(cat "$S")" = "$(ids "$T/all")" ]
	[ "$(wc -c < "$S")" -eq $((17 * $(wc -l < "$T/all"))) ]
	cp "$S" "$T/before"
	run -0 --separate-stderr split-article --seen "$S" examples/*.txt
	assert_output_equal ''
	[ -z "$stderr" ]
	cmp "$S" "$T/before"
}

@test "--seen implies -u: an article twice in one run is written once, its id appended once" {
	run -0 split-article --seen "$S" examples/01-work-conference.txt examples/01-work-conference.txt
	assert_line_count 1
	[ "$(wc -l < "$S")" -eq 1 ]
}

@test "--seen: ids in capitals are read too" {
	split-article examples/01-work-conference.txt > "$T/one"
	ids "$T/one" | tr a-f A-F > "$S"
	run -0 split-article --seen "$S" examples/01-work-conference.txt examples/02-party-committee.txt
	assert_line_count 1
	[[ $output == *'"src":"examples/02-party-committee.txt"'* ]]
	[ "$(wc -l < "$S")" -eq 2 ]
}

@test "bad case: a damaged file (a line that is not 16 hex digits): FILE:LINE, status 2, nothing written" {
	local line
	for line in '0123456789abcde' '0123456789abcdef0' '0123456789abcdeg' '' ' 0123456789abcdef' \
	    '0123456789abcdef ' $'0123456789abcdef\r'; do
		printf '%s\n' 1111111111111111 "$line" 2222222222222222 > "$S"
		cp "$S" "$T/before"
		run -2 --separate-stderr split-article --seen "$S" examples/01-work-conference.txt
		assert_output_equal ''
		[ "$stderr" = "split-article: $S:2: not an article id: the file of ids seen is damaged (each line must be the 16 hex digits of an article id); mend or remove the line" ]
		cmp "$S" "$T/before"
	done
}

@test "bad case: a last id with no newline (cut short, or edited by hand): status 2" {
	printf '1111111111111111\n2222222222222222' > "$S"
	run -2 --separate-stderr split-article --seen "$S" examples/01-work-conference.txt
	assert_output_equal ''
	assert_stderr_has "$S:2: no newline at the end of the file"
	printf '1111111111111111\n22222' > "$S"
	run -2 --separate-stderr split-article --seen "$S" examples/01-work-conference.txt
	assert_stderr_has "$S:2: not an article id"
	printf '\0\0\0\n' > "$S"
	run -2 --separate-stderr split-article --seen "$S" examples/01-work-conference.txt
	assert_stderr_has "$S:1: not an article id"
}

@test "bad case: the disk fills while the ids are appended: status 1, the file as it was" {
	# 60 ids (1020 bytes) and a file size limit of 1024 bytes: the new ids cannot all go in
	awk 'BEGIN { for (i = 0; i < 60; i++) printf "%016x\n", i }' > "$S"
	cp "$S" "$T/before"
	run -1 --separate-stderr bash -c 'trap "" XFSZ; ulimit -f 1; split-article --seen "$0" examples/*.txt > /dev/null' "$S"
	[ "$stderr" = "split-article: $S: cannot append the new ids: File too large (the file is as it was; this run's articles will be written again by the next)" ]
	cmp "$S" "$T/before"
	# the next run, with room, writes them and appends them all
	run -0 split-article --seen "$S" examples/*.txt
	[ "$(wc -l < "$S")" -eq $((60 + ${#lines[@]})) ]
}

@test "bad case: standard output is full: status 1, no id appended (the articles were not written)" {
	printf '%s\n' 1111111111111111 > "$S"
	cp "$S" "$T/before"
	run -1 --separate-stderr bash -c 'split-article --seen "$0" examples/*.txt > /dev/full' "$S"
	assert_stderr_has "write error: No space left on device"
	cmp "$S" "$T/before"
}

@test "bad case: two jobs share the file: the second waits for the first's lock and skips its articles" {
	[ -r /proc/locks ] || skip "no /proc/locks to see the lock taken"
	mkfifo "$T/fifo"
	split-article --seen "$S" < "$T/fifo" > "$T/a" 2> "$T/a.err" &
	local a=$!
	exec 5> "$T/fifo"	# job A runs: it locks the file, then waits for its input
	local i ino
	for i in $(seq 100); do
		[ -e "$S" ] && ino=$(ls -i "$S" | awk '{ print $1 }') && grep -q ":$ino " /proc/locks && break
		sleep 0.1
	done
	grep -q ":$ino " /proc/locks
	split-article --seen "$S" examples/01-work-conference.txt > "$T/b" 2> "$T/b.err" 5>&- &
	local b=$!
	sleep 0.3
	kill -0 "$b"	# job B is waiting for the lock
	cat examples/01-work-conference.txt >&5
	exec 5>&-
	wait "$a"
	wait "$b"
	[ "$(wc -l < "$T/a")" -eq 1 ]	# A wrote the article
	[ "$(wc -l < "$T/b")" -eq 0 ]	# B skipped it
	[ "$(wc -l < "$S")" -eq 1 ]
	[ ! -s "$T/a.err" ] && [ ! -s "$T/b.err" ]
}

@test "bad case: a file that cannot be opened (a directory, a missing folder): status 2, nothing written" {
	run -2 --separate-stderr split-article --seen "$T" examples/01-work-conference.txt
	assert_output_equal ''
	[ "$stderr" = "split-article: $T: cannot open the file of ids seen: Is a directory" ]
	run -2 --separate-stderr split-article --seen "$T/no/ids" examples/01-work-conference.txt
	assert_stderr_has "$T/no/ids: cannot open the file of ids seen: No such file or directory"
}

@test "bad case: --seen without FILE is a usage error" {
	run -2 --separate-stderr split-article examples/01-work-conference.txt --seen
	assert_output_equal ''
	[ "${stderr%%$'\n'*}" = "split-article: option --seen needs an argument" ]
}

@test "--seen=FILE is --seen FILE; after the FILEs too, with -v; a long option that takes none refuses '='" {
	run -0 --separate-stderr split-article examples/01-work-conference.txt --seen="$S" -v
	assert_line_count 1
	[ "$stderr" = "split-article: 1 article written, 0 duplicates dropped (-u)" ]
	[ "$(wc -c < "$S")" -eq 17 ]
	run -2 --separate-stderr to-tsv --csv=yes
	[ "${stderr%%$'\n'*}" = "to-tsv: option --csv takes no argument" ]
	run -2 --separate-stderr split-article --nosuch=1
	[ "${stderr%%$'\n'*}" = "split-article: unknown option '--nosuch'" ]
}

@test "--seen in --help and the man page, which says how big the file grows" {
	run -0 split-article --help
	[[ $output == *"--seen FILE"*"17 bytes each"* ]]
	grep -q '^\.Op Fl -seen Ar FILE' man/split-article.1
	grep -q '17 bytes' man/split-article.1
}

@test "--seen: a file of 100,000 ids in a regular pattern is read whole; the examples' ids among them are skipped" {
	awk 'BEGIN { for (i = 0; i < 100000; i++) printf "%08x%08x\n", i * 7919, i }' > "$S"
	split-article examples/*.txt | to-tsv -H id >> "$S"
	run -0 --separate-stderr split-article --seen "$S" examples/*.txt
	assert_output_equal ''
	[ -z "$stderr" ]
	[ "$(wc -l < "$S")" -eq $((100000 + $(split-article examples/*.txt | wc -l))) ]
}
