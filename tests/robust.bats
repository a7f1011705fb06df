#!/usr/bin/env bats
# Robustness, end to end through the real tools in bin/ (GitHub issue "Robustness: fuzzed,
# sanitized, and nothing lost under bad input"): a 50 MB record, 10,000 articles in one stream,
# deep nesting, duplicate keys, numbers that overflow, \u0000, lone surrogates, a stream cut off
# mid-record, a closed pipe, a full disk, files that cannot be read among those that can, and
# "nothing lost" on generated inputs (tests/fixtures/robust/*.awk, fixed seeds). For each: the
# exact exit status (1 for bad input, never a signal), the message as PROG: FILE:LINE: message,
# and every good record around the bad one still written.
#
# Already tested elsewhere, and not repeated here: a 50 MB raw line (split-article.bats); 20 MB
# bodies (extract-meta.bats, extract-people.bats); 600 levels and 100000 '[' in the parser and
# the last of duplicate keys winning (lib.bats); a truncated one-record stream, a missing file
# and a directory among others, a full disk and a closed pipe on small inputs (tests/extractor.bash
# for each extractor, split-article.bats, to-tsv.bats); a key given twice and numbers as written
# in to-tsv (to-tsv.bats).

load test_helper

setup() {
	T=$BATS_TEST_TMPDIR
	R=$FIX/robust
	cd "$ROOT"
}

EXTRACTORS="extract-meta extract-people extract-directives"
# the records the extractors derive (grep basic regex)
DERIVED='^{"type":"\(meta\|person\|directive\)",'

# passed FILE: the lines of FILE (an extractor's output) less the derived records: what was
# passed through
passed() {
	LC_ALL=C grep -av "$DERIVED" "$1" || :
}

# derived FILE: the derived records of FILE
derived() {
	LC_ALL=C grep -a "$DERIVED" "$1" || :
}

# nonul FILE: FILE holds no NUL byte
nonul() {
	local n
	n=$(tr -dc '\000' < "$1" | wc -c)
	((n == 0)) || { _show "$1 holds $n NUL bytes"; return 1; }
}

# stderr_is LINE...: $stderr is exactly these lines
stderr_is() {
	local want
	want=$(printf '%s\n' "$@")
	[ "$stderr" = "$want" ] || { _show "expected stderr:" "$want" "actual stderr:" "$stderr"; return 1; }
}

# A shared input made once per run of this file, in $BATS_FILE_TMPDIR (written to a temporary
# name, then renamed, so that tests run in parallel do not see half a file).
shared() { # NAME COMMAND...: the file $BATS_FILE_TMPDIR/NAME, made by COMMAND > it
	local f=$BATS_FILE_TMPDIR/$1
	shift
	[ -s "$f" ] || { "$@" > "$f.$$" && mv "$f.$$" "$f"; }
}

# ---- a record of 50 MB ----

# big_stream MID [BODYFILE]: a record stream around article 00000000000000aa: a note, the
# article, a note, and the article of examples/01-work-conference.txt. The article's body: a lead
# in which Hao Zhigang puts forward a list of two; with MID=1, 25 MB of short paragraphs and one
# paragraph of 25 MB; then a last paragraph in which Yang Shihao, named nowhere else, puts forward
# a list of two. With MID=1 the article record is over 50 MB, and its body, as written in JSON,
# is also written to BODYFILE.
big_stream() {
	echo '{"type":"note","n":1}'
	awk -v mid="$1" -v bodyfile="${2:-}" '
		function put(s) { printf "%s", s; if (mid) printf "%s", s > bodyfile }
		function many(p, total,   s, i, n) {
			s = p
			while (length(s) < 100000)
				s = s s
			n = int(total / length(s)) + 1
			for (i = 0; i < n; i++)
				put(s)
		}
		BEGIN {
			printf "{\"type\":\"article\",\"id\":\"00000000000000aa\",\"src\":\"big.txt\",\"line\":1,\"title\":\"Tianhe Steel Group Holds Work Conference in Beijing\",\"header\":[\"Source: Tianhe Steel  Date: 2023-07-14\"],\"body\":\""
			put("On July 12, Tianhe Steel Group held its work conference in Beijing. Hao Zhigang, Party secretary and chairman of the group, presided over the meeting and put forward two requirements. First, we must work hard. Second, we must be careful.\\n")
			if (mid) {
				many("The meeting reviewed the work of the past year and studied the tasks ahead.\\n", 25000000)
				many("All units listened to the report and discussed it in groups. ", 25000000)
				put("\\n")
			}
			put("Yang Shihao, general manager of the group, spoke. He put forward two requirements. First, we must act at once. Second, we must win the market.")
			printf "\",\"footer\":[\"Copyright 2023 Tianhe Steel Group\"]}\n"
		}'
	echo '{"type":"note","n":2}'
	"$BIN/split-article" examples/01-work-conference.txt
}

# big: $BIG, the stream with the 50 MB record, $BIG.body its body, and $SMALL, the same stream
# without the middle
big() {
	BIG=$BATS_FILE_TMPDIR/big.jsonl
	SMALL=$BATS_FILE_TMPDIR/small.jsonl
	if [ ! -s "$BIG" ]; then
		big_stream 1 "$BIG.body.$$" > "$BIG.$$"
		mv "$BIG.body.$$" "$BIG.body"
		mv "$BIG.$$" "$BIG"
	fi
	shared small.jsonl big_stream 0
	local n
	n=$(sed -n 2p "$BIG" | wc -c)	# (not awk: mawk takes seconds over a line of 50 MB)
	((n > 50000000)) || { _show "the big record is $n bytes"; return 1; }
}

