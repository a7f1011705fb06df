#!/bin/sh
# make demo: run the readout pipeline, as far as its tools are built, over examples/ and show the
# records as tables. Nothing is written outside a temporary folder.
set -eu
cd "$(dirname "$0")/.."
PATH=$PWD/bin:$PATH
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM

# table: TSV on stdin as aligned columns, each cut to 48 columns of a terminal. Widths are
# counted in what a terminal shows, not in bytes: the awk runs in the C locale (bytes, in every
# awk) and decodes the UTF-8 itself; a wide character (CJK, Hangul, full-width forms) takes two
# columns, a combining mark none, any other character one.
table() {
	LC_ALL=C awk -F '\t' '
	BEGIN { for (i = 1; i < 256; i++) ord[sprintf("%c", i)] = i }
	function cw(c) {
		if (c >= 768 && c <= 879 || c >= 8203 && c <= 8207 || c >= 8400 && c <= 8447 ||
		    c >= 65024 && c <= 65039)
			return 0
		if (c >= 4352 && c <= 4447 || c >= 11904 && c <= 42191 && c != 12351 ||
		    c >= 44032 && c <= 55203 || c >= 63744 && c <= 64255 || c >= 65072 && c <= 65103 ||
		    c >= 65280 && c <= 65376 || c >= 65504 && c <= 65510 ||
		    c >= 127744 && c <= 128591 || c >= 129280 && c <= 129535 ||
		    c >= 131072 && c <= 262141)
			return 2
		return 1
	}
	# fit(s): s, or as much of it as fits in 45 columns and "...", if it is wider than 48; its
	# width in W
	function fit(s,   i, k, n, b, c, w, cut, wcut) {
		w = 0; cut = 0
		for (i = 1; i <= length(s); i += n) {
			b = ord[substr(s, i, 1)]
			if (b < 128) { n = 1; c = b }
			else if (b >= 240) { n = 4; c = b - 240 }
			else if (b >= 224) { n = 3; c = b - 224 }
			else if (b >= 192) { n = 2; c = b - 192 }
			else { n = 1; c = 65533 }
			for (k = 1; k < n; k++)
				c = c * 64 + ord[substr(s, i + k, 1)] - 128
			if (w + cw(c) <= 45) { cut = i + n - 1; wcut = w + cw(c) }
			w += cw(c)
		}
		if (w <= 48) { W = w; return s }
		W = wcut + 3
		return substr(s, 1, cut) "..."
	}
	{ for (i = 1; i <= NF; i++) { cell[NR, i] = fit($i); wid[NR, i] = W; if (W > w[i]) w[i] = W }
	  if (NF > nf) nf = NF }
	END { for (r = 1; r <= NR; r++) { line = ""
	    for (i = 1; i <= nf; i++) {
		line = line cell[r, i]
		if (i < nf) { for (k = wid[r, i]; k < w[i] + 2; k++) line = line " " }
	    }
	    print line } }'
}

# With "--table": only that, TSV on standard input to standard output (for the tests).
if [ "${1:-}" = --table ]; then
	table
	exit
fi

echo "== split-article: raw pages to article records"
{
	split-article examples/*.txt
	split-article -e LATIN1 examples/enc/latin1-*.txt
	split-article -e GBK examples/enc/gbk-*.txt
} > "$tmp/articles.jsonl"
stages="split-article"
for t in extract-meta extract-people extract-directives; do
	if [ -x "bin/$t" ]; then
		"$t" < "$tmp/articles.jsonl" > "$tmp/next.jsonl"
		mv "$tmp/next.jsonl" "$tmp/articles.jsonl"
		stages="$stages | $t"
	fi
done
echo "pipeline: $stages ($(wc -l < "$tmp/articles.jsonl") records)"
echo
for type in article meta person directive; do
	grep -q "^{\"type\":\"$type\"" "$tmp/articles.jsonl" || continue
	echo "== to-tsv -t $type"
	case $type in
	article) to-tsv -t article src line id title < "$tmp/articles.jsonl" | table ;;
	*) to-tsv -t "$type" < "$tmp/articles.jsonl" | table ;;
	esac
	echo
done
