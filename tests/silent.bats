#!/usr/bin/env bats
# Nothing silently wrong (issue 13): every way a user gets an empty, partial or wrong table
# says so. Each test names the kind of failure it guards against.

load test_helper

setup() {
	T=$BATS_TEST_TMPDIR
	cd "$ROOT"
}

EXTRACTORS=(extract-meta extract-people extract-directives)

# badutf8 FILE: a record stream: a note, an article whose title and body hold "Blue\xffstar"
# (invalid UTF-8 inside JSON strings), a line that is not JSON at all
badutf8() {
	{
		echo '{"type":"note","text":"before"}'
		printf '%s\n' '{"type":"article","id":"00000000000000ab","src":"b.txt","line":1,"title":"Blue'$'\xff''star Holds Work Conference","header":[],"body":"On March 9, Blue'$'\xff''star held its work conference in Beijing. Hao Zhigang, chairman of Blue'$'\xff''star, presided over the meeting. He put forward two requirements. First, we must keep safety first. Second, we must cut costs.","footer":[]}'
		echo 'not JSON at all'
	} > "$1"
}

# kind: data lost (a record with invalid UTF-8 in a string was skipped with all it gives)
@test "invalid UTF-8 in a record's string: every extractor keeps the record, repaired, and derives from it; a warning; status 1" {
	badutf8 "$T/bad.jsonl"
	local t
	for t in "${EXTRACTORS[@]}"; do
		run -1 --separate-stderr "$BIN/$t" --counters "$T/bad.jsonl"
		assert_stderr_has "$t: $T/bad.jsonl:2: 3 invalid UTF-8 sequences in JSON strings replaced with U+FFFD, records kept (first on this line)"
		assert_stderr_has "$t: $T/bad.jsonl:3: bad record, skipped: "
		assert_stderr_has "reporter:counter:readout,chars_replaced,3"
		assert_stderr_has "reporter:counter:readout,articles,1"
		assert_stderr_has "reporter:counter:readout,records_rejected,1"
		# passed through repaired: valid UTF-8, U+FFFD where the bad byte was
		[[ ${lines[1]} == '{"type":"article","id":"00000000000000ab",'*'"title":"Blue'$'\xef\xbf\xbd''star Holds'* ]]
		printf '%s\n' "$output" | iconv -f UTF-8 -t UTF-8 > /dev/null
		[ "${#lines[@]}" -ge 3 ] || { echo "$t derived nothing"; return 1; }
	done
	run -1 --separate-stderr "$BIN/extract-people" -o "$T/bad.jsonl"
	has '"name":"Hao Zhigang","title":"chairman of Blue'$'\xef\xbf\xbd''star","role":"presided"'
	run -1 --separate-stderr "$BIN/extract-directives" -o "$T/bad.jsonl"
	[ "${#lines[@]}" -eq 2 ]
	run -1 --separate-stderr "$BIN/extract-meta" -o "$T/bad.jsonl"
	has '"location":"Beijing","org":"Blue'$'\xef\xbf\xbd''star"'
}

# kind: data lost, in to-tsv
@test "invalid UTF-8 in a record's string: to-tsv keeps the row, repaired; a warning; chars_replaced; status 1" {
	badutf8 "$T/bad.jsonl"
	run -1 --separate-stderr bash -c '"$0" --counters -t article id title < "$1"' "$BIN/to-tsv" "$T/bad.jsonl"
	assert_output_equal $'id\ttitle\n00000000000000ab\tBlue\uFFFDstar Holds Work Conference'
	assert_stderr_has "to-tsv: -:2: 3 invalid UTF-8 sequences in JSON strings replaced with U+FFFD, records kept (first on this line)"
	assert_stderr_has "to-tsv: -:3: bad record: "
	assert_stderr_has "reporter:counter:readout,chars_replaced,3"
	assert_stderr_has "reporter:counter:readout,rows,1"
}

