#!/usr/bin/env bats
# extract-meta: options, pass-through, raw text input, the published date in every form the
# pages print, the event date and its year, source, location, org, warnings, bad input, write
# errors, golden output on fixtures and examples/, and the man page.

load test_helper
TOOL=extract-meta
load extractor

# page LINE...: a page made of these lines (empty arguments are blank lines) in $T/page.txt,
# and extract-meta -o on it: status 0, one meta record
page() {
	printf '%s\n' "$@" > "$T/page.txt"
	run -0 --separate-stderr "$BIN/extract-meta" -o "$T/page.txt"
	assert_line_count 1
}

# source_is HEADER-LINE JSON: a page with that line under its headline has that source
source_is() {
	page "Tianhe Steel Group Holds Work Conference" "$1" "Date: 2022-01-25" "" \
		"On January 24, Tianhe Steel Group held its work conference in Hefei. Luo Bin presided."
	has "\"source\":$2,\"location\""
}

# lead_gives HEADLINE LEAD [SECOND-PARAGRAPH [THIRD]] -- page with Date: 2022-03-10
lead_gives() {
	local args=("$1" "Date: 2022-03-10" "" "$2") p
	shift 2
	for p in "$@"; do args+=("" "$p"); done
	page "${args[@]}"
}

# records FILE: xt_records (tests/extractor.bash) with a body of two sentences
records() {
	xt_records "$1" 'On March 9, Tianhe Steel Group held its work conference in Hefei.\nIt went well.'
}

# ---- options ----

@test "--help prints the usage to stdout and exits 0" {
	run -0 --separate-stderr "$BIN/extract-meta" --help
	[ "${lines[0]}" = "usage: extract-meta [-o] [-e ENC] [-f html|text] [--counters] [FILE ...]" ]
	[[ $output == *"-o, --only"* ]]
	[ -z "$stderr" ]
}

@test "-h is --help" {
	xt_h_is_help
}

@test "--version prints the version" {
	xt_version_prints_the_version
}

@test "an unknown option is a usage error (status 2)" {
	xt_an_unknown_option_is_a_usage_error -x
}

@test "an unknown long option is a usage error" {
	xt_an_unknown_option_is_a_usage_error --frobnicate
}

@test "-e without an argument is a usage error" {
	xt_an_option_without_its_argument -e
}

@test "-e with an encoding iconv does not know is a usage error" {
	xt_e_with_an_encoding_iconv_does_not_know
}

@test "-o writes only the meta records; --only is -o" {
	# one meta record for each article
	xt_o_writes_only_the_derived_records '^{"type":"meta","article":"[0-9a-f]\{16\}",' \
		-eq "$("$BIN/split-article" examples/*.txt | wc -l)"
}

# ---- the record stream ----

@test "every input record passes through byte for byte; a meta record follows each article" {
	records "$T/rec"
	run -0 --separate-stderr "$BIN/extract-meta" "$T/rec"
	[ -z "$stderr" ]
	[ "${#lines[@]}" -eq 7 ]
	# less the meta records it wrote, the output is the input
	printf '%s\n' "${lines[@]:0:2}" "${lines[@]:3:2}" "${lines[6]}" | cmp - "$T/rec"
	[[ ${lines[1]} == '{"type":"article","id":"9c758e38440ad277",'* ]]
	[[ ${lines[2]} == '{"type":"meta","article":"9c758e38440ad277",'* ]]
	[[ ${lines[4]} == '{"type":"article" , "id" : "00000000000000ab",'* ]]
	[ "${lines[5]}" = '{"type":"meta","article":"00000000000000ab","title":"Tianhe Steel Group Holds Work Conference","published":"2022-03-10","event_date":"2022-03-09","source":null,"location":"Hefei","org":"Tianhe Steel Group","warnings":[]}' ]
}

@test "records of other types are neither changed nor used; with -o they are left out" {
	records "$T/rec"
	run -0 "$BIN/extract-meta" -o "$T/rec"
	[ "${#lines[@]}" -eq 2 ]
	[[ ${lines[0]} == '{"type":"meta","article":"9c758e38440ad277",'* ]]
	[[ ${lines[1]} == '{"type":"meta","article":"00000000000000ab",'* ]]
}

@test "keys come in the documented order, always all of them" {
	printf '%s\n' '{"type":"article","id":"00000000000000ac"}' > "$T/rec"
	run -0 --separate-stderr "$BIN/extract-meta" -o "$T/rec"
	assert_output_equal '{"type":"meta","article":"00000000000000ac","title":null,"published":null,"event_date":null,"source":null,"location":null,"org":null,"warnings":[]}'
}

@test "strings are JSON-escaped; non-ASCII is written as UTF-8" {
	printf '%s\n' '{"type":"article","id":"00000000000000ac","title":"\"Tianhe\"\tSteel \u00e9 \u5929 \\ Meeting\u0001","header":["Source: \"Tianhe\" News"],"body":"On March 9, the group held a meeting in Hefei."}' > "$T/rec"
	run -0 "$BIN/extract-meta" -o "$T/rec"
	has '"title":"\"Tianhe\"\tSteel é 天 \\ Meeting\u0001",' '"source":"\"Tianhe\" News",'
}

