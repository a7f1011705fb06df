#!/usr/bin/env bats
# to-tsv TYPE:KEY columns: a field of the article or meta record of the row's article on every
# row, with no sort and no join (issue 18); the bad cases: a record whose article or meta is not
# in the stream, records in another order, a dotted KEY, names that are not TYPE:KEY.

load test_helper

setup() {
	T=$BATS_TEST_TMPDIR
	cd "$ROOT"
}

# day: the examples through extract-meta and extract-people into $T/day.jsonl
day() {
	split-article examples/*.txt | extract-meta | extract-people > "$T/day.jsonl"
}

# input LINE...: the lines as the input $T/in
input() {
	printf '%s\n' "$@" > "$T/in"
}

A1='{"type":"article","id":"a1","src":"p1.txt","line":1,"title":"Meeting One","header":[],"body":"b","footer":[]}'
M1='{"type":"meta","article":"a1","title":"Meeting One","published":null,"event_date":"2024-01-05","source":null,"location":"Hefei","org":"Huaxin","warnings":["x","y"]}'
P1='{"type":"person","article":"a1","name":"Zhou Jianguo","title":"chairman","role":"presided","mentions":2}'
P2='{"type":"person","article":"a1","name":"Lin Xiaohong","title":null,"role":"spoke","mentions":1}'
A2='{"type":"article","id":"a2","src":"p2.txt","line":1,"title":"Meeting Two","header":[],"body":"b","footer":[]}'
M2='{"type":"meta","article":"a2","title":"Meeting Two","published":null,"event_date":"2024-02-06","source":null,"location":"Jinan","org":"Bluestar","warnings":[]}'
P3='{"type":"person","article":"a2","name":"Hao Zhigang","title":"Party secretary","role":"presided","mentions":3}'

@test "TYPE:KEY: every person row carries its article's meta and article fields (golden)" {
	day
	run -0 --separate-stderr to-tsv -t person meta:event_date meta:location meta:org article:title name title role < "$T/day.jsonl"
	[ -z "$stderr" ]
	[ "${lines[0]}" = $'meta:event_date\tmeta:location\tmeta:org\tarticle:title\tname\ttitle\trole' ]
	assert_golden to-tsv/examples-person-meta.tsv
}

@test "TYPE:KEY gives what sort and join on the article id give" {
	day
	local tab=$'\t'
	to-tsv -H -t meta article event_date location < "$T/day.jsonl" | sort > "$T/meta.tsv"
	to-tsv -H -t person article name role < "$T/day.jsonl" | sort | join -t "$tab" "$T/meta.tsv" - | sort > "$T/joined"
	to-tsv -H -t person article meta:event_date meta:location name role < "$T/day.jsonl" | sort > "$T/one"
	[ "$(wc -l < "$T/one")" -gt 40 ]
	diff -u "$T/joined" "$T/one"
}

@test "TYPE:KEY: the meta record after the people (extract-people | extract-meta) fills them too" {
	split-article examples/*.txt | extract-people | extract-meta > "$T/a.jsonl"
	split-article examples/*.txt | extract-meta | extract-people > "$T/b.jsonl"
	run -0 to-tsv -t person meta:event_date article:src name < "$T/a.jsonl"
	local a=$output
	run -0 to-tsv -t person meta:event_date article:src name < "$T/b.jsonl"
	[ "$a" = "$output" ]
	[[ $output == *$'2023-07-12\texamples/01-work-conference.txt\tZhou Jianguo'* ]]
}

@test "TYPE:KEY on article rows: the meta record that follows the article fills its row" {
	input "$A1" "$P1" "$M1" "$A2" "$M2"
	run -0 --separate-stderr to-tsv -t article id meta:event_date meta:org title < "$T/in"
	assert_output_equal $'id\tmeta:event_date\tmeta:org\ttitle\na1\t2024-01-05\tHuaxin\tMeeting One\na2\t2024-02-06\tBluestar\tMeeting Two'
	# without -t: the type is the first that is not article, as ever
	run -0 to-tsv meta:org name < "$T/in"
	assert_output_equal $'meta:org\tname\nHuaxin\tZhou Jianguo'
}

@test "TYPE:KEY: of several records of TYPE in one article, the first is taken" {
	input "$A1" "$M1" "$P1" "$P2" "$A2" "$P3"
	run -0 to-tsv -H -t article id person:name < "$T/in"
	assert_output_equal $'a1\tZhou Jianguo\na2\tHao Zhigang'
}

@test "TYPE:KEY with a dotted KEY, an array, -H, --csv and -j" {
	input '{"type":"article","id":"a1","page":{"url":"http://x.cn/1","site":null},"title":"T"}' "$M1" "$P1"
	run -0 to-tsv -H -t person -j ' / ' article:page.url meta:warnings name < "$T/in"
	assert_output_equal $'http://x.cn/1\tx / y\tZhou Jianguo'
	run -0 to-tsv --csv -t person article:page meta:org name < "$T/in"
	assert_output_equal $'article:page,meta:org,name\r\n"{""url"":""http://x.cn/1"",""site"":null}",Huaxin,Zhou Jianguo\r'
}

@test "bad case: derived records whose article is not in the stream: empty cells, one warning, status 0" {
	extract-people -o examples/01-work-conference.txt > "$T/people.jsonl"
	run -0 --separate-stderr to-tsv -t person meta:event_date article:title name < "$T/people.jsonl"
	[ "${lines[1]}" = $'\t\tZhou Jianguo' ]
	[ "${#lines[@]}" -gt 3 ]
	[ "$(printf '%s\n' "$stderr" | grep -c 'meta: cells are left empty')" = 1 ]
	[ "$(printf '%s\n' "$stderr" | grep -c 'article: cells are left empty')" = 1 ]
	assert_stderr_has "to-tsv: -:1: no meta record of article '9c758e38440ad277' in the stream"
}

@test "bad case: an article with no meta record: its rows' meta cells empty, warned once; the next article's filled" {
	input "$A1" "$P1" "$P2" "$A2" "$M2" "$P3"
	run -0 --separate-stderr to-tsv -H -t person meta:location name < "$T/in"
	assert_output_equal $'\tZhou Jianguo\n\tLin Xiaohong\nJinan\tHao Zhigang'
	[ "$stderr" = "to-tsv: -:2: no meta record of article 'a1' in the stream (the records of an article follow it): its meta: cells are left empty (said once)" ]
}

@test "bad case: a meta record of another article is not taken; bad records between are skipped" {
	input "$A1" "$M2" "$P1" 'not json' "$A2" "$P3"
	run -1 --separate-stderr to-tsv -H -t person meta:location name < "$T/in"
	assert_output_equal $'\tZhou Jianguo\n\tHao Zhigang'
	assert_stderr_has "-:4: bad record"
	assert_stderr_has "no meta record of article 'a1'"
}

@test "names that are not TYPE:KEY stay plain or dotted FIELDs: 'a.b:c', 'x:', ':y', a key with a colon" {
	input '{"type":"x","a":{"b:c":1},"x:":2,":y":3,"k:v":4}'
	run -0 --separate-stderr to-tsv -H a.b:c x: :y < "$T/in"
	assert_output_equal $'1\t2\t3'
	[ -z "$stderr" ]
	# k:v is a TYPE:KEY column, but the record has a key spelt so: its value
	run -0 --separate-stderr to-tsv -H k:v < "$T/in"
	assert_output_equal 4
	[ -z "$stderr" ]
	# without such a key: type k, which is not in the stream
	run -0 --separate-stderr to-tsv -H k:w < "$T/in"
	assert_output_equal ''
	assert_stderr_has "no k record"
}

@test "TYPE:KEY over 3000 articles: every row gets its own article's fields" {
	awk 'BEGIN { for (i = 0; i < 3000; i++) {
		printf "{\"type\":\"article\",\"id\":\"%016x\",\"title\":\"T%d\"}\n", i, i
		for (j = 0; j < 3; j++) printf "{\"type\":\"person\",\"article\":\"%016x\",\"name\":\"N%d\"}\n", i, i
		printf "{\"type\":\"meta\",\"article\":\"%016x\",\"event_date\":\"D%d\"}\n", i, i } }' > "$T/in"
	run -0 bash -c 'to-tsv -H -t person meta:event_date article:title name < "$0" | awk -F"\t" "{ if (\$1 != \"D\" substr(\$3, 2) || \$2 != \"T\" substr(\$3, 2)) bad++ } END { print NR, bad + 0 }"' "$T/in"
	assert_output_equal "9000 0"
}
