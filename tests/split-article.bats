#!/usr/bin/env bats
# split-article: options, error paths, golden output on examples/, and "nothing lost".

load test_helper

setup() {
	T=$BATS_TEST_TMPDIR
	cd "$ROOT"	# golden files hold the file names as given: examples/...
}

# split FILE... and compare with the golden file NAME
golden() {
	local name=$1
	shift
	run -0 "$BIN/split-article" "$@"
	assert_golden "split-article/$name.jsonl"
}

# nothing lost: every non-blank line of FILE is in exactly one place of its records
lost() {
	local enc=()
	if [ "$1" = -e ]; then enc=(-e "$2"); shift 2; fi
	"$BIN/split-article" "${enc[@]}" "$1" > "$T/rec"
	run "$BIN/readout-lostcheck" "${enc[@]}" "$1" "$T/rec"
	[ "$status" -eq 0 ] || { echo "$output"; return 1; }
}

@test "--help prints the usage to stdout and exits 0" {
	run -0 --separate-stderr "$BIN/split-article" --help
	[ "${lines[0]}" = "usage: split-article [-uv] [-e ENC] [-f html|text] [--seen FILE] [--counters] [FILE ...]" ]
	[ -z "$stderr" ]
}

@test "-h is --help" {
	run -0 "$BIN/split-article" --help
	local long=$output
	run -0 "$BIN/split-article" -h
	[ "$output" = "$long" ]
}

@test "--version prints the version" {
	run -0 "$BIN/split-article" --version
	[[ "$output" =~ ^split-article\ [0-9]+\.[0-9]+\.[0-9]+$ ]]
}

@test "an unknown option is a usage error (status 2)" {
	run -2 --separate-stderr "$BIN/split-article" -x
	assert_stderr_has "split-article: unknown option '-x'"
	assert_stderr_has "usage: split-article"
	[ -z "$output" ]
}

@test "an unknown long option is a usage error" {
	run -2 --separate-stderr "$BIN/split-article" --frobnicate
	assert_stderr_has "unknown option '--frobnicate'"
}

@test "-e without an argument is a usage error" {
	run -2 --separate-stderr "$BIN/split-article" -e
	assert_stderr_has "option -e needs an argument"
}

@test "-e with an encoding iconv does not know is a usage error" {
	run -2 --separate-stderr "$BIN/split-article" -e NO-SUCH-CODE "$EX/01-work-conference.txt"
	assert_stderr_has "unknown encoding 'NO-SUCH-CODE'"
	[ -z "$output" ]
}

@test "golden: 01 navigation, Source/Date line, wrapped copyright, CMS stamp" {
	golden 01 "examples/01-work-conference.txt"
}

@test "golden: 02 breadcrumb, Time: and Browsing volume:, Related news footer" {
	golden 02 "examples/02-party-committee.txt"
}

@test "golden: 03 hard-wrapped paragraphs are joined back" {
	golden 03 "examples/03-hard-wrapped.txt"
}

@test "golden: 04 three articles in one file without form feeds" {
	golden 04 "examples/04-three-in-one.txt"
}

@test "golden: 05 articles split at form feeds, one without a headline" {
	golden 05 "examples/05-form-feeds.txt"
}

@test "golden: 06 BOM and CRLF" {
	golden 06 "examples/06-crlf-bom.txt"
}

@test "golden: 07 Chinese footer" {
	golden 07 "examples/07-chinese-footer.txt"
}

@test "golden: 08 no headline, wire-service dateline, editor line" {
	golden 08 "examples/08-no-header.txt"
}

@test "golden: 09 date line under the headline, Print/Close footer" {
	golden 09 "examples/09-results-not-directives.txt"
}

@test "golden: 10 section label, cut headline, repeated headline in the footer" {
	golden 10 "examples/10-long-headline.txt"
}

@test "golden: -e LATIN1 converts a Latin-1 page" {
	golden latin1 -e LATIN1 "examples/enc/latin1-delegation.txt"
}