@test "blank lines in a record stream are skipped" {
	xt_blank_lines_in_a_record_stream_are_skipp
}

# ---- raw text input ----

@test "raw text gives the same records as split-article | extract-meta" {
	xt_raw_text_gives_the_same_bytes
}

@test "raw text: one file directly, and on standard input (src is -)" {
	xt_raw_text_one_file_directly_and_on_stdin
	[ "${#lines[@]}" -eq 2 ]
}

@test "raw text with blank lines before it is raw text still" {
	xt_raw_text_with_blank_lines_before_it_is_r
}

@test "raw text: -e converts the encoding, as split-article -e does" {
	xt_e_converts_the_encoding
}

@test "each file decides for itself: records in one, raw text in the next" {
	xt_each_file_decides_for_itself examples/01-work-conference.txt 2
	[[ ${lines[1]} == *'"article":"9c758e38440ad277",'* ]]
}

# ---- published: every form of date line, under the headline or in the footer ----

@test "published: Date: 2022-01-25 (with Source: on the line); event On January 24" {
	fixture date-iso
	has '"published":"2022-01-25","event_date":"2022-01-24","source":"Tianhe Steel News Center"'
}

@test "published: Date:2022-04-15; event On the morning of April 14" {
	fixture date-nospace
	has '"published":"2022-04-15","event_date":"2022-04-14",'
}

@test "published: Time:2023-08-08 15:08:11; event On the afternoon of August 5" {
	fixture time-seconds
	has '"published":"2023-08-08","event_date":"2023-08-05",'
}

@test "published: Updated: 2017-03-28; event On March 9th" {
	fixture updated
	has '"published":"2017-03-28","event_date":"2017-03-09",'
}

@test "published: Release Time: with the date on the next line; event on 12 June, late in the lead" {
	fixture release-time
	has '"published":"2022-06-14","event_date":"2022-06-12",'
}

@test "published: a date alone on a line, 2022-06-14; event From June 12 to 13" {
	fixture date-alone
	has '"published":"2022-06-14","event_date":"2022-06-12",'
}

@test "published: Aug 09,2021; event August 6, opening the lead" {
	fixture mon-dd-yyyy
	has '"published":"2021-08-09","event_date":"2021-08-06",'
}

@test "published: 09 August 2021" {
	fixture dd-month-yyyy
	has '"published":"2021-08-09","event_date":"2021-08-06",'
}

@test "published: August 9, 2021" {
	fixture month-d-yyyy
	has '"published":"2021-08-09","event_date":"2021-08-06",'
}

@test "published: 2021年8月9日" {
	fixture chinese-date
	has '"published":"2021-08-09","event_date":"2021-08-06",'
}

@test "published: 17 Mar 2016 01:34:33" {
	fixture dd-mon-yyyy-time
	has '"published":"2016-03-17","event_date":"2016-03-15",'
}

@test "published: a CMS stamp in the footer, publishdate:2022/02/10 15:17:10" {
	fixture cms-footer
	has '"published":"2022-02-10","event_date":"2022-02-08",'
}

@test "published: the date under the headline wins over the CMS stamp in the footer" {
	fixture header-and-footer
	has '"published":"2022-02-09",'
}

@test "published: more numeric and written forms" {
	local d want
	while IFS='|' read -r d want; do
		page "Tianhe Steel Group Holds Work Conference" "$d" "" \
			"On August 6, Tianhe Steel Group held its work conference in Hefei. Luo Bin presided."
		has "\"published\":$want,"
	done <<-'EOF'
		2021-8-9|"2021-08-09"
		2021/08/09|"2021-08-09"
		2021.08.09|"2021-08-09"
		Monday, August 9, 2021|"2021-08-09"
		Aug. 9, 2021|"2021-08-09"
		Sept 9, 2021|"2021-09-09"
		9th August 2021|"2021-08-09"
		Views: 2021 Date: 2021-08-09|"2021-08-09"
		Date: 1899-08-09|null
	EOF
}

@test "published: a date that does not exist is null, with a warning" {
	fixture bad-published
	has '"published":null,' '"warnings":["published date 2023-02-30 does not exist","event on February 27, year not known"]'
	page "Tianhe Steel Group Holds Work Conference" "Date: 2021-13-09" "" \
		"On August 6, Tianhe Steel Group held its work conference in Hefei. Luo Bin presided."
	has '"published":null,' '"warnings":["published date 2021-13-09 does not exist","event on August 6, year not known"]'
}

# ---- event_date ----

@test "event: more forms of the date in the lead" {
	local lead want
	while IFS='|' read -r lead want; do
		page "Tianhe Steel Group Holds Work Conference" "Date: 2022-08-10" "" "$lead Luo Bin presided over the meeting."
		has "\"event_date\":$want,"
	done <<-'EOF'
		On the evening of August 5, Tianhe Steel Group held a meeting.|"2022-08-05"
		On the eve of August 1, Tianhe Steel Group held a meeting.|"2022-08-01"
		On Aug. 5, Tianhe Steel Group held a meeting.|"2022-08-05"
		On Sept. 24, Tianhe Steel Group held a meeting.|"2022-09-24"
		On 5th August, Tianhe Steel Group held a meeting.|"2022-08-05"
		Tianhe Steel Group held its work conference in Hefei on 5 August.|"2022-08-05"
		Recently, Tianhe Steel Group held its work conference in Hefei.|null
	EOF
}