# big_through TOOL: TOOL on $BIG, into a file: status 0, nothing on stderr; every record passed
# through byte for byte and in order; the derived records those of the stream without the middle
# of the big article (so they come from its start and its end, and those of the records after it
# are there too)
big_through() {
	big
	run -0 --separate-stderr bash -c '"$0" "$1" > "$2"' "$BIN/$1" "$BIG" "$T/out"
	[ -z "$stderr" ]
	passed "$T/out" | cmp - "$BIG"
	"$BIN/$1" -o "$SMALL" > "$T/want"
	[ -s "$T/want" ]
	derived "$T/out" | cmp - "$T/want"
	rm -f "$T/out"
}

@test "a 50 MB article record: extract-meta passes it through and derives its meta record" {
	big_through extract-meta
	grep -q '^{"type":"meta","article":"00000000000000aa","title":"Tianhe Steel Group Holds Work Conference in Beijing","published":"2023-07-14","event_date":"2023-07-12",' "$T/want"
}

@test "a 50 MB article record: extract-people finds the people at its start and its end" {
	big_through extract-people
	grep -q '"article":"00000000000000aa","name":"Hao Zhigang",.*"role":"presided"' "$T/want"
	grep -q '"article":"00000000000000aa","name":"Yang Shihao",.*"role":"spoke"' "$T/want"
}

@test "a 50 MB article record: extract-directives finds the lists at its start and its end" {
	big_through extract-directives
	[ "$(grep -c '"article":"00000000000000aa"' "$T/want")" -eq 4 ]
	grep -q '"speaker":"Hao Zhigang","list":1,"n":2,.*"text":"we must be careful."' "$T/want"
	grep -q '"speaker":"Yang Shihao","list":2,"n":2,.*"text":"we must win the market."' "$T/want"
}

@test "a 50 MB article record: to-tsv writes its body as one cell, and the row after it" {
	big
	run -0 --separate-stderr bash -c '"$0" -H -t article id body < "$1" > "$2"' "$BIN/to-tsv" "$BIG" "$T/out"
	[ -z "$stderr" ]
	[ "$(wc -l < "$T/out")" -eq 2 ]
	# the body holds no escape but \n, which linear TSV writes as JSON does
	head -n 1 "$T/out" | cmp - <(printf '00000000000000aa\t'; cat "$BIG.body"; echo)
	[ "$(tail -n 1 "$T/out" | cut -f 1)" = 9c758e38440ad277 ]
	rm -f "$T/out"
}

# ---- 10,000 articles in one stream ----

# pages10k: 10,000 raw pages with form feeds between them, each with a headline of its own
# (so an id of its own), a Source:/Date: line, a lead in which Hao Zhigang presides and puts
# forward a list of two, and a copyright line
pages10k() {
	awk 'BEGIN {
		for (i = 1; i <= 10000; i++) {
			if (i > 1)
				printf "\f"
			printf "Tianhe Steel Group Holds Work Conference No. %d\n", i
			printf "Source: Tianhe Steel  Date: 2023-07-14\n\n"
			printf "On July 12, Tianhe Steel Group held its work conference %d in Beijing. Hao Zhigang, Party secretary and chairman of the group, presided over the meeting and put forward two requirements. First, we must work hard. Second, we must be careful.\n\n", i
			printf "Copyright © 2023 Tianhe Steel Group. All rights reserved.\n"
		}
	}'
}

# many: $PAGES, the 10,000 pages, and $MANY, the article records split-article makes of them
many() {
	PAGES=$BATS_FILE_TMPDIR/pages10k.txt
	MANY=$BATS_FILE_TMPDIR/many.jsonl
	shared pages10k.txt pages10k
	shared many.jsonl "$BIN/split-article" "$PAGES"
}

# many_through TOOL TYPE PER: TOOL on the 10,000 article records: status 0, nothing on stderr,
# the 10,000 passed through unchanged, PER records of TYPE derived from each article, each
# naming it; and the same derived records from the raw pages
many_through() {
	many
	run -0 --separate-stderr bash -c '"$0" "$1" > "$2"' "$BIN/$1" "$MANY" "$T/out"
	[ -z "$stderr" ]
	[ "$(grep -c '^{"type":"article",' "$T/out")" -eq 10000 ]
	passed "$T/out" | cmp - "$MANY"
	[ "$(grep -c "^{\"type\":\"$2\",\"article\":\"[0-9a-f]\\{16\\}\"," "$T/out")" -eq $((10000 * $3)) ]
	[ "$(derived "$T/out" | wc -l)" -eq $((10000 * $3)) ]
	# each article's records right after it, naming it
	awk '/^{"type":"article",/ { id = substr($0, 25, 16); next }
		substr($0, 1, 40) !~ /"article":"/ || index($0, "\"article\":\"" id "\"") == 0 { print NR ": " $0; bad = 1 }
		END { exit bad }' "$T/out"
	derived "$T/out" > "$T/derived"
	"$BIN/$1" -o "$PAGES" | cmp - "$T/derived"
}

@test "10,000 articles: split-article gives exactly 10,000 article records, ids all different" {
	many
	run -0 --separate-stderr bash -c '"$0" "$1" > "$2"' "$BIN/split-article" "$PAGES" "$T/out"
	[ -z "$stderr" ]
	cmp "$T/out" "$MANY"
	[ "$(grep -c '^{"type":"article","id":"[0-9a-f]\{16\}","src":' "$MANY")" -eq 10000 ]
	[ "$(wc -l < "$MANY")" -eq 10000 ]
	[ "$(grep -o '"id":"[0-9a-f]*"' "$MANY" | sort -u | wc -l)" -eq 10000 ]
	# the last page starts on line 6 * 9999 + 1
	tail -n 1 "$MANY" | grep -q '"line":59995,"title":"Tianhe Steel Group Holds Work Conference No. 10000"'
}

@test "10,000 articles: extract-meta passes them all through and derives a meta record from each" {
	many_through extract-meta meta 1
}

@test "10,000 articles: extract-people passes them all through and derives a person record from each" {
	many_through extract-people person 1
}

@test "10,000 articles: extract-directives passes them all through and derives two directives from each" {
	many_through extract-directives directive 2
}

