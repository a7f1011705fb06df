#!/usr/bin/env bats
# The article record's "page" key from text input (issue 18): the URL of a header line that gives
# the page's own address ("URL:", "Link:", "Original link:" ... then an http(s) URL); the line stays
# in the header; null when the page does not say. page_url_line() through readout-libtest url.

load test_helper

setup() {
	T=$BATS_TEST_TMPDIR
	cd "$ROOT"
}

BODY='On July 19, Bluestar held its work conference in Beijing. Hao Zhigang presided over the meeting.
The meeting required all units to do better. Everyone must work hard.'

# page LINE...: a page of the lines, a headline and a body, into $T/p.txt
page() {
	{ printf '%s\n' "$@"; printf '%s\n' "$BODY" 'Copyright © 2021 Bluestar'; } > "$T/p.txt"
}

@test "page_url_line: a label then an http(s) URL, and nothing else on the line" {
	run -0 "$BIN/readout-libtest" url <<'EOF2'
URL: http://a.cn/1
Link:https://a.cn/x?y=1&z=%20
  Original link： https://a.cn/2 
原文链接：http://a.cn/3
(Original link: http://a.cn/4)
Web page address: HTTPS://A.CN/7
Page URL：http://a.cn/9
EOF2
	assert_output_equal 'http://a.cn/1
https://a.cn/x?y=1&z=%20
https://a.cn/2
http://a.cn/3
http://a.cn/4
HTTPS://A.CN/7
http://a.cn/9'
}

@test "page_url_line: not a label naming another page, not a URL with more text, no host, no label" {
	run -0 "$BIN/readout-libtest" url <<'EOF2'
Source: http://www.xinhua.net
Related link: http://a.cn/5
Friendly links: http://a.cn/5
来源：http://a.cn/5
Next article: http://a.cn/5
URL: http://a.cn/1 and more
http://a.cn/6
URL: www.a.cn
URL: http://
URL: http:///x
Link: ftp://a.cn
This is a long label of many words: http://a.cn/8
The meeting was held on the site: http://a.cn/8

EOF2
	[ "$output" = "$(printf -- '-\n%.0s' $(seq 14))" ]
}

@test "page: the URL of a URL: line after the headline, as an object of four keys; the line stays in the header" {
	page 'Bluestar Holds Work Conference' 'Date: 2021-07-20' 'URL: https://www.bluestar.cn/en/news/2021/0720.html'
	run -0 --separate-stderr split-article "$T/p.txt"
	[[ $output == *'"header":["Date: 2021-07-20","URL: https://www.bluestar.cn/en/news/2021/0720.html"],'* ]]
	[[ $output == *'"footer":["Copyright © 2021 Bluestar"],"page":{"url":"https://www.bluestar.cn/en/news/2021/0720.html","published":null,"site":null,"lang":null}}' ]]
	[ -z "$stderr" ]
	# nothing lost
	run -0 "$BIN/readout-lostcheck" "$T/p.txt" <(split-article "$T/p.txt")
}

@test "page: an Original link: line before the headline; the headline and body are as without it" {
	page 'Original link: http://www.bluestar.cn/a/1.html' 'Bluestar Holds Work Conference'
	run -0 split-article "$T/p.txt"
	[[ $output == *'"title":"Bluestar Holds Work Conference","header":["Original link: http://www.bluestar.cn/a/1.html"]'* ]]
	[[ $output == *'"page":{"url":"http://www.bluestar.cn/a/1.html",'* ]]
	local with
	with=$(split-article "$T/p.txt" | to-tsv -H id title body)
	page 'Bluestar Holds Work Conference'
	[ "$(split-article "$T/p.txt" | to-tsv -H id title body)" = "$with" ]
}

@test "page: the first of two URL lines; JSON escapes in the URL" {
	page 'Bluestar Holds Work Conference' 'Link: http://a.cn/x?q="1"' 'URL: http://a.cn/2'
	run -0 split-article "$T/p.txt"
	[[ $output == *'"page":{"url":"http://a.cn/x?q=\"1\"",'* ]]
}

@test "page: null with no URL line, with a URL only in the footer or the body, or a Source: URL" {
	page 'Bluestar Holds Work Conference' 'Source: http://www.xinhua.net'
	printf '%s\n' 'Related link: http://www.sasac.gov.cn/' >> "$T/p.txt"
	run -0 split-article "$T/p.txt"
	[[ $output == *'"footer":["Copyright © 2021 Bluestar","Related link: http://www.sasac.gov.cn/"],"page":null}' ]]
	run -0 bash -c 'split-article examples/*.txt | grep -c "\"page\":null}$"'
	[ "$output" -eq 13 ]
}

@test "page: the example with an Original link: line; the extractors on raw text write the same article record" {
	run -0 split-article examples/02-party-committee.txt
	local rec=$output
	[[ $rec == *'"page":{"url":"http://www.donghaiport.com.cn/news/djgz/202203/t20220308_4417.html","published":null,"site":null,"lang":null}}' ]]
	run -0 bash -c 'extract-meta examples/02-party-committee.txt | head -n 1'
	[ "$output" = "$rec" ]
	run -0 bash -c 'split-article examples/*.txt | to-tsv -H -t article src page.url | awk -F"\t" "\$2 != \"\""'
	assert_output_equal $'examples/02-party-committee.txt\thttp://www.donghaiport.com.cn/news/djgz/202203/t20220308_4417.html'
}

@test "page: every person row gets its page's URL with article:page.url" {
	run -0 bash -c 'split-article examples/0[12]*.txt | extract-people | to-tsv -H -t person article:page.url name | sort -u'
	[[ ${lines[0]} == $'\t'* ]]	# 01 has no URL line
	[[ $output == *$'http://www.donghaiport.com.cn/news/djgz/202203/t20220308_4417.html\tGu Qiuping'* ]]
}