@test "event: only the lead counts, not a date in a later paragraph" {
	lead_gives "Tianhe Steel Group Holds Work Conference" \
		"Recently, Tianhe Steel Group held its work conference in Hefei. Luo Bin presided." \
		"On March 3, the group had opened its new plant."
	has '"published":"2022-03-10","event_date":null,'
}

@test "event year: the year written with the date wins (over a later year in the lead)" {
	fixture year-in-date
	has '"published":null,"event_date":"2014-01-06",' '"warnings":[]'
}

@test "event year: from the published date" {
	fixture year-from-published
	has '"published":"2021-05-07","event_date":"2021-05-06",' '"warnings":[]'
}

@test "event year: a December meeting on a January page is in the year before" {
	fixture december-in-january
	has '"published":"2022-01-05","event_date":"2021-12-28",' '"warnings":[]'
}

@test "event year: a January meeting on a December page is in the next year" {
	fixture january-in-december
	has '"published":"2021-12-30","event_date":"2022-01-06",' '"warnings":[]'
}

# extract-meta(1) said only December-on-January was moved back a year; the code moves back every
# month more than one after the page's: reports come after their meetings
@test "event year: a meeting more than a month after the page's month is in the year before" {
	fixture months-before
	has '"published":"2023-03-10","event_date":"2022-10-20",' '"warnings":[]'
}

@test "event year: a meeting in the month after the page's is in the page's year" {
	fixture next-month
	has '"published":"2023-06-30","event_date":"2023-07-02",' '"warnings":[]'
}

@test "event year: a later year in headline and lead than published: that year, and a warning" {
	fixture later-year
	has '"published":"2022-01-25","event_date":"2023-01-24",' \
		'"warnings":["published 2022-01-25 is before 2023, the year the report is about"]'
}

@test "event year: a later year only in the headline is enough; one only further down is not" {
	page "Baiyun Port Group Holds 2023 Work Conference" "Date: 2022-01-25" "" \
		"On January 24, Baiyun Port Group held its work conference in Ningbo. Chen Hao spoke."
	has '"event_date":"2023-01-24",' '"warnings":["published 2022-01-25 is before 2023, the year the report is about"]'
	page "Baiyun Port Group Holds Work Conference" "Date: 2022-01-25" "" \
		"On January 24, Baiyun Port Group held its work conference in Ningbo. Chen Hao spoke." "" \
		"The targets for 2023 were also discussed."
	has '"event_date":"2022-01-24",' '"warnings":[]'
}

@test "event year: with no published date, the latest year in headline and lead" {
	fixture no-published
	has '"published":null,"event_date":"2021-03-09",' '"warnings":[]'
}

@test "event year: no year anywhere gives null, not a made-up year" {
	fixture no-year
	has '"published":null,"event_date":null,'
}

@test "event: a date that does not exist is null, with a warning" {
	fixture bad-event
	has '"published":"2023-03-02","event_date":null,' '"warnings":["event date 2023-02-30 does not exist"]'
}

# ---- source ----

@test "source: Source:, source:, From:, 来源 with either colon" {
	source_is "Source: Tianhe Steel News Center" '"Tianhe Steel News Center"'
	source_is "source:Tianhe Steel" '"Tianhe Steel"'
	source_is "SOURCE : Tianhe Steel" '"Tianhe Steel"'
	source_is "From: Tianhe Daily" '"Tianhe Daily"'
	source_is "来源：天河钢铁" '"天河钢铁"'
	source_is "来源: Tianhe Steel" '"Tianhe Steel"'
	source_is "Source：Tianhe Steel" '"Tianhe Steel"'
	source_is "(Source: Tianhe Steel)" '"Tianhe Steel"'
}

@test "source: ends at two spaces, '|', a date or the next field" {
	source_is "Source: Tianhe Steel  Hits: 12" '"Tianhe Steel"'
	source_is "Source: Tianhe Steel Date: 2022-01-25" '"Tianhe Steel"'
	source_is "Source: Tianhe Steel Time: 2022-01-25" '"Tianhe Steel"'
	source_is "Source: Tianhe Steel Release time: 2022-01-25" '"Tianhe Steel"'
	source_is "Source:Tianhe Steel 2022-01-25 10:00" '"Tianhe Steel"'
	source_is "Source: Tianhe Steel | Author: Li Na" '"Tianhe Steel"'
	source_is "Source: Tianhe Daily Reporter: Wang Fang" '"Tianhe Daily"'
	source_is "Date: 2022-01-25 Source: Tianhe Steel Editor: Wang Fang" '"Tianhe Steel"'
}

@test "source: an empty Source: is null; none at all is null" {
	source_is "Source:" null
	source_is "Source: Date: 2022-01-25" null
	source_is "Browsing volume:73 Hits: Source: Date:2022-01-25" null
	source_is "Home > News" null
}

