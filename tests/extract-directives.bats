#!/usr/bin/env bats
# extract-directives: options (-o, -e, -l KIND:FILE), pass-through, raw text input, every form
# of marker (First, Firstly, First of all, One is to, The second is to, Six, 1. 2) (3) ①), lists
# (in one paragraph or several, mixed forms, restarts), the count announced and its warning,
# speakers (a name, He/She, Mr. X, the report, said X, the meeting: null), the ends of the
# items' text, what is not a directive, pages cut off, bad input, write errors, golden output
# on the fixtures (tests/fixtures/extract-directives/EXPECTED.md) and examples/, and the man
# page.

load test_helper
TOOL=extract-directives
load extractor

# item SPEAKER LIST N OF MARKER: $output has a record with these (SPEAKER and OF as JSON:
# '"Luo Bin"' or null, 4 or null)
item() {
	has "\"speaker\":$1,\"list\":$2,\"n\":$3,\"of\":$4,\"marker\":\"$5\",\"text\":"
}

# ends TEXT-END WARNINGS: an item's text ends with TEXT-END, exactly (WARNINGS as JSON)
ends() {
	has "$1\",\"warnings\":$2}"
}

# lines_with STRING N: exactly N lines of $output contain STRING
lines_with() {
	local got
	got=$(printf '%s\n' "$output" | grep -cF -- "$1" || :)
	if ((got != $2)); then
		_show "expected $2 lines with: $1" "actual $got:" "$output"
		return 1
	fi
}

# page [-n] PARAGRAPH...: a page in $T/page.txt: a headline, a date line, and these
# paragraphs with a blank line before each; -n leaves out the last newline
page() {
	local nl=$'\n' p text
	if [[ $1 == -n ]]; then
		nl=
		shift
	fi
	text="Tianhe Steel Group Holds Work Conference"$'\n'"Date: 2022-03-10"
	for p in "$@"; do text+=$'\n\n'"$p"; done
	printf '%s%s' "$text" "$nl" > "$T/page.txt"
}

# directives_of PARAGRAPH...: extract-directives -o on page PARAGRAPH...: status 0, nothing
# on stderr
directives_of() {
	page "$@"
	run -0 --separate-stderr "$BIN/extract-directives" -o "$T/page.txt"
	[ -z "$stderr" ] || { _show "stderr: $stderr"; return 1; }
}

LEAD="On March 9, Tianhe Steel Group held its work conference in Hefei. Qi Hong presided over the meeting."
ONE="all units must cut costs by 3 percent in every plant."
TWO="all plants must check every furnace before the end of May."
THREE="the sales teams must visit every customer in the province."
ONE_NOSTOP="all units must cut costs by 3 percent in every plant"

# records FILE: xt_records (tests/extractor.bash) with a body that holds a list of two
records() {
	xt_records "$1" "On March 9, Tianhe Steel Group held its work conference in Hefei.\\nLuo Bin put forward two requirements. First, $ONE Second, $TWO"
}

# ---- options ----

@test "--help prints the usage to stdout and exits 0" {
	run -0 --separate-stderr "$BIN/extract-directives" --help
	[ "${lines[0]}" = "usage: extract-directives [-o] [-e ENC] [-f html|text] [-l KIND:FILE] [--counters] [FILE ...]" ]
	has "-o, --only" "-e ENC" "-l KIND:FILE" "surnames," "syllables, posts, orgwords, presided, spoke, attended or speech" \
		"-h, --help" "--version" "extract-directives(1)"
	[ -z "$stderr" ]
}

@test "-h is --help" {
	xt_h_is_help
}

@test "--version prints the version" {
	xt_version_prints_the_version
}

@test "an unknown option is a usage error (status 2)" {
	xt_an_unknown_option_is_a_usage_error -x --frobnicate -O
}

@test "-e or -l without an argument is a usage error" {
	xt_an_option_without_its_argument -e -l
}

@test "-e with an encoding iconv does not know is a usage error" {
	xt_e_with_an_encoding_iconv_does_not_know
}

@test "-l with a KIND it does not know, or with no KIND, is a usage error" {
	xt_l_with_a_kind_it_does_not_know
}

@test "-l with a file that cannot be read is a usage error, with the file's name" {
	xt_l_with_a_file_that_cannot_be_read
}

@test "-o writes only the directive records; --only is -o" {
	xt_o_writes_only_the_derived_records \
		'^{"type":"directive","article":"[0-9a-f]\{16\}","speaker":\(null\|"[^"]*"\),"list":[1-9][0-9]*,"n":[1-9][0-9]*,"of":\(null\|[1-9][0-9]*\),"marker":"[^"]*","text":".*","warnings":\[.*\]}$' \
		-eq 35
}

# ---- the record stream ----