@test "invalid UTF-8 outside a string, or with other faults, is still a bad record, not counted as replaced" {
	printf '{"type":"note",\xff"a":1}\n{"type":"note","a":"\xff",}\n' > "$T/bad.jsonl"
	run -1 --separate-stderr "$BIN/extract-meta" --counters "$T/bad.jsonl"
	[ -z "$output" ]
	assert_stderr_has "extract-meta: $T/bad.jsonl:1: bad record, skipped: "
	assert_stderr_has "extract-meta: $T/bad.jsonl:2: bad record, skipped: "
	assert_stderr_has "reporter:counter:readout,chars_replaced,0"
	assert_stderr_has "reporter:counter:readout,records_rejected,2"
}

@test "invalid UTF-8 in records: the warning is once per file, with the first line and the total" {
	{
		echo '{"type":"note","a":"ok"}'
		printf '{"type":"note","a":"\xc3("}\n'
		printf '{"type":"note","a":"\xe2\x82","b":"\xf0\x9f\x98"}\n'
	} > "$T/bad.jsonl"
	run -1 --separate-stderr "$BIN/extract-people" "$T/bad.jsonl"
	assert_stderr_has "extract-people: $T/bad.jsonl:2: 3 invalid UTF-8 sequences in JSON strings replaced with U+FFFD, records kept (first on this line)"
	[ "$(printf '%s\n' "$stderr" | wc -l)" -eq 1 ]
	[ "${#lines[@]}" -eq 3 ]
	[ "${lines[1]}" = $'{"type":"note","a":"\uFFFD("}' ]
	[ "${lines[2]}" = $'{"type":"note","a":"\uFFFD","b":"\uFFFD"}' ]
}

# kind: wrong input taken without a word (records given to split-article as if they were pages)
@test "split-article on a record stream: a warning with FILE:LINE, status 1, the text still split" {
	"$BIN/split-article" examples/01-work-conference.txt examples/02-party-committee.txt > "$T/day.jsonl"
	run -1 --separate-stderr "$BIN/split-article" "$T/day.jsonl"
	assert_stderr_has "split-article: $T/day.jsonl:1: looks like JSON records, not a page; split-article reads raw pages (the extractors and to-tsv read records)"
	[ "$(printf '%s\n' "$stderr" | wc -l)" -eq 1 ]
	[ -n "$output" ]
	# blank lines first, on standard input, among good pages: the same; only the file of records
	{ printf '\n \n'; cat "$T/day.jsonl"; } > "$T/lead.jsonl"
	run -1 --separate-stderr "$BIN/split-article" examples/01-work-conference.txt - < "$T/lead.jsonl"
	assert_stderr_has "split-article: -:3: looks like JSON records, not a page"
	[ "$(printf '%s\n' "$stderr" | wc -l)" -eq 1 ]
}

@test "split-article: a page that opens with a brace, or with JSON that is not a record, is a page" {
	printf '{"name":"not a record"}\nBluestar Holds Work Conference\n\nOn March 9, Bluestar held its work conference.\n' > "$T/a.txt"
	printf '{Draft} Bluestar Holds Work Conference\n\nOn March 9, Bluestar held its work conference.\n' > "$T/b.txt"
	run -0 --separate-stderr "$BIN/split-article" "$T/a.txt" "$T/b.txt"
	[ -z "$stderr" ]
	[ "${#lines[@]}" -eq 2 ]
}