@test "source: in the footer when the header has none; the header's first" {
	page "Tianhe Steel Group Holds Work Conference" "Date: 2022-01-25" "" \
		"On January 24, Tianhe Steel Group held its work conference in Hefei. Luo Bin presided." "" \
		"Source: Tianhe Steel News Center" "Copyright © 2022 Tianhe Steel Group"
	has '"source":"Tianhe Steel News Center",'
	page "Tianhe Steel Group Holds Work Conference" "Source: Tianhe Daily" "Date: 2022-01-25" "" \
		"On January 24, Tianhe Steel Group held its work conference in Hefei. Luo Bin presided." "" \
		"Source: Tianhe Steel News Center" "Copyright © 2022 Tianhe Steel Group"
	has '"source":"Tianhe Daily",'
}

@test "source: never from the body" {
	lead_gives "Tianhe Steel Group Holds Work Conference" \
		"On March 9, Tianhe Steel Group held its work conference in Hefei. Workers from: all plants." \
		"The figures were checked (source: the finance department) and approved. It went well."
	has '"source":null,'
}

# ---- location ----

@test "location: held/convened/hosted/organized ... in X, in the first two paragraphs" {
	local lead want
	while IFS='|' read -r lead want; do
		lead_gives "Tianhe Steel Group Holds Work Conference" "$lead Luo Bin presided."
		has "\"location\":$want,"
	done <<-'EOF'
		On March 9, Tianhe Steel Group held its work conference in Hefei.|"Hefei"
		On March 9, Tianhe Steel Group convened its work conference in Inner Mongolia.|"Inner Mongolia"
		On March 9, the work conference of Tianhe Steel Group was held in Hefei.|"Hefei"
		On March 9, Tianhe Steel Group held a meeting in Hefei, Anhui Province.|"Hefei"
		On March 9, Tianhe Steel Group hosted a forum in Bank of China Tower.|"Bank of China Tower"
		On March 9, Tianhe Steel Group hosted a forum in Hong Kong & Macao Hall.|"Hong Kong & Macao Hall"
		On March 9, Tianhe Steel Group held its first meeting in 2022 in Hefei.|"Hefei"
	EOF
	lead_gives "Tianhe Steel Group Holds Work Conference" \
		"On March 9, Tianhe Steel Group held its work conference. Luo Bin presided." \
		"The conference was held in Hefei. It lasted two days."
	has '"location":"Hefei",'
	lead_gives "Tianhe Steel Group Holds Work Conference" \
		"On March 9, Tianhe Steel Group held its work conference. Luo Bin presided." \
		"Wang Wei spoke. The work of the year was reviewed." \
		"The conference was held in Hefei. It lasted two days."
	has '"location":null,'
}

@test "location: not after a comma, not a month, not 'the first half'" {
	local lead
	while IFS= read -r lead; do
		lead_gives "Tianhe Steel Group Holds Work Conference" "$lead Luo Bin presided."
		has '"location":null,'
	done <<-'EOF'
		On March 9, Tianhe Steel Group held a video conference, with branch offices in Wuhu and Anqing joining online.
		On March 9, Tianhe Steel Group held a meeting to review the results achieved in February.
		On March 9, Tianhe Steel Group held a meeting to review the results in the first half.
		On March 9, Tianhe Steel Group held its work conference in accordance with the plan.
		Luo Bin was in Hefei. On March 9, Tianhe Steel Group held its work conference.
	EOF
}

@test "location: a headline that ends 'in X', when the lead names no place" {
	lead_gives "Tianhe Steel Group Holds Work Conference in Wuhu" \
		"On March 9, Tianhe Steel Group held its work conference. Luo Bin presided."
	has '"location":"Wuhu",'
	lead_gives "Forum on Rural Revitalization Held in Anhui Province" \
		"On March 9, a forum on rural revitalization opened. Luo Bin presided."
	has '"location":"Anhui Province",'
	# the lead wins over the headline
	lead_gives "Tianhe Steel Group Holds Work Conference in Wuhu" \
		"On March 9, Tianhe Steel Group held its work conference in Hefei. Luo Bin presided."
	has '"location":"Hefei",'
	# not at the end, or a year: no place
	lead_gives "Tianhe Steel Group Holds Work Conference in Hefei on Reform" \
		"On March 9, Tianhe Steel Group held a meeting. Luo Bin presided."
	has '"location":null,'
	lead_gives "Tianhe Steel Group Holds Work Conference in 2022" \
		"On March 9, Tianhe Steel Group held a meeting. Luo Bin presided."
	has '"location":null,'
}

# ---- org ----

