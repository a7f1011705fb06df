#!/usr/bin/env bats
# to-tsv: options, type inference, cells and escaping, CSV, bad records, write errors, golden
# output on examples/ and fixtures, a round trip through awk, and the man page's examples.

load test_helper

setup() {
	T=$BATS_TEST_TMPDIR
	F=$FIX/to-tsv
	cd "$ROOT" # golden files hold the file names as given: examples/...
}

# tsv ARG...: run to-tsv ARG... on standard input $IN, stderr apart
tsv() {
	run --separate-stderr "$BIN/to-tsv" "$@" < "$IN"
}

# examples ARG...: split-article examples/*.txt | to-tsv ARG...; both must succeed
examples() {
	run -0 --separate-stderr bash -c 'set -o pipefail
		"$0" examples/*.txt | "$1" "${@:2}"' "$BIN/split-article" "$BIN/to-tsv" "$@"
}

# input LINE...: the lines, as they are, as the input $IN
input() {
	IN=$T/in
	printf '%s\n' "$@" > "$IN"
}

# articles N FILE: N article records of about 1 KiB each
articles() {
	awk -v n="$1" 'BEGIN {
		b = ""
		for (i = 0; i < 30; i++) b = b "Lorem ipsum dolor sit amet.\\n"
		for (i = 0; i < n; i++)
			printf "{\"type\":\"article\",\"id\":\"%016x\",\"src\":\"p%d.txt\",\"line\":1,\"title\":\"T\\t%d\",\"header\":[],\"body\":\"%s\",\"footer\":[\"c\"]}\n", i, i, i, b
	}' > "$2"
}

# ---- options ----

@test "--help prints the usage to stdout and exits 0" {
	run -0 --separate-stderr "$BIN/to-tsv" --help
	[ "${lines[0]}" = "usage: to-tsv [-t TYPE] [-H] [-j SEP] [--csv] [--counters] [FIELD ...]" ]
	[[ $output == *"to-tsv reads standard input"* ]]
	[ -z "$stderr" ]
}

@test "-h is --help" {
	run -0 "$BIN/to-tsv" --help
	local long=$output
	run -0 "$BIN/to-tsv" -h
	[ "$output" = "$long" ]
}

@test "--version prints the version" {
	run -0 "$BIN/to-tsv" --version
	assert_output_equal "to-tsv 0.2.0"
}

@test "an unknown option is a usage error (status 2)" {
	run -2 --separate-stderr "$BIN/to-tsv" -x
	assert_stderr_has "to-tsv: unknown option '-x'"
	assert_stderr_has "usage: to-tsv [-t TYPE] [-H] [-j SEP] [--csv] [--counters] [FIELD ...]"
	[ -z "$output" ]
}

@test "an unknown long option is a usage error" {
	run -2 --separate-stderr "$BIN/to-tsv" --tsv
	assert_stderr_has "to-tsv: unknown option '--tsv'"
	[ -z "$output" ]
}

@test "-t and -j without an argument are usage errors" {
	run -2 --separate-stderr "$BIN/to-tsv" -t
	assert_stderr_has "to-tsv: option -t needs an argument"
	assert_stderr_has "usage: to-tsv"
	run -2 --separate-stderr "$BIN/to-tsv" name -j
	assert_stderr_has "to-tsv: option -j needs an argument"
	run -2 --separate-stderr "$BIN/to-tsv" -Ht
	assert_stderr_has "to-tsv: option -t needs an argument"
	[ -z "$output" ]
}

@test "an empty FIELD is a usage error" {
	run -2 --separate-stderr "$BIN/to-tsv" name ''
	assert_stderr_has "to-tsv: empty field name"
	assert_stderr_has "usage: to-tsv"
	[ -z "$output" ]
}

@test "options: grouped, after the FIELDs, and a FIELD that starts with - after --" {
	IN=$F/day.jsonl
	tsv -Ht person name
	assert_status 0
	assert_output_equal $'Hao Zhigang\nYang Shihao\nXi Jinping\nZhou Jianguo'
	tsv -tperson name -H
	assert_status 0
	assert_output_equal $'Hao Zhigang\nYang Shihao\nXi Jinping\nZhou Jianguo'
	tsv -t person -- name
	assert_status 0
	[ "${lines[0]}" = name ]
	input '{"type":"x","-H":1,"--csv":2}'
	tsv -- -H --csv
	assert_status 0
	assert_output_equal $'-H\t--csv\n1\t2'
	input '{"type":"--csv","a":1}' '{"type":"x","a":2}'
	tsv -t --csv a
	assert_status 0
	assert_output_equal $'a\n1'
}

# ---- which records: -t and the type by default ----

@test "without -t: the type of the first record that is not an article" {
	IN=$F/day.jsonl
	tsv
	assert_status 0
	[ "${lines[0]}" = $'article\ttitle\tpublished\tevent_date\tsource\tlocation\torg' ]
	[ "${#lines[@]}" -eq 3 ]
	input '{"type":"article","id":"1"}' '{"type":"article","id":"2"}' \
		'{"type":"person","name":"A"}' '{"type":"meta","org":"M"}' '{"type":"person","name":"B"}'
	tsv
	assert_status 0
	assert_output_equal $'name\nA\nB'
}

@test "without -t: article when there is nothing else" {
	input '{"type":"article","id":"1","title":"One"}' '{"type":"article","id":"2","title":null}'
	tsv
	assert_status 0
	assert_output_equal $'id\ttitle\n1\tOne\n2\t'
}

@test "without -t: a bad line does not decide the type" {
	input '{"type":"article","id":"1"}' 'not json' '{"type":"person","name":"A"}'
	tsv
	assert_status 1
	assert_output_equal $'name\nA'
	assert_stderr_has "to-tsv: -:2: bad record:"
}

@test "-t chooses the type; records of other types are skipped silently" {
	IN=$F/day.jsonl
	tsv -t directive
	assert_status 0
	[ -z "$stderr" ]
	assert_golden to-tsv/day-directive.tsv
	tsv -t person
	assert_status 0
	assert_golden to-tsv/day-person.tsv
	tsv -t article id src line title
	assert_status 0
	assert_golden to-tsv/day-article.tsv
	tsv -t pers
	assert_status 0
	[ -z "$output" ]
}

@test "golden: default type and columns of a day's records (meta)" {
	IN=$F/day.jsonl
	tsv
	assert_status 0
	assert_golden to-tsv/day.tsv
}

@test "-t with no record of that type: empty, or the header alone given FIELDs" {
	IN=$F/day.jsonl
	tsv -t nosuchtype
	assert_status 0
	[ -z "$output" ]
	tsv -t nosuchtype name title
	assert_status 0
	assert_output_equal $'name\ttitle'
	IN=/dev/null
	tsv
	assert_status 0
	[ -z "$output" ]
	tsv src line
	assert_status 0
	assert_output_equal $'src\tline'
}

@test "-H leaves out the header" {
	IN=$F/day.jsonl
	tsv -H -t person name role
	assert_status 0
	assert_output_equal $'Hao Zhigang\tpresided\nYang Shihao\tspoke\nXi Jinping\tmentioned\nZhou Jianguo\tpresided'
	IN=/dev/null
	tsv -H name
	[ -z "$output" ]
}

# ---- columns ----

@test "FIELDs choose and order the columns; one may repeat; a missing one is empty" {
	IN=$F/day.jsonl
	tsv -t person role name nosuchkey name
	assert_status 0
	[ "${lines[0]}" = $'role\tname\tnosuchkey\tname' ]
	[ "${lines[1]}" = $'presided\tHao Zhigang\t\tHao Zhigang' ]
	[ "${#lines[@]}" -eq 5 ]
}

@test "default columns: the first record's keys, type left out; later keys ignored" {
	input '{"type":"x","b":1,"a":2}' '{"a":3,"type":"x","c":4}' '{"type":"x","b":5}'
	tsv
	assert_status 0
	assert_output_equal $'b\ta\n1\t2\n\t3\n5\t'
}

@test "type is a column when asked for" {
	input '{"type":"x","a":1}'
	tsv type a
	assert_output_equal $'type\ta\nx\t1'
}

@test "a key given twice: the last one counts, and it is one column" {
	input '{"type":"x","a":1,"b":2,"a":3}'
	tsv
	assert_status 0
	assert_output_equal $'a\tb\n3\t2'
}

@test "golden: dotted FIELDs reach into objects and arrays of objects" {
	IN=$F/posts.jsonl
	tsv name posts.org posts.post posts home.city home.district.name home
	assert_status 0
	assert_golden to-tsv/posts.tsv
	# the cases spelt out
	[ "${lines[1]}" = $'Hao Zhigang\tBluestar; ChemChina\tParty secretary; director\t{"org":"Bluestar","post":"Party secretary"}; {"org":"ChemChina","post":"director"}\tBeijing\tChaoyang\t{"city":"Beijing","district":{"name":"Chaoyang"}}' ]
	[ "${lines[3]}" = $'Li Wei\tsingle object\tengineer\t{"org":"single object","post":"engineer"}\t\t\tShanghai' ]
	[ "${lines[4]}" = $'Wang Fang\t\t\t\tdotted key wins\t\t{"city":"Hefei"}' ]
}

@test "-j joins the values of a dotted FIELD over an array" {
	IN=$F/posts.jsonl
	tsv -H -j / -t person name posts.org
	assert_output_equal $'Hao Zhigang\tBluestar/ChemChina\nYang Shihao\tBluestar///nested\nLi Wei\tsingle object\nWang Fang\t\nChen Jing\t'
}

# ---- cells ----

@test "golden: strings, escapes, null, numbers, booleans, arrays, objects" {
	IN=$F/values.jsonl
	tsv
	assert_status 0
	assert_golden to-tsv/values.tsv
}

@test "backslash, tab, newline and carriage return are escaped" {
	input '{"type":"x","s":"a\\b\tc\nd\re\\n"}'
	tsv -H s
	assert_status 0
	assert_output_equal 'a\\b\tc\nd\re\\n'
	# one line, one cell
	[ "${#lines[@]}" -eq 1 ]
	[[ $output != *$'\t'* ]]
}

@test "escapes in the header too" {
	input '{"type":"x","a\tb":1}'
	tsv
	assert_output_equal $'a\\tb\n1'
}

@test "null is an empty cell; numbers as written; true and false" {
	input '{"type":"x","a":null,"b":1.50,"c":-2E-3,"d":12345678901234567890123,"e":true,"f":false,"g":-0}'
	tsv
	assert_status 0
	assert_output_equal $'a\tb\tc\td\te\tf\tg\n\t1.50\t-2E-3\t12345678901234567890123\ttrue\tfalse\t-0'
}

@test "strings are decoded UTF-8, not JSON-quoted" {
	input '{"type":"x","s":"caf\u00e9 \u4e2d\u6587 \ud83d\ude00 \"q\" \/"}'
	tsv -H s
	assert_output_equal 'café 中文 😀 "q" /'
}

@test "arrays are joined with '; '; nested arrays flattened; objects inside as JSON" {
	input '{"type":"x","a":["x",1,null,true,[2,[3]],[],{"k":"v"}],"e":[]}'
	tsv -H a e
	assert_output_equal $'x; 1; ; true; 2; 3; {"k":"v"}\t'
}

@test "-j changes the separator; a tab in it is escaped" {
	input '{"type":"x","a":["x","y","z"]}'
	tsv -H -j ', ' a
	assert_output_equal 'x, y, z'
	tsv -H -j '' a
	assert_output_equal 'xyz'
	tsv -H -j "$(printf '\t')" a
	assert_output_equal 'x\ty\tz'
}

@test "an object is compact JSON, with its strings JSON-escaped, then TSV-escaped" {
	input '{"type":"x","o":{ "a" : [1, {"b":null}], "c":"q\"\\\n" , "d":{}}}'
	tsv -H o
	assert_output_equal '{"a":[1,{"b":null}],"c":"q\\"\\\\\\n","d":{}}'
}

# ---- CSV ----

@test "golden: --csv" {
	IN=$F/values.jsonl
	tsv --csv
	assert_status 0
	assert_golden to-tsv/values.csv
	IN=$F/day.jsonl
	tsv --csv -t directive
	assert_status 0
	assert_golden to-tsv/day-directive.csv
}

@test "--csv: quoting as RFC 4180, CRLF line ends, no backslash escapes" {
	input '{"type":"x","a":"plain","b":"with, comma","c":"say \"hi\"","d":"two\nlines","e":"back\\slash\ttab","f":null}'
	tsv --csv
	assert_status 0
	printf 'a,b,c,d,e,f\r\nplain,"with, comma","say ""hi""","two\nlines",back\\slash\ttab,\r\n' > "$T/want"
	bash -c '"$0" --csv < "$1"' "$BIN/to-tsv" "$IN" | cmp - "$T/want"
}

@test "--csv: an empty cell alone on its row is written as \"\"" {
	input '{"type":"x","a":null}' '{"type":"x","a":"y"}'
	bash -c '"$0" --csv < "$1"' "$BIN/to-tsv" "$IN" > "$T/out"
	printf 'a\r\n""\r\ny\r\n' | cmp - "$T/out"
}

# ---- bad input ----

@test "bad records are reported with -:LINE and skipped; good rows still written; status 1" {
	IN=$T/in
	{
		echo '{"type":"person","name":"A"}'
		echo '{"type":"person","name":"B"'
		echo '["type","person"]'
		echo '{"name":"C"}'
		echo '{"type":7,"name":"D"}'
		printf '{"type":"person","name":"\xff\xfe"}\n'
		head -c 1000 /dev/zero | tr '\0' '['
		echo
		echo '{"type":"person","name":"E",}'
		echo '{"type":"person","name":"F"} x'
		echo '{"type":"person","name":"G"}'
	} > "$IN"
	tsv
	assert_status 1
	assert_output_equal $'name\nA\nG'
	assert_stderr_has "to-tsv: -:2: bad record: truncated: the line ends inside an object (column 28)"
	assert_stderr_has "to-tsv: -:3: bad record: not a JSON object"
	assert_stderr_has "to-tsv: -:4: bad record: no 'type' key"
	assert_stderr_has "to-tsv: -:5: bad record: 'type' is not a string"
	assert_stderr_has "to-tsv: -:6: bad record: invalid UTF-8 in string (column 26)"
	assert_stderr_has "to-tsv: -:7: bad record: nested too deeply (more than 512 levels)"
	assert_stderr_has "to-tsv: -:8: bad record: expected a string as member name (column 29)"
	assert_stderr_has "to-tsv: -:9: bad record: text after the end of the record (column 30)"
	[ "$(printf '%s\n' "$stderr" | wc -l)" -eq 8 ]
}

@test "blank lines are skipped silently; a BOM and CRLF are accepted" {
	IN=$T/in
	printf '\xef\xbb\xbf{"type":"x","a":1}\r\n\r\n   \n\t\n{"type":"x","a":2}\r\n' > "$IN"
	tsv
	assert_status 0
	[ -z "$stderr" ]
	assert_output_equal $'a\n1\n2'
}

@test "a binary file is reported, status 1" {
	IN=$T/in
	head -c 4096 /dev/urandom > "$IN"
	tsv
	assert_status 1
	assert_stderr_has "to-tsv: -: binary file skipped"
}

@test "a line without a newline at the end is a record" {
	IN=$T/in
	printf '{"type":"x","a":1}' > "$IN"
	tsv
	assert_status 0
	assert_output_equal $'a\n1'
}

# ---- output ----

@test "a full disk is a write error, status 1" {
	run --separate-stderr bash -c '"$0" < "$1" > /dev/full' "$BIN/to-tsv" "$F/day.jsonl"
	assert_status 1
	assert_stderr_has "to-tsv: write error: No space left on device"
}

@test "a closed pipe ends to-tsv quietly" {
	articles 5000 "$T/big"
	run --separate-stderr bash -c '"$0" -t article id body < "$1" | head -n 2 | cut -c 1-16; echo "status ${PIPESTATUS[0]}"' \
		"$BIN/to-tsv" "$T/big"
	[ -z "$stderr" ]
	[ "${lines[0]}" = $'id\tbody' ]
	[ "${lines[1]}" = 0000000000000000 ]
	[ "${lines[2]}" = "status 141" ] # killed by SIGPIPE, as cat would be
}

@test "the same input gives the same bytes" {
	IN=$F/day.jsonl
	tsv -t person
	local first=$output
	LC_ALL=C.UTF-8 TZ=Asia/Shanghai tsv -t person
	[ "$output" = "$first" ]
}

@test "without -t, over 8 MiB of leading articles are read ahead and all written" {
	articles 10000 "$T/art"
	bash -c '"$0" < "$1" > "$2"' "$BIN/to-tsv" "$T/art" "$T/ahead"
	bash -c '"$0" -t article < "$1" > "$2"' "$BIN/to-tsv" "$T/art" "$T/typed"
	[ "$(wc -l < "$T/ahead")" -eq 10001 ]
	cmp "$T/ahead" "$T/typed"
	# and dropped when another type comes after them
	echo '{"type":"person","name":"Z"}' >> "$T/art"
	IN=$T/art
	tsv
	assert_status 0
	assert_output_equal $'name\nZ'
}

# ---- examples/ ----

@test "golden: split-article examples/*.txt | to-tsv (articles, every column)" {
	examples
	assert_golden to-tsv/examples.tsv
}

@test "golden: split-article examples/*.txt | to-tsv src line title" {
	examples src line title
	assert_golden to-tsv/examples-src-line-title.tsv
}

@test "golden: split-article examples/*.txt | to-tsv --csv" {
	examples --csv
	assert_golden to-tsv/examples.csv
}

@test "golden: split-article examples/*.txt | to-tsv -H -j ' // ' src footer" {
	examples -H -j ' // ' src footer
	assert_golden to-tsv/examples-footer.tsv
}

@test "round trip: awk -F'\\t' reads back the values (and jq agrees, if installed)" {
	"$BIN/split-article" examples/*.txt > "$T/rec"
	"$BIN/to-tsv" < "$T/rec" > "$T/all.tsv"
	"$BIN/to-tsv" src line title < "$T/rec" > "$T/slt.tsv"
	# every row has every column: 8 for the article record, 3 asked for
	awk -F'\t' 'NF != 8 { print NR ": " NF " cells"; bad = 1 } END { exit bad }' "$T/all.tsv"
	[ "$(wc -l < "$T/all.tsv")" -eq "$(($(wc -l < "$T/rec") + 1))" ]
	# src and line, as split-article wrote them
	awk -F'\t' 'NR > 1 { print $1 ":" $2 }' "$T/slt.tsv" > "$T/got"
	sed 's/.*"src":"\([^"]*\)","line":\([0-9]*\),.*/\1:\2/' "$T/rec" | cmp - "$T/got"
	command -v jq > /dev/null || skip "jq is not installed: the rest is not checked"
	jq -r '[.src, .line, .title] | @tsv' "$T/rec" > "$T/jq"
	tail -n +2 "$T/slt.tsv" | cmp - "$T/jq"
	# bodies, with newlines: linear TSV decoded by printf %b gives jq's raw string
	local i n
	n=$(wc -l < "$T/rec")
	for ((i = 1; i <= n; i++)); do
		body=$(awk -F'\t' -v r=$((i + 1)) 'NR == r { print $6 }' "$T/all.tsv")
		[ "$(printf '%b' "$body")" = "$(sed -n "${i}p" "$T/rec" | jq -r .body)" ]
	done
}