@test "10,000 articles: to-tsv writes 10,000 rows and the header" {
	many
	run -0 --separate-stderr bash -c '"$0" -t article id src line < "$1" > "$2"' "$BIN/to-tsv" "$MANY" "$T/out"
	[ -z "$stderr" ]
	[ "$(wc -l < "$T/out")" -eq 10001 ]
	[ "$(head -n 1 "$T/out")" = $'id\tsrc\tline' ]
	tail -n +2 "$T/out" | cut -f 1 | cmp - <(cut -c 25-40 "$MANY")
}

# ---- deep nesting ----

# deep_stream FILE: a note; a note with 100000 '[' in a member; a line of 100000 '['; a note
# with 600 levels of objects in a member; a note at the limit (512 levels); the article of
# examples/01-work-conference.txt; a note
deep_stream() {
	{
		echo '{"type":"note","n":1}'
		printf '{"type":"note","x":'
		head -c 100000 /dev/zero | tr '\0' '['
		echo '}'
		head -c 100000 /dev/zero | tr '\0' '['
		echo
		printf '{"type":"note","deep":'
		head -c 600 /dev/zero | tr '\0' '{' | sed 's/{/{"a":/g'
		printf 1
		head -c 600 /dev/zero | tr '\0' '}'
		echo '}'
		printf '{"type":"note","limit":'
		head -c 511 /dev/zero | tr '\0' '['
		head -c 511 /dev/zero | tr '\0' ']'
		echo '}'
		"$BIN/split-article" examples/01-work-conference.txt
		echo '{"type":"note","n":2}'
	} > "$1"
}

# deep_through TOOL: status 1 (not a signal), lines 2 to 4 named, the rest as without them
deep_through() {
	deep_stream "$T/deep.jsonl"
	sed 2,4d "$T/deep.jsonl" > "$T/good.jsonl"
	run -1 --separate-stderr "$BIN/$1" "$T/deep.jsonl"
	stderr_is "$1: $T/deep.jsonl:2: bad record, skipped: nested too deeply (more than 512 levels) (column 531)" \
		"$1: $T/deep.jsonl:3: bad record, skipped: nested too deeply (more than 512 levels) (column 513)" \
		"$1: $T/deep.jsonl:4: bad record, skipped: nested too deeply (more than 512 levels) (column 2578)"
	[ "$output" = "$("$BIN/$1" "$T/good.jsonl")" ]
	[ "${lines[0]}" = '{"type":"note","n":1}' ]
	[ "${lines[1]}" = "$(sed -n 5p "$T/deep.jsonl")" ]
	[ "${lines[${#lines[@]} - 1]}" = '{"type":"note","n":2}' ]
	[ "$(printf '%s\n' "$output" | grep -c "$DERIVED")" -ge 1 ]
}

@test "deep nesting: extract-meta names each line, status 1, the next records still processed" {
	deep_through extract-meta
}

@test "deep nesting: extract-people names each line, status 1, the next records still processed" {
	deep_through extract-people
}

@test "deep nesting: extract-directives names each line, status 1, the next records still processed" {
	deep_through extract-directives
}

@test "deep nesting: to-tsv names each line, status 1, the next records still written" {
	deep_stream "$T/deep.jsonl"
	run -1 --separate-stderr bash -c '"$0" -t note n < "$1"' "$BIN/to-tsv" "$T/deep.jsonl"
	stderr_is "to-tsv: -:2: bad record: nested too deeply (more than 512 levels) (column 531)" \
		"to-tsv: -:3: bad record: nested too deeply (more than 512 levels) (column 513)" \
		"to-tsv: -:4: bad record: nested too deeply (more than 512 levels) (column 2578)"
	assert_output_equal $'n\n1\n\n2'
	run -1 --separate-stderr bash -c '"$0" -H -t article id < "$1"' "$BIN/to-tsv" "$T/deep.jsonl"
	assert_output_equal 9c758e38440ad277
}

# ---- duplicate keys: the last one wins (json_get, tests/lib.bats) ----

# dup_stream FILE: articles with two "body" (the second naming Yang Shihao and his list), two
# "id" (the first not 16 hex digits), "type" article then note (a note), and note then article
# (an article)
dup_stream() {
	cat > "$1" <<-'EOF'
		{"type":"article","id":"00000000000000ab","src":"x.txt","line":1,"title":"Tianhe Steel Group Holds Work Conference","header":[],"body":"Hao Zhigang presided over the meeting. He put forward two requirements. First, we must work hard. Second, we must be careful.","footer":[],"body":"Yang Shihao presided over the meeting. He put forward two requirements. First, we must act. Second, we must win."}
		{"type":"article","id":"zz","id":"00000000000000ac","src":"x.txt","line":2,"title":"Qinghe Group Holds Meeting","header":[],"body":"Qi Hong spoke at the meeting.","footer":[]}
		{"type":"article","type":"note","id":"00000000000000ad","title":"Not an Article","body":"Zhou Jianguo presided over the meeting."}
		{"type":"note","type":"article","id":"00000000000000ae","src":"y.txt","line":3,"title":"Tianhe Steel Group Holds Meeting","header":[],"body":"Luo Bin presided over the meeting.","footer":[]}
	EOF
}

# dup_through TOOL: status 0, nothing on stderr, every record byte for byte; the derived
# records are for the three articles, from the last body, none for the note
dup_through() {
	dup_stream "$T/dup.jsonl"
	run -0 --separate-stderr "$BIN/$1" "$T/dup.jsonl"
	[ -z "$stderr" ]
	printf '%s\n' "$output" > "$T/out"
	passed "$T/out" | cmp - "$T/dup.jsonl"
	derived "$T/out" > "$T/derived"
	if grep -q -e Hao -e Zhou -e 00000000000000ad "$T/derived"; then
		_show "derived from the wrong body or from the note:" "$(cat "$T/derived")"
		return 1
	fi
}