@test "org: the subject of held/convened/hosted/organized in the first sentence" {
	local lead want
	while IFS='|' read -r lead want; do
		lead_gives "Work Conference Sets Targets" "$lead Luo Bin presided."
		has "\"org\":$want,"
	done <<-'EOF'
		On March 9, Tianhe Steel Group held its work conference.|"Tianhe Steel Group"
		On March 9, Tianhe Steel Group convened a meeting in Hefei.|"Tianhe Steel Group"
		On March 9, Tianhe Steel Group hosted a forum in Hefei.|"Tianhe Steel Group"
		On March 9, Tianhe Steel Group organized a training course in Hefei.|"Tianhe Steel Group"
		On March 9, the Party Committee of Tianhe Steel Group held an enlarged meeting.|"the Party Committee of Tianhe Steel Group"
		On March 9, Tianhe Steel Group recently held its work conference.|"Tianhe Steel Group"
		On March 9, Tianhe Steel Group and Huaihe Energy Group jointly held a forum in Hefei.|"Tianhe Steel Group and Huaihe Energy Group"
		Tianhe Steel Group held its work conference on March 9.|"Tianhe Steel Group"
	EOF
}

@test "org: the agent of 'was held by X'" {
	fixture chinese-date
	has '"org":"Jinsha Power Group",'
	lead_gives "Work Conference Sets Targets" \
		"On March 9, the work conference was held by Tianhe Steel Group in Hefei. Luo Bin presided."
	has '"org":"Tianhe Steel Group",'
}

@test "org: from the headline when the lead does not say" {
	lead_gives "Tianhe Steel Group Holds Work Conference" \
		"On March 9, the work conference opened. Luo Bin presided."
	has '"org":"Tianhe Steel Group",'
	lead_gives "Tianhe Steel Group Convenes Work Conference" \
		"On March 9, the work conference took place. Luo Bin presided."
	has '"org":"Tianhe Steel Group",'
}

@test "org: passive 'Meeting held in X' names no organiser: null" {
	fixture dd-mon-yyyy-time
	has '"location":"Taiyuan","org":null,'
	lead_gives "Work Conference Sets Targets" \
		"On March 9, the work conference was held in Hefei. Luo Bin presided."
	has '"org":null,'
	lead_gives "Work Conference Held in Hefei" \
		"On March 9, the work conference took place. Luo Bin presided."
	has '"location":"Hefei","org":null,'
	lead_gives "Work Conference Sets Targets" \
		"On March 9, leaders of the group held talks. Luo Bin presided."
	has '"org":null,'
}

# ---- warnings ----

@test "warnings: a headline cut off with ... or …" {
	fixture cut-headline
	has '"warnings":["headline cut off (it ends with an ellipsis)"]'
	printf '%s\n' '{"type":"article","id":"00000000000000af","title":"Tianhe Steel Group Holds Work Conference on Reform and Opening Up in Hefei and the Surrounding Area …","header":[],"body":"","footer":[]}' > "$T/rec"
	run -0 "$BIN/extract-meta" -o "$T/rec"
	has '"warnings":["headline cut off (it ends with an ellipsis)"]'
}

@test "warnings: two at once, in order" {
	page "Baiyun Port Group Holds 2023 Work Conference and Sets Targets for the Year Ahead in Ningbo..." \
		"Date: 2022-01-25" "" \
		"On January 24, Baiyun Port Group held its 2023 work conference in Ningbo. Chen Hao spoke."
	has '"warnings":["published 2022-01-25 is before 2023, the year the report is about","headline cut off (it ends with an ellipsis)"]'
}

# ---- bad input ----

@test "bad records are reported with FILE:LINE and skipped; the rest is processed; status 1" {
	xt_bad_records_are_reported_with_file_line \
		'{"type":"article","id":"00000000000000ab","title":"Tianhe Steel Group Holds Work Conference","header":["Date: 2022-03-10"],"body":"On March 9, Tianhe Steel Group held its work conference in Hefei.","footer":[]}' \
		'"title":"Tianhe Steel Group Holds Work Conference"' \
		'{"type":"article","id":"00000000000000ae","title":"Huaihe Energy Group Holds Safety Meeting","header":[],"body":"On May 6, Huaihe Energy Group held a safety meeting in Huainan.","footer":["publishdate:2021/05/07 10:00:00"]}'
	# the good articles and their meta; the article records without an id and the repaired note pass through
	[ "${#lines[@]}" -eq 7 ]
	[[ ${lines[1]} == '{"type":"meta","article":"00000000000000ab",'*'"published":"2022-03-10","event_date":"2022-03-09",'* ]]
	[ "${lines[2]}" = '{"type":"article","id":"abc","title":"Tianhe Steel Group Holds Work Conference"}' ]
	[ "${lines[3]}" = '{"type":"article","title":"Tianhe Steel Group Holds Work Conference"}' ]
	[[ ${lines[6]} == '{"type":"meta","article":"00000000000000ae",'*'"published":"2021-05-07","event_date":"2021-05-06",'* ]]
}

@test "a truncated last line (no newline) is reported, status 1" {
	xt_a_truncated_last_line_is_reported
	[ "${#lines[@]}" -eq 1 ]
}

@test "a NUL byte inside a record: bad record, status 1" {
	xt_a_nul_byte_inside_a_record_bad_record_st
}

