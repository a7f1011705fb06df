#!/bin/sh
# bench/gen.sh MB OUT: writes at least MB megabytes of raw pages made from examples/*.txt, so
# that the corpus is not one article repeated. Each copy of each example is varied:
#   - the people: every surname of a "Surname Given" name becomes another surname, the same
#     one all through that copy, so "Mr. Zhou" still goes with "Zhou Jianguo" ("He" and
#     "Xi" are left alone: a pronoun, and Xi Jinping, whom the articles only quote);
#   - the dates: month names move on by the copy number, day numbers and other small numbers
#     shift within 1..28, years within 2000..2029;
#   - the lists: items past the copy's list length (2 to 6) are cut, both one-per-line items
#     and "Fourth, ..." sentences inside a paragraph; list numbers "(2)", "2." are kept;
#   - the order of the articles, and a form feed or nothing between pages.
# Deterministic: the same MB gives the same bytes.
set -eu
mb=$1 out=$2
cd "$(dirname "$0")/.."
awk -v want="$((mb * 1000000))" '
FILENAME ~ /surnames.txt$/ {
	if ($0 !~ /^#/ && $1 != "")
		pool[np++] = toupper(substr($1, 1, 1)) substr($1, 2)
	next
}
FNR == 1 { nf++ }
{ text[nf] = text[nf] $0 "\n" }
END {
	split("January February March April May June July August September October " \
	    "November December", month, " ")
	split("First Second Third Fourth Fifth Sixth Seventh Eighth Ninth Tenth", ord, " ")
	for (i = 0; i < np; i++)
		issur[pool[i]] = i
	while (size < want) {
		copy++
		for (k = 0; k < nf; k++) {
			f = (k * 7 + copy) % nf + 1
			v = vary(text[f], copy)
			printf "%s%s", v, (copy + k) % 3 ? "\f\n" : "\n"
			size += length(v) + 2
		}
	}
}

function vary(t, c,    n, i, w, lines, out, kmax, line, o, m, map, rest, pre, num, len) {
	# the surnames of this text, each mapped to another one of the pool
	rest = t
	while (match(rest, /[A-Z][a-z]+ [A-Z][a-z]+/)) {
		w = substr(rest, RSTART, RLENGTH)
		sub(/ .*/, "", w)
		if (w in issur && w != "He" && w != "Xi" && !(w in map))
			map[w] = pool[(issur[w] * 31 + c * 17) % np]
		rest = substr(rest, RSTART + length(w))
	}
	kmax = 2 + c % 5
	n = split(t, lines, "\n")
	out = ""
	for (i = 1; i < n; i++) {
		line = lines[i]
		# one-per-line items past kmax go
		for (o = kmax + 1; o <= 10; o++)
			if (index(line, ord[o] ",") == 1 || index(line, ord[o] "ly,") == 1)
				break
		if (o <= 10)
			continue
		# and so do "Fourth, ..." sentences inside a paragraph
		for (o = kmax + 1; o <= 10; o++)
			gsub(" " ord[o] "(ly)?, [^.]*[.]", "", line)
		# surnames, as whole words
		for (w in map)
			line = subword(line, w, map[w])
		# months
		for (m = 1; m <= 12; m++)
			if (index(line, month[m]))
				line = subword(line, month[m], "\001" ((m + c - 1) % 12 + 1) "\001")
		while (match(line, /\001[0-9]+\001/))
			line = substr(line, 1, RSTART - 1) month[substr(line, RSTART + 1, RLENGTH - 2) + 0] \
			    substr(line, RSTART + RLENGTH)
		# numbers, but not list numbers: "(2)" and "2." or "2)" at the start of a line
		rest = line
		line = ""
		while (match(rest, /[0-9]+/)) {
			pre = substr(rest, 1, RSTART - 1)
			num = substr(rest, RSTART, RLENGTH) + 0
			len = RLENGTH
			rest = substr(rest, RSTART + RLENGTH)
			if ((len <= 2 && substr(pre, length(pre)) == "(" && substr(rest, 1, 1) == ")") ||
			    (line == "" && pre == "" && rest ~ /^[.)] /))
				line = line pre num
			else if (len == 4)
				line = line pre (2000 + (num + c) % 30)
			else if (len <= 2)
				line = line pre ((num + c) % 28 + 1)
			else
				line = line pre ((num + c * 7) % (10 ^ len))
		}
		out = out line rest "\n"
	}
	return out
}

# s with every whole-word from replaced by to
function subword(s, from, to,    r, p, a, b) {
	r = ""
	while ((p = index(s, from))) {
		a = p > 1 ? substr(s, p - 1, 1) : " "
		b = substr(s, p + length(from), 1)
		if (a !~ /[A-Za-z]/ && b !~ /[A-Za-z]/)
			r = r substr(s, 1, p - 1) to
		else
			r = r substr(s, 1, p + length(from) - 1)
		s = substr(s, p + length(from))
	}
	return r s
}' lib/lex/surnames.txt examples/*.txt > "$out"
