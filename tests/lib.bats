#!/usr/bin/env bats
# lib/: the JSON parser and writer, UTF-8 repair, the line reader, the article hash and the
# line classifier, driven through bin/readout-libtest (tests/libtest.c).

load test_helper

setup() {
	LT=$BIN/readout-libtest
	IN=$BATS_TEST_TMPDIR/in
	F=$'\xef\xbf\xbd' # U+FFFD
}

# input FORMAT [ARG...]: write printf FORMAT ARG... to $IN (the test's standard input)
input() {
	# shellcheck disable=SC2059
	printf "$@" >"$IN"
}

# ---- json: parse a line, write it back ----

@test "json: literals, numbers, strings, nested and empty containers, whitespace" {
	cat >"$IN" <<-'EOF'
		true
		false
		null
		  {"a" : [ 1 , { "b" : { } } , [ ] ] }  	
		{}
		[]
		[0,-0,1.5e10,-2E-3,1e+5,0.25,-0.0e-0,123456789012345678901234567890]
		"caf\u00e9 中文"
	EOF
	run -0 "$LT" json <"$IN"
	assert_output_equal 'true
false
null
{"a":[1,{"b":{}},[]]}
{}
[]
[0,-0,1.5e10,-2E-3,1e+5,0.25,-0.0e-0,123456789012345678901234567890]
"café 中文"'
}

@test "json: every escape is decoded (and written back in the shortest form)" {
	cat >"$IN" <<-'EOF'
		["\"","\\","\/","\b","\f","\n","\r","\t","\u0041\u00e9\u4e2d\u00E9\u007f"]
	EOF
	run -0 "$LT" json <"$IN"
	assert_output_equal '["\"","\\","/","\b","\f","\n","\r","\t","Aé中é'$'\x7f''"]'
}

@test "json: a surrogate pair becomes one 4-byte UTF-8 character" {
	cat >"$IN" <<-'EOF'
		"\ud83d\ude00"
		"\uD83D\uDE00!"
	EOF
	run -0 "$LT" json <"$IN"
	assert_output_equal '"😀"
"😀!"'
}

@test "json: lone and misordered surrogates become U+FFFD" {
	cat >"$IN" <<-'EOF'
		["\ud83d","\ude00","\ud83dx","\ud83d\u0041","\ude00\ud83d"]
	EOF
	run -0 "$LT" json <"$IN"
	assert_output_equal "[\"$F\",\"$F\",\"${F}x\",\"${F}A\",\"$F$F\"]"
}

@test "json: \\u0000 is kept inside strings and keys and written back escaped" {
	cat >"$IN" <<-'EOF'
		{"k\u0000ey":"a\u0000b"}
	EOF
	run -0 "$LT" json <"$IN"
	assert_output_equal '{"k\u0000ey":"a\u0000b"}'
}

@test "json: invalid numbers are errors at the right column" {
	cat >"$IN" <<-'EOF'
		01
		1.
		.5
		+1
		1e
		-
		--1
		1.5E+
		[01]
		0x1
		NaN
	EOF
	run -0 "$LT" json <"$IN"
	assert_output_equal 'error at 2: text after the end of the record
error at 3: bad number
error at 1: unexpected character (expected a value)
error at 1: unexpected character (expected a value)
error at 3: bad number
error at 2: bad number
error at 2: bad number
error at 6: bad number
error at 3: expected '"','"' or '"']'"' in array
error at 2: text after the end of the record
error at 1: unexpected character (expected a value)'
}

@test "json: misspelt literals" {
	input 'nul\nTrue\ntruex\nfalse]\n'
	run -0 "$LT" json <"$IN"
	assert_output_equal 'error at 1: unexpected word (expected a value)
error at 1: unexpected character (expected a value)
error at 5: text after the end of the record
error at 6: text after the end of the record'
}