@test "invalid UTF-8 in raw text: U+FFFD, a warning with file and line, status 1, meta still written" {
	printf 'Tianhe Steel Group Holds Work Conf\xe9rence\nDate: 2022-03-10\n\nOn March 9, Tianhe Steel Group held its work conference in Hefei. Luo Bin presided \xff\xfe here.\n' > "$T/bad.txt"
	run -1 --separate-stderr "$BIN/extract-meta" -o "$T/bad.txt"
	assert_stderr_has "extract-meta: $T/bad.txt:1: 3 invalid UTF-8 sequences replaced with U+FFFD (first on this line; if the file is in another encoding, give it with -e ENC)"
	has '"title":"Tianhe Steel Group Holds Work Conf�rence","published":"2022-03-10","event_date":"2022-03-09",'
}

@test "empty input: no output, status 0" {
	xt_empty_input_no_output_status_0
}

@test "a missing file among others: a message, status 1, the others processed" {
	xt_a_missing_file_among_others examples/01-work-conference.txt examples/02-party-committee.txt 2
}

@test "a directory or a binary file among files: a message, status 1, the others processed" {
	xt_a_directory_or_a_binary_file_among_files examples/02-party-committee.txt 1
}

@test "a 20 MB body is read whole, and quickly" {
	{ echo "A Headline Above a Very Long Line"; echo; head -c 20000000 /dev/zero | tr '\0' 'a'; echo .; } > "$T/long.txt"
	run -0 --separate-stderr timeout 60 "$BIN/extract-meta" -o "$T/long.txt"
	assert_output_equal '{"type":"meta","article":"6fe22fa0c5b50e5a","title":"A Headline Above a Very Long Line","published":null,"event_date":null,"source":null,"location":null,"org":null,"warnings":[]}'
}

# ---- output ----

@test "a full disk: a message and status 1" {
	xt_a_full_disk_a_message_and_status_1
}

@test "a closed pipe ends it quietly, as it does cat" {
	xt_a_closed_pipe_ends_it_quietly_as_it_does
}

@test "the same input gives the same bytes, whatever the locale and time zone" {
	xt_the_same_input_gives_the_same_bytes
}

# ---- examples/ ----

@test "golden: split-article examples/*.txt | extract-meta" {
	run -0 --separate-stderr bash -c 'set -o pipefail; "$0" examples/*.txt | "$1"' \
		"$BIN/split-article" "$BIN/extract-meta"
	[ -z "$stderr" ]
	assert_golden extract-meta/examples.jsonl
}

@test "golden: split-article examples/*.txt | extract-meta -o" {
	run -0 --separate-stderr bash -c 'set -o pipefail; "$0" examples/*.txt | "$1" -o' \
		"$BIN/split-article" "$BIN/extract-meta"
	[ -z "$stderr" ]
	assert_golden extract-meta/examples-only.jsonl
}

@test "golden: extract-meta -o -e LATIN1 and -e GBK on the encoded examples" {
	run -0 --separate-stderr bash -c '"$0" -o -e LATIN1 examples/enc/latin1-delegation.txt &&
		"$0" -o -e GBK examples/enc/gbk-district.txt' "$BIN/extract-meta"
	[ -z "$stderr" ]
	assert_golden extract-meta/enc-only.jsonl
}