@test "duplicate keys: extract-meta passes the records through byte for byte, the last key wins" {
	dup_through extract-meta
	[ "$(grep -c '^{"type":"meta","article":"00000000000000a[bce]",' "$T/derived")" -eq 3 ]
}

@test "duplicate keys: extract-people passes the records through byte for byte, the last key wins" {
	dup_through extract-people
	run cat "$T/derived"
	assert_output_equal '{"type":"person","article":"00000000000000ab","name":"Yang Shihao","title":null,"role":"presided","mentions":1,"roles":["presided","spoke"],"key":"Yang Shihao"}
{"type":"person","article":"00000000000000ac","name":"Qi Hong","title":null,"role":"spoke","mentions":1,"roles":["spoke"],"key":"Qi Hong"}
{"type":"person","article":"00000000000000ae","name":"Luo Bin","title":null,"role":"presided","mentions":1,"roles":["presided"],"key":"Luo Bin"}'
}

@test "duplicate keys: extract-directives passes the records through byte for byte, the last key wins" {
	dup_through extract-directives
	run cat "$T/derived"
	assert_output_equal '{"type":"directive","article":"00000000000000ab","speaker":"Yang Shihao","list":1,"n":1,"of":2,"marker":"First","text":"we must act.","warnings":[]}
{"type":"directive","article":"00000000000000ab","speaker":"Yang Shihao","list":1,"n":2,"of":2,"marker":"Second","text":"we must win.","warnings":[]}'
}

# (a key given twice in one record is one column in to-tsv: tests/to-tsv.bats)
@test "duplicate keys: to-tsv takes the last type and the last body" {
	dup_stream "$T/dup.jsonl"
	run -0 --separate-stderr bash -c '"$0" -t article id body < "$1"' "$BIN/to-tsv" "$T/dup.jsonl"
	[ -z "$stderr" ]
	assert_output_equal $'id\tbody
00000000000000ab\tYang Shihao presided over the meeting. He put forward two requirements. First, we must act. Second, we must win.
00000000000000ac\tQi Hong spoke at the meeting.
00000000000000ae\tLuo Bin presided over the meeting.'
	run -0 --separate-stderr bash -c '"$0" -H -t note id < "$1"' "$BIN/to-tsv" "$T/dup.jsonl"
	assert_output_equal 00000000000000ad
}

# ---- numbers that overflow ----

# num_stream FILE: articles whose "line" (and an unknown key) are numbers no C type holds
num_stream() {
	local n i=0
	for n in 1e999999 123456789012345678901234567890 -0 1E+400 -99999999999999999999999 -1e-999999 0.000000000000000000000000000001; do
		i=$((i + 1))
		printf '{"type":"article","id":"00000000000000b%d","src":"n.txt","line":%s,"title":"Tianhe Steel Group Holds Work Conference","header":[],"body":"Hao Zhigang presided over the meeting. He put forward two requirements. First, we must work hard. Second, we must be careful.","footer":[],"x":%s}\n' "$i" "$n" "$n"
	done > "$1"
}

# num_through TOOL: status 0, nothing on stderr, every record unchanged, something derived from
# each of the 7 articles
num_through() {
	num_stream "$T/num.jsonl"
	run -0 --separate-stderr bash -c '"$0" "$1" > "$2"' "$BIN/$1" "$T/num.jsonl" "$T/out"
	[ -z "$stderr" ]
	passed "$T/out" | cmp - "$T/num.jsonl"
	[ "$(derived "$T/out" | grep -o '"article":"[0-9a-f]*"' | sort -u | wc -l)" -eq 7 ]
}

@test "numbers that overflow: extract-meta passes the records through unchanged" {
	num_through extract-meta
}

@test "numbers that overflow: extract-people passes the records through unchanged" {
	num_through extract-people
}

@test "numbers that overflow: extract-directives passes the records through unchanged" {
	num_through extract-directives
}

# (more numbers as written: tests/to-tsv.bats)
@test "numbers that overflow: to-tsv writes them as written" {
	num_stream "$T/num.jsonl"
	run -0 --separate-stderr bash -c '"$0" -H -t article id line x < "$1"' "$BIN/to-tsv" "$T/num.jsonl"
	[ -z "$stderr" ]
	assert_output_equal $'00000000000000b1\t1e999999\t1e999999
00000000000000b2\t123456789012345678901234567890\t123456789012345678901234567890
00000000000000b3\t-0\t-0
00000000000000b4\t1E+400\t1E+400
00000000000000b5\t-99999999999999999999999\t-99999999999999999999999
00000000000000b6\t-1e-999999\t-1e-999999
00000000000000b7\t0.000000000000000000000000000001\t0.000000000000000000000000000001'
}

# ---- \u0000 in strings ----

# nul_stream FILE: \u0000 in an article's title, header, body (with a list) and in a key and its
# value; a note with \u0000 in its type, a key and a value; an article without any (and no list)
nul_stream() {
	cat > "$1" <<-'EOF'
		{"type":"article","id":"00000000000000c1","src":"z.txt","line":1,"title":"Tianhe\u0000 Steel Group Holds Work Conference","header":["Date:\u0000 2023-07-14"],"body":"Hao Zhigang\u0000 presided over the meeting. Yang Shihao spoke. He put forward two requirements. First,\u0000 we must act. Second, we must win.\u0000","footer":[],"k\u0000ey":"v\u0000"}
		{"type":"note\u0000","a\u0000":"\u0000"}
		{"type":"article","id":"00000000000000c2","src":"z.txt","line":2,"title":"Tianhe Steel Group Holds Work Conference","header":[],"body":"Luo Bin presided over the meeting.","footer":[]}
	EOF
}

# nul_through TOOL N: status 0, every record unchanged, no NUL byte written, something derived
# from N articles
nul_through() {
	nul_stream "$T/nul.jsonl"
	run -0 --separate-stderr bash -c '"$0" "$1" > "$2"' "$BIN/$1" "$T/nul.jsonl" "$T/out"
	[ -z "$stderr" ]
	passed "$T/out" | cmp - "$T/nul.jsonl"
	nonul "$T/out"
	[ "$(derived "$T/out" | grep -o '"article":"[0-9a-f]*"' | sort -u | wc -l)" -eq "$2" ]
}

