#!/usr/bin/env bats
# extract-people: options (-o, -e, -l KIND:FILE), pass-through, raw text input, the word lists
# given at run time, names (Chinese and others), references, pronouns, titles in every form,
# shared and joined titles, roles (presided, spoke, attended, mentioned; passive "by"; "said
# X"; the attending leaders), modifiers, the headline, bylines, bad input, write errors,
# golden output on fixtures and examples/, and the man page.

load test_helper
TOOL=extract-people
load extractor

# person NAME TITLE ROLE MENTIONS: $output has that person record (TITLE as JSON: "..." or null)
person() {
	has "\"name\":\"$1\",\"title\":$2,\"role\":\"$3\",\"mentions\":$4,\"roles\":[\"$3\""
}

# names NAME...: the names of the person records in $output are these, in this order
names() {
	local got want
	got=$(printf '%s\n' "$output" | sed -n 's/.*"type":"person","article":"[0-9a-f]*","name":"\([^"]*\)".*/\1/p')
	want=$(printf '%s\n' "$@")
	if [[ $got != "$want" ]]; then
		_show "expected names:" "$want" "actual names:" "$got"
		return 1
	fi
}

# page LINE...: a page made of these lines (empty arguments are blank lines) in $T/page.txt
page() {
	printf '%s\n' "$@" > "$T/page.txt"
}

# records FILE: xt_records (tests/extractor.bash) with a body that names Luo Bin
records() {
	xt_records "$1" 'On March 9, Tianhe Steel Group held its work conference in Hefei.\nLuo Bin, general manager of the group, presided over the meeting.'
}

# ---- options ----

@test "--help prints the usage to stdout and exits 0" {
	run -0 --separate-stderr "$BIN/extract-people" --help
	[ "${lines[0]}" = "usage: extract-people [-o] [-e ENC] [-f html|text] [-l KIND:FILE] [--counters] [FILE ...]" ]
	has "-o, --only" "-l KIND:FILE" "surnames," "syllables, posts, orgwords, presided, spoke, attended or speech"
	[ -z "$stderr" ]
}

@test "-h is --help" {
	xt_h_is_help
}

@test "--version prints the version" {
	xt_version_prints_the_version
}