# ---- the man page ----

@test "the man page's examples that need only split-article and to-tsv run" {
	local n=0 cmd
	while IFS= read -r cmd; do
		run --separate-stderr bash -c "set -o pipefail; cd '$T' && ln -sf '$ROOT/examples' . && PATH='$BIN':\$PATH && $cmd"
		[ "$status" -eq 0 ] || { echo "failed: $cmd"; echo "$stderr"; return 1; }
		n=$((n + 1))
	done < <(sed -n '/^\.Bd -literal/,/^\.Ed/{/^split-article examples.*to-tsv/p;}' man/to-tsv.1 |
		grep -v extract- | sed 's/\\e/\\/g')
	[ "$n" -ge 5 ]
	[ -s "$T/articles.csv" ]
}

@test "the man page: SYNOPSIS is the usage line; mandoc -T lint is clean" {
	command -v mandoc > /dev/null || skip "mandoc is not installed"
	run -0 "$BIN/to-tsv" --help
	local usage=${lines[0]#usage: }
	run -0 bash -c "mandoc -T ascii man/to-tsv.1 | col -b | sed -n '/^SYNOPSIS/{n;p;}'"
	[ "$(echo $output)" = "$usage" ]
	run bash -c "mandoc -T lint man/to-tsv.1 2>&1"
	printf '%s\n' "$output" | grep -v -e 'referenced manual not found' -e 'mandoc.db' \
		-e 'operating system explicitly specified' | { ! grep .; }
}

# A bug fixed: a NUL (\u0000) in a string came out as a raw NUL byte, in TSV and in CSV.
@test "a NUL in a string (\\u0000) is \\0 in TSV and U+FFFD in CSV, never a NUL byte" {
	run -0 bash -c 'printf "%s\n" "{\"type\":\"x\",\"s\":\"a\\u0000b\"}" | "$0" -H' "$BIN/to-tsv"
	assert_output_equal 'a\0b'
	run -0 bash -c 'printf "%s\n" "{\"type\":\"x\",\"s\":\"a\\u0000b\"}" | "$0" -H --csv' "$BIN/to-tsv"
	assert_output_equal $'a\xef\xbf\xbdb\r'
}