@test "golden: -e GBK converts a GBK page" {
	golden gbk -e GBK "examples/enc/gbk-district.txt"
}

@test "the headline of every example is found" {
	for f in "$EX"/0*.txt "$EX"/10*.txt; do
		"$BIN/split-article" "$f" > "$T/out"
		grep -q '"title":"' "$T/out" || [[ $f == *08-no-header* ]] || { echo "no title: $f"; return 1; }
	done
}

@test "nothing lost: every example, line by line" {
	for f in "$EX"/*.txt; do
		lost "$f"
	done
	lost -e LATIN1 "$EX/enc/latin1-delegation.txt"
	lost -e GBK "$EX/enc/gbk-district.txt"
}

@test "nothing lost: all examples in one stream" {
	cat "$EX"/*.txt > "$T/all.txt"
	lost "$T/all.txt"
}

@test "each file starts a new article; records come in the order of the files" {
	run -0 "$BIN/split-article" "$EX/02-party-committee.txt" "$EX/01-work-conference.txt"
	[ "${#lines[@]}" -eq 2 ]
	[[ ${lines[0]} == *'"src":"'"$EX"'/02-party-committee.txt","line":1,'* ]]
	[[ ${lines[1]} == *'"src":"'"$EX"'/01-work-conference.txt","line":1,'* ]]
}

@test "line is where each article starts in its file" {
	run -0 "$BIN/split-article" "$EX/04-three-in-one.txt"
	[ "${#lines[@]}" -eq 3 ]
	[[ ${lines[0]} == *'"line":1,'* ]]
	[[ ${lines[1]} == *'"line":11,'* ]]
	[[ ${lines[2]} == *'"line":23,'* ]]
}

@test "standard input when no file is named, and '-' names it; src is -" {
	run -0 "$BIN/split-article" < "$EX/01-work-conference.txt"
	local a=$output
	run -0 "$BIN/split-article" - < "$EX/01-work-conference.txt"
	[ "$output" = "$a" ]
	[[ $a == *'"src":"-","line":1,'* ]]
}

@test "a form feed inside a line splits articles too" {
	printf 'First Headline About a Meeting\nOn May 3, the group held a meeting. It went well.\fSecond Headline About a Meeting\nOn May 4, the group held another meeting. It went well too.\n' > "$T/ff.txt"
	run -0 "$BIN/split-article" "$T/ff.txt"
	[ "${#lines[@]}" -eq 2 ]
	[[ ${lines[1]} == *'"line":2,"title":"Second Headline About a Meeting"'* ]]
}

@test "CRLF and a BOM give the same article as LF without BOM" {
	sed 's/\r$//' "$EX/06-crlf-bom.txt" | tail -c +4 > "$T/lf.txt"
	cp "$EX/06-crlf-bom.txt" "$T/crlf.txt"
	run -0 "$BIN/split-article" "$T/lf.txt"
	local lf=${output/lf.txt/X}
	run -0 "$BIN/split-article" "$T/crlf.txt"
	[ "${output/crlf.txt/X}" = "$lf" ]
}

@test "the same article scraped twice, wrapped differently, with other navigation and footer, has the same id" {
	"$BIN/split-article" "$EX/03-hard-wrapped.txt" > "$T/a"
	{ echo "Home > Archive"; head -n 2 "$EX/03-hard-wrapped.txt"; tail -n +3 "$EX/03-hard-wrapped.txt" | grep -v -e Copyright -e Reserved -e ICP | fmt -w 60; echo "Contact Us | Site Map"; } > "$T/b.txt"
	"$BIN/split-article" "$T/b.txt" > "$T/b"
	[ "$(grep -o '"id":"[0-9a-f]*"' "$T/a")" = "$(grep -o '"id":"[0-9a-f]*"' "$T/b")" ]
}

@test "ids are 16 lowercase hex digits, and differ between articles" {
	run -0 "$BIN/split-article" "$EX"/*.txt
	ids=$(printf '%s\n' "${lines[@]}" | grep -o '"id":"[^"]*"' | sort)
	[ "$(printf '%s\n' "$ids" | grep -cv '"id":"[0-9a-f]\{16\}"')" -eq 0 ]
	[ "$(printf '%s\n' "$ids" | uniq -d | wc -l)" -eq 0 ]
}

@test "-u writes an article once even when it was scraped twice" {
	cp "$EX/01-work-conference.txt" "$T/again.txt"
	run -0 "$BIN/split-article" "$EX/01-work-conference.txt" "$T/again.txt"
	[ "${#lines[@]}" -eq 2 ]
	run -0 "$BIN/split-article" -u "$EX/01-work-conference.txt" "$T/again.txt" "$EX/02-party-committee.txt"
	[ "${#lines[@]}" -eq 2 ]
	[[ ${lines[1]} == *02-party-committee* ]]
}

@test "output is deterministic" {
	a=$("$BIN/split-article" "$EX"/*.txt | cksum)
	b=$("$BIN/split-article" "$EX"/*.txt | cksum)
	[ "$a" = "$b" ]
}

@test "empty input gives no output and status 0" {
	: > "$T/empty.txt"
	run -0 --separate-stderr "$BIN/split-article" "$T/empty.txt"
	[ -z "$output" ] && [ -z "$stderr" ]
	run -0 "$BIN/split-article" < /dev/null
	[ -z "$output" ]
}

@test "blank lines only (spaces, tabs, no-break spaces) give nothing" {
	printf '\n  \n\t\n\xc2\xa0\n' > "$T/blank.txt"
	run -0 --separate-stderr "$BIN/split-article" "$T/blank.txt"
	[ -z "$output" ] && [ -z "$stderr" ]
}

@test "a last line without a newline is kept" {
	printf 'A Headline Without Any Newline At All\n\nOn May 3, the group held a meeting. It went well.' > "$T/nonl.txt"
	run -0 "$BIN/split-article" "$T/nonl.txt"
	[[ $output == *'"body":"On May 3, the group held a meeting. It went well."'* ]]
}

@test "a file of boilerplate only: a warning naming file and line, no article" {
	printf 'Home > News\n\nContact Us | Site Map\nCopyright © 2020 Example Group. All rights reserved.\n' > "$T/boiler.txt"
	run -0 --separate-stderr "$BIN/split-article" "$T/boiler.txt" "$EX/08-no-header.txt"
	[ "${#lines[@]}" -eq 1 ]
	assert_stderr_has "split-article: $T/boiler.txt:1: 3 lines of page navigation, metadata or footer and no article: skipped"
}

@test "invalid UTF-8: replaced by U+FFFD, counted, named with file and line, status 1" {
	printf 'Headline of a Broken Page Here\n\nOn May 3, the caf\xe9 group held a meeting \xff\xfe here. It went well.\n' > "$T/bad.txt"
	run -1 --separate-stderr "$BIN/split-article" "$T/bad.txt"
	assert_stderr_has "split-article: $T/bad.txt:3: 3 invalid UTF-8 sequences replaced with U+FFFD"
	assert_stderr_has "-e ENC"
	[[ $output == *'caf�'*'meeting �� here'* ]]
}

@test "NUL bytes: replaced by U+FFFD, reported with the line, status 1" {
	printf 'Headline of a Page With Nulls\n\nOn May 3, the group\0 held a meeting. It went well.\n' > "$T/nul.txt"
	run -1 --separate-stderr "$BIN/split-article" "$T/nul.txt"
	assert_stderr_has "split-article: $T/nul.txt:3: 1 NUL byte replaced with U+FFFD"
	[[ $output == *'group� held'* ]]
}

@test "a Latin-1 file without -e: a warning that suggests -e" {
	run -1 --separate-stderr "$BIN/split-article" "$EX/enc/latin1-delegation.txt"
	assert_stderr_has "invalid UTF-8 sequences replaced with U+FFFD (first on this line; if the file is in another encoding, give it with -e ENC)"
}

@test "a byte that is not valid in the -e encoding: U+FFFD and a warning with the line" {
	{ iconv -f UTF-8 -t GBK <<< 'Jiangbei District Holds a Meeting on Housing'; echo; printf 'On May 3, the district held a meeting \x81 here. It went well.\n'; } > "$T/gbk.txt"
	run -1 --separate-stderr "$BIN/split-article" -e GBK "$T/gbk.txt"
	assert_stderr_has "split-article: $T/gbk.txt:3: 1 byte sequence not valid in the input encoding replaced with U+FFFD"
	[[ $output == *'meeting �'* ]]
}

@test "a binary file is skipped with a message; the other files are still processed" {
	{ printf '\177ELF\2\1\1'; head -c 8185 /dev/zero; } > "$T/prog.bin"	# an ELF header and NULs (not $BIN/split-article: under make valgrind it is a script)
	run -1 --separate-stderr "$BIN/split-article" "$T/prog.bin" "$EX/01-work-conference.txt"
	assert_stderr_has "split-article: $T/prog.bin: binary file skipped"
	[ "${#lines[@]}" -eq 1 ]
}

@test "a missing file among others: a message, status 1, the others processed" {
	run -1 --separate-stderr "$BIN/split-article" "$EX/01-work-conference.txt" "$T/nope.txt" "$EX/02-party-committee.txt"
	assert_stderr_has "split-article: $T/nope.txt: cannot open: No such file or directory"
	[ "${#lines[@]}" -eq 2 ]
}

@test "a directory among files: a message, status 1, the others processed" {
	run -1 --separate-stderr "$BIN/split-article" "$T" "$EX/02-party-committee.txt"
	assert_stderr_has "split-article: $T: is a directory"
	[ "${#lines[@]}" -eq 1 ]
}

@test "an unreadable file: a message, status 1" {
	[ "$(id -u)" -ne 0 ] || skip "root reads every file"
	cp "$EX/01-work-conference.txt" "$T/locked.txt"
	chmod 000 "$T/locked.txt"
	run -1 --separate-stderr "$BIN/split-article" "$T/locked.txt"
	assert_stderr_has "cannot open: Permission denied"
}

@test "a 50 MB line is one paragraph, read whole" {
	{ echo "A Headline Above a Very Long Line"; echo; head -c 50000000 /dev/zero | tr '\0' 'a'; echo .; } > "$T/long.txt"
	"$BIN/split-article" "$T/long.txt" > "$T/out"
	[ "$(wc -l < "$T/out")" -eq 1 ]
	[ "$(grep -o 'a*' "$T/out" | awk 'length > m { m = length } END { print m }')" -eq 50000000 ]
}

@test "a full disk: a message and status 1" {
	[ -w /dev/full ] || skip "no /dev/full"
	run -1 --separate-stderr bash -c '"$0" "$1" > /dev/full' "$BIN/split-article" "$EX/01-work-conference.txt"
	assert_stderr_has "split-article: write error: No space left on device"
}

@test "a closed pipe ends it quietly, as it does cat" {
	for i in 1 2 3 4 5 6 7 8; do cat "$EX"/*.txt; done > "$T/many.txt"
	for i in 1 2 3 4 5 6 7 8; do cat "$T/many.txt"; done > "$T/more.txt"
	run -0 --separate-stderr bash -c '"$0" "$1" | head -n 1' "$BIN/split-article" "$T/more.txt"
	[ "${#lines[@]}" -eq 1 ]
	[ -z "$stderr" ]
}

# ---- page layouts of real sites (issue 14): tests/fixtures/split-article/ ----

@test "layout: CMS labels alone on their lines, each value on the next (Category:, Author:, Published Time:)" {
	golden cms-label-alone "tests/fixtures/split-article/cms-label-alone.txt"
	[ "$(grep -c '"type":"article"' <<< "$output")" -eq 1 ]
	[[ $output == *'"body":"On the morning of August 10th,'* ]]
}

@test "layout: a date glued to the first sentence ('date 2023-01-31 On January 30, ...') is the body's first line" {
	golden date-glued "tests/fixtures/split-article/date-glued.txt"
	[[ $output == *'"title":null,"header":[],"body":"date 2023-01-31 On January 30,'* ]]
}

@test "layout: a date glued to a headline of several sentences with no full stop at its end is the title" {
	golden date-glued-headline "tests/fixtures/split-article/date-glued-headline.txt"
	[[ $output == *'"title":"date 2024-05-20 Lanshan County Holds'* ]]
}

@test "layout: the headline printed again with a Source: line over the second half is one article" {
	golden headline-twice "tests/fixtures/split-article/headline-twice.txt"
	[ "$(grep -c '"type":"article"' <<< "$output")" -eq 1 ]
	[[ $output == *'"footer":[],"page":null}'* ]]
}

@test "layout: teasers of related articles cut with '...' after the footer are footer, not new articles" {
	golden related-teasers "tests/fixtures/split-article/related-teasers.txt"
	[ "$(grep -c '"type":"article"' <<< "$output")" -eq 1 ]
}

@test "layout: the breadcrumb's section name again under it ('Party affairs 党建动态') is no headline" {
	golden section-name "tests/fixtures/split-article/section-name.txt"
	[[ $output == *'"title":null'* ]]
}

@test "layout: a headline in the title bar with the site's name and again over the body (all lower case): the second" {
	golden title-bar-twice "tests/fixtures/split-article/title-bar-twice.txt"
	[[ $output == *"\"title\":\"new year's message to all staff\""* ]]
}

@test "layout: a line of digits (a count of views) is never the headline" {
	printf '%s\n' "Jul 03,2024" "0" "" "In order to carry out the plan, the school and the company signed an agreement on training, and the two sides discussed the next steps of their cooperation. Dean Zhao spoke." > "$T/p.txt"
	run -0 "$BIN/split-article" "$T/p.txt"
	[[ $output == *'"title":null,"header":["Jul 03,2024","0"]'* ]]
}

@test "layout: a CMS stamp that starts with a date ('2021-09-25 14:21:53 admin source:') is header, not body" {
	printf '%s\n' "Liu Qiang Met Guests from the Railway Group" "2021-09-25 14:21:53 admin source: share:" "On August 5, Liu Qiang met the guests and the two sides talked about the new railway line and the stations along it." > "$T/p.txt"
	run -0 "$BIN/split-article" "$T/p.txt"
	[[ $output == *'"header":["2021-09-25 14:21:53 admin source: share:"],"body":"On August 5,'* ]]
}

@test "nothing lost: every page layout fixture, line by line" {
	for f in "$ROOT"/tests/fixtures/split-article/*.txt; do
		lost "$f"
	done
}

# ---- HTML ----

H=tests/fixtures/html

@test "golden: html: a Chinese CMS template (menu, breadcrumb, Source/Date/Views line, editor, Print/Close, Related news, ICP footer)" {
	golden html-cms "$H/cms-template.html"
}

@test "golden: html: an article in layout tables, headline in <font><b>, paragraphs split by <br><br>" {
	golden html-layout-table "$H/layout-table.html"
}

@test "golden: html: a general news page (header, nav, byline, share, figure, related links, comments, aside, footer; og, canonical, JSON-LD)" {
	golden html-news "$H/news.html"
}

@test "golden: html: no <h1>: the title is <title> less the site name" {
	golden html-no-h1 "$H/no-h1.html"
}

@test "golden: html: a GB2312 page is read as GB18030 by its <meta charset>" {
	golden html-gb2312 "$H/gb2312.html"
}

@test "golden: html: two pages in one file are two articles" {
	golden html-two-pages "$H/two-pages.html"
}

@test "html: related box: a heading of a related-posts class first in its box puts the whole box out of the body, however much text its teasers hold" {
	golden html-related-box-heading "$H/related-box-heading.html"
	[[ $output == *'to report every outage within the hour.","footer":["You may also like","On October 30,'* ]]
}

@test "regression: html: a headline <h2> of a boilerplate name that is no box title (header-title) first in the article's box leaves the box alone" {
	cat > "$T/h.html" <<-'EOF'
	<html><head><title>Port Group Holds Its Safety Meeting</title></head><body>
	<div class="links"><p>Other news: the group's choir won the provincial prize this year, and the staff canteen opened a new hall for the dock workers on the night shift.</p></div>
	<div class="item"><h2 class="header-title">Port Group Holds Its Safety Meeting</h2>
	<p>On May 6, the port group held its meeting on safety in the rainy season, and chairman Lu Bo attended and spoke.</p>
	<p>He asked every terminal to check its drains and its cranes before the end of the month, and to keep crews on duty at night.</p></div>
	</body></html>
	EOF
	run -0 "$BIN/split-article" "$T/h.html"
	[[ $output == *'"body":"On May 6, the port group held'*'crews on duty at night."'* ]]
}

@test "html: split by figures: an article cut in parts by a figure and a box, each part built alike (same tags and class names), is all body" {
	golden html-split-by-figures "$H/split-by-figures.html"
	[[ $output == *'"body":"When the engineers of the Hengshan'*'the rules for the teams.\nWu Fang is not done.'* ]]
	[[ $output == *'"footer":["The cooling towers of the rolling mill in the spring.","Read our series'* ]]
}

@test "html: byline stamp: a short line with a date that is no sentence among the first lines of the body is header, and so is the standfirst above it" {
	golden html-byline-stamp "$H/byline-stamp.html"
	[[ $output == *'"header":["Northern Energy Review | Coal | Power","Twelve million tonnes a year will go by rail to the ports","Posted by Zhao Lei | March 4, 2024 09:15"],"body":"On March 3,'* ]]
}

@test "html: button lines: a line all of <button> text (Listen to this story, View Comments) is a control, never body" {
	golden html-button-lines "$H/button-lines.html"
	[[ $output == *'"footer":["Listen to this story","View Comments 12",'* ]]
}

@test "html: ad boxes: an element with the word ad, ads or advert... among its class or id words is boilerplate, whatever else it is named (not head, load, adapt)" {
	golden html-ad-boxes "$H/ad-boxes.html"
	[[ $output == *'"footer":["ADVERTISEMENT","Advertisement",'* ]]
	[[ $output == *'in the autumn."'* ]]
}

@test "html: linked prose: a long sentence of the article mostly in a link, with 60 characters of its own and links under 70 percent, stays body" {
	golden html-linked-summary "$H/linked-summary.html"
	[[ $output == *'coast.\nThe northern coal group signed'* ]]
	[[ $output == *'"footer":["Grid Brief. All rights reserved."]'* ]]
}

@test "html: caption spans: a line all inside inline elements of boilerplate names (<span class=caption>, <span class=photo-credit>) is never body" {
	golden html-caption-spans "$H/caption-spans.html"
	[[ $output == *'"footer":["The new loading station at the mine (Photo: company press office)","Photo by Li Ming",'* ]]
}

@test "html: headline repeated: with no <h1>, the line that is the <title> less the site name is the title, not a line of the body" {
	run -0 "$BIN/split-article" "$H/byline-stamp.html"
	[[ $output == *'"title":"Coal Group Signs Rail Freight Agreement","header":["Northern Energy Review | Coal | Power","Twelve'* ]]
	[[ $output != *'"body":"Coal Group'* ]]
}

@test "nothing lost: html: every line of every HTML fixture is in exactly one place" {
	local f
	for f in "$H"/*.html; do
		lost "$f"
	done
}

@test "regression: a section label repeated over the next headline is not the headline again: two articles" {
	printf '%s\n' "Company News" "Tianhe Steel Group Holds Work Conference" "Date: 2022-01-25" \
		"On January 24, Tianhe Steel Group held its work conference in Hefei. Luo Bin presided." \
		"Company News" "Baiyun Port Group Opens a New Container Terminal" "Date: 2022-01-26" \
		"On January 25, Baiyun Port Group opened its new container terminal. Chen Hao spoke." > "$T/p.txt"
	run -0 "$BIN/split-article" "$T/p.txt"
	[ "${#lines[@]}" -eq 2 ]
	[[ ${lines[1]} == *'"title":"Baiyun Port Group Opens a New Container Terminal"'* ]]
}

@test "html: detected by content from standard input; -f text reads the markup as text; -f html forces HTML" {
	run -0 "$BIN/split-article" < "$H/news.html"
	[[ "$output" == *'"title":"Port operator reports record first quarter"'* ]]
	run -0 "$BIN/split-article" -f text "$H/news.html"
	[[ "$output" == *'"page":null}' ]]
	[[ "$output" == *'<'* ]]
	printf 'Home\n<p>On May 5, the group held its work meeting in Beijing and many attended it.</p>\n' > "$T/late.html"
	run -0 "$BIN/split-article" "$T/late.html"
	[[ "$output" == *'<p>'* ]]
	run -0 "$BIN/split-article" -f html "$T/late.html"
	[[ "$output" == *'"body":"Home\nOn May 5, the group held its work meeting in Beijing and many attended it."'* ]]
}

@test "html: -f with neither html nor text is a usage error" {
	run -2 --separate-stderr "$BIN/split-article" -f xml "$H/news.html"
	assert_stderr_has "-f takes html or text, not 'xml'"
	run -2 --separate-stderr "$BIN/split-article" -f
	assert_stderr_has "usage:"
}

@test "html: -e overrides the declared charset; a page declaring GB2312 but in UTF-8 is read as UTF-8, with a warning" {
	iconv -f GB18030 -t UTF-8 "$H/gb2312.html" > "$T/utf8.html"
	run -1 --separate-stderr "$BIN/split-article" "$T/utf8.html"
	[[ "$output" == *'来源'* ]]
	assert_stderr_has "utf8.html:1: declares charset 'GB18030' but is valid UTF-8: read as UTF-8"
	run -0 "$BIN/split-article" -e GB18030 "$H/gb2312.html"
	[[ "$output" == *'来源'* ]]
}

@test "html: an unknown declared charset is read as UTF-8, with a warning" {
	printf '<html><meta charset="x-nonesuch"><p>On May 5, the group held its work meeting in Beijing.</p></html>' > "$T/u.html"
	run -1 --separate-stderr "$BIN/split-article" "$T/u.html"
	assert_stderr_has "unknown charset 'x-nonesuch': read as UTF-8"
	[[ "$output" == *'held its work meeting'* ]]
}

@test "html: bad input: truncated page, unterminated comment and script: what came before is kept, a message says where" {
	head -c 1500 "$H/news.html" > "$T/cut.html"
	run -0 "$BIN/split-article" "$T/cut.html"
	[[ "$output" == *'"type":"article"'* ]]
	printf '<html><body><p>On May 5, the group held its work meeting in Beijing.</p>\n<!-- open\n<p>hidden</p>' > "$T/c.html"
	run -1 --separate-stderr "$BIN/split-article" "$T/c.html"
	assert_stderr_has "c.html:2: unterminated comment: the rest of the page ignored"
	[[ "$output" == *'work meeting'* && "$output" != *hidden* ]]
	printf '<html><body><p>On May 5, the group held its work meeting in Beijing.</p>\n\n<script>var a = "<p>x</p>";' > "$T/s.html"
	run -1 --separate-stderr "$BIN/split-article" "$T/s.html"
	assert_stderr_has "s.html:3: unterminated <script>: the rest of the page ignored"
}

@test "html: bad input: 100,000 nested elements are flattened with a message, the text kept" {
	awk 'BEGIN { printf "<html><body>"; for (i = 0; i < 100000; i++) printf "<div>"; printf "On May 5, the group held its work meeting in Beijing."; for (i = 0; i < 100000; i++) printf "</div>"; print "</body></html>" }' > "$T/deep.html"
	run -1 --separate-stderr "$BIN/split-article" "$T/deep.html"
	assert_stderr_has "deep.html:1: elements nested deeper than 512: flattened"
	[[ "$output" == *'"body":"On May 5, the group held its work meeting in Beijing."'* ]]
}

@test "html: bad input: a 10 MB text node is one line of the body" {
	awk 'BEGIN { printf "<html><body><p>"; for (i = 0; i < 200000; i++) printf "The meeting studied the spirit of the conference, "; print "</p></body></html>" }' > "$T/big.html"
	run -0 "$BIN/split-article" "$T/big.html"
	[ "${#output}" -gt 10000000 ]
	"$BIN/split-article" "$T/big.html" > "$T/rec"
	run -0 "$BIN/readout-lostcheck" "$T/big.html" "$T/rec"
}

@test "html: bad input: invalid and overlong character references become U+FFFD or stay text" {
	printf '<html><p>a &#0; b &#xFFFFFFFFFFFFFFFF; c &#55296; d &#x; e &unknownentityname; f &#1114112; g</p></html>' > "$T/r.html"
	run -0 "$BIN/split-article" "$T/r.html"
	[[ "$output" == *'"body":"a � b � c � d &#x; e &unknownentityname; f � g"'* ]]
}

@test "html: bad input: NUL bytes become U+FFFD, with a message" {
	printf '<html><p>On May 5, the group\0 held its work meeting in Beijing.</p></html>' > "$T/n.html"
	run -1 --separate-stderr "$BIN/split-article" "$T/n.html"
	assert_stderr_has "n.html:1: 0 invalid UTF-8 sequences and 1 NUL byte replaced with U+FFFD"
	[[ "$output" == *'group� held'* ]]
}

@test "html: bad input: a binary file named .html is skipped, also with -f html" {
	head -c 20000 "$BIN/split-article" > "$T/bin.html"
	run -1 --separate-stderr "$BIN/split-article" "$T/bin.html"
	assert_stderr_has "binary file skipped"
	[ -z "$output" ]
	run -1 --separate-stderr "$BIN/split-article" -f html "$T/bin.html"
	assert_stderr_has "binary file skipped"
	[ -z "$output" ]
}

@test "html: a page with no text at all is no article, with a message" {
	printf '<!DOCTYPE html><html><head><title></title></head><body><script>x()</script></body></html>' > "$T/e.html"
	run -0 --separate-stderr "$BIN/split-article" "$T/e.html"
	assert_stderr_has "e.html:1: 0 lines of page navigation, metadata or footer and no article: skipped"
	[ -z "$output" ]
}

@test "html: the extractors read HTML pages as split-article does" {
	"$BIN/split-article" "$H/cms-template.html" > "$T/a"
	run -0 "$BIN/extract-meta" "$H/cms-template.html"
	[ "${lines[0]}" = "$(cat "$T/a")" ]
	run -2 "$BIN/extract-meta" -f nonsense "$H/cms-template.html"
}

@test "html: a \"</html>\" in a script's string does not end the page; one followed by another page does" {
	{ printf '<html><body><script>var s = "</html>";\n'
	  awk 'BEGIN { for (i = 0; i < 3000; i++) print "var x" i " = 1;" }'
	  printf '</script><p>On May 5, the group held its work meeting in Beijing.</p></body></html>\n\n<html><body><p>On May 6, the second meeting was held in Shanghai.</p></body></html>\n'
	} > "$T/s.html"
	run -0 "$BIN/split-article" "$T/s.html"
	[ "${#lines[@]}" -eq 2 ]
	[[ "${lines[0]}" == *'"body":"On May 5, the group held its work meeting in Beijing."'* ]]
	[[ "${lines[1]}" == *'"line":3004,'* && "${lines[1]}" == *'"body":"On May 6, the second meeting was held in Shanghai."'* ]]
}