@test "\\u0000 in strings: extract-meta passes the records through unchanged, writes it escaped" {
	nul_through extract-meta 2
	grep -q '^{"type":"meta","article":"00000000000000c1","title":"Tianhe\\u0000 Steel Group Holds Work Conference",' "$T/out"
}

@test "\\u0000 in strings: extract-people passes the records through unchanged" {
	nul_through extract-people 2
}

@test "\\u0000 in strings: extract-directives passes the records through unchanged, writes it escaped" {
	nul_through extract-directives 1
	grep -q '"marker":"Second","text":"we must win.\\u0000",' "$T/out"
}

@test "\\u0000 in strings: to-tsv writes no NUL byte" {
	nul_stream "$T/nul.jsonl"
	run -0 --separate-stderr bash -c '"$0" -t article title header body < "$1" > "$2"' "$BIN/to-tsv" "$T/nul.jsonl" "$T/out"
	[ -z "$stderr" ]
	nonul "$T/out"
	[ "$(wc -l < "$T/out")" -eq 3 ]
	grep -q '^Tianhe.* Steel Group Holds Work Conference	Date:.* 2023-07-14	Hao Zhigang.* presided' "$T/out"
	run -0 --separate-stderr bash -c '"$0" -t article --csv title body < "$1" > "$2"' "$BIN/to-tsv" "$T/nul.jsonl" "$T/out"
	nonul "$T/out"
	# the note's keys as the header
	sed -n 2p "$T/nul.jsonl" > "$T/note.jsonl"
	run -0 --separate-stderr bash -c '"$0" < "$1" > "$2"' "$BIN/to-tsv" "$T/note.jsonl" "$T/out"
	nonul "$T/out"
	[ "$(wc -l < "$T/out")" -eq 2 ]
}

# ---- lone and misordered surrogates ----

# sur_stream FILE: "\ud800", "\udc00\ud800" and "\ud800x" in titles, bodies and a footer
sur_stream() {
	cat > "$1" <<-'EOF'
		{"type":"article","id":"00000000000000d1","src":"s.txt","line":1,"title":"Tianhe\ud800 Steel Group Holds Work Conference","header":[],"body":"Hao Zhigang\udc00\ud800 presided over the meeting. He put forward two requirements. First, we must act\ud800x. Second, we must win.","footer":["\ud800"]}
		{"type":"article","id":"00000000000000d2","src":"s.txt","line":2,"title":"\udc00\ud800","header":[],"body":"\ud800x Luo Bin presided over the meeting.","footer":[]}
		{"type":"note","s":"\ud800"}
	EOF
}

# sur_through TOOL: status 0, nothing on stderr, every record unchanged
sur_through() {
	sur_stream "$T/sur.jsonl"
	run -0 --separate-stderr bash -c '"$0" "$1" > "$2"' "$BIN/$1" "$T/sur.jsonl" "$T/out"
	[ -z "$stderr" ]
	passed "$T/out" | cmp - "$T/sur.jsonl"
}

@test "invalid surrogates: extract-meta passes the records through, U+FFFD in what it decodes" {
	sur_through extract-meta
	grep -q '^{"type":"meta","article":"00000000000000d1","title":"Tianhe� Steel Group Holds Work Conference",' "$T/out"
	grep -q '^{"type":"meta","article":"00000000000000d2","title":"��",' "$T/out"
}

@test "invalid surrogates: extract-people passes the records through, and finds Luo Bin" {
	sur_through extract-people
	grep -q '^{"type":"person","article":"00000000000000d2","name":"Luo Bin",' "$T/out"
}

@test "invalid surrogates: extract-directives passes the records through, U+FFFD in what it decodes" {
	sur_through extract-directives
	grep -q '^{"type":"directive","article":"00000000000000d1",.*"n":1,.*"text":"we must act�x.",' "$T/out"
	grep -q '^{"type":"directive","article":"00000000000000d1",.*"n":2,.*"text":"we must win.",' "$T/out"
}

@test "invalid surrogates: to-tsv writes U+FFFD for each" {
	sur_stream "$T/sur.jsonl"
	run -0 --separate-stderr bash -c '"$0" -t article title body footer < "$1"' "$BIN/to-tsv" "$T/sur.jsonl"
	[ -z "$stderr" ]
	assert_output_equal $'title\tbody\tfooter
Tianhe� Steel Group Holds Work Conference\tHao Zhigang�� presided over the meeting. He put forward two requirements. First, we must act�x. Second, we must win.\t�
��\t�x Luo Bin presided over the meeting.\t'
}

# ---- a stream cut off mid-record ----

# cut_streams: $T/head.jsonl, 40 records (article records of generated pages and notes), and in
# $T/last.N the last lines to try, each cut off: an article record cut after 1, 20 and 60 bytes,
# inside a string, inside a UTF-8 character (the © of its footer), one byte before its end; a
# note cut inside a \u escape, after a backslash and after a number
cut_streams() {
	LC_ALL=C awk -v seed=7 -v pages=40 -f "$R/pages.awk" > "$T/pages.txt"
	"$BIN/split-article" "$T/pages.txt" 2> /dev/null | awk '{ print; print "{\"type\":\"note\",\"i\":" NR "}" }' |
		head -n 40 > "$T/head.jsonl"
	[ "$(wc -l < "$T/head.jsonl")" -eq 40 ]
	local art k=0 n c len
	art=$(grep -m 1 '"footer":\[[^]]*©' "$T/head.jsonl")
	c=$(printf '%s' "${art%%©*}" | wc -c)
	len=$(printf '%s' "$art" | wc -c)
	for n in 1 20 60 200 $((c + 1)) $((len - 1)); do
		k=$((k + 1))
		printf '%s' "$art" | head -c "$n" > "$T/last.$k"
	done
	printf '{"type":"note","s":"abc\\u00' > "$T/last.7"
	printf '{"type":"note","s":"abc\\' > "$T/last.8"
	printf '{"type":"note","n":12' > "$T/last.9"
	NCUT=9
}