@test "examples/: the hand-made annotations agree on title, dates, source and location" {
	command -v jq > /dev/null || skip "jq is not installed"
	local gold txt
	for gold in examples/*.gold.json; do
		txt=${gold%.gold.json}.txt
		diff <(jq -c '{title, published, event_date, source, location}' "$gold") \
			<("$BIN/extract-meta" -o "$txt" | jq -c '{title, published, event_date, source, location}') ||
			{ echo "differs: $txt"; return 1; }
	done
}

# ---- the man page ----

@test "the man page's examples run" {
	xt_the_man_page_s_examples_run 6 'split-article\|extract-meta' extract-people extract-directives to-tsv
}

@test "the man page: SYNOPSIS is the usage line; mandoc -T lint is clean" {
	xt_the_man_page_synopsis_is_the_usage_line_
}

# ---- regressions: each failed before its fix ----

@test "regression: a wire dateline with a space after the comma gives the location" {
	page "Tianhe Steel Work Conference" "" "Beijing, 9 Sep (Xinhua) -- Tianhe Steel Group opened its work conference on Wednesday. It went on for two days."
	has '"location":"Beijing"'
	page "Tianhe Steel Work Conference" "" "Beijing, March 9 (Xinhua) -- Tianhe Steel Group opened its work conference on Wednesday. It went on for two days."
	has '"location":"Beijing"'
}

@test "regression: the org after a wire dateline is the subject, not the dateline" {
	page "A Work Conference Report" "" "Beijing, March 9 (Xinhua) -- Tianhe Steel Group held its work conference on Wednesday. It went well."
	has '"org":"Tianhe Steel Group"'
}

@test "regression: a meeting months before the page's date keeps the page's year" {
	page "Tianhe Steel Work Conference" "Date: 2022-08-10" "" "On January 24, Tianhe Steel Group held its work conference. It went well."
	has '"event_date":"2022-01-24"'
	page "Tianhe Steel Work Conference" "Date: 2022-10-10" "" "On March 24, Tianhe Steel Group held its work conference. It went well."
	has '"event_date":"2022-03-24"'
}

@test "regression: a December meeting in a January page is last year's; January in December is next year's" {
	page "Tianhe Steel Work Conference" "Date: 2023-01-05" "" "On December 28, Tianhe Steel Group held its work conference. It went well."
	has '"event_date":"2022-12-28"'
	page "Tianhe Steel Work Conference" "Date: 2022-12-30" "" "On January 3, Tianhe Steel Group will hold its work conference. It is planned."
	has '"event_date":"2023-01-03"'
}

@test "regression: Browsing volume: ends the source" {
	page "Tianhe Steel Work Conference" "Time:2022-01-25 Source:Tianhe Steel Browsing volume:73" "" "On January 24, Tianhe Steel Group held its work conference. It went well."
	has '"source":"Tianhe Steel"'
}

@test "regression: a source that begins like a field name is kept whole" {
	page "Tianhe Steel Work Conference" "Source: Editorial Office" "" "On January 24, Tianhe Steel Group held its work conference. It went well."
	has '"source":"Editorial Office"'
	page "Tianhe Steel Work Conference" "Source: Photography Association of Hefei  Date: 2022-01-25" "" "On January 24, Tianhe Steel Group held its work conference. It went well."
	has '"source":"Photography Association of Hefei"'
}

@test "regression: brackets in a source are kept balanced" {
	page "Tianhe Steel Work Conference" "Source: Xinhua News Agency (Beijing)" "" "On January 24, Tianhe Steel Group held its work conference. It went well."
	has '"source":"Xinhua News Agency (Beijing)"'
}

@test "regression: Co., Ltd. in the organisation's name" {
	page "A Work Conference Report" "" "On March 9, Tianhe Steel Group Co., Ltd. held its work conference in Hefei. It went well."
	has '"org":"Tianhe Steel Group Co., Ltd."' '"location":"Hefei"'
}

@test "regression: a reporting verb before the subject is not part of the org" {
	page "A Work Conference Report" "" "On March 9, Luo Bin said the group held a meeting in Hefei. It went well."
	has '"org":"the group"'
}

@test "regression: an article id that is not 16 hex digits is reported, nothing derived" {
	printf '%s\n' '{"type":"article","id":"\"\"\"\"\"\"\"\"\"\"\"\"\"\"\"\"","body":"x"}' \
		'{"type":"article","id":"zzzzzzzzzzzzzzzz","body":"x"}' > "$T/ids.jsonl"
	run -1 --separate-stderr "$BIN/extract-meta" -o "$T/ids.jsonl"
	[ -z "$output" ]
	assert_stderr_has "ids.jsonl:1: article record without an \"id\" of 16 hex digits"
	assert_stderr_has "ids.jsonl:2: article record without an \"id\" of 16 hex digits"
}

# ---- page layouts of real sites (issue 14): each kind a fixture with golden output ----

@test "CMS labels: several on one line, 'Publishdate:2019-07-25 Views:2566 Source:'" {
	fixture labels-one-line
	has '"published":"2019-07-25","event_date":"2019-07-23","source":null,'
}

@test "CMS labels: 'release time:2018-07-23' in lower case" {
	fixture release-time-lower
	has '"published":"2018-07-23",'
}

@test "CMS labels: 'ReleaseDate: 2011-09-01', the words run together" {
	fixture releasedate
	has '"published":"2011-09-01",'
}

@test "CMS labels: a label alone with its value on the next line; an empty Source: is null" {
	fixture annual-review
	has '"published":"2024-01-04",'
	has '"source":null,'
}

@test "CMS labels: a date glued to the first sentence ('date 2023-10-13 The ... held ...'): published, and no title" {
	fixture date-line-no-headline
	has '"title":null,"published":"2023-10-13","event_date":"2023-10-11",'
}

@test "site banner: today's date in a welcome line is not the page's date when the page prints its own" {
	fixture site-banner
	has '"published":"2021-10-14",'
}

@test "date forms: DD-MM-YYYY, 27-07-2021" {
	fixture dd-mm-yyyy
	has '"published":"2021-07-27",'
}

@test "date forms: an ambiguous 05-09-2023 settled by the event it reports (day first)" {
	fixture ambiguous-dmy
	has '"published":"2023-09-05","event_date":"2023-08-29",'
}

@test "date forms: an ambiguous 09-05-2023 settled by the event it reports (month first)" {
	fixture ambiguous-mdy
	has '"published":"2023-09-05","event_date":"2023-08-30",'
}

@test "date forms: M/D/YYYY with a time and PM, 5/12/2022 4:57:21 PM" {
	fixture mdy-slash-pm
	has '"published":"2022-05-12",'
}

@test "date forms: a lower-case month in a range, 'From 17 to 18, january, 2018': the first day" {
	fixture lower-case-month
	has '"event_date":"2018-01-17",'
}

@test "date forms: a range of ordinals, 'From March 30th to 31st': the first day" {
	fixture range-ordinals
	has '"event_date":"2023-03-30",'
}

@test "date forms: 'In the afternoon of April 14th'" {
	fixture afternoon-of
	has '"published":"2018-04-15","event_date":"2018-04-14","source":null,'
}

@test "date forms: more ranges and forms in the lead" {
	local lead want
	while IFS='|' read -r lead want; do
		lead_gives "Tianhe Steel Group Holds Work Conference" "$lead Tianhe Steel Group held its work conference."
		has "\"event_date\":$want,"
	done <<-'EOF'
		From March 30 to 31, 2021,|"2021-03-30"
		On March 9th,|"2022-03-09"
		On the afternoon of march 9,|"2022-03-09"
		On 8-9 March,|"2022-03-08"
		From 8 to 9 March 2021,|"2021-03-08"
		On July,15 through 17, 2021,|"2021-07-15"
	EOF
}

@test "year from the text: 'the Working Conference for the Year of 2022' with no page date" {
	fixture year-of-text
	has '"published":null,"event_date":"2022-02-09",'
}

@test "year from the text: a 2023 annual review held on December 28, published in January, is 2023-12-28" {
	fixture annual-review
	has '"published":"2024-01-04","event_date":"2023-12-28",'
}

@test "event day with no year and no page date: null, and a warning names the day seen" {
	fixture event-no-year
	has '"event_date":null,'
	has '"warnings":["event on March 9, year not known"]'
}

@test "location: a wire dateline after a photo's caption; the event date from it" {
	fixture held-in-dateline
	has '"event_date":"2024-06-03","source":null,"location":"BEIJING",'
}

@test "location: a hotel is not the location when the headline names the city" {
	fixture hall-not-location
	has '"location":"Baoding",'
}

@test "location: a room is not a location" {
	fixture room-not-location
	has '"location":null,'
}

@test "location: the sub-venues of a teleconference are not the location" {
	fixture teleconference
	has '"location":null,'
}

@test "location: an organisation's abbreviation in capitals ('held in QJCC') is not a place" {
	fixture abbreviation-not-location
	has '"location":null,'
}

@test "title: a column's name before a bar, 'Party Building News | ...', is left off" {
	fixture column-prefix
	has '"title":"Tiancheng Group Holds Theme Education Meeting",'
}

@test "title: dashes around the headline are left off" {
	fixture dashes-title
	has '"title":"Vice President Mr. Zhao Wen Paid an Inspection Visit to Norhua International",'
}

@test "title: a date and time glued to the end of the headline is the page's date, not the title's" {
	fixture title-date-tail
	has '"title":"Tianhe Agricultural Group Deploys Party History Study","published":"2021-05-10",'
	fixture title-date-paren
	has '"title":"Our Institute Holds Its Congress of Teachers and Students","published":"2021-07-08",'
}

@test "title: a date glued to the front of the headline ('date 2024-05-20 ...')" {
	run -0 --separate-stderr "$BIN/extract-meta" -o "$FIX/split-article/date-glued-headline.txt"
	has '"title":"Lanshan County Holds Work Conference on Rural Revitalization. Sun Tao Attends and Speaks","published":"2024-05-20","event_date":"2024-05-18",'
}

@test "title: an all-lower-case page" {
	fixture lower-case-page
	has '"title":"jinlong pharmaceutical holds safety meeting","published":"2022-11-02","event_date":"2022-11-01",'
}

@test "source: 'Information sources:FEDI'" {
	fixture information-sources
	has '"source":"FEDI",'
}

@test "source: 'From: ...' on a line of its own" {
	fixture from-label
	has '"source":"Rongsheng Textile News Center",'
}

@test "source: an empty Source: under the headline gives the footer's real one" {
	fixture empty-source-footer
	has '"source":"Kaiyuan Power News Center",'
}

@test "source: a Source: label followed by another label ('Source: Posted Date:...', 'Reading times:') is null" {
	fixture source-then-label
	has '"published":"2017-09-13","event_date":"2017-09-05","source":null,'
	source_is "Release time:2018-04-15 Article source: Reading times: A+ A A-" null
}

# ---- page.published: the date an HTML page declares ----

@test "published: page.published where the text has none, over the text's when more than a day apart, the text's within a day" {
	rec() { printf '{"type":"article","id":"%s","src":"-","line":1,"title":"T","header":[%s],"body":"On May 5, the group held a meeting.","footer":[],"page":{"url":null,"published":%s,"site":null,"lang":null}}\n' "$@"; }
	{ rec 0000000000000001 '' '"2024-04-18"'
	  rec 0000000000000002 '"Date: 2023-01-01"' '"2024-04-18"'
	  rec 0000000000000003 '"Date: 2024-04-19"' '"2024-04-18"'
	  rec 0000000000000004 '"Date: 2024-04-19"' 'null'
	} > "$BATS_TEST_TMPDIR/in"
	run -0 "$BIN/extract-meta" -o "$BATS_TEST_TMPDIR/in"
	[[ "${lines[0]}" == *'"published":"2024-04-18"'* ]]
	[[ "${lines[1]}" == *'"published":"2024-04-18"'* ]]
	[[ "${lines[2]}" == *'"published":"2024-04-19"'* ]]
	[[ "${lines[3]}" == *'"published":"2024-04-19"'* ]]
}

@test "published: an HTML page read directly gives its declared date" {
	run -0 "$BIN/extract-meta" -o tests/fixtures/html/news.html
	[[ "$output" == *'"published":"2024-04-18"'* ]]
}
