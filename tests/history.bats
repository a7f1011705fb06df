#!/usr/bin/env bats
# Each person's history (issue 18): the person record's "key" (person_key() through
# readout-libtest key, and extract-people on pages that write one name in several ways), and
# examples/history.sh on a stream built from examples/: one row per person and post, first and
# last date, number of articles; its bad cases.

load test_helper

setup() {
	T=$BATS_TEST_TMPDIR
	cd "$ROOT"
	H=$EX/history.sh
}

# variant N NAME DAY: examples/01 with Zhou Jianguo written NAME and the meeting on DAY, as $T/vN.txt
variant() {
	sed "s/Zhou Jianguo/$2/g; s/On July 12,/On $3,/" examples/01-work-conference.txt > "$T/v$1.txt"
}

# stream: the examples and three variants of 01, through extract-meta and extract-people
stream() {
	variant 1 'ZHOU Jianguo' 'May 3'
	variant 2 'Zhou Jian-guo' 'June 28'
	variant 3 'ZHOU JIANGUO' 'March 9'
	split-article examples/*.txt "$T"/v[123].txt | extract-meta | extract-people > "$T/day.jsonl"
}

@test "person_key: case, spacing and hyphens of one name meet" {
	run -0 "$BIN/readout-libtest" key <<'EOF2'
CAI Jun
Cai Jun
  cai   jun 
wei saiming
Wei Sai-ming
WEI SAI-MING
OUYANG Lihua
Zhang Chun'an
José Muñoz

EOF2
	assert_output_equal "[Cai Jun]
[Cai Jun]
[Cai Jun]
[Wei Saiming]
[Wei Saiming]
[Wei Saiming]
[Ouyang Lihua]
[Zhang Chun'an]
[José Muñoz]
[]"
}

@test "extract-people: key after roles; ZHOU Jianguo, Zhou Jian-guo and ZHOU JIANGUO have the key Zhou Jianguo" {
	stream
	run -0 bash -c 'to-tsv -H -t person name key < "$0" | grep -i "zhou" | sort -u' "$T/day.jsonl"
	assert_output_equal $'ZHOU JIANGUO\tZhou Jianguo\nZHOU Jianguo\tZhou Jianguo\nZhou Jian-guo\tZhou Jianguo\nZhou Jianguo\tZhou Jianguo'
	run -0 bash -c 'grep -m 1 "\"type\":\"person\"" "$0"' "$T/day.jsonl"
	[[ $output == *'"role":"presided","mentions":3,"roles":["presided","spoke"],"key":"Zhou Jianguo"}' ]]
}

@test "history.sh: one row per person and post, first and last date, number of articles (golden)" {
	stream
	run -0 --separate-stderr "$H" "$T/day.jsonl"
	[ -z "$stderr" ]
	[ "${lines[0]}" = $'key\tname\tpost\tfirst\tlast\tarticles' ]
	# four articles of 01, the name written four ways: one row, from March 9 to July 12 (of 2023)
	[[ $output == *$'\nZhou Jianguo\tZhou Jianguo\tParty secretary and chairman of the group\t2023-03-09\t2023-07-12\t4\n'* ]]
	[[ $output == *$'\nLin Xiaohong\tLin Xiaohong\tdeputy Party secretary and general manager of Huaxin Energy Group\t2023-03-09\t2023-07-12\t4\n'* ]]
	# a person with two posts in two articles: two rows
	[ "$(printf '%s\n' "$output" | grep -c $'^Xi Jinping\t')" -eq 2 ]
	assert_golden history/examples.tsv
}

@test "history.sh reads standard input too, and one article twice counts once" {
	stream
	run -0 "$H" "$T/day.jsonl"
	local files=$output
	run -0 bash -c '"$0" < "$1"' "$H" "$T/day.jsonl"
	[ "$output" = "$files" ]
	run -0 "$H" "$T/day.jsonl" "$T/day.jsonl"
	[ "$output" = "$files" ]
}

@test "history.sh: the dates are the meeting's, else the page's published date" {
	printf '%s\n' \
	    '{"type":"article","id":"a1"}' \
	    '{"type":"meta","article":"a1","published":"2024-05-02","event_date":null}' \
	    '{"type":"person","article":"a1","name":"wei saiming","title":"Mayor","key":"Wei Saiming"}' \
	    '{"type":"article","id":"a2"}' \
	    '{"type":"meta","article":"a2","published":"2024-06-09","event_date":"2024-06-07"}' \
	    '{"type":"person","article":"a2","name":"Wei Saiming","title":"mayor","key":"Wei Saiming"}' > "$T/in"
	run -0 "$H" "$T/in"
	assert_output_equal $'key\tname\tpost\tfirst\tlast\tarticles\nWei Saiming\twei saiming\tMayor\t2024-05-02\t2024-06-07\t2'
}

@test "history.sh bad case: person records with no meta or article records: empty dates, a warning, status 0" {
	extract-people -o examples/01-work-conference.txt > "$T/people.jsonl"
	run -0 --separate-stderr "$H" "$T/people.jsonl"
	[[ ${lines[1]} == *$'\t\t\t1' ]]
	assert_stderr_has "no meta record of article"
}

@test "history.sh bad case: a bad record is reported, the rest counted, status 1; a missing file: status 1" {
	stream
	{ echo 'not json'; cat "$T/day.jsonl"; } > "$T/bad.jsonl"
	run -1 --separate-stderr "$H" "$T/bad.jsonl"
	assert_stderr_has "to-tsv: -:1: bad record"
	[[ $output == *$'\nZhou Jianguo\tZhou Jianguo\tParty secretary and chairman of the group\t2023-03-09\t2023-07-12\t4\n'* ]]
	run -1 --separate-stderr "$H" "$T/no-such-file"
	assert_stderr_has "no-such-file"
	assert_output_equal $'key\tname\tpost\tfirst\tlast\tarticles'
}

@test "history.sh: --help, and an unknown option is a usage error" {
	run -0 "$H" --help
	[[ $output == *"one row per person and post"* ]]
	run -2 --separate-stderr "$H" -x
	assert_stderr_has "usage: history.sh [FILE ...]"
}