# cut_through TOOL: for each last line: status 1, one message, naming line 41; the output as on
# the 40 records alone
cut_through() {
	cut_streams
	local k want
	want=$("$BIN/$1" "$T/head.jsonl")
	for ((k = 1; k <= NCUT; k++)); do
		cat "$T/head.jsonl" "$T/last.$k" > "$T/cut.jsonl"
		run -1 --separate-stderr "$BIN/$1" "$T/cut.jsonl"
		[[ $stderr == "$1: $T/cut.jsonl:41: bad record, skipped: "* ]] || { _show "cut $k: $stderr"; return 1; }
		[ "$(printf '%s\n' "$stderr" | wc -l)" -eq 1 ]
		[ "$output" = "$want" ] || { _show "cut $k: the output differs"; return 1; }
	done
}

@test "a stream cut off mid-record: extract-meta names the last line, writes every earlier record" {
	cut_through extract-meta
}

@test "a stream cut off mid-record: extract-people names the last line, writes every earlier record" {
	cut_through extract-people
}

@test "a stream cut off mid-record: extract-directives names the last line, writes every earlier record" {
	cut_through extract-directives
}

@test "a stream cut off mid-record: to-tsv names the last line, writes every earlier row" {
	cut_streams
	local k want
	want=$("$BIN/to-tsv" -t article id title < "$T/head.jsonl")
	for ((k = 1; k <= NCUT; k++)); do
		cat "$T/head.jsonl" "$T/last.$k" > "$T/cut.jsonl"
		run -1 --separate-stderr bash -c '"$0" -t article id title < "$1"' "$BIN/to-tsv" "$T/cut.jsonl"
		[[ $stderr == "to-tsv: -:41: bad record: "* ]] || { _show "cut $k: $stderr"; return 1; }
		[ "$(printf '%s\n' "$stderr" | wc -l)" -eq 1 ]
		[ "$output" = "$want" ] || { _show "cut $k: the output differs"; return 1; }
	done
}

# ---- a closed pipe: TOOL ... | head -n 1 ----

# closed_pipe INPUT TOOL [ARG...]: TOOL ARG... < INPUT | head -n 1, on 10,000 articles: head
# prints one line, the tool says nothing and ends killed by SIGPIPE (141), or with status 1 if
# SIGPIPE is ignored, never by another signal; `timeout` turns a hang into a failure (124)
closed_pipe() {
	local in=$1
	shift
	run -0 --separate-stderr bash -c 'timeout 120 "${@:3}" < "$1" 2> "$2/err" | head -n 1 > "$2/head"
		echo "${PIPESTATUS[0]}"' _ "$in" "$T" "$@"
	[ -z "$stderr" ]
	[ ! -s "$T/err" ] || { _show "the tool wrote to stderr:" "$(cat "$T/err")"; return 1; }
	[ "$(wc -l < "$T/head")" -eq 1 ]
	[ "$output" = 141 ] || [ "$output" = 1 ] || { _show "status $output"; return 1; }
}

@test "a closed pipe: split-article | head -n 1 ends quietly" {
	many
	closed_pipe "$PAGES" "$BIN/split-article"
	grep -q '^{"type":"article",.*"line":1,"title":"Tianhe Steel Group Holds Work Conference No. 1",' "$T/head"
}

@test "a closed pipe: extract-meta | head -n 1 ends quietly, on records and on raw text" {
	many
	closed_pipe "$MANY" "$BIN/extract-meta"
	head -n 1 "$MANY" | cmp - "$T/head"
	closed_pipe "$PAGES" "$BIN/extract-meta" -o
	grep -q '^{"type":"meta",' "$T/head"
}

@test "a closed pipe: extract-people | head -n 1 ends quietly, on records and on raw text" {
	many
	closed_pipe "$MANY" "$BIN/extract-people"
	head -n 1 "$MANY" | cmp - "$T/head"
	closed_pipe "$PAGES" "$BIN/extract-people" -o
	grep -q '^{"type":"person",' "$T/head"
}

@test "a closed pipe: extract-directives | head -n 1 ends quietly, on records and on raw text" {
	many
	closed_pipe "$MANY" "$BIN/extract-directives"
	head -n 1 "$MANY" | cmp - "$T/head"
	closed_pipe "$PAGES" "$BIN/extract-directives" -o
	grep -q '^{"type":"directive",' "$T/head"
}

@test "a closed pipe: to-tsv | head -n 1 ends quietly" {
	many
	closed_pipe "$MANY" "$BIN/to-tsv" -t article
	[ "$(cat "$T/head")" = $'id\tsrc\tline\ttitle\theader\tbody\tfooter\tpage' ]
}

# ---- a full disk: /dev/full as standard output ----

# full TOOL [ARG...]: TOOL ARG... < $MANY (or $PAGES for split-article) > /dev/full: status 1,
# and one message, that it could not write, however much input is left
full() {
	[ -w /dev/full ] || skip "no /dev/full"
	many
	local in=$MANY
	[ "$1" != split-article ] || in=$PAGES
	run -1 --separate-stderr bash -c 'in=$1; shift; "$0" "$@" < "$in" > /dev/full' "$BIN/$1" "$in" "${@:2}"
	stderr_is "$1: write error: No space left on device"
	[ -z "$output" ]
}

@test "a full disk: split-article says so once, status 1" {
	full split-article
}

@test "a full disk: extract-meta says so once, status 1, with -o too" {
	full extract-meta
	full extract-meta -o
}

@test "a full disk: extract-people says so once, status 1, with -o too" {
	full extract-people
	full extract-people -o
}