@test "without -o, each article record passes through byte for byte, its directive records right after it" {
	"$BIN/split-article" examples/*.txt > "$T/rec"
	run -0 --separate-stderr "$BIN/extract-directives" "$T/rec"
	[ -z "$stderr" ]
	# less the directive records, the output is the input
	printf '%s\n' "$output" | grep -v '^{"type":"directive",' | cmp - "$T/rec"
	# each directive record comes right after its article or another of the article's records
	printf '%s\n' "$output" | awk '
		/^{"type":"article",/ { id = $0; sub(/^.*"id":"/, "", id); id = substr(id, 1, 16); next }
		/^{"type":"directive",/ {
			if (index($0, "{\"type\":\"directive\",\"article\":\"" id "\",") != 1) { print "out of place: " NR; bad = 1 }
			next
		}
		{ print "other record: " NR; bad = 1 }
		END { exit bad }'
	[ "$(printf '%s\n' "$output" | grep -c '^{"type":"directive",')" -eq 35 ]
	# the records of one article are those of -o on it alone
	[ "$(printf '%s\n' "$output" | grep '^{"type":"directive","article":"9c758e38440ad277",')" = \
		"$("$BIN/extract-directives" -o examples/01-work-conference.txt)" ]
}

@test "every input record passes through byte for byte, unknown types and keys too; the directive records follow each article" {
	records "$T/rec"
	run -0 --separate-stderr "$BIN/extract-directives" "$T/rec"
	[ -z "$stderr" ]
	# less the directive records it wrote, the output is the input
	printf '%s\n' "$output" | grep -v '^{"type":"directive","article":"[0-9a-f]\{16\}","speaker":' | cmp - "$T/rec"
	[ "${#lines[@]}" -eq 12 ]
	[ "${lines[0]}" = '{"type":"note","text":"hello","n":[1,2,{"k":null}]}' ]
	[[ ${lines[1]} == '{"type":"article","id":"9c758e38440ad277",'* ]]
	[[ ${lines[2]} == '{"type":"directive","article":"9c758e38440ad277","speaker":"Zhou Jianguo","list":1,"n":1,'* ]]
	[[ ${lines[6]} == '{"type":"directive","article":"9c758e38440ad277","speaker":"Zhou Jianguo","list":1,"n":5,'* ]]
	[ "${lines[7]}" = '{ "type" : "person" ,  "article":"9c758e38440ad277", "name":"Xu Lei",	"role":"spoke" }' ]
	[[ ${lines[8]} == '{"type":"article" , "id" : "00000000000000ab",'*',"extra":{"k":[1, 2]},  "z":true}' ]]
	[ "${lines[9]}" = "{\"type\":\"directive\",\"article\":\"00000000000000ab\",\"speaker\":\"Luo Bin\",\"list\":1,\"n\":1,\"of\":2,\"marker\":\"First\",\"text\":\"$ONE\",\"warnings\":[]}" ]
	[ "${lines[10]}" = "{\"type\":\"directive\",\"article\":\"00000000000000ab\",\"speaker\":\"Luo Bin\",\"list\":1,\"n\":2,\"of\":2,\"marker\":\"Second\",\"text\":\"$TWO\",\"warnings\":[]}" ]
	[ "${lines[11]}" = '{"type":"meta","article":"0000000000000000","title":null,"x":"\u00e9\n"}' ]
}

@test "records of other types are neither changed nor used, directive records read included; with -o they are left out" {
	records "$T/rec"
	run -0 "$BIN/extract-directives" -o "$T/rec"
	[ "${#lines[@]}" -eq 7 ]
	hasnt "Xu Lei" '"type":"note"' '"type":"meta"' '"type":"article"'
	lines_with '"article":"9c758e38440ad277"' 5
	lines_with '"article":"00000000000000ab"' 2
	# directive records read pass through and do not count: the article's list is list 1
	"$BIN/extract-directives" -o examples/06-crlf-bom.txt > "$T/old"
	{ cat "$T/old"; "$BIN/split-article" examples/06-crlf-bom.txt; } > "$T/rec2"
	run -0 "$BIN/extract-directives" "$T/rec2"
	[ "${#lines[@]}" -eq 7 ]
	[ "$(printf '%s\n' "${lines[@]:0:3}")" = "$(cat "$T/old")" ]
	[ "$(printf '%s\n' "${lines[@]:4:3}")" = "$(cat "$T/old")" ]
}

@test "keys come in the documented order, always all of them; an article with no list has no directive records" {
	printf '%s\n' '{"type":"article","id":"00000000000000ac"}' \
		'{"type":"article","id":"00000000000000ad","title":null,"header":[],"body":"The output of the plant rose by 5 percent. First, it was a good year.","footer":[]}' \
		"{\"type\":\"article\",\"id\":\"00000000000000ae\",\"body\":\"The meeting required two things.\\nFirst, $ONE\\nSecond, $TWO\"}" > "$T/rec"
	run -0 --separate-stderr "$BIN/extract-directives" -o "$T/rec"
	[ -z "$stderr" ]
	assert_output_equal "$(printf '%s\n' \
		"{\"type\":\"directive\",\"article\":\"00000000000000ae\",\"speaker\":null,\"list\":1,\"n\":1,\"of\":2,\"marker\":\"First\",\"text\":\"$ONE\",\"warnings\":[]}" \
		"{\"type\":\"directive\",\"article\":\"00000000000000ae\",\"speaker\":null,\"list\":1,\"n\":2,\"of\":2,\"marker\":\"Second\",\"text\":\"$TWO\",\"warnings\":[]}")"
}

@test "strings are JSON-escaped; non-ASCII is written as UTF-8" {
	printf '%s\n' '{"type":"article","id":"00000000000000af","body":"Luo Bin put forward two requirements. First, all units must study the \"Safety Rules\" in C:\\rules\\ every week, \u00e9t\u00e9 \u5929\u6cb3.\tSecond, all plants must check every furnace before the end of May."}' > "$T/rec"
	run -0 --separate-stderr "$BIN/extract-directives" -o "$T/rec"
	[ -z "$stderr" ]
	assert_line_count 2
	has '"marker":"First","text":"all units must study the \"Safety Rules\" in C:\\rules\\ every week, été 天河.","warnings":[]}'
}

@test "blank lines in a record stream are skipped" {
	xt_blank_lines_in_a_record_stream_are_skipp
}

@test "records from extract-meta and extract-people pass through too; the directive records come right after the article" {
	"$BIN/extract-meta" examples/01-work-conference.txt | "$BIN/extract-people" > "$T/in"
	run -0 --separate-stderr "$BIN/extract-directives" "$T/in"
	[ -z "$stderr" ]
	[ "${lines[0]}" = "$(sed -n 1p "$T/in")" ]
	[ "$(printf '%s\n' "${lines[@]:1:5}")" = "$("$BIN/extract-directives" -o examples/01-work-conference.txt)" ]
	[ "$(printf '%s\n' "${lines[@]:6}")" = "$(sed 1d "$T/in")" ]
}

# ---- raw text input ----

@test "raw text gives the same bytes as split-article | extract-directives" {
	xt_raw_text_gives_the_same_bytes "$F"
}

@test "raw text: one file directly, and on standard input (src is -)" {
	xt_raw_text_one_file_directly_and_on_stdin
	[ "${#lines[@]}" -eq 6 ]
}

@test "raw text with blank lines before it is raw text still" {
	xt_raw_text_with_blank_lines_before_it_is_r
}

@test "raw text: -e converts the encoding, as split-article -e does" {
	xt_e_converts_the_encoding
	# neither encoded example holds a list
	run -0 --separate-stderr "$BIN/extract-directives" -o -e GBK examples/enc/gbk-district.txt
	[ -z "$output" ] && [ -z "$stderr" ]
	run -0 --separate-stderr "$BIN/extract-directives" -o -e LATIN1 examples/enc/latin1-delegation.txt
	[ -z "$output" ] && [ -z "$stderr" ]
}

@test "raw text: -e LATIN1 on a page with a list gives the records of the page in UTF-8" {
	page "$LEAD" "Dr. José Muñoz, president of the Green Port alliance, put forward two requirements. First, all units must study the café rules in every plant. Second, $TWO"
	iconv -f UTF-8 -t LATIN1 "$T/page.txt" > "$T/latin1.txt"
	run -1 cmp -s "$T/page.txt" "$T/latin1.txt" # the file is in Latin-1 now
	run -0 --separate-stderr "$BIN/extract-directives" -o -e LATIN1 "$T/latin1.txt"
	[ -z "$stderr" ]
	assert_line_count 2
	item '"José Muñoz"' 1 1 2 First
	ends "all units must study the café rules in every plant." '[]'
	# the same records as from the page in UTF-8 (the article id is the same)
	[ "$output" = "$("$BIN/extract-directives" -o "$T/page.txt")" ]
}

@test "each file decides for itself: records in one, raw text in the next" {
	xt_each_file_decides_for_itself examples/06-crlf-bom.txt 6
	[[ ${lines[5]} == *'"article":"feab6200301dba79",'* ]]
}

# ---- -l KIND:FILE: word lists at run time ----

@test "-l spoke: a verb the list lacks (laid down) makes its subject the speaker; without it, null" {
	# the built-in list does not have it
	run grep -ixF 'laid down' lib/lex/verbs-spoke.txt
	[ "$status" -eq 1 ]
	directives_of "$LEAD" "Luo Bin laid down the rules for the year. First, $ONE Second, $TWO"
	assert_line_count 2
	lines_with '"speaker":null,' 2
	item null 1 1 null First
	printf '# verbs that introduce lists\r\n\r\n  Laid Down  # as in: laid down the rules\r\n' > "$T/verbs"
	run -0 --separate-stderr "$BIN/extract-directives" -o -l "spoke:$T/verbs" "$T/page.txt"
	[ -z "$stderr" ]
	assert_line_count 2
	item '"Luo Bin"' 1 1 null First
	item '"Luo Bin"' 1 2 null Second
	# not as a verb of presiding or attending
	run -0 "$BIN/extract-directives" -o -l "presided:$T/verbs" -l "attended:$T/verbs" "$T/page.txt"
	lines_with '"speaker":null,' 2
}

@test "-l surnames and posts: a name or a reference the lists lack is found as the speaker" {
	directives_of "$LEAD" "Lee Ming then put forward two requirements. First, $ONE Second, $TWO"
	lines_with '"speaker":null,' 2
	echo lee > "$T/surnames"
	run -0 "$BIN/extract-directives" -o -l "surnames:$T/surnames" "$T/page.txt"
	lines_with '"speaker":"Lee Ming",' 2
	directives_of "$LEAD Luo Bin attended." "Quartermaster Luo put forward two requirements. First, $ONE Second, $TWO"
	lines_with '"speaker":null,' 2
	echo quartermaster > "$T/posts"
	run -0 "$BIN/extract-directives" -o -l "posts:$T/posts" "$T/page.txt"
	lines_with '"speaker":"Luo Bin",' 2
}

# ---- the fixtures: one test each; the records are those of EXPECTED.md ----

@test "markers: First, ... Fifth, in one paragraph" {
	fixture ordinals
	assert_line_count 5
	item '"Qiao Minghui"' 1 1 5 First
	item '"Qiao Minghui"' 1 5 5 Fifth
	# item 1 keeps its full stop and ends before "Second,"
	ends "lives above everything else." '[]'
	hasnt "Lei Hongbo" # presided, did not speak
}

@test "markers: Firstly, ... Fourthly, one per paragraph" {
	fixture ordinals-ly
	assert_line_count 4
	item '"Bai Shuying"' 1 1 4 Firstly
	item '"Bai Shuying"' 1 4 4 Fourthly
	# item 4 ends with its paragraph, before "Jiang Hongtao said that ..."
	ends "as procurement and sales." '[]'
	hasnt "Jiang Hongtao"
}

@test "markers: First, ... Tenth, one per paragraph" {
	fixture per-paragraph
	assert_line_count 10
	item '"Tang Shuhao"' 1 1 10 First
	item '"Tang Shuhao"' 1 6 10 Sixth
	item '"Tang Shuhao"' 1 10 10 Tenth
}

@test "markers: First of all, followed by Second, is item 1" {
	fixture first-of-all
	assert_line_count 3
	item '"Luo Jianhua"' 1 1 null "First of all"
	item '"Luo Jianhua"' 1 2 null Second
}

@test "markers: First of all with no second is no item; the list after it is list 1" {
	fixture first-of-all-alone
	assert_line_count 2
	hasnt '"First of all"' "warm congratulations" "For the first time"
	item '"Zou Changming"' 1 1 2 First
	item '"Zou Changming"' 1 2 2 Second
}

@test "markers: One is to, The second is to, The third is (a noun phrase), The fourth is to" {
	fixture one-is-to
	assert_line_count 4
	item '"Xie Wenjun"' 1 1 4 "One is to"
	item '"Xie Wenjun"' 1 2 4 "The second is to"
	item '"Xie Wenjun"' 1 3 4 "The third is"
	item '"Xie Wenjun"' 1 4 4 "The fourth is to"
	has '"marker":"The third is","text":"the rectification of problems: '
}

@test "markers: The first was to; lower case after ; and after , and; the separators are dropped" {
	fixture was-to
	assert_line_count 3
	item '"Wu Zhenyu"' 1 1 3 "The first was to"
	item '"Wu Zhenyu"' 1 2 3 "the second was to"
	item '"Wu Zhenyu"' 1 3 3 "the third was to"
	# the text ends without the ";" and the ", and" before the next marker
	ends "of fake agricultural materials" '[]'
	ends "the end of March" '[]'
	hasnt 'materials;"' 'March,"' 'March, and"'
}

@test "markers: One, Two, Three, Four, (bare cardinals), one per paragraph" {
	fixture bare-cardinal
	assert_line_count 4
	item '"Chen Shaoqing"' 1 1 4 One
	item '"Chen Shaoqing"' 1 4 4 Four
	hasnt "Qin Yali" "Zhu Hongwei"
}

@test "markers: 1. 2. 3. at the start of paragraphs; decimals and No. 3 are not markers" {
	fixture numbers
	assert_line_count 3
	item '"Cao Yunfeng"' 1 1 3 "1."
	item '"Cao Yunfeng"' 1 3 3 "3."
	ends "due before January 15." '[]'
}

@test "markers: (1) (2) (3) inline, then 1) 2) one per paragraph: two lists" {
	fixture numbers-paren
	assert_line_count 5
	item '"Liang Zhiping"' 1 1 3 "(1)"
	item '"Liang Zhiping"' 1 3 3 "(3)"
	item '"Du Xinyue"' 2 1 2 "1)"
	item '"Du Xinyue"' 2 2 2 "2)"
	ends "sales of high-end brands" '[]'
}

@test "markers: ① ... ④ inline after a colon" {
	fixture circled
	assert_line_count 4
	item '"Yao Guiying"' 1 1 4 "①"
	item '"Yao Guiying"' 1 4 4 "④"
	ends "8 percent of revenue" '[]'
}

@test "lists: One is to, The second is to, Third, Fourth, Fifth, make one list" {
	fixture mixed
	assert_line_count 5
	lines_with '"list":1,' 5
	item '"Guo Haifeng"' 1 2 5 "The second is to"
	item '"Guo Haifeng"' 1 3 5 Third
}

@test "markers in mid-sentence: 'emphasized that firstly,' and 'requested, firstly, to'" {
	fixture mid-sentence
	assert_line_count 6
	item '"Gao Yaping"' 1 1 null firstly
	item '"Gao Yaping"' 1 2 null Secondly
	item '"Sun Jianmin"' 2 1 null firstly
	item '"Sun Jianmin"' 2 3 null thirdly
	has '"marker":"firstly","text":"to take the findings of the '
}

@test "text: firstly; secondly; thirdly in a quotation end before the closing quotation mark" {
	fixture quoted-semicolons
	assert_line_count 3
	item '"Ke Jianping"' 1 1 null firstly
	item '"Ke Jianping"' 1 3 null thirdly
	ends "to a named official" '[]'
	ends "places most at risk." '[]'
	hasnt '”'
}

@test "count: a four-point proposal is 4; three requirements followed by four items warn on each" {
	fixture announced
	assert_line_count 8
	item '"Ren Zhiyuan"' 1 1 4 First
	item '"Ren Zhiyuan"' 1 4 4 Fourth
	item '"Fang Xiaoyu"' 2 1 3 First
	item '"Fang Xiaoyu"' 2 4 3 Fourth
	lines_with '"warnings":["announced 3 items, found 4"]}' 4
	lines_with '"list":2,' 4
	lines_with '"warnings":[]}' 4
}

@test "count: 'the following actions' announces none: of is null" {
	fixture following
	assert_line_count 3
	lines_with '"of":null,' 3
	item '"Han Dongliang"' 1 1 null First
	item '"Han Dongliang"' 1 3 null Third
}

@test "speaker: She, He after Chairman Kang, and Mr. Kang; two restarts make three lists" {
	fixture pronouns
	assert_line_count 7
	item '"Ye Huiling"' 1 1 3 First
	item '"Kang Weimin"' 2 1 2 First
	item '"Kang Weimin"' 3 1 2 firstly
	item '"Kang Weimin"' 3 2 2 secondly
}

@test "speaker: 'The report also put forward six requirements' is the report's presenter" {
	fixture report
	assert_line_count 6
	lines_with '"speaker":"Pan Shuhua",' 6
	item '"Pan Shuhua"' 1 6 6 Sixth
	hasnt "Lu Xiangdong" "Xue Guoliang"
}

@test "speaker: 'The meeting required', 'The conference emphasized' give null" {
	fixture meeting
	assert_line_count 7
	lines_with '"speaker":null,' 7
	item null 1 1 4 First
	item null 2 1 null first
	item null 2 3 null third
	hasnt "Cheng Guoqing" "Tan Lixia"
}

@test "speaker: a list in a quotation closed by ,” said Wei Dongsheng." {
	fixture said
	assert_line_count 3
	lines_with '"speaker":"Wei Dongsheng",' 3
	item '"Wei Dongsheng"' 1 1 3 First
	ends "one online ticketing platform" '[]'
	hasnt "Ma Xiulan" '”'
}

@test "lists: two speakers, the numbering restarts; third quarter and the like are not markers" {
	fixture two-lists
	assert_line_count 5
	item '"Shi Yanping"' 1 1 3 First
	item '"Shi Yanping"' 1 3 3 Third
	item '"Dong Jiahui"' 2 1 2 First
	item '"Dong Jiahui"' 2 2 2 Second
	ends "third- and fourth-tier cities." '[]'
}

@test "speaker: announced two paragraphs before the list, other subjects between" {
	fixture speaker-back
	assert_line_count 4
	lines_with '"speaker":"Xu Hanqing",' 4
	item '"Xu Hanqing"' 1 1 4 First
	hasnt "Zhong Ling"
}

@test "not directives: achievements, an agenda, narrative, first quarter, a lone First of all; then list 1" {
	fixture not-directives
	assert_line_count 2
	item '"Peng Shaojun"' 1 1 2 Firstly
	item '"Peng Shaojun"' 1 2 2 Secondly
	hasnt "the meeting heard" "revenue rose" "net profit" "to elect" "review the annual" \
		"thanked the employees" "first quarter"
}

@test "truncated: a page cut off mid-word inside item 3 keeps items 1 to 3" {
	fixture truncated
	assert_line_count 3
	item '"Liao Jinsong"' 1 3 3 Third
	ends "speed up the constr" '[]'
}

@test "truncated: cut off at 'Second, the gr': the fragment is not reported; a warning" {
	fixture truncated-fragment
	assert_line_count 1
	item '"Zeng Qingyun"' 1 1 4 First
	ends "the middle of March." '["announced 4 items, found 1"]'
	hasnt '"n":2'
}

@test "truncated: a lone First, running into the cut-off end is a list of one, with a warning" {
	fixture truncated-first
	assert_line_count 1
	item '"Yin Shaohua"' 1 1 3 First
	ends "of the third quart" '["announced 3 items, found 1"]'
}

# ---- kinds seen on articles never seen (issue 16): one fixture each ----

@test "markers: 'The first is to', 'two is to', 'three is to', 'the four is to' (a cardinal after 'the')" {
	fixture marker-the-cardinal
	assert_line_count 4
	item '"Qian Yongkang"' 1 1 4 "The first is to"
	item '"Qian Yongkang"' 1 2 4 "two is to"
	item '"Qian Yongkang"' 1 4 4 "the four is to"
	ends "finish the automation of the dyeing workshop" '[]'
}

@test "markers: 'One is', 'Second is', 'Third is' with no 'to'" {
	fixture marker-is-no-to
	assert_line_count 3
	item '"Shen Yuting"' 1 1 null "One is"
	item '"Shen Yuting"' 1 2 null "Second is"
	item '"Shen Yuting"' 1 3 null "Third is"
}

@test "markers: 'first we must' with no comma after the ordinal" {
	fixture marker-first-no-comma
	assert_line_count 3
	item null 1 1 null first
	has '"marker":"first","text":"we must keep the heating'
	item null 1 3 null third
}

@test "markers: '3 it is to' after 'First,' and 'Second,' with no space after the full stops" {
	fixture marker-digit-it-is
	assert_line_count 3
	item null 1 2 null Second
	item null 1 3 null "3 it is to"
	ends "rules of village affairs." '[]'
}

@test "markers: 'And lastly,' is the last item of a count announced" {
	fixture marker-and-lastly
	assert_line_count 3
	item '"Cao Wenbin"' 1 3 3 "And lastly"
	ends "hospitals before the end of the year." '[]'
}

@test "markers: 'Finally,' after a list that has its count is not an item; its text stays with the item before" {
	directives_of "$LEAD" "Luo Bin put forward two requirements. First, $ONE Second, $TWO Finally, he thanked the workers for their hard work."
	assert_line_count 2
	ends "he thanked the workers for their hard work." '[]'
	directives_of "$LEAD" "Luo Bin put forward requirements. First, $ONE Second, $TWO And finally, the group must check every furnace."
	assert_line_count 2
	hasnt '"marker":"And finally"'
}

@test "markers: 'one to take ...', 'two to keep ...' (the number, 'to' and a verb)" {
	fixture marker-one-to
	assert_line_count 3
	item '"Hou Xuemei"' 1 1 null "one to"
	item '"Hou Xuemei"' 1 2 null "two to"
	item '"Hou Xuemei"' 1 3 null "three to"
	has '"marker":"one to","text":"take measures'
}

@test "markers: items run on with no space after the marker ('First,check', '1.Move')" {
	fixture marker-no-space
	assert_line_count 5
	item '"Wei Hongjun"' 1 1 3 First
	has '"marker":"First","text":"check every tunnel portal'
	item '"Wei Hongjun"' 2 1 2 1.
	item '"Wei Hongjun"' 2 2 2 2.
}

@test "lists: items separated only by semicolons in one long sentence ('; secondly the', '; and fourthly the')" {
	fixture semicolons-one-sentence
	assert_line_count 4
	item '"Liang Shuwen"' 1 2 null secondly
	item '"Liang Shuwen"' 1 4 null fourthly
	ends "with a traceable code" '[]'
}

@test "the count: only from the sentence that introduces the list, not an earlier 'ten actions'" {
	fixture of-intro-only
	assert_line_count 3
	item '"Jiang Peilin"' 1 1 null First
	hasnt '"of":10' "announced"
}

@test "truncated: a page cut off right after the first marker of an announced list keeps that item" {
	fixture truncated-first-short
	assert_line_count 1
	item '"Tao Ruoxi"' 1 1 null First
	ends "it is necessary to" '[]'
}

@test "speaker: a surname in capitals and a given name in lower case ('ZHOU jian, general manager of ...')" {
	fixture speaker-caps-surname
	assert_line_count 3
	item '"ZHOU jian"' 1 1 null first
	item '"ZHOU jian"' 1 3 null third
}

@test "speaker: a post with a possessive before the name ('The Group's deputy Party secretary ... Fang Lizhi pointed out')" {
	fixture speaker-possessive-post
	assert_line_count 3
	item '"Fang Lizhi"' 1 1 null First
	item '"Fang Lizhi"' 1 3 null Third
}

@test "speaker: an all-lower-case page ('general manager xu pointed out ... firstly')" {
	fixture speaker-lowercase
	assert_line_count 3
	item '"xu"' 1 1 3 firstly
	item '"xu"' 1 3 3 thirdly
}

@test "speaker: named paragraphs before the list, with paragraphs of explanation between" {
	fixture speaker-paragraphs-before
	assert_line_count 3
	item '"Lu Zhenhai"' 1 1 null First
	item '"Lu Zhenhai"' 1 3 null Third
	hasnt "Song Weidong"
}

@test "speaker: not who presided, attended or conveyed requirements; 'This meeting', a long 'enlarged meeting of ...', 'The meeting, chaired by X,' are null" {
	fixture speaker-not-presider
	assert_line_count 9
	lines_with '"speaker":null,' 9
	item null 2 1 3 first
	item null 3 2 2 second
}

@test "speaker: 'Personnel from relevant departments put forward ...' is null, not the leader who spoke before" {
	fixture speaker-body-null
	assert_line_count 2
	lines_with '"speaker":null,' 2
}

@test "speaker: a second speaker's list starts again at 1 ('one to ...') and takes that speaker" {
	fixture second-speaker-restart
	assert_line_count 7
	item '"Gu Lihua"' 1 3 3 Third
	item '"Mo Jianguo"' 2 1 null "one to"
	item '"Mo Jianguo"' 2 4 null Fourth
	ends "keep the access road open in the rain." '[]'
}

@test "lists: every item after a header layout ('The meeting emphasized:' then a heading per item)" {
	fixture header-layout
	assert_line_count 3
	item null 1 1 null First
	item null 1 3 null Third
}

@test "not directives: the purposes of a visit ('firstly to ...', 'firstly, to ...', 'The purposes of the visit were:')" {
	fixture not-visit-purposes
	[ -z "$output" ]
}

@test "not directives: achievements told in the past ('first, it completed ...; third, we opened ...')" {
	fixture not-achievements-past
	[ -z "$output" ]
}

@test "not directives: agenda items ('deliberated and adopted the following items', 'approved two resolutions')" {
	fixture not-agenda
	[ -z "$output" ]
}

@test "speaker: 'The meeting requires ...' (a verb in the present) is null, not who spoke before" {
	directives_of "$LEAD" "Luo Bin delivered a speech. The meeting requires all units to do two things: first, $ONE_NOSTOP; second, $TWO"
	assert_line_count 2
	lines_with '"speaker":null,' 2
}

@test "speaker: 'The leaders attending the meeting put forward ...' is null" {
	directives_of "$LEAD" "Luo Bin delivered a speech. The leaders attending the meeting put forward suggestions: first, $ONE_NOSTOP; second, $TWO"
	assert_line_count 2
	lines_with '"speaker":null,' 2
}

@test "speaker: a full name in lower case before its post ('luo bin, general manager of the group, ...')" {
	directives_of "on march 9, tianhe steel group held its work conference. luo bin, general manager of the group, put forward two requirements: first, $ONE_NOSTOP; second, $TWO"
	assert_line_count 2
	lines_with '"speaker":"luo bin",' 2
}

@test "speaker: a surname alone after a post ('Secretary Hu put forward') is the speaker as written, not who presided" {
	directives_of "$LEAD" "Secretary Hu put forward two requirements: first, $ONE_NOSTOP; second, $TWO"
	assert_line_count 2
	lines_with '"speaker":"Hu",' 2
	hasnt "Qi Hong"
}

@test "markers: 'The first is to ..., the second is to ..., the third is to ...' separated by commas" {
	directives_of "$LEAD" "Luo Bin put forward three requirements. The first is to cut costs in every plant, the second is to check every furnace, the third is to visit every customer."
	assert_line_count 3
	item '"Luo Bin"' 1 2 3 "the second is to"
	ends "cut costs in every plant" '[]'
}

@test "not directives: achievements 'in the past year' told with verbs in the past ('cut', 'paid', 'rose')" {
	directives_of "$LEAD" "Luo Bin pointed out that in the past year, first, the group cut its costs by 5 percent; second, the group paid all its suppliers on time; third, revenue rose 8 percent."
	[ -z "$output" ]
}

@test "items: demands reported in the past ('First, he emphasized the need to ...; Second, he stressed ...')" {
	directives_of "$LEAD" "Luo Bin outlined two requirements. First, he emphasized the need to cut costs in every plant. Second, he stressed the importance of checking every furnace."
	assert_line_count 2
	item '"Luo Bin"' 1 1 2 First
	item '"Luo Bin"' 1 2 2 Second
}

@test "speaker: 'A presided over the meeting and B put forward ...' is B, the subject of the clause that says it" {
	directives_of "On March 9, Tianhe Steel Group held its work conference in Hefei. Qi Hong presided over the meeting and Luo Bin put forward two requirements: first, $ONE_NOSTOP; second, $TWO"
	assert_line_count 2
	lines_with '"speaker":"Luo Bin",' 2
}

@test "speaker: 'The meeting was presided over by B, who put forward ...' is B" {
	directives_of "$LEAD" "Wang Hao made a report. The closing session was presided over by Luo Bin, who put forward two requirements: first, $ONE_NOSTOP; second, $TWO"
	assert_line_count 2
	lines_with '"speaker":"Luo Bin",' 2
}

@test "speaker: 'The speech of Party secretary B put forward ...' is B, not who spoke before" {
	directives_of "$LEAD" "Wang Hao made a report. The speech of Party secretary Luo Bin put forward two requirements: first, $ONE_NOSTOP; second, $TWO"
	assert_line_count 2
	lines_with '"speaker":"Luo Bin",' 2
}

@test "markers: 'Finally, the meeting closed ...' (a fact) is no last item even when it makes the count" {
	directives_of "$LEAD" "Luo Bin put forward three requirements. First, $ONE Second, $TWO Finally, the meeting closed with the singing of the national anthem."
	assert_line_count 2
	ends "the singing of the national anthem." '["announced 3 items, found 2"]'
}

@test "markers: 'Finally, Luo Bin stressed that ...' in the next paragraph is the last item of the count" {
	directives_of "$LEAD" "Luo Bin put forward three requirements. First, $ONE Second, $TWO" "Finally, Luo Bin stressed that $THREE"
	assert_line_count 3
	item '"Luo Bin"' 1 3 3 Finally
}

# ---- more cases, each on a tiny page ----

@test "not markers: the first quarter, the first half, for the first time" {
	directives_of "$LEAD" \
		"In the first quarter, all units must raise output by 5 percent in every plant of the group." \
		"In the first half, all plants must check every furnace of the group." \
		"For the first time, the group must export rails to every country in the region." \
		"Second, $TWO"
	[ -z "$output" ]
	directives_of "$LEAD" "The first quarter is over, and the first half will be hard. For the first time, $ONE Second, $TWO"
	[ -z "$output" ]
}

@test "markers: First of all with no second gives nothing; with a second it is item 1" {
	directives_of "$LEAD" "First of all, Luo Bin thanked all the employees for their hard work in the past year. Then he reviewed the work of the year."
	[ -z "$output" ]
	directives_of "$LEAD" "First of all, $ONE"
	[ -z "$output" ]
	directives_of "$LEAD" "Luo Bin put forward two requirements. First of all, $ONE Second, $TWO"
	assert_line_count 2
	item '"Luo Bin"' 1 1 2 "First of all"
}

@test "markers: 'The meeting firstly reported ...' (no comma, mid-sentence) is not a marker" {
	directives_of "$LEAD" "Luo Bin put forward two requirements. The meeting firstly reported that $ONE Secondly, $TWO"
	[ -z "$output" ]
	# with "Firstly," it is a list
	directives_of "$LEAD" "Luo Bin put forward two requirements. Firstly, $ONE Secondly, $TWO"
	assert_line_count 2
}

@test "markers: decimals (1.85 billion) and numbers in the text are not markers" {
	directives_of "$LEAD" "Luo Bin put forward two requirements. Revenue reached 1.85 billion yuan, and 2.3 billion yuan was invested in 2. phases. First, $ONE Second, $TWO"
	assert_line_count 2
	hasnt '"marker":"1' '"marker":"2' '85 billion'
	item '"Luo Bin"' 1 1 2 First
	directives_of "$LEAD" "Luo Bin reported that revenue reached 1.85 billion yuan. 2.3 billion yuan was invested."
	[ -z "$output" ]
}

@test "lists: numbering that restarts at 1 starts list 2" {
	directives_of "$LEAD" "Luo Bin put forward two requirements. First, $ONE Second, $TWO" \
		"Qi Hong put forward two requirements. First, $THREE Second, all units must report their costs every month."
	assert_line_count 4
	item '"Luo Bin"' 1 1 2 First
	item '"Luo Bin"' 1 2 2 Second
	item '"Qi Hong"' 2 1 2 First
	item '"Qi Hong"' 2 2 2 Second
	ends "$TWO" '[]'
	# in one paragraph too; the last item of list 1 does not run into list 2's items
	directives_of "$LEAD Luo Bin put forward two requirements. First, $ONE Second, $TWO Qi Hong put forward two requirements. First, $THREE Second, all units must report their costs every month."
	assert_line_count 4
	item '"Luo Bin"' 1 2 2 Second
	item '"Qi Hong"' 2 1 2 First
	[[ ${lines[1]} != *"$THREE"* ]]
	# nor takes in the sentence that introduces list 2 (a regression)
	[[ ${lines[1]} != *"Qi Hong"* ]] || { _show "item 2 of list 1 runs into list 2's introduction:" "${lines[1]}"; return 1; }
}

@test "markers: the ordinals run to Twelfth and Twelfthly (a regression: Twelfthly was lost)" {
	local body="Luo Bin put forward twelve requirements." w
	for w in Firstly Secondly Thirdly Fourthly Fifthly Sixthly Seventhly Eighthly Ninthly Tenthly Eleventhly Twelfthly; do
		body="$body $w, $ONE"
	done
	directives_of "$LEAD" "$body"
	assert_line_count 12
	item '"Luo Bin"' 1 12 12 Twelfthly
	body="Luo Bin put forward twelve requirements."
	for w in First Second Third Fourth Fifth Sixth Seventh Eighth Ninth Tenth Eleventh Twelfth; do
		body="$body $w, $ONE"
	done
	directives_of "$LEAD" "$body"
	assert_line_count 12
	item '"Luo Bin"' 1 11 12 Eleventh
}

@test "count: an announced count the list does not match gives the warning on every record of that list" {
	directives_of "$LEAD" "Luo Bin put forward four requirements. First, $ONE Second, $TWO" \
		"Qi Hong put forward three requirements. First, $THREE Second, $ONE Third, $TWO"
	assert_line_count 5
	lines_with '"warnings":["announced 4 items, found 2"]}' 2
	lines_with '"list":1,' 2
	item '"Luo Bin"' 1 2 4 Second
	# the next list, whose count is right, has none
	lines_with '"warnings":[]}' 3
	item '"Qi Hong"' 2 3 3 Third
}

@test "truncated: a page that ends inside item 3 keeps items 1 to 3, with or without a last newline" {
	local cut="Third, the group should strengthen cooperation with the universities and speed up the constr"
	directives_of "$LEAD" "Luo Bin put forward three requirements. First, $ONE Second, $TWO $cut"
	assert_line_count 3
	item '"Luo Bin"' 1 3 3 Third
	ends "the universities and speed up the constr" '[]'
	local with=$output
	page -n "$LEAD" "Luo Bin put forward three requirements. First, $ONE Second, $TWO $cut"
	run -0 --separate-stderr "$BIN/extract-directives" -o "$T/page.txt"
	[ "$output" = "$with" ]
}

@test "lists: a lone First, in a complete article (ending with a full stop) gives nothing" {
	directives_of "$LEAD" "Luo Bin put forward three requirements. First, $ONE"
	[ -z "$output" ]
	directives_of "$LEAD" "Luo Bin put forward three requirements. First, $ONE" "The meeting closed at noon."
	[ -z "$output" ]
	# cut off, it is a list of one
	directives_of "$LEAD" "Luo Bin put forward three requirements. First, all units must cut costs by 3 percent in every plant this"
	assert_line_count 1
	ends "in every plant this" '["announced 3 items, found 1"]'
}

# ---- known bugs: each test is what the tool should do (see the skip message) ----

@test "not directives: past-tense facts after 'The first was' (no 'to') give nothing" {
	directives_of "$LEAD" "Luo Bin said that the group now has two new plants. The first was built in 2019 in Hefei. The second was completed in May in Wuhu."
	[ -z "$output" ]
	directives_of "$LEAD" "Luo Bin said that the group now has two new plants: the first one was built in 2019 in Hefei, and the second one was opened in May in Wuhu."
	[ -z "$output" ]
}

@test "lists: a numbered list without full stops in mid-article keeps its short last item, with no warning" {
	directives_of "$LEAD" "Luo Bin put forward three requirements." "1. Put safety first in every plant" \
		"2. Put quality first in every plant" "3. Serve the customers well" "Heads of the departments attended the meeting."
	assert_line_count 3
	item '"Luo Bin"' 1 3 3 "3."
	ends "Serve the customers well" '[]'
	lines_with '"warnings":[]}' 3
}

@test "lists: a lone First, in a paragraph without a full stop in mid-article gives nothing (the page is not cut off)" {
	directives_of "$LEAD" "Luo Bin put forward three requirements. First, $ONE_NOSTOP" "Heads of the departments attended the meeting."
	[ -z "$output" ]
}

# ---- examples/ ----

@test "golden: extract-directives -o examples/*.txt" {
	run -0 --separate-stderr "$BIN/extract-directives" -o examples/*.txt
	[ -z "$stderr" ]
	assert_line_count 35
	assert_golden extract-directives/examples-only.jsonl
}

@test "golden: split-article examples/*.txt | extract-meta | extract-people | extract-directives" {
	run -0 --separate-stderr bash -c 'set -o pipefail; "$0" examples/*.txt | "$1" | "$2" | "$3"' \
		"$BIN/split-article" "$BIN/extract-meta" "$BIN/extract-people" "$BIN/extract-directives"
	[ -z "$stderr" ]
	lines_with '{"type":"directive",' 35
	assert_golden extract-directives/examples-pipeline.jsonl
}

@test "examples/: the hand-made annotations agree on every item's speaker, number and first six words" {
	command -v jq > /dev/null || skip "jq is not installed"
	local gold txt n=0
	for gold in examples/*.gold.json; do
		txt=${gold%.gold.json}.txt
		diff <(jq -c '.directives[] | {speaker, n, start}' "$gold") \
			<("$BIN/extract-directives" -o "$txt" |
				jq -c '{speaker, n, start: (.text | split(" ") | .[0:6] | join(" "))}') ||
			{ echo "differs: $txt"; return 1; }
		n=$((n + $(jq '.directives | length' "$gold")))
	done
	[ "$n" -ge 25 ]
}

# ---- bad input ----

@test "bad records are reported with FILE:LINE and skipped; the rest is processed; status 1" {
	xt_bad_records_are_reported_with_file_line \
		"{\"type\":\"article\",\"id\":\"00000000000000ab\",\"title\":\"Tianhe Steel Group Holds Work Conference\",\"header\":[\"Date: 2022-03-10\"],\"body\":\"Luo Bin put forward two requirements. First, $ONE Second, $TWO\",\"footer\":[]}" \
		"\"body\":\"Qi Hong put forward two requirements. First, $ONE Second, $TWO\"" \
		"{\"type\":\"article\",\"id\":\"00000000000000ae\",\"title\":null,\"header\":[],\"body\":\"The meeting required: first, $ONE second, $TWO\",\"footer\":[]}"
	[ "${#lines[@]}" -eq 9 ]
	[[ ${lines[1]} == '{"type":"directive","article":"00000000000000ab","speaker":"Luo Bin","list":1,"n":1,'* ]]
	[[ ${lines[8]} == '{"type":"directive","article":"00000000000000ae","speaker":null,"list":1,"n":2,'* ]]
	lines_with '"speaker":"Qi Hong"' 0
}

@test "a truncated last line (no newline) is reported, status 1" {
	xt_a_truncated_last_line_is_reported
	[ "${#lines[@]}" -eq 5 ]
}

@test "a NUL byte inside a record: bad record, status 1" {
	xt_a_nul_byte_inside_a_record_bad_record_st
}

@test "invalid UTF-8 in raw text: U+FFFD, a warning with file and line, status 1, the list still found" {
	page "$LEAD" "Luo Bin put forward two requirements. First, all units must cut costs in every caf$(printf '\xe9') by 3 percent. Second, $TWO"
	run -1 --separate-stderr "$BIN/extract-directives" -o "$T/page.txt"
	assert_stderr_has "extract-directives: $T/page.txt:6: 1 invalid UTF-8 sequence replaced with U+FFFD (first on this line; if the file is in another encoding, give it with -e ENC)"
	assert_line_count 2
	item '"Luo Bin"' 1 1 2 First
	ends "in every caf� by 3 percent." '[]'
}

@test "empty input: no output, status 0" {
	xt_empty_input_no_output_status_0
}

@test "a missing file among others: a message, status 1, the others processed" {
	xt_a_missing_file_among_others examples/01-work-conference.txt examples/06-crlf-bom.txt 8
}

@test "a directory or a binary file among files: a message, status 1, the others processed" {
	xt_a_directory_or_a_binary_file_among_files examples/06-crlf-bom.txt 3
}

@test "a 20 MB paragraph before a list is read whole, and quickly" {
	{
		printf '%s\n\n' "A Headline Above a Very Big Body"
		printf 'Luo Bin put forward two requirements. '
		head -c 20000000 /dev/zero | tr '\0' 'a'
		echo ". First, $ONE Second, $TWO"
	} > "$T/long.txt"
	run -0 --separate-stderr timeout 60 "$BIN/extract-directives" -o "$T/long.txt"
	[ -z "$stderr" ]
	assert_line_count 2
	has "\"speaker\":\"Luo Bin\",\"list\":1,\"n\":2,"
	ends "$TWO" '[]'
}

# ---- output ----

@test "a full disk: a message and status 1" {
	xt_a_full_disk_a_message_and_status_1
}

@test "a closed pipe ends it quietly, as it does cat" {
	xt_a_closed_pipe_ends_it_quietly_as_it_does
}

@test "the same input gives the same bytes, run after run, whatever the locale and time zone" {
	xt_the_same_input_gives_the_same_bytes "$F"/*.txt
	# with -o too, LC_ALL=C and LC_ALL=C.UTF-8
	[ "$(LC_ALL=C "$BIN/extract-directives" -o examples/*.txt "$F"/*.txt | cksum)" = \
		"$(LC_ALL=C.UTF-8 "$BIN/extract-directives" -o examples/*.txt "$F"/*.txt | cksum)" ]
}

# ---- the man page ----

@test "the man page's examples run" {
	xt_the_man_page_s_examples_run 10 'split-article\|extract-directives\|printf\|to-tsv'
}

@test "the man page's record is the output for examples/06-crlf-bom.txt" {
	xt_the_man_page_s_record_example directive
	assert_line_count 3
}

@test "the man page: SYNOPSIS is the usage line; mandoc -T lint is clean" {
	xt_the_man_page_synopsis_is_the_usage_line_
}

@test "the man page names every KIND of -l and every key of the record" {
	local w
	for w in surnames syllables posts orgwords presided spoke attended speech type article speaker list n of marker text warnings; do
		grep -q "^\.It Cm .*\b$w\b" man/extract-directives.1 || { echo "not in the man page: $w"; return 1; }
	done
}

@test "markers: 'one is to ..., two is to ...' separated by commas (a regression: only the first was found)" {
	directives_of "$LEAD" "Luo Bin put forward requirements for the next step: one is to cut costs by 3 percent in every plant, two is to check every furnace before May, three is to visit every customer in the province."
	assert_line_count 3
	item '"Luo Bin"' 1 2 null "two is to"
	ends "check every furnace before May" '[]'
	# a bare "one is" after a comma is no marker: "..., one is the largest"
	directives_of "$LEAD" "Luo Bin said the group has two plants, one is the largest in Anhui, two is not."
	[ -z "$output" ]
}