@test "an unknown option is a usage error (status 2)" {
	xt_an_unknown_option_is_a_usage_error -x --frobnicate
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

@test "-o writes only the person records; --only is -o" {
	xt_o_writes_only_the_derived_records \
		'^{"type":"person","article":"[0-9a-f]\{16\}","name":"[^"]*","title":\(null\|"[^"]*"\),"role":"\(presided\|spoke\|attended\|mentioned\)","mentions":[1-9][0-9]*,"roles":\["\(presided\|spoke\|attended\|mentioned\)"\(,"\(spoke\|attended\)"\)*\],"key":"[^"]*"}$' \
		-gt 40
}

# ---- the record stream ----

@test "every input record passes through byte for byte; the person records follow each article" {
	records "$T/rec"
	run -0 --separate-stderr "$BIN/extract-people" "$T/rec"
	[ -z "$stderr" ]
	# less the person records it wrote, the output is the input
	printf '%s\n' "$output" | grep -v '^{"type":"person","article":"[0-9a-f]\{16\}","name":' | cmp - "$T/rec"
	[[ ${lines[1]} == '{"type":"article","id":"9c758e38440ad277",'* ]]
	[[ ${lines[2]} == '{"type":"person","article":"9c758e38440ad277","name":"Zhou Jianguo",'* ]]
	[[ ${lines[8]} == '{"type":"person","article":"9c758e38440ad277","name":"Chen Yutong",'* ]]
	[ "${lines[9]}" = '{ "type" : "person" ,  "article":"9c758e38440ad277", "name":"Xu Lei",	"role":"spoke" }' ]
	[[ ${lines[10]} == '{"type":"article" , "id" : "00000000000000ab",'* ]]
	[ "${lines[11]}" = '{"type":"person","article":"00000000000000ab","name":"Luo Bin","title":"general manager of the group","role":"presided","mentions":1,"roles":["presided"],"key":"Luo Bin"}' ]
	[ "${lines[12]}" = '{"type":"meta","article":"0000000000000000","title":null,"x":"\u00e9\n"}' ]
	[ "${#lines[@]}" -eq 13 ]
}

@test "records of other types are neither changed nor used; with -o they are left out" {
	records "$T/rec"
	run -0 "$BIN/extract-people" -o "$T/rec"
	[ "${#lines[@]}" -eq 8 ]
	hasnt "Xu Lei"
	[ "$(printf '%s\n' "$output" | grep -c '"article":"9c758e38440ad277"')" -eq 7 ]
	[[ ${lines[7]} == '{"type":"person","article":"00000000000000ab","name":"Luo Bin",'* ]]
}

@test "keys come in the documented order, always all of them; an article naming nobody has no person records" {
	printf '%s\n' '{"type":"article","id":"00000000000000ac"}' \
		'{"type":"article","id":"00000000000000ad","title":null,"header":[],"body":"The output of the plant rose by 5 percent.","footer":[]}' \
		'{"type":"article","id":"00000000000000ae","body":"Luo Bin attended the meeting."}' > "$T/rec"
	run -0 --separate-stderr "$BIN/extract-people" -o "$T/rec"
	[ -z "$stderr" ]
	assert_output_equal '{"type":"person","article":"00000000000000ae","name":"Luo Bin","title":null,"role":"attended","mentions":1,"roles":["attended"],"key":"Luo Bin"}'
}

@test "strings are JSON-escaped; non-ASCII is written as UTF-8" {
	page "Tianhe Steel Group Holds Talks" "Date: 2022-03-10" "" \
		"On March 9, Tianhe Steel Group held talks with a delegation from Spain. Dr. José Muñoz, president of the \"Green Port\" alliance, attended the talks. Luo Bin, director of the group's office\\archive, attended."
	run -0 --separate-stderr "$BIN/extract-people" -o "$T/page.txt"
	[ -z "$stderr" ]
	person "José Muñoz" '"president of the \"Green Port\" alliance"' attended 1
	person "Luo Bin" '"director of the group'"'"'s office\\archive"' attended 1
}

@test "blank lines in a record stream are skipped" {
	xt_blank_lines_in_a_record_stream_are_skipp
}

@test "records from extract-meta pass through too; the person records come right after the article" {
	"$BIN/extract-meta" examples/01-work-conference.txt > "$T/meta"
	run -0 --separate-stderr "$BIN/extract-people" "$T/meta"
	[ -z "$stderr" ]
	# the person records right after the article, before the meta record
	[ "${lines[0]}" = "$(sed -n 1p "$T/meta")" ]
	[ "$(printf '%s\n' "${lines[@]:1:7}")" = "$("$BIN/extract-people" -o examples/01-work-conference.txt)" ]
	[ "${lines[8]}" = "$(sed -n 2p "$T/meta")" ]
	[ "${#lines[@]}" -eq 9 ]
}

# ---- raw text input ----

@test "raw text gives the same bytes as split-article | extract-people" {
	xt_raw_text_gives_the_same_bytes "$F"
}

@test "raw text: one file directly, and on standard input (src is -)" {
	xt_raw_text_one_file_directly_and_on_stdin
}

@test "raw text with blank lines before it is raw text still" {
	xt_raw_text_with_blank_lines_before_it_is_r
}

@test "raw text: -e converts the encoding, as split-article -e does" {
	xt_e_converts_the_encoding
	run -0 "$BIN/extract-people" -e LATIN1 examples/enc/latin1-delegation.txt
	has '"name":"José Muñoz"'
}

@test "golden: extract-people -o -e GBK on the encoded example" {
	run -0 --separate-stderr "$BIN/extract-people" -o -e GBK examples/enc/gbk-district.txt
	[ -z "$stderr" ]
	person "Mo Jiahui" '"District Party Committee Secretary"' spoke 2
	person "Yuan Shuhong" '"District Mayor"' presided 1
	person "Shi Kaiwen" '"deputy district mayor"' spoke 1
	assert_golden extract-people/enc-gbk-only.jsonl
}

@test "each file decides for itself: records in one, raw text in the next" {
	xt_each_file_decides_for_itself examples/06-crlf-bom.txt 10
	[[ ${lines[9]} == *'"article":"feab6200301dba79",'* ]]
}

# ---- -l KIND:FILE: word lists at run time ----

@test "-l surnames: a surname the list leaves out makes a name; comments, blanks, case and CRLF are fine" {
	page "Tianhe Steel Group Holds Work Conference" "Date: 2022-03-10" "" \
		"On March 9, Tianhe Steel Group held its work conference in Hefei. The meeting was presided over by Lee Ming. Cheung Wai attended the meeting. Fa Lin attended too."
	run -0 --separate-stderr "$BIN/extract-people" -o "$T/page.txt"
	[ -z "$output" ] && [ -z "$stderr" ]
	printf '# Cantonese and other spellings\r\n\r\n  LEE  \r\ncheung # Zhang\r\n' > "$T/surnames"
	run -0 --separate-stderr "$BIN/extract-people" -o -l "surnames:$T/surnames" "$T/page.txt"
	[ -z "$stderr" ]
	names "Lee Ming" "Cheung Wai"
	person "Lee Ming" null presided 1
	person "Cheung Wai" null attended 1
	# -l more than once, for the same list
	echo fa > "$T/more"
	run -0 "$BIN/extract-people" -o -l "surnames:$T/surnames" -l "surnames:$T/more" "$T/page.txt"
	names "Lee Ming" "Cheung Wai" "Fa Lin"
	# an empty file adds nothing
	: > "$T/empty"
	run -0 "$BIN/extract-people" -o -l "surnames:$T/empty" "$T/page.txt"
	[ -z "$output" ]
}

@test "-l syllables: a given name in another spelling" {
	page "Tianhe Steel Group Holds Work Conference" "Date: 2022-03-10" "" \
		"On March 9, Tianhe Steel Group held its work conference in Hefei. Wang Hsiaoming attended the meeting."
	run -0 "$BIN/extract-people" -o "$T/page.txt"
	[ -z "$output" ]
	echo hsiao > "$T/syl"
	run -0 "$BIN/extract-people" -o -l "syllables:$T/syl" "$T/page.txt"
	person "Wang Hsiaoming" null attended 1
}

@test "-l posts: a post word the list lacks finds the post and the name it marks" {
	page "Tianhe Steel Group Holds Talks" "Date: 2022-03-10" "" \
		"On March 9, Tianhe Steel Group held talks with a delegation. Jürgen Bäcker, sourcing director of Bäcker Logistik, attended the talks. Luo Bin, quarry foreman, attended."
	run -0 "$BIN/extract-people" -o "$T/page.txt"
	names "Luo Bin"
	person "Luo Bin" null attended 1
	printf 'sourcing # as in sourcing director\nforeman\n' > "$T/posts"
	run -0 "$BIN/extract-people" -o -l "posts:$T/posts" "$T/page.txt"
	names "Jürgen Bäcker" "Luo Bin"
	person "Jürgen Bäcker" '"sourcing director of Bäcker Logistik"' attended 1
	person "Luo Bin" '"quarry foreman"' attended 1
}

@test "-l orgwords: a word that makes a name an organisation's" {
	page "Tianhe Steel Group Holds Work Conference" "Date: 2022-03-10" "" \
		"On March 9, Tianhe Steel Group held its work conference in Hefei. Gao Shan Foundry sent a team. Luo Bin presided over the meeting."
	run -0 "$BIN/extract-people" -o "$T/page.txt"
	names "Gao Shan" "Luo Bin"
	echo Foundry > "$T/org"
	run -0 "$BIN/extract-people" -o -l "orgwords:$T/org" "$T/page.txt"
	names "Luo Bin"
}

@test "-l presided, spoke, attended: verbs and phrases, and a 'by' form" {
	page "Tianhe Steel Group Holds Work Conference" "Date: 2022-03-10" "" \
		"On March 9, Tianhe Steel Group held its work conference in Hefei. Luo Bin opened the meeting. Qi Hong signed the agreement. Wu Fan summed up the work of the year. The forum was opened by Kang Li."
	run -0 "$BIN/extract-people" -o "$T/page.txt"
	names "Luo Bin" "Qi Hong" "Wu Fan" "Kang Li"
	[ "$(printf '%s\n' "$output" | grep -c '"role":"mentioned"')" -eq 4 ]
	printf 'opened the meeting\n opened by \n' > "$T/pres"
	printf 'signed\n' > "$T/att"
	printf 'summed up\n' > "$T/spk"
	run -0 --separate-stderr "$BIN/extract-people" -o -l "presided:$T/pres" -l "attended:$T/att" -l "spoke:$T/spk" "$T/page.txt"
	[ -z "$stderr" ]
	person "Luo Bin" null presided 1
	person "Qi Hong" null attended 1
	person "Wu Fan" null spoke 1
	person "Kang Li" null presided 1
}

@test "-l in an example: signing the agreement is attending" {
	printf 'signed the agreement\n' > "$T/att"
	run -0 "$BIN/extract-people" -o examples/04-three-in-one.txt
	person "Long Haitao" '"County Magistrate"' mentioned 1
	person "Su Manli" '"Vice President of the group"' mentioned 1
	run -0 "$BIN/extract-people" -o -l "attended:$T/att" examples/04-three-in-one.txt
	person "Long Haitao" '"County Magistrate"' attended 1
	person "Su Manli" '"Vice President of the group"' attended 1
}

# ---- names ----

@test "names: Chinese names, with compound surnames and one-syllable given names" {
	fixture chinese-names
	names "Ouyang Mingxuan" "Situ Jing" "Li Jun" "Zhao Guoang" "He Zhiyuan"
	person "Ouyang Mingxuan" '"Party secretary and chairman of the company"' presided 2
	person "Situ Jing" '"general manager"' spoke 1
	person "Li Jun" null attended 1
	person "He Zhiyuan" '"head of the safety department"' spoke 1
}

@test "names: a name followed by an organisation word is an organisation's" {
	fixture org-names
	names "Gao Shanfeng"
	hasnt "Wang Tao" "Lin Hai" "Jiang Bei" "Xinhua"
}

@test "names: all capitals is not a name's form; a hyphenated given name is" {
	page "WANG LI VISITS TIANHE STEEL" "Date: 2022-03-10" "" \
		"On March 9, Tianhe Steel Group held its work conference. Zhao Guo-ang presided over the meeting. WANG LI attended."
	run -0 "$BIN/extract-people" -o "$T/page.txt"
	names "Zhao Guo-ang"
	person "Zhao Guo-ang" null presided 1
}

@test "names: non-Chinese names after Mr./Ms./Dr., before a post, and in a list with a known person" {
	fixture western-names
	names "Anna Berg" "Mark Roadley" "Greg Gent" "Henry van der Heyden" "John Hood"
	person "Anna Berg" '"adviser to the delegation"' spoke 2
	person "Mark Roadley" '"chairman of Kauri Dairy"' attended 2
	person "Henry van der Heyden" null attended 1
}

@test "names: two capitalised words without context are not a name" {
	page "Tianhe Steel Group Holds Work Conference" "Date: 2022-03-10" "" \
		"On March 9, Tianhe Steel Group held its work conference. Peter Olsen attended the meeting. Green Valley Farms sent a team."
	run -0 --separate-stderr "$BIN/extract-people" -o "$T/page.txt"
	[ -z "$output" ] && [ -z "$stderr" ]
}

@test "references: Mr. Hao, Chairman Liu and a surname alone are the people named in full" {
	fixture references
	names "Hao Zhigang" "Liu Yuan"
	person "Hao Zhigang" null spoke 3
	person "Liu Yuan" '"Chairman"' presided 3
	hasnt '"name":"Hao"' '"name":"Liu"'
}

@test "references: a surname alone that no full name has is no one" {
	page "Tianhe Steel Group Holds Work Conference" "Date: 2022-03-10" "" \
		"On March 9, Tianhe Steel Group held its work conference. Mr. Wang presided over the meeting. Chairman Liu spoke."
	run -0 "$BIN/extract-people" -o "$T/page.txt"
	[ -z "$output" ]
}

@test "pronouns: He and she opening a clause are the person last named" {
	fixture pronouns
	person "Tian Xiaoli" '"general manager of the group"' spoke 1
	person "Wu Dapeng" '"director of the quality department"' spoke 1
	person "Fu Hong" null attended 1
}

@test "pronouns: He is the person last named, not the one before" {
	page "Tianhe Steel Group Holds Work Conference" "Date: 2022-03-10" "" \
		"On March 9, Tianhe Steel Group held its work conference. Luo Bin attended the meeting. Qi Hong attended the meeting." \
		"He stressed that safety comes first."
	run -0 "$BIN/extract-people" -o "$T/page.txt"
	person "Luo Bin" null attended 1
	person "Qi Hong" null spoke 1
}

# ---- titles ----

@test "titles: a post before the name" {
	fixture titles-before
	person "Cao Puhua" '"Municipal Party Committee Secretary"' presided 1
	person "Miao Huabo" '"Head of the Administration and Secretary of Party Committee"' spoke 1
	person "Gu Wenbo" '"Chairman"' attended 1
	person "Tang Yong" '"Vice President"' spoke 2
}

@test "titles: an appositive after the name; (SASAC) kept; after a dash; less the or our" {
	fixture titles-appositive
	person "Hao Zhigang" '"Party secretary and chairman of Bluestar"' presided 1
	person "Peng Yuqing" '"director of the State-owned Assets Supervision and Administration Commission (SASAC)"' attended 1
	person "Chen Shezhao" '"President of Haihua Group"' spoke 1
	person "Liang Bo" '"chief engineer of the group"' attended 1
	person "Xu Fei" '"general manager, member of the Standing Committee of the Group Party Committee"' spoke 1
}

@test "titles: plural posts are shared by a list; singular ones go to one name" {
	fixture titles-shared
	person "Wang Tao" '"City leaders"' attended 1
	person "Zhao Hui" '"City leaders"' attended 1
	person "Qian Wei" '"members of the group'"'"'s leadership"' attended 1
	person "Ma Dongsheng" '"members of the group'"'"'s leadership"' attended 1
	person "Fan Ling" '"Vice Mayor"' attended 1
	person "Jin Bo" null attended 1
	person "Kong Rui" null attended 1
	person "Ge Ping" '"director of the municipal office"' attended 1
}

@test "titles: two different posts joined with '; ', a post contained in one given not repeated" {
	fixture titles-joined
	person "Feng Zhiqiang" '"Chairman; secretary of the Party committee of the group"' presided 2
	person "Dong Xuemei" '"Party secretary and chairman of the union"' spoke 2
}

@test "titles: the appositive ends at the verb of a role" {
	page "Tianhe Steel Group Holds Work Conference" "Date: 2022-03-10" "" \
		"On March 9, Tianhe Steel Group held its work conference. Zhang Mao, Head of SAMR made a work report."
	run -0 "$BIN/extract-people" -o "$T/page.txt"
	person "Zhang Mao" '"Head of SAMR"' spoke 1
}

# ---- roles ----

@test "roles: presided, spoke, attended, mentioned; a list shares its predicate" {
	fixture roles
	names "Zhou Jianguo" "Lin Xiaohong" "Qian Wei" "Sun Haiyan" "Ma Dongsheng"
	person "Zhou Jianguo" null presided 2
	person "Lin Xiaohong" null spoke 1
	person "Qian Wei" '"chief accountant"' attended 1
	person "Sun Haiyan" '"chief engineer"' attended 1
	person "Ma Dongsheng" null mentioned 1
}

@test "roles: the highest counts, whatever the order" {
	page "Tianhe Steel Group Holds Work Conference" "Date: 2022-03-10" "" \
		"On March 9, Tianhe Steel Group held its work conference. Luo Bin attended the meeting and delivered a speech. Qi Hong presided over the meeting." \
		"Qi Hong attended the dinner. Wu Fan delivered a speech. Wu Fan attended the dinner."
	run -0 "$BIN/extract-people" -o "$T/page.txt"
	person "Luo Bin" null spoke 1
	person "Qi Hong" null presided 2
	person "Wu Fan" null spoke 2
}

@test "roles: the agent of 'presided over by', 'chaired by', 'attended by'; not of 'the speech delivered by'" {
	fixture passive
	person "Yao Jingwen" '"deputy general manager of the group"' presided 1
	person "Luo Bin" null presided 1
	person "Qi Hong" null attended 1
	person "Gu Ming" null mentioned 1
}

@test "roles: '...,' said X" {
	fixture said
	person "Xu Guoqiang" null spoke 2
	person "Chen Ying" '"general manager of the group"' spoke 1
}

@test "roles: the attending leaders respectively put forward requirements" {
	fixture attending-leaders
	person "Duan Shiqing" null presided 1
	person "Xiong Wenbin" null spoke 1
	person "Lu Ying" null spoke 1
}

@test "roles: Xi Jinping Thought and Xi Jinping's speech are mentions; a headline-only name is mentioned" {
	fixture modifiers
	names "Lin Hai" "Xi Jinping" "Qiu Yanmei"
	person "Lin Hai" null mentioned 1
	person "Xi Jinping" '"General Secretary"' mentioned 2
	person "Qiu Yanmei" null presided 1
}

@test "roles: the headline gives no role, the body does" {
	page "Luo Bin Presides Over Work Conference" "Date: 2022-03-10" "" \
		"On March 9, Tianhe Steel Group held its work conference. Luo Bin attended the meeting."
	run -0 "$BIN/extract-people" -o "$T/page.txt"
	assert_output_equal "$(printf '{"type":"person","article":"%s","name":"Luo Bin","title":null,"role":"attended","mentions":2,"roles":["attended"],"key":"Luo Bin"}' "$("$BIN/split-article" "$T/page.txt" | sed 's/.*"id":"\([0-9a-f]*\)".*/\1/')")"
}

@test "bylines: Reporter: in the header and (Editor: ) in the footer, after the body's people" {
	fixture bylines
	names "Luo Bin" "Chen Yutong" "Wang Lu"
	person "Chen Yutong" '"Reporter"' mentioned 1
	person "Wang Lu" '"Editor"' mentioned 1
}

@test "bylines: a reporter also named in the body keeps the body's role" {
	page "Tianhe Steel Group Holds Work Conference" "Reporter: Chen Yutong" "Date: 2022-03-10" "" \
		"On March 9, Tianhe Steel Group held its work conference. Chen Yutong attended the meeting."
	run -0 "$BIN/extract-people" -o "$T/page.txt"
	person "Chen Yutong" '"Reporter"' attended 2
}

# ---- examples/ ----

@test "golden: split-article examples/*.txt | extract-people" {
	run -0 --separate-stderr bash -c 'set -o pipefail; "$0" examples/*.txt | "$1"' \
		"$BIN/split-article" "$BIN/extract-people"
	[ -z "$stderr" ]
	assert_golden extract-people/examples.jsonl
}

@test "golden: split-article examples/*.txt | extract-people -o" {
	run -0 --separate-stderr bash -c 'set -o pipefail; "$0" examples/*.txt | "$1" -o' \
		"$BIN/split-article" "$BIN/extract-people"
	[ -z "$stderr" ]
	assert_golden extract-people/examples-only.jsonl
}

@test "examples/: the hand-made annotations agree on every person's name, title and role" {
	command -v jq > /dev/null || skip "jq is not installed"
	local gold txt
	for gold in examples/*.gold.json; do
		txt=${gold%.gold.json}.txt
		diff <(jq -c '.people[] | {name, title, role}' "$gold") \
			<("$BIN/extract-people" -o "$txt" | jq -c '{name, title, role}') ||
			{ echo "differs: $txt"; return 1; }
	done
}

# ---- bad input ----

@test "bad records are reported with FILE:LINE and skipped; the rest is processed; status 1" {
	xt_bad_records_are_reported_with_file_line \
		'{"type":"article","id":"00000000000000ab","title":"Tianhe Steel Group Holds Work Conference","header":["Date: 2022-03-10"],"body":"On March 9, Tianhe Steel Group held its work conference in Hefei. Luo Bin presided over the meeting.","footer":[]}' \
		'"body":"Qi Hong attended the meeting."' \
		'{"type":"article","id":"00000000000000ae","title":null,"header":[],"body":"Wu Fan delivered a speech.","footer":[]}'
	# the good articles and their people; the article records without an id pass through
	[ "${#lines[@]}" -eq 7 ]
	[ "${lines[1]}" = '{"type":"person","article":"00000000000000ab","name":"Luo Bin","title":null,"role":"presided","mentions":1,"roles":["presided"],"key":"Luo Bin"}' ]
	[ "${lines[2]}" = '{"type":"article","id":"abc","body":"Qi Hong attended the meeting."}' ]
	[ "${lines[3]}" = '{"type":"article","body":"Qi Hong attended the meeting."}' ]
	[ "${lines[6]}" = '{"type":"person","article":"00000000000000ae","name":"Wu Fan","title":null,"role":"spoke","mentions":1,"roles":["spoke"],"key":"Wu Fan"}' ]
}

@test "a truncated last line (no newline) is reported, status 1" {
	xt_a_truncated_last_line_is_reported
}

@test "a NUL byte inside a record: bad record, status 1" {
	xt_a_nul_byte_inside_a_record_bad_record_st
}

@test "invalid UTF-8 in raw text: U+FFFD, a warning with file and line, status 1, people still found" {
	printf 'Tianhe Steel Group Holds Work Conf\xe9rence\nDate: 2022-03-10\n\nOn March 9, Tianhe Steel Group held its work conference in Hefei. Luo Bin presided \xff\xfe over the meeting. Qi Hong, director of the off\xe9ce, attended.\n' > "$T/bad.txt"
	run -1 --separate-stderr "$BIN/extract-people" -o "$T/bad.txt"
	assert_stderr_has "extract-people: $T/bad.txt:1: 4 invalid UTF-8 sequences replaced with U+FFFD (first on this line; if the file is in another encoding, give it with -e ENC)"
	names "Luo Bin" "Qi Hong"
	person "Qi Hong" '"director of the off�ce"' attended 1
}

@test "empty input: no output, status 0" {
	xt_empty_input_no_output_status_0
}

@test "a missing file among others: a message, status 1, the others processed" {
	xt_a_missing_file_among_others examples/01-work-conference.txt examples/06-crlf-bom.txt 11
}

@test "a directory or a binary file among files: a message, status 1, the others processed" {
	xt_a_directory_or_a_binary_file_among_files examples/06-crlf-bom.txt 4
}

@test "a 20 MB body is read whole, and quickly" {
	{ echo "A Headline Above a Very Big Body"; echo; printf 'Luo Bin presided over the meeting. '; head -c 20000000 /dev/zero | tr '\0' 'a'; echo . Qi Hong attended.; } > "$T/long.txt"
	run -0 --separate-stderr timeout 60 "$BIN/extract-people" -o "$T/long.txt"
	[ -z "$stderr" ]
	names "Luo Bin" "Qi Hong"
	person "Qi Hong" null attended 1
}

# ---- output ----

@test "a full disk: a message and status 1" {
	xt_a_full_disk_a_message_and_status_1
}

@test "a closed pipe ends it quietly, as it does cat" {
	xt_a_closed_pipe_ends_it_quietly_as_it_does
}

@test "the same input gives the same bytes, whatever the locale and time zone" {
	xt_the_same_input_gives_the_same_bytes "$F"/*.txt
}

# ---- the man page ----

@test "the man page's examples run" {
	xt_the_man_page_s_examples_run 8 'split-article\|extract-people\|printf\|echo' extract-directives 'pages/'
	# the record it shows is the one the example gives
	xt_the_man_page_s_record_example person
}

@test "the man page: SYNOPSIS is the usage line; mandoc -T lint is clean" {
	xt_the_man_page_synopsis_is_the_usage_line_
}

@test "the man page names every KIND of -l and every key of the record" {
	local w
	for w in surnames syllables posts orgwords presided spoke attended speech type article name title role mentions roles; do
		grep -q "^\.It Cm .*\b$w\b" man/extract-people.1 || { echo "not in the man page: $w"; return 1; }
	done
}

# ---- regressions: each failed before its fix ----

people_of() { # LINE: extract-people -o on a page with a headline and this one paragraph
	page "Tianhe Steel Group Holds Talks" "Date: 2022-03-10" "" "$1"
	run -0 "$BIN/extract-people" -o "$T/page.txt"
}

@test "regression: Mr. He is the surname He, not the pronoun" {
	people_of "He Ping attended the meeting. Mr. He delivered a speech."
	person "He Ping" null spoke 2
}

@test "regression: a pronoun after Then or and" {
	people_of "Wang Fang attended the meeting. Then he delivered a speech."
	person "Wang Fang" null spoke 1
}

@test "regression: The before a post at the start of a sentence" {
	people_of "The chairman of the group Feng Zhiqiang presided over the meeting."
	person "Feng Zhiqiang" '"chairman of the group"' presided 1
}

@test "regression: Hong Kong is a place, not a person" {
	people_of "On March 9, Tianhe Steel Group held a meeting in Hong Kong. Luo Bin presided."
	names "Luo Bin"
}

@test "regression: the last name of a list before a verb" {
	people_of "Mr Mark Roadley, Greg Gent, Henry van der Heyden and John Hood attended the talks."
	names "Mark Roadley" "Greg Gent" "Henry van der Heyden" "John Hood"
}

@test "regression: a plural post after a list, whatever its first word" {
	people_of "Wang Fang, Wu Lei and Gao Yan, deputy general managers of the group, attended."
	person "Wang Fang" '"deputy general managers of the group"' attended 1
	person "Gao Yan" '"deputy general managers of the group"' attended 1
}

@test "regression: the verb before the names: Attending the meeting were, Also present were" {
	people_of "Attending the meeting were Qian Wei and Sun Haiyan. Also present were Du Hong and Kong Hui."
	person "Qian Wei" null attended 1
	person "Kong Hui" null attended 1
}

# ---- issue 15: kinds of roles, posts and names as the genre writes them ----

# roles NAME ROLES: the person record of NAME in $output has these roles (JSON array)
roles() {
	has "\"name\":\"$1\",.*\"roles\":$2}" 2> /dev/null ||
		printf '%s\n' "$output" | grep -q "\"name\":\"$1\",.*,\"roles\":$(printf '%s' "$2" | sed 's/[][]/\\&/g')[,}]" ||
		{ _show "no roles $2 for $1 in:" "$output"; return 1; }
}

@test "roles kind: every role that applies, highest first; a chair who also spoke" {
	fixture roles-several
	roles "Gong Weiming" '["presided","spoke"]'
	roles "Shen Lifang" '["spoke","attended"]'
	roles "Ma Kexin" '["attended"]'
}

@test "roles kind: ', which was presided over by X' after a list is X's; a clause after 'while' is its own" {
	fixture roles-passive-clause
	person "Fang Zhiyuan" '"deputy general manager of the group"' attended 1
	person "Cheng Xiaobo" '"chief engineer of the group"' presided 1
	roles "Lu Haoran" '["spoke","attended"]'
	roles "Jin Meiling" '["presided","spoke"]'
}

@test "roles kind: the agent of a speech noun (made an explanation, provided training, gave a briefing)" {
	fixture roles-speech-nouns
	person "Xu Jiahui" '"director of the Party building department"' spoke 1
	person "Gu Yanping" null spoke 1
	person "Tong Lei" null spoke 1
	person "Wei Dan" null spoke 1
	person "Qiu Fang" null mentioned 1
}

@test "posts kind: the ideographic full stop ends a sentence and a post" {
	fixture posts-fullwidth-stop
	person "Ruan Jianhua" '"Party secretary and chairman of the group"' presided 2
}

@test "posts kind: a post before the name with its describing words, possessive, slash, and posts joined by commas" {
	fixture posts-widened
	person "Hua Jianping" '"Zhejiang provincial government deputy secretary general"' attended 1
	person "Ye Chunming" '"Quzhou municipal committee deputy secretary and mayor"' attended 1
	person "Bao Xiaodong" '"Group Company deputy secretary of the Party committee, vice chairman and general manager"' attended 1
	person "Yu Hanwen" '"Deputy Secretary of the County Party Committee, Secretary of the Party Leadership Group of the County Government, and County Magistrate"' presided 1
	person "Shi Yuting" '"District Deputy Secretary/Mayor"' attended 1
	person "Lou Qinghe" '"plant party branch secretary"' presided 1
	person "Zhou Kaiming" "\"company's Party Committee Secretary and Chairman\"" spoke 1
}

@test "posts kind: never a stray clause in a post (and members of ..., and another subject)" {
	fixture posts-stray-clause
	person "Qiu Dongmei" '"director of the Third Supervision Office of the group"' attended 1
	person "Pan Guoliang" '"secretary of the Commission for Discipline Inspection"' attended 1
	person "Zhu Xiaowen" '"deputy secretary of the Party committee, and director of the Party building department"' presided 1
	person "Fei Changsheng" '"deputy head of the county government"' mentioned 1
	person "Hu Yimin" "\"Secretary of the Party Group and Director of the Standing Committee of the County People's Congress\"" attended 1
}

@test "posts kind: a plural post before a list, in lower case or ending in other words than a post's" {
	fixture posts-plural-before-list
	person "Kong Dejun" '"members of the leading group of the holding company"' spoke 1
	person "Tao Yiming" '"members of the leading group of the holding company"' spoke 1
	person "Yan Hongbo" '"Group executives"' attended 1
	person "Mo Zhenwei" '"Group executives"' attended 1
}

@test "lists kind: a list after 'such as' or 'including' takes the plural post and the verb before it" {
	fixture lists-introduced
	person "Xue Wenjie" '"county leaders"' attended 1
	person "Jiang Suhua" '"county leaders"' attended 1
	person "Luo Yanqing" '"external directors of the group"' attended 1
	person "Sheng Jialin" '"external directors of the group"' attended 1
	person "Gu Zhenhai" '"leaders of the municipal commerce bureau"' attended 1
	person "Kang Ruolan" "\"group's external director\"" attended 1
	person "Wen Bingxu" '"standing committee member of the Party committee of the group"' attended 1
}

@test "names kind: a name in lower case in part (Fu xiaoming, lu Yuanchao), before a comma or a verb, after 'by'" {
	fixture names-lower-case
	names "Tang Huaqiang" "Fu xiaoming" "lu Yuanchao"
	person "Fu xiaoming" '"deputy general manager"' presided 1
	person "lu Yuanchao" '"district Party secretary"' mentioned 1
}

@test "names kind: a page written in lower case has its names in lower case; 'an agenda' is no name" {
	fixture names-lower-page
	names "wei saiming" "zhou yuanjie"
	person "wei saiming" '"party secretary and chairman of the group"' presided 1
	person "zhou yuanjie" '"general manager of the group"' spoke 1
}

@test "names kind: a surname in capitals (LIU Zhenbang, HU Qing)" {
	fixture names-upper-surname
	person "LIU Zhenbang" '"project manager"' presided 1
	person "HU Qing" null spoke 1
}

@test "names kind: a foreign name known from its context is the same person named bare later; the subject of a speech verb is a name" {
	fixture names-foreign-bare
	names "Henrik Solberg" "Tang Huaqiang" "Ingrid Haugen"
	person "Henrik Solberg" '"chief executive of Nordfjord Chemicals"' spoke 2
	person "Tang Huaqiang" '"general manager of the group"' attended 1
	person "Ingrid Haugen" null spoke 1
}

@test "names kind: the demo's delegation: José Muñoz and Jürgen Bäcker, named bare later, spoke" {
	run -0 "$BIN/extract-people" -o -e LATIN1 examples/enc/latin1-delegation.txt
	person "José Muñoz" '"president of the Almarén Port Authority of Spain"' spoke 2
	person "Jürgen Bäcker" '"managing director of Bäcker & Söhne Logistik AG of Zürich"' spoke 2
}

@test "names kind: people come in order of first mention, whichever way their name was found" {
	people_of "Federal Grid Agency Mark Selby attended the talks. Luo Bin presided. Mark Selby said the talks went well."
	names "Mark Selby" "Luo Bin"
	person "Mark Selby" null spoke 2
}

@test "posts kind: one post written twice in other words is one post, the fuller form; another rank is another post" {
	fixture posts-one-post-twice
	person "Lu Minghao" '"Secretary of the Party Committee of Quzhou"' presided 3
	person "Rao Jiawei" '"Discipline Inspection Commission Secretary and Trade Union Chairman"' spoke 2
	person "Xia Qing" '"Deputy Mayor; Mayor of Quzhou"' spoke 2
}

@test "posts kind: a post in brackets after the name" {
	fixture posts-brackets
	person "Cao Yiming" '"chairman of Lanxi Chemical Group"' presided 1
	person "Wen Huiling" '"vice president of Quzhou University"' spoke 1
}

@test "roles kind: mentioned, not acting: 'Entrusted by X', X's speech and requirements, an appointment, a name alone under the headline" {
	fixture roles-mentioned
	names "Ding Zhengrong" "Chen Haibo" "Zhao Lechuan" "Hong Yating" "Qian Yuhang"
	person "Ding Zhengrong" null mentioned 2
	person "Chen Haibo" '"deputy secretary of the Party committee"' presided 1
	person "Zhao Lechuan" null mentioned 1
	person "Hong Yating" null mentioned 1
	person "Qian Yuhang" null mentioned 1
}

@test "names kind: a given name in two parts (Li Le An), not run on into a capitalised word; the headline's Li Le An Chairs is the same person" {
	fixture names-given-two-parts
	names "Li Le An" "Zhang Wei" "Gao Xiao Ming"
	person "Li Le An" '"general manager of the group"' presided 3
	person "Gao Xiao Ming" '"head of the equipment department"' spoke 2
}

@test "names kind: a name run into one word (YouXidi) is a name, keyed as its spaced form; a brand of one syllable (ZhongAn) is not" {
	fixture names-run-in
	names "YouXidi" "Kang Ruming"
	person "YouXidi" '"chairman of Donghai Port Holdings"' presided 2
	has '"roles":["presided","spoke"],"key":"You Xidi"}'
}

@test "names kind: Western order, the given name first (Xiaojun Han), where a name opens; not a place (the Ningxia Hui autonomous region)" {
	fixture names-western-order
	names "Xiaojun Han" "Meiling Gu" "Jianhua Pan"
	person "Xiaojun Han" '"General manager"' presided 2
	person "Meiling Gu" null spoke 1
	person "Jianhua Pan" null attended 1
}

@test "names kind: capitalised words that end in a Chinese name, before ', post', are not one other name (Asset Management Gao Jianxin)" {
	people_of "Zhou Minghui, Chief Financial Officer and General Manager of Asset Management Gao Jianxin, Director of the General Office Xu Lan and Chief Engineer Pan Yue attended the meeting."
	names "Zhou Minghui" "Gao Jianxin" "Xu Lan" "Pan Yue"
	person "Xu Lan" '"Director of the General Office"' attended 1
}