@test "a full disk: extract-directives says so once, status 1, with -o too" {
	full extract-directives
	full extract-directives -o
}

@test "a full disk: to-tsv says so once, status 1, with --csv too" {
	full to-tsv -t article
	full to-tsv --csv id
}

@test "a full disk after bad input: still status 1 and the write error said" {
	[ -w /dev/full ] || skip "no /dev/full"
	printf '{"type":"note"\n' > "$T/bad.jsonl"
	"$BIN/split-article" examples/*.txt >> "$T/bad.jsonl"
	local tool
	for tool in $EXTRACTORS; do
		run -1 --separate-stderr bash -c '"$0" "$1" > /dev/full' "$BIN/$tool" "$T/bad.jsonl"
		assert_stderr_has "$tool: $T/bad.jsonl:1: bad record, skipped: "
		assert_stderr_has "$tool: write error: No space left on device"
	done
}

# ---- files that cannot be read among files that can ----

# files_setup: $T/a.jsonl (records), $T/b.txt (raw text), $T/dir (a directory), $T/locked.txt
# (mode 000)
files_setup() {
	"$BIN/split-article" examples/01-work-conference.txt examples/02-party-committee.txt > "$T/a.jsonl"
	cp examples/04-three-in-one.txt "$T/b.txt"
	mkdir -p "$T/dir"
	rm -f "$T/locked.txt"
	cp examples/03-hard-wrapped.txt "$T/locked.txt"
	chmod 000 "$T/locked.txt"
}

# files_through TOOL [ARG...]: TOOL ARG... on files with a nonexistent one and a directory among
# them: status 1, a message naming each, the others' records all written, in order
files_through() {
	files_setup
	local tool=$1
	shift
	"$BIN/$tool" "$@" "$T/a.jsonl" "$T/b.txt" > "$T/want"
	[ -s "$T/want" ]
	run -1 --separate-stderr "$BIN/$tool" "$@" "$T/nope.txt" "$T/a.jsonl" "$T/dir" "$T/b.txt" "$T/nope2.txt"
	stderr_is "$tool: $T/nope.txt: cannot open: No such file or directory" \
		"$tool: $T/dir: is a directory" \
		"$tool: $T/nope2.txt: cannot open: No such file or directory"
	printf '%s\n' "$output" | cmp - "$T/want"
}

# unreadable_through TOOL [ARG...]: the same with a file of mode 000
unreadable_through() {
	[ "$(id -u)" != 0 ] || skip "root can read a mode 000 file"
	files_setup
	local tool=$1
	shift
	"$BIN/$tool" "$@" "$T/a.jsonl" "$T/b.txt" > "$T/want"
	run -1 --separate-stderr "$BIN/$tool" "$@" "$T/a.jsonl" "$T/locked.txt" "$T/b.txt"
	stderr_is "$tool: $T/locked.txt: cannot open: Permission denied"
	printf '%s\n' "$output" | cmp - "$T/want"
}

@test "a nonexistent file and a directory among others: split-article names them, splits the rest" {
	files_setup
	"$BIN/split-article" examples/01-work-conference.txt "$T/b.txt" > "$T/want"
	run -1 --separate-stderr "$BIN/split-article" "$T/nope.txt" examples/01-work-conference.txt "$T/dir" "$T/b.txt" "$T/nope2.txt"
	stderr_is "split-article: $T/nope.txt: cannot open: No such file or directory" \
		"split-article: $T/dir: is a directory" \
		"split-article: $T/nope2.txt: cannot open: No such file or directory"
	printf '%s\n' "$output" | cmp - "$T/want"
	[ "${#lines[@]}" -eq 4 ]
}

@test "an unreadable file among others: split-article names it, splits the rest" {
	[ "$(id -u)" != 0 ] || skip "root can read a mode 000 file"
	files_setup
	"$BIN/split-article" examples/01-work-conference.txt "$T/b.txt" > "$T/want"
	run -1 --separate-stderr "$BIN/split-article" examples/01-work-conference.txt "$T/locked.txt" "$T/b.txt"
	stderr_is "split-article: $T/locked.txt: cannot open: Permission denied"
	printf '%s\n' "$output" | cmp - "$T/want"
}

@test "a nonexistent file and a directory among others: extract-meta names them, reads the rest" {
	files_through extract-meta
	files_through extract-meta -o
}

@test "a nonexistent file and a directory among others: extract-people names them, reads the rest" {
	files_through extract-people
}

@test "a nonexistent file and a directory among others: extract-directives names them, reads the rest" {
	files_through extract-directives
}

@test "an unreadable file among others: extract-meta names it, reads the rest" {
	unreadable_through extract-meta
}

@test "an unreadable file among others: extract-people names it, reads the rest" {
	unreadable_through extract-people
}

@test "an unreadable file among others: extract-directives names it, reads the rest" {
	unreadable_through extract-directives
}

@test "to-tsv reads standard input only: a directory or a closed one is reported, status 1" {
	mkdir "$T/dir"
	run -1 --separate-stderr bash -c '"$0" < "$1"' "$BIN/to-tsv" "$T/dir"
	stderr_is "to-tsv: -: is a directory"
	[ -z "$output" ]
	run -1 --separate-stderr bash -c '"$0" <&-' "$BIN/to-tsv"
	assert_stderr_has "to-tsv: -:1: read error: Bad file descriptor"
	[ -z "$output" ]
}

# ---- nothing lost, on generated input ----

SEEDS="1 2 3 4 5 6 12 22"

# pages SEED FILE: 300 random pages (tests/fixtures/robust/pages.awk)
pages() {
	LC_ALL=C awk -v seed="$1" -v pages=300 -f "$R/pages.awk" > "$2"
}

@test "nothing lost, generated pages: every non-blank line of split-article's input is in one record" {
	local s f bad first skipped=0
	for s in $SEEDS; do
		f=$T/pages-$s.txt
		pages "$s" "$f"
		run -1 --separate-stderr bash -c '"$0" "$1" > "$2"' "$BIN/split-article" "$f" "$T/rec"
		[ "$(wc -l < "$T/rec")" -ge 200 ]
		# the invalid UTF-8 reported with the line of the first, counted; pieces of
		# boilerplate alone skipped with their line; nothing else on stderr
		bad=$(LC_ALL=C tr -dc '\351\376\377' < "$f" | wc -c)
		first=$(LC_ALL=C grep -anm 1 $'\351' "$f" | cut -d: -f 1)
		assert_stderr_has "split-article: $f:$first: $((bad)) invalid UTF-8 sequences replaced with U+FFFD"
		printf '%s\n' "$stderr" | grep -v -e "^split-article: $f:[0-9]*: [0-9]* invalid UTF-8 sequences replaced with U+FFFD (first on this line; if the file is in another encoding, give it with -e ENC)$" \
			-e "^split-article: $f:[0-9]*: [0-9]* lines\{0,1\} of page navigation, metadata or footer and no article: skipped$" |
			{ ! grep .; } || { _show "seed $s: unexpected messages"; return 1; }
		skipped=$((skipped + $(printf '%s\n' "$stderr" | grep -c 'no article: skipped$' || :)))
		# every other line is in the records, in order (readout-lostcheck)
		LC_ALL=C awk -f "$R/skipped.awk" <(printf '%s\n' "$stderr") "$f" > "$T/kept.txt"
		run "$BIN/readout-lostcheck" "$T/kept.txt" "$T/rec"
		[[ $status == 0 && ${lines[${#lines[@]} - 1]} == "ok: "*" lines in "*" articles" ]] ||
			{ _show "seed $s: $output" "(LC_ALL=C awk -v seed=$s -v pages=300 -f tests/fixtures/robust/pages.awk)"; return 1; }
	done
	# some of the seeds make pieces of boilerplate alone
	((skipped > 0))
}

@test "nothing lost, generated pages: the extractors split raw text as split-article does" {
	local s tool
	for s in 2 3; do
		pages "$s" "$T/p.txt"
		"$BIN/split-article" "$T/p.txt" > "$T/rec" 2> /dev/null || :
		for tool in $EXTRACTORS; do
			run -1 --separate-stderr bash -c '"$0" "$1" > "$2"' "$BIN/$tool" "$T/p.txt" "$T/out"
			assert_stderr_has "$tool: $T/p.txt:"
			passed "$T/out" | cmp - "$T/rec"
			"$BIN/$tool" -o "$T/rec" | cmp - <(derived "$T/out")
		done
	done
}

# mixed SEED: $T/stream.jsonl, the article records of 300 random pages mixed with other records,
# blank lines and bad lines (tests/fixtures/robust/mix.awk); $T/good.jsonl its records that are
# good, in order; $T/badlines the numbers of its bad lines
mixed() {
	pages "$1" "$T/p.txt"
	"$BIN/split-article" "$T/p.txt" > "$T/rec" 2> /dev/null || :
	LC_ALL=C awk -v seed="$1" -f "$R/mix.awk" "$T/rec" > "$T/stream.jsonl"
	LC_ALL=C grep -a '^{' "$T/stream.jsonl" | LC_ALL=C grep -av bad-marker > "$T/good.jsonl"
	LC_ALL=C grep -an bad-marker "$T/stream.jsonl" | cut -d: -f 1 > "$T/badlines"
	[ "$(wc -l < "$T/badlines")" -ge 10 ]
}

@test "nothing lost, generated record streams: each extractor passes every good record through in order, names every bad line" {
	local s tool
	for s in 1 2 3; do
		mixed "$s"
		for tool in $EXTRACTORS; do
			run -1 --separate-stderr bash -c '"$0" "$1" > "$2"' "$BIN/$tool" "$T/stream.jsonl" "$T/out"
			# every good record, unchanged and in order: as many out as in
			passed "$T/out" | cmp - "$T/good.jsonl" || { _show "$tool, seed $s"; return 1; }
			# every bad line named with its number, and nothing else said
			[ "$(printf '%s\n' "$stderr" | sed 's/\(bad record, skipped: \).*/\1/')" = \
				"$(sed "s|.*|$tool: $T/stream.jsonl:&: bad record, skipped: |" "$T/badlines")" ] ||
				{ _show "$tool, seed $s: stderr:" "$stderr"; return 1; }
			# and the records derived from each article, right after it: those of the
			# article records alone
			"$BIN/$tool" -o "$T/rec" | cmp - <(derived "$T/out")
			awk '/^{"type":"article",/ { id = substr($0, 25, 16); next }
				/^{"type":"(meta|person|directive)",/ && index($0, "\"article\":\"" id "\"") == 0 { print NR ": " $0; bad = 1 }
				END { exit bad }' "$T/out"
		done
	done
}

@test "nothing lost, generated record streams: to-tsv writes a row for every good record, names every bad line" {
	local s
	for s in 1 2 3; do
		mixed "$s"
		run -1 --separate-stderr bash -c '"$0" -H -t note i < "$1"' "$BIN/to-tsv" "$T/stream.jsonl"
		[ "$output" = "$(LC_ALL=C grep -a '^{"type":"note",' "$T/good.jsonl" | sed 's/^{"type":"note","i":\([0-9]*\)}$/\1/; s/^{"type":"note","limit":.*//')" ]
		[ "$(printf '%s\n' "$stderr" | sed 's/\(bad record: \).*/\1/')" = \
			"$(sed 's|.*|to-tsv: -:&: bad record: |' "$T/badlines")" ] ||
			{ _show "seed $s: stderr:" "$stderr"; return 1; }
		run -1 --separate-stderr bash -c '"$0" -H -t article id < "$1"' "$BIN/to-tsv" "$T/stream.jsonl"
		[ "$output" = "$(LC_ALL=C grep -ao '^{"type":"article","id":"[0-9a-f]*"' "$T/good.jsonl" | cut -c 25-40)" ]
	done
}