@test "json: truncated records say where the line ends" {
	cat >"$IN" <<-'EOF'
		{"a":
		{"a"
		{"a
		{
		[
		[1,
		[1
		"abc
		"abc\
	EOF
	run -0 "$LT" json <"$IN"
	assert_output_equal 'error at 6: truncated: the line ends where a value should be
error at 5: truncated: the line ends inside an object
error at 4: unterminated string
error at 2: truncated: the line ends inside an object
error at 2: truncated: the line ends where a value should be
error at 4: truncated: the line ends where a value should be
error at 3: truncated: the line ends inside an array
error at 5: unterminated string
error at 5: unterminated string'
}

@test "json: syntax errors inside objects and arrays" {
	cat >"$IN" <<-'EOF'
		{"a":1,}
		[1,]
		{"a" 1}
		{1:2}
		[1 2]
		{"a":1]
	EOF
	run -0 "$LT" json <"$IN"
	assert_output_equal "error at 8: expected a string as member name
error at 4: unexpected character (expected a value)
error at 6: expected ':' after member name
error at 2: expected a string as member name
error at 4: expected ',' or ']' in array
error at 7: expected ',' or '}' in object"
}

@test "json: text after the record" {
	cat >"$IN" <<-'EOF'
		{"a":1}x
		{"a":1} {"b":2}
		"a""b"
	EOF
	run -0 "$LT" json <"$IN"
	assert_output_equal 'error at 8: text after the end of the record
error at 9: text after the end of the record
error at 4: text after the end of the record'
}

@test "json: bad escapes" {
	cat >"$IN" <<-'EOF'
		"\x"
		"\u12"
		"\uZZZZ"
		"\u12G4"
		"\U0041"
	EOF
	run -0 "$LT" json <"$IN"
	assert_output_equal 'error at 3: bad escape in string
error at 4: bad \u escape (needs four hex digits)
error at 4: bad \u escape (needs four hex digits)
error at 4: bad \u escape (needs four hex digits)
error at 3: bad escape in string'
}

@test "json: raw control characters in a string are errors" {
	input '"a\tb"\n"a\001"\n"\x7f"\n'
	run -0 "$LT" json <"$IN"
	assert_output_equal 'error at 3: control character in string (must be escaped)
error at 3: control character in string (must be escaped)
"'$'\x7f''"'
}

@test "json: invalid UTF-8 in a string is an error, valid UTF-8 passes" {
	input '"\xff"\n"ok \xc3\xa9"\n"\xe0\x80\x80"\n"\xed\xa0\x80"\n"ab\xc3"\n\xff\n'
	run -0 "$LT" json <"$IN"
	assert_output_equal 'error at 2: invalid UTF-8 in string
"ok é"
error at 2: invalid UTF-8 in string
error at 2: invalid UTF-8 in string
error at 4: invalid UTF-8 in string
error at 1: unexpected character (expected a value)'
}

@test "json: empty and blank lines; form feed is not JSON white space" {
	input '\n \t \r\n\f1\n'
	run -0 "$LT" json <"$IN"
	assert_output_equal 'error at 1: empty line
error at 5: empty line
error at 1: unexpected character (expected a value)'
}

@test "json: a failed record does not spoil the next one (the doc is reused)" {
	cat >"$IN" <<-'EOF'
		{"a":["x","y"],"b":
		{"c":"z"}
		[1,{"d":
		["w"]
	EOF
	run -0 "$LT" json <"$IN"
	assert_output_equal 'error at 20: truncated: the line ends where a value should be
{"c":"z"}
error at 9: truncated: the line ends where a value should be
["w"]'
}

@test "json: 500 levels of nesting parse" {
	{
		head -c 500 /dev/zero | tr '\0' '['
		printf 1
		head -c 500 /dev/zero | tr '\0' ']'
		echo
	} >"$IN"
	run -0 "$LT" json <"$IN"
	[ "$output" = "$(cat "$IN")" ]
}

@test "json: 600 levels are an error, not a crash; so is a line of 100000 '['" {
	{
		head -c 600 /dev/zero | tr '\0' '['
		echo
		head -c 100000 /dev/zero | tr '\0' '['
		echo
		head -c 600 /dev/zero | tr '\0' '{' | sed 's/{/{"a":/g'
		echo
	} >"$IN"
	run -0 "$LT" json <"$IN"
	assert_output_equal 'error at 513: nested too deeply (more than 512 levels)
error at 513: nested too deeply (more than 512 levels)
error at 2561: nested too deeply (more than 512 levels)'
}

@test "json: 512 levels parse, 514 do not" {
	{
		head -c 512 /dev/zero | tr '\0' '['
		head -c 512 /dev/zero | tr '\0' ']'
		echo
		head -c 514 /dev/zero | tr '\0' '['
		head -c 514 /dev/zero | tr '\0' ']'
		echo
	} >"$IN"
	run -0 "$LT" json <"$IN"
	[ "${lines[0]}" = "$(head -n 1 "$IN")" ]
	[ "${lines[1]}" = "error at 513: nested too deeply (more than 512 levels)" ]
}

@test "json: 513 levels are more than 512 and are refused" {
	{
		head -c 513 /dev/zero | tr '\0' '['
		head -c 513 /dev/zero | tr '\0' ']'
		echo
	} >"$IN"
	run -0 "$LT" json <"$IN"
	assert_output_equal 'error at 513: nested too deeply (more than 512 levels)'
}

# ---- json_get ----

@test "get: the last of duplicate keys wins; nested keys are not top-level ones" {
	cat >"$IN" <<-'EOF'
		{"a":1,"a":2,"b":{"a":3},"a":[4]}
		{"b":{"a":1}}
		{"a":null}
		{}
	EOF
	run -0 "$LT" get a <"$IN"
	assert_output_equal '[4]
absent
null
absent'
}

@test "get: only an object has keys; errors are reported" {
	cat >"$IN" <<-'EOF'
		["a",1]
		"a"
		{"a":
	EOF
	run -0 "$LT" get a <"$IN"
	assert_output_equal 'absent
absent
error at 6: truncated: the line ends where a value should be'
}

@test "get: keys are compared decoded and by length" {
	cat >"$IN" <<-'EOF'
		{"a\u0062":1}
		{"ab\u0000":2}
		{"":3,"ab":{"c":"d"}}
	EOF
	run -0 "$LT" get ab <"$IN"
	assert_output_equal '1
absent
{"c":"d"}'
	run -0 "$LT" get "" <"$IN"
	assert_output_equal 'absent
absent
3'
}

# ---- buf_json_str ----

@test "escape: quotes, backslash and the short escapes" {
	input 'say "hi"\\\t\n\r\b\f/'
	run -0 "$LT" escape <"$IN"
	assert_output_equal '"say \"hi\"\\\t\n\r\b\f/"'
}

@test "escape: every other control character as \\u00XX, DEL and UTF-8 as they are" {
	input '\001\002\003\004\005\006\007\013\016\017\020\021\022\023\024\025\026\027\030\031\032\033\034\035\036\037\000\177é中😀'
	run -0 "$LT" escape <"$IN"
	assert_output_equal '"\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u000b\u000e\u000f\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001a\u001b\u001c\u001d\u001e\u001f\u0000'$'\x7f''é中😀"'
}

@test "escape: empty input gives an empty string" {
	: >"$IN"
	run -0 "$LT" escape <"$IN"
	assert_output_equal '""'
}

# ---- utf8_repair ----

@test "repair: valid UTF-8 (up to U+10FFFF, a BOM too) is unchanged" {
	input 'abc\né中😀\xf4\x8f\xbf\xbf\xef\xbb\xbf\x7f'
	run -0 --separate-stderr "$LT" repair <"$IN"
	[ "$output" = "$(cat "$IN")" ]
	[ "$stderr" = "bad=0 nul=0" ]
}

@test "repair: overlong forms, surrogates and code points past U+10FFFF" {
	input 'a\xc0\xafb|\xe0\x9f\x80|\xed\xa0\x80|\xf4\x90\x80\x80|\xf5\x80|\xff\xfe'
	run -0 --separate-stderr "$LT" repair <"$IN"
	# one U+FFFD per byte: none of these bytes starts a maximal subpart longer than 1
	[ "$output" = "a$F${F}b|$F$F$F|$F$F$F|$F$F$F$F|$F$F|$F$F" ]
	[ "$stderr" = "bad=16 nul=0" ]
}

@test "repair: a truncated sequence is one maximal subpart (E1 80 41 -> U+FFFD A)" {
	input '\xe1\x80A|\xf0\x9f\x98A|\xf0\x9f|\xc2A'
	run -0 --separate-stderr "$LT" repair <"$IN"
	[ "$output" = "${F}A|${F}A|$F|${F}A" ]
	[ "$stderr" = "bad=4 nul=0" ]
}

@test "repair: a sequence cut by the end of the input" {
	input 'ok\xe4\xb8'
	run -0 --separate-stderr "$LT" repair <"$IN"
	[ "$output" = "ok$F" ]
	[ "$stderr" = "bad=1 nul=0" ]
}

@test "repair: lone continuation bytes, one U+FFFD each" {
	input '\x80a\xbf\xbf'
	run -0 --separate-stderr "$LT" repair <"$IN"
	[ "$output" = "${F}a$F$F" ]
	[ "$stderr" = "bad=3 nul=0" ]
}

@test "repair: NUL bytes are replaced and counted apart" {
	input 'a\000b\000\000\xff'
	run -0 --separate-stderr "$LT" repair <"$IN"
	[ "$output" = "a${F}b$F$F$F" ]
	[ "$stderr" = "bad=1 nul=3" ]
}

# ---- reader: lines as clean UTF-8 ----

@test "lines: plain lines; the last one may lack its newline" {
	input 'one\ntwo\n\nthree'
	run -0 "$LT" lines <"$IN"
	assert_output_equal '1 0 3: "one"
2 0 3: "two"
3 0 0: ""
4 0 5: "three"
close 0'
}

@test "lines: empty input gives no line; a lone newline one empty line" {
	: >"$IN"
	run -0 "$LT" lines <"$IN"
	assert_output_equal 'close 0'
	input '\n'
	run -0 "$LT" lines <"$IN"
	assert_output_equal '1 0 0: ""
close 0'
}

@test "lines: a BOM is removed from the first line only" {
	input '\xef\xbb\xbfhello\n\xef\xbb\xbfworld\n'
	run -0 "$LT" lines <"$IN"
	assert_output_equal '1 0 5: "hello"
2 0 8: "'$'\xef\xbb\xbf''world"
close 0'
}

@test "lines: CRLF becomes LF; a CR inside a line stays" {
	input 'a\r\n\r\nb\rc\r\nd\r'
	run -0 "$LT" lines <"$IN"
	assert_output_equal '1 0 1: "a"
2 0 0: ""
3 0 3: "b\rc"
4 0 1: "d"
close 0'
}

@test "lines: a form feed ends a line and flags the next; line numbers count newlines" {
	input 'a\fb\nc\n\fd\n'
	run -0 "$LT" lines <"$IN"
	assert_output_equal '1 0 1: "a"
1 1 1: "b"
2 0 1: "c"
3 0 0: ""
3 1 1: "d"
close 0'
}

@test "lines: invalid UTF-8 is replaced, counted, and the first bad line named" {
	input 'one\ntwo \xff three\nfour \xc3\n'
	run -0 --separate-stderr "$LT" lines <"$IN"
	assert_output_equal '1 0 3: "one"
2 0 13: "two '"$F"' three"
3 0 8: "four '"$F"'"
close 1'
	[ "$stderr" = "readout-libtest: -:2: 2 invalid UTF-8 sequences replaced with U+FFFD (first on this line; if the file is in another encoding, give it with -e ENC)" ]
}

@test "lines: NUL bytes in text are replaced and reported with their line" {
	input 'a first line of ordinary text\na second line holding a NUL: \000 and more text\n'
	run -0 --separate-stderr "$LT" lines <"$IN"
	assert_output_equal '1 0 29: "a first line of ordinary text"
2 0 46: "a second line holding a NUL: '"$F"' and more text"
close 1'
	[ "$stderr" = "readout-libtest: -:2: 1 NUL byte replaced with U+FFFD (first on this line)" ]
}

@test "lines: in records mode (repair off) bytes are left alone, nothing reported" {
	input 'two \xff three\n'
	run -0 --separate-stderr "$LT" lines -k <"$IN"
	assert_output_equal '1 0 11: "two '$'\xff'' three"
close 0'
	[ -z "$stderr" ]
}

@test "lines: a CRLF and a UTF-8 character cut by the 64 KiB read block" {
	{
		head -c 65535 /dev/zero | tr '\0' x
		printf '\r\n'
		head -c 65535 /dev/zero | tr '\0' y
		printf 'é\nz\r\n'
	} >"$IN"
	run -0 --separate-stderr "$LT" lines -n <"$IN"
	assert_output_equal '1 0 65535
2 0 65537
3 0 1
close 0'
	[ -z "$stderr" ]
}

@test "lines: -e LATIN1 converts to UTF-8" {
	input 'caf\xe9\nna\xefve\r\n\xa9 2023'
	run -0 --separate-stderr "$LT" lines LATIN1 <"$IN"
	assert_output_equal '1 0 5: "café"
2 0 6: "naïve"
3 0 7: "© 2023"
close 0'
	[ -z "$stderr" ]
}

@test "lines: -e GBK converts to UTF-8, also across the read block" {
	{
		printf '第一行\n中文测试\n'
		head -c 65535 /dev/zero | tr '\0' x
		printf '中\n'
	} | iconv -f UTF-8 -t GBK >"$IN"
	run -0 --separate-stderr "$LT" lines GBK <"$IN"
	[ "${lines[0]}" = '1 0 9: "第一行"' ]
	[ "${lines[1]}" = '2 0 12: "中文测试"' ]
	[ "${lines[2]}" = "3 0 65538: \"$(head -c 65535 /dev/zero | tr '\0' x)中\"" ]
	[ "${lines[3]}" = 'close 0' ]
	[ "${#lines[@]}" -eq 4 ]
	[ -z "$stderr" ]
}

@test "lines: a byte that is not GBK becomes U+FFFD, with a warning" {
	input 'th\xffree\n'
	run -0 --separate-stderr "$LT" lines GBK <"$IN"
	assert_output_equal '1 0 8: "th'"$F"'ree"
close 1'
	[ "$stderr" = "readout-libtest: -:1: 1 byte sequence not valid in the input encoding replaced with U+FFFD (first on this line)" ]
}

@test "lines: a GBK character cut by the end of the file" {
	{
		printf 'ok '
		printf '中' | iconv -f UTF-8 -t GBK | head -c 1
	} >"$IN"
	run -0 --separate-stderr "$LT" lines GBK <"$IN"
	assert_output_equal '1 0 6: "ok '"$F"'"
close 1'
	[ "$stderr" = "readout-libtest: -:1: 1 byte sequence not valid in the input encoding replaced with U+FFFD (first on this line)" ]
}

@test "lines: the warning for a bad GBK byte names the line that holds it" {
	input 'one\ntwo\nth\xffree\nfour\n'
	run -0 --separate-stderr "$LT" lines GBK <"$IN"
	assert_output_equal '1 0 3: "one"
2 0 3: "two"
3 0 8: "th'"$F"'ree"
4 0 4: "four"
close 1'
	[ "$stderr" = "readout-libtest: -:3: 1 byte sequence not valid in the input encoding replaced with U+FFFD (first on this line)" ]
}

@test "lines: an unknown encoding is refused at open" {
	input 'x\n'
	run -1 --separate-stderr "$LT" lines NO-SUCH-ENCODING <"$IN"
	[ -z "$output" ]
	[ "$stderr" = "readout-libtest: -: cannot convert from 'NO-SUCH-ENCODING': Invalid argument" ]
}

@test "lines: UTF-8 named as the encoding reads as no encoding" {
	input 'x\xffy\n'
	run -0 --separate-stderr "$LT" lines UTF-8 <"$IN"
	assert_output_equal '1 0 5: "x'"$F"'y"
close 1'
	assert_stderr_has "-:1: 1 invalid UTF-8 sequence replaced"
}

@test "lines: a 50 MB line" {
	{
		head -c 52428800 /dev/zero | tr '\0' a
		printf '\nend'
	} >"$IN"
	run -0 --separate-stderr "$LT" lines -n <"$IN"
	assert_output_equal '1 0 52428800
2 0 3
close 0'
	[ -z "$stderr" ]
}

@test "lines: a binary file is skipped with a warning" {
	head -c 4096 /bin/sh >"$IN"
	run -0 --separate-stderr "$LT" lines <"$IN"
	assert_output_equal 'close 1'
	[ "$stderr" = "readout-libtest: -: binary file skipped (if it is text in another encoding, give it with -e ENC)" ]
}

@test "lines: a short input of control bytes (an ELF header) counts as binary" {
	input '\177ELF\002\001\001\000\000\000\000\000\000\000\000\000\002\000>\000'
	run -0 --separate-stderr "$LT" lines <"$IN"
	assert_output_equal 'close 1'
	assert_stderr_has "-: binary file skipped"
}

# ---- article_hash ----

# The ids changed once, in 0.2.0 (eight bytes at a time instead of FNV-1a byte by byte, for
# speed); this value holds them from then on.
@test "hash: a fixed value (the id must not change between versions)" {
	run -0 "$LT" hash "Bluestar Holds Work Conference" \
		"On January 24, Bluestar held its work conference in Beijing."
	assert_output_equal f202eb28ce840dae
}

# Plain stretches are hashed eight bytes at a time, the rest byte by byte: the id must not
# depend on where white space falls against those eight bytes.
@test "hash: white space anywhere, at any offset, of any kind and length, gives the same id" {
	local words=(On the afternoon of January 24 Bluestar held its work conference in Beijing
		to sum up 2021 and set out the tasks for 2022 Hao Zhigang presided)
	local body="${words[*]}" want
	run -0 "$LT" hash "Title" "$body"
	want=$output
	local seps=("  " $'\n' $'\t' $' \r\n ' $'\f' "   ") at sep variant
	# (not i or k: bats' run uses them)
	for ((sep = 0; sep < ${#seps[@]}; sep++)); do
		for ((at = 1; at < ${#words[@]}; at += 1 + sep % 3)); do
			variant="${words[*]:0:at}${seps[sep]}${words[*]:at}"
			run -0 "$LT" hash "Title" "$variant"
			[ "$output" = "$want" ] || { echo "differs: [$variant]"; false; }
			run -0 "$LT" hash "Title" "${seps[sep]}${variant^^}${seps[sep]}"
			[ "$output" = "$want" ] || { echo "differs: [${variant^^}]"; false; }
		done
	done
}

@test "hash: ASCII case and white space runs do not count" {
	run -0 "$LT" hash "  BLUESTAR holds   work conference " \
		$'On January 24,\nBluestar held its\twork\r\n conference in Beijing.  '
	assert_output_equal f202eb28ce840dae
}

@test "hash: a different body or title gives a different id" {
	run -0 "$LT" hash "Bluestar Holds Work Conference" \
		"On January 25, Bluestar held its work conference in Beijing."
	assert_output_equal 76a9b45979c1196b
	run -0 "$LT" hash "Bluestar Holds Work Meeting" \
		"On January 24, Bluestar held its work conference in Beijing."
	[ "$output" != f202eb28ce840dae ]
	[[ $output =~ ^[0-9a-f]{16}$ ]]
}

@test "hash: the title/body border counts; no title is an empty title" {
	run -0 "$LT" hash "a b" "c"
	local ab_c=$output
	run -0 "$LT" hash "a" "b c"
	[ "$output" != "$ab_c" ]
	run -0 "$LT" hash "body"
	assert_output_equal e646170ddbf007d0
	run -0 "$LT" hash "" "body"
	assert_output_equal e646170ddbf007d0
}

@test "hash: only ASCII letters fold case" {
	run -0 "$LT" hash "É" "x"
	local upper=$output
	run -0 "$LT" hash "é" "x"
	[ "$output" != "$upper" ]
}

# ---- classify_line and friends ----

@test "class: metadata lines" {
	cat >"$IN" <<-'EOF'
		Source: Xinhua  Date: 2023-01-05
		Time:2023-08-08 15:08:11
		Browsing volume:73 Hits:
		Release Time:
		(Editor: Wang Lu)
		Author : Li Ming
		来源：新华社
		发布时间：2023-01-05
	EOF
	run -0 "$LT" class <"$IN"
	assert_output_equal 'META Source: Xinhua  Date: 2023-01-05
META,label Time:2023-08-08 15:08:11
META,label,ends Browsing volume:73 Hits:
META,label,ends Release Time:
META,label (Editor: Wang Lu)
META Author : Li Ming
META,label 来源：新华社
META,label 发布时间：2023-01-05'
}

@test "class: a date alone is metadata" {
	cat >"$IN" <<-'EOF'
		2023-04-11 08:22
		Aug 09,2021
		09 August 2021
		2021年8月9日
		Sept 5, 2021
		May 2023
		10:30 am
		March 3rd, 2021
	EOF
	run -0 "$LT" class <"$IN"
	assert_output_equal 'META,label,date 2023-04-11 08:22
META,label,date Aug 09,2021
META,label,date 09 August 2021
META,label,date 2021年8月9日
META,label,date Sept 5, 2021
META,label,date May 2023
META,label,date 10:30 am
META,label,date March 3rd, 2021'
}


@test "class: a date glued to the front of a line (issue 14): stamp, headline or first paragraph" {
	cat >"$IN" <<-'EOF'
		2021-09-25 14:21:53 admin source: share:
		2017-11-07 12:17 reviewer
		date 2024-06-03 Chinese VP meets with Harbor Group chairman
		date 2023-03-31 The committee held its second meeting. Ye Ming spoke. Wang Tao made an explanation
		date 2023-10-13 The municipal Party group of Jiashan held a special study meeting on October 11.
		Saturday , February 27 2021
		27-07-2021
		5/12/2022 4:57:21 PM
	EOF
	run -0 "$LT" class <"$IN"
	assert_output_equal 'META,ends 2021-09-25 14:21:53 admin source: share:
META,label 2017-11-07 12:17 reviewer
TEXT date 2024-06-03 Chinese VP meets with Harbor Group chairman
TEXT date 2023-03-31 The committee held its second meeting. Ye Ming spoke. Wang Tao made an explanation
PARA,ends date 2023-10-13 The municipal Party group of Jiashan held a special study meeting on October 11.
META,date Saturday , February 27 2021
META,label,date 27-07-2021
META,label,date 5/12/2022 4:57:21 PM'
}
@test "class: not dates: a month or a year alone, words that begin like months" {
	cat >"$IN" <<-'EOF'
		March
		2023年
		Mayor Visits Factory
		Marching On
	EOF
	run -0 "$LT" class <"$IN"
	assert_output_equal 'TEXT,label March
TEXT,label 2023年
TEXT,label Mayor Visits Factory
TEXT,label Marching On'
}

@test "class: navigation" {
	cat >"$IN" <<-'EOF'
		Home > News > Group News
		You are here: Home
		A | A | A
		Home | About Us | News Center | Party Building
		当前位置：首页 > 新闻中心
		News >> Company News
	EOF
	run -0 "$LT" class <"$IN"
	assert_output_equal 'NAV Home > News > Group News
NAV You are here: Home
NAV,label A | A | A
NAV Home | About Us | News Center | Party Building
NAV,label 当前位置：首页 > 新闻中心
NAV News >> Company News'
}

@test "class: footers" {
	cat >"$IN" <<-'EOF'
		Copyright © 2023 X Co., Ltd. All rights reserved.
		Contact Us | Site Map | Legal
		Related news:
		Next article: Sinochem Holds Safety Meeting
		【Print】 【Close】
		share to:
		END
		- END -
		Print | Close
		版权所有：某某
		Produced By CMS 网站群内容管理系统 publishdate:2022/02/10 15:17:10
		京ICP备12345678号
	EOF
	run -0 "$LT" class <"$IN"
	assert_output_equal 'FOOT,ends Copyright © 2023 X Co., Ltd. All rights reserved.
FOOT Contact Us | Site Map | Legal
FOOT,label,ends Related news:
FOOT Next article: Sinochem Holds Safety Meeting
FOOT,label 【Print】 【Close】
FOOT,label,ends share to:
FOOT,label END
FOOT,label,list - END -
FOOT,label Print | Close
FOOT,label 版权所有：某某
FOOT Produced By CMS 网站群内容管理系统 publishdate:2022/02/10 15:17:10
FOOT,label 京ICP备12345678号'
}

@test "class: headlines that start with footer words are not footers" {
	cat >"$IN" <<-'EOF'
		Printing Industry Association Holds Annual Meeting
		Endeavour Space Shuttle Makes Last Flight
		Closing Ceremony of the Games Held in Hangzhou
		Share Prices Rise on Strong Results
		Top Officials Meet in Beijing
		Backed by Reform, Exports Grow
	EOF
	run -0 "$LT" class <"$IN"
	assert_output_equal 'TEXT Printing Industry Association Holds Annual Meeting
TEXT Endeavour Space Shuttle Makes Last Flight
TEXT Closing Ceremony of the Games Held in Hangzhou
TEXT Share Prices Rise on Strong Results
TEXT Top Officials Meet in Beijing
TEXT Backed by Reform, Exports Grow'
}

@test "class: a headline that starts with 'Copyright' is not a footer" {
	input 'Copyright Protection Work Conference Held\n'
	run -0 "$LT" class <"$IN"
	assert_output_equal 'TEXT Copyright Protection Work Conference Held'
}

@test "class: headlines and section labels" {
	cat >"$IN" <<-'EOF'
		Sinochem Holds 2023 Work Conference in Beijing
		NEWS & EVENTS
		Hot Topics
		CHINA NATIONAL CHEMICAL CORPORATION NEWS
		Will prices rise?
		Wait...
	EOF
	run -0 "$LT" class <"$IN"
	assert_output_equal 'TEXT Sinochem Holds 2023 Work Conference in Beijing
TEXT,label NEWS & EVENTS
TEXT,label Hot Topics
TEXT,label CHINA NATIONAL CHEMICAL CORPORATION NEWS
SENT,label,ends Will prices rise?
TEXT,label Wait...'
}

@test "class: sentences and paragraphs" {
	cat >"$IN" <<-'EOF'
		The meeting was held in Beijing.
		He said: "Go."
		会议在北京召开。
		The meeting was held in Beijing. Mr. Wang presided over the meeting. He put forward three requirements.
		The U.S. Army and Dr. Smith met. They talked.
		会议在北京召开。会议由王强主持。
		The U.S. delegation led by Dr. J. Smith arrived on Monday.
	EOF
	run -0 "$LT" class <"$IN"
	assert_output_equal 'SENT,ends The meeting was held in Beijing.
SENT,label,ends He said: "Go."
SENT,label,ends 会议在北京召开。
PARA,ends The meeting was held in Beijing. Mr. Wang presided over the meeting. He put forward three requirements.
PARA,ends The U.S. Army and Dr. Smith met. They talked.
PARA,label,ends 会议在北京召开。会议由王强主持。
SENT,ends The U.S. delegation led by Dr. J. Smith arrived on Monday.'
}

@test "class: a line over 300 bytes is a paragraph, even if it starts like a footer" {
	local long
	long="Copyright$(printf ' word%.0s' $(seq 1 60))"
	printf '%s\n' "$long" >"$IN"
	run -0 "$LT" class <"$IN"
	assert_output_equal "PARA $long"
}

@test "class: datelines" {
	cat >"$IN" <<-'EOF'
		On July 5, the meeting was held in Beijing.
		On the afternoon of August 5, the group held a meeting.
		Jinan, March 14 (Xinhua) -- On the morning of March 14, the forum opened.
		Beijing, May 3 — The company reported results.
		Recently, the company held a safety meeting.
	EOF
	run -0 "$LT" class <"$IN"
	assert_output_equal 'DATELINE,ends On July 5, the meeting was held in Beijing.
DATELINE,ends On the afternoon of August 5, the group held a meeting.
DATELINE,ends Jinan, March 14 (Xinhua) -- On the morning of March 14, the forum opened.
DATELINE,ends Beijing, May 3 — The company reported results.
DATELINE,ends Recently, the company held a safety meeting.'
}

@test "class: 'X News: On January 25, ...' is a dateline" {
	input 'Yellow River News: On January 25, the company held its annual work conference.\n'
	run -0 "$LT" class <"$IN"
	assert_output_equal 'DATELINE,ends Yellow River News: On January 25, the company held its annual work conference.'
}

@test "class: a line that does not start with 'On' is not an 'On <date>' dateline" {
	input 'By March 3, the company had finished the project.\n'
	run -0 "$LT" class <"$IN"
	assert_output_equal 'SENT,ends By March 3, the company had finished the project.'
}

@test "class: list items" {
	cat >"$IN" <<-'EOF'
		First, we must strengthen party building.
		Secondly, improve quality.
		Lastly, review.
		1. Strengthen leadership
		2) Deepen reform
		(12) Improve quality
		① Improve quality
		• Item
		- item
		1、措施
		(123) not an item
		10.5 percent growth was reported
		12
	EOF
	run -0 "$LT" class <"$IN"
	assert_output_equal 'SENT,ends,list First, we must strengthen party building.
SENT,label,ends,list Secondly, improve quality.
SENT,label,ends,list Lastly, review.
TEXT,label,list 1. Strengthen leadership
TEXT,label,list 2) Deepen reform
TEXT,label,list (12) Improve quality
TEXT,label,list ① Improve quality
TEXT,label,list • Item
TEXT,label,list - item
TEXT,label,list 1、措施
TEXT (123) not an item
TEXT 10.5 percent growth was reported
TEXT,label 12'
}

@test "class: empty and one- or two-byte lines" {
	input '\na\nOn\n'
	run -0 "$LT" class <"$IN"
	assert_output_equal 'TEXT,label 
TEXT,label a
TEXT,label On'
}

# ---- the driver itself ----

@test "libtest: an unknown subcommand is a usage error" {
	run -2 --separate-stderr "$LT" frobnicate
	assert_stderr_has "usage: readout-libtest"
	[ -z "$output" ]
}

# A bug fixed: the one-pass pattern scan let a sentence break count only in a line's first
# 120 bytes, so a short line whose second sentence began later was TEXT, not PARA.
@test "class: a sentence break past the 120th byte still makes a paragraph" {
	cat >"$IN" <<-'EOF'
		The conference was attended by the heads of all the subsidiaries of the group and by the members of the leading group of the company board. It ended at noon
		The conference was attended by the heads of all the subsidiaries of the group and by the members of the leading group of the company board it ended at noon
		Members of the Standing Committee of the county Party committee and heads of the county departments and of the townships attended the meeting held at noon. 会议结束。之后
	EOF
	run -0 "$LT" class <"$IN"
	[ "${lines[0]%% *}" = PARA ]
	[ "${lines[1]%% *}" = TEXT ]
	[ "${lines[2]%% *}" = PARA ]
}

# ---- html: the lines of a page (lib/html.c) ----

@test "html: character references, named (with and without ';') and numeric (HTML5 rules)" {
	input '<p>a &amp; b &copy2019 &notit; &#0; &#x110000; &#xD800; &#128; &#150;</p><p>&#99999999999999999999; &#; &bogus; &lt &mdash;&hellip;&ldquo;q&rdquo;&middot;&nbsp;x</p>'
	run -0 "$LT" html <"$IN"
	assert_output_equal "1: a & b ©2019 ¬it; $F $F $F € –
1: $F &#; &bogus; < —…“q”· x
title= og= url=/ site= lang= pub= lines=1"
}

@test "html: block elements, <br>, table rows and list items are lines; cells share one" {
	input '<div>one<br>two</div><p>three<span>four</span></p><table><tr><td>c1<td>c2<tr><th>d1</th></table><ul><li>e<li>f</ul>g'
	run -0 "$LT" html <"$IN"
	assert_output_equal '1: one
1: two
1: threefour
1: c1 c2
1: d1
1: e
1: f
1: g
title= og= url=/ site= lang= pub= lines=1'
}

@test "html: <pre> keeps its line breaks; white space elsewhere is folded" {
	input '<p>a\n   b\t\tc</p><pre>x  y\nz\n\nw</pre>'
	run -0 "$LT" html <"$IN"
	assert_output_equal '1: a b c
2: x  y
3: z
5: w
title= og= url=/ site= lang= pub= lines=5'
}

@test "html: script, style, noscript, template, textarea, svg, comments, CDATA and hidden elements are not text" {
	input '<script>a<b</script><style>p{}</style><noscript>n</noscript><template>t</template><textarea>x</textarea><svg><title>s</title><text>t</text></svg><!-- c <p>x</p> --><![CDATA[d]]><div hidden>h</div><span style="display: none">h2</span><p>seen</p><?php x ?><!DOCTYPE x>'
	run -0 "$LT" html <"$IN"
	assert_output_equal '1: seen
title= og= url=/ site= lang= pub= lines=1'
}

@test "html: attributes quoted, unquoted and bare; stray '<' and '&' are text; links marked" {
	input '<p class=a id="b" data-x='"'"'c>d'"'"' hidden2>1 < 2 & 3 <a href=/x title=">">link</a></p>'
	run -0 "$LT" html <"$IN"
	assert_output_equal '1: 1 < 2 & 3 link
title= og= url=/ site= lang= pub= lines=1'
}

@test "html: what the page declares: title, og:title, canonical, og:url, site, lang, date" {
	input '<html lang="zh-CN"><head><title>Headline &amp; more | Site</title><meta property="og:title" content="OG &quot;t&quot;"><link rel="canonical" href="http://a.example/1?x=1&amp;y=2"><meta property="og:url" content="http://a.example/og"><meta property="og:site_name" content="Site"><meta name="publishdate" content="2023/04/11"></head><body><p>x</p><time datetime="2020-01-02">then</time></body></html>'
	run -0 "$LT" html <"$IN"
	assert_output_equal '1: x
1: then
title=Headline & more | Site og=OG "t" url=http://a.example/1?x=1&y=2/http://a.example/og site=Site lang=zh-CN pub=2023-04-11 lines=1'
}

@test "html: the surest declared date wins: article:published_time over JSON-LD over <time>" {
	input '<time datetime="2020-01-02">a</time><script type="application/ld+json">{"datePublished": "2021-03-04T10:00"}</script><meta property="article:published_time" content="2022-05-06T00:00:00Z">'
	run -0 "$LT" html <"$IN"
	assert_output_equal '1: a
title= og= url=/ site= lang= pub=2022-05-06 lines=1'
}

@test "html: an unterminated comment or script ends the page, and says where it began" {
	input '<p>a</p>\n<!-- never closed <p>b</p>'
	run -0 "$LT" html <"$IN"
	assert_output_equal '1: a
title= og= url=/ site= lang= pub= lines=2 comment@2'
	input '<p>a</p>\n\n<script>var x; <p>b</p>'
	run -0 "$LT" html <"$IN"
	assert_output_equal '1: a
title= og= url=/ site= lang= pub= lines=3 script@3'
}

@test "html: 100,000 nested elements are flattened beyond 512, every word kept" {
	awk 'BEGIN { for (i = 0; i < 100000; i++) printf "<div><span>"; printf "deep"; for (i = 0; i < 100000; i++) printf "</span></div>"; print "<p>after</p>" }' >"$IN"
	run -0 "$LT" html <"$IN"
	assert_output_equal '1: deep
1: after
title= og= url=/ site= lang= pub= lines=2 deep@1'
}

@test "html: misnested and unclosed tags, a tag cut by the end of the page" {
	input '<b><p>one</b>two</p><li>three<div>four<p>five<h2>six<h3>seven</h2>eight<a href="x'
	run -0 "$LT" html <"$IN"
	assert_output_equal '1: onetwo
1: three
1: four
1: five
1: six
1: seven
1: eight
title= og= url=/ site= lang= pub= lines=1'
}

@test "sniff: HTML by its first bytes, after a BOM, white space, comments and <?xml?>" {
	input '<!DOCTYPE html>\n<html>\n<HEAD>\n  <meta charset=x>\n\xef\xbb\xbf<html>\n<!-- x --><html>\n<?xml version="1.0"?><html>\n<htmlx>\nSource: <html>\n<p>a</p>\n<BODY>\n'
	run -0 "$LT" sniff <"$IN"
	assert_output_equal '1
1
1
1
1
1
1
0
0
0
1'
}

@test "charset: BOM, <meta charset>, http-equiv Content-Type; GB2312 and GBK read as GB18030, Latin-1 as windows-1252" {
	input '<meta charset="gb2312">\n<meta http-equiv="Content-Type" content="text/html; charset=GBK">\n<META CHARSET=iso-8859-1>\n<meta charset=big5>\n<meta charset="utf-8">\n\xef\xbb\xbf<meta charset=gbk>\n<p>none</p>\n<meta charset="koi8-r">\n'
	run -0 "$LT" charset <"$IN"
	assert_output_equal 'GB18030
GB18030
WINDOWS-1252
BIG5
-
-
-
koi8-r'
}