# kind: records dropped without a count (split-article -u)
@test "split-article -u counts the duplicates it drops: --counters duplicates, -v on stderr" {
	local e=examples/01-work-conference.txt
	run -0 --separate-stderr "$BIN/split-article" -u --counters "$e" examples/*.txt "$e"
	[ "${#lines[@]}" -eq 14 ]
	assert_stderr_has "reporter:counter:readout,articles,14"
	assert_stderr_has "reporter:counter:readout,duplicates,2"
	run -0 --separate-stderr "$BIN/split-article" -uv "$e" examples/*.txt "$e"
	[ "$stderr" = "split-article: 14 articles written, 2 duplicates dropped (-u)" ]
	run -0 --separate-stderr "$BIN/split-article" -v "$e"
	[ "$stderr" = "split-article: 1 article written" ]
	run -0 --separate-stderr "$BIN/split-article" --counters "$e" "$e"
	assert_stderr_has "reporter:counter:readout,duplicates,0"
	run -0 --separate-stderr "$BIN/split-article" "$e" "$e"
	[ -z "$stderr" ] && [ "${#lines[@]}" -eq 2 ]
}

# day DIR: DIR/day.jsonl, the records of examples/*.txt with their people
day() {
	"$BIN/split-article" examples/*.txt | "$BIN/extract-people" > "$1/day.jsonl"
}

# kind: silent wrong output (a file name taken for a FIELD gave a header cell and status 0)
@test "to-tsv FILE: a file's name given as a FIELD is a usage error, status 2, nothing written" {
	day "$T"
	local f
	for f in day.jsonl "$T/day.jsonl" x.json y.ndjson; do
		run -2 --separate-stderr bash -c '"$0" "$1" < "$2"' "$BIN/to-tsv" "$f" "$T/day.jsonl"
		assert_stderr_has "to-tsv: '$f' is a file, not a field: to-tsv reads standard input, as in to-tsv [FIELD ...] < $f"
		assert_stderr_has "usage: to-tsv "
		[ -z "$output" ]
	done
	# options after it change nothing
	run -2 --separate-stderr bash -c '"$0" day.jsonl -H < "$1"' "$BIN/to-tsv" "$T/day.jsonl"
	# a FIELD spelt like a file of the current directory is a FIELD (standard input not a terminal)
	cd "$T"
	: > name
	run -0 --separate-stderr bash -c '"$0" -t person name < day.jsonl' "$BIN/to-tsv"
	[ "${lines[1]}" = "Zhou Jianguo" ]
}

# kind: silent empty table (a type no record has)
@test "to-tsv -t TYPE that no record has: a message naming the types there are, status 1" {
	day "$T"
	run -1 --separate-stderr bash -c '"$0" -t persons < "$1"' "$BIN/to-tsv" "$T/day.jsonl"
	[ -z "$output" ]
	[ "$stderr" = "to-tsv: no record of type 'persons' in the input (its types: article, person)" ]
	run -1 --separate-stderr bash -c '"$0" -t persons name < "$1"' "$BIN/to-tsv" "$T/day.jsonl"
	assert_output_equal "name"
	# input with no records at all is not an error
	run -0 --separate-stderr bash -c '"$0" -t persons name < /dev/null' "$BIN/to-tsv"
	assert_output_equal "name"
	[ -z "$stderr" ]
	printf '\n\n' > "$T/blank"
	run -0 --separate-stderr bash -c '"$0" -t persons < "$1"' "$BIN/to-tsv" "$T/blank"
	[ -z "$output" ] && [ -z "$stderr" ]
	# many types: the first sixteen named, then ...
	for i in $(seq 20); do echo "{\"type\":\"t$i\"}"; done > "$T/many"
	run -1 --separate-stderr bash -c '"$0" -t x < "$1"' "$BIN/to-tsv" "$T/many"
	assert_stderr_has "(its types: t1, t2, t3, t4, t5, t6, t7, t8, t9, t10, t11, t12, t13, t14, t15, t16, ...)"
}

# kind: silent blank column (a FIELD no record has)
@test "to-tsv FIELD that no record of the type has: a message naming it and the fields there are, status 1" {
	day "$T"
	run -1 --separate-stderr bash -c '"$0" -t person nmae role < "$1"' "$BIN/to-tsv" "$T/day.jsonl"
	[ "${lines[0]}" = $'nmae\trole' ]
	[ "${lines[1]}" = $'\tpresided' ]
	[ "$stderr" = "to-tsv: no 'person' record has the field 'nmae' (the first one has: article, name, title, role, mentions, roles, key)" ]
	# the default type too; a field some record has, a null, a dotted field that reaches a value: no message
	printf '%s\n' '{"type":"x","a":1}' '{"type":"x","b":null,"c":{"d":[1]}}' > "$T/x"
	run -0 --separate-stderr bash -c '"$0" a b c.d < "$1"' "$BIN/to-tsv" "$T/x"
	[ -z "$stderr" ]
	run -1 --separate-stderr bash -c '"$0" a c.e < "$1"' "$BIN/to-tsv" "$T/x"
	[ "$stderr" = "to-tsv: no 'x' record has the field 'c.e' (the first one has: a)" ]
	# without -t: the type found after articles read ahead; what the articles had does not count
	run -1 --separate-stderr bash -c '"$0" -H name body < "$1"' "$BIN/to-tsv" "$T/day.jsonl"
	[ "$stderr" = "to-tsv: no 'person' record has the field 'body' (the first one has: article, name, title, role, mentions, roles, key)" ]
	# a FIELD with ':' (another type's key) is not checked here
	run -0 --separate-stderr bash -c '"$0" a meta:title < "$1"' "$BIN/to-tsv" "$T/x"
	# the FIELD is also a file: said
	cd "$T"
	run -1 --separate-stderr bash -c '"$0" -t person day.txt < day.jsonl' "$BIN/to-tsv"
	: > day
	run -1 --separate-stderr bash -c '"$0" -t person day < day.jsonl' "$BIN/to-tsv"
	assert_stderr_has "to-tsv: no 'person' record has the field 'day' (the first one has: article, name, title, role, mentions, roles, key); 'day' is also a file: to-tsv reads standard input, as in to-tsv ... < day"
}

# kind: a table a spreadsheet breaks (formulas run, ids rounded, UTF-8 misread)
@test "to-tsv --excel: a BOM, CSV, formula-like cells made inert with a leading ', never a number, digit-only text kept as text" {
	printf '%s\n' '{"type":"x","id":"0123456789012345","a":"=HYPERLINK(\"http://e.x\")","b":-3,"c":"-3","d":"+1.5","e":"-0.2e3","f":"@SUM(A1)","g":"\tt","h":"a,b","i":"-x, \"q\"","j":12,"k":[1,2],"l":["=1"],"m":"-","n":"Hao’s “plan” – 中文","o":"\r1","p":"+","q":"1e5x"}' > "$T/x"
	run -0 --separate-stderr bash -c '"$0" --excel < "$1"' "$BIN/to-tsv" "$T/x"
	[ -z "$stderr" ]
	local want
	want=$(printf '\xef\xbb\xbfid,a,b,c,d,e,f,g,h,i,j,k,l,m,n,o,p,q\r\n%s\r\n' \
		"'0123456789012345,\"'=HYPERLINK(\"\"http://e.x\"\")\",-3,-3,+1.5,-0.2e3,'@SUM(A1),'"$'\t'"t,\"a,b\",\"'-x, \"\"q\"\"\",12,1; 2,'=1,'-,Hao’s “plan” – 中文,\"'"$'\r'"1\",'+,1e5x")
	[ "$output" = "$want" ] || { _show "want:" "$want" | od -c; printf '%s' "$output" | od -c; return 1; }
	# -H: the BOM still first; the article ids of examples/ through the whole pipeline
	run -0 --separate-stderr bash -c '"$0" --excel -H id < "$1"' "$BIN/to-tsv" "$T/x"
	[ "$output" = $'\xef\xbb\xbf\'0123456789012345\r' ]
	"$BIN/split-article" examples/*.txt | "$BIN/extract-people" > "$T/day.jsonl"
	run -0 --separate-stderr bash -c '"$0" -t person --excel article name mentions < "$1"' "$BIN/to-tsv" "$T/day.jsonl"
	[ "${lines[0]}" = $'\xef\xbb\xbfarticle,name,mentions\r' ]
	[[ ${lines[1]} == [0-9a-f]*,*,[0-9]$'\r' ]]
	# --csv alone is unchanged: no BOM, no '
	run -0 --separate-stderr bash -c '"$0" --csv id a < "$1"' "$BIN/to-tsv" "$T/x"
	[ "$output" = $'id,a\r\n0123456789012345,"=HYPERLINK(""http://e.x"")"\r' ]
	# no records: nothing, not even a BOM
	run -0 --separate-stderr bash -c '"$0" --excel < /dev/null' "$BIN/to-tsv"
	[ -z "$output" ]
}

# kind: false alarm on a day or a block without a rare type
@test "to-tsv -t TYPE of the toolkit that the input lacks (no directives today): status 0, no message" {
	day "$T"
	run -0 --separate-stderr bash -c '"$0" -t directive < "$1"' "$BIN/to-tsv" "$T/day.jsonl"
	[ -z "$output" ] && [ -z "$stderr" ]
	run -0 --separate-stderr bash -c '"$0" -t meta title < "$1"' "$BIN/to-tsv" "$T/day.jsonl"
	assert_output_equal "title"
	[ -z "$stderr" ]
}
