#!/bin/sh
# make demo: run the readout pipeline, as far as its tools are built, over examples/ and show the
# records as tables. Nothing is written outside a temporary folder.
set -eu
cd "$(dirname "$0")/.."
PATH=$PWD/bin:$PATH
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM

# table: TSV on stdin as aligned columns, each cut to 48 characters
table() {
	awk -F '\t' '
	{ for (i = 1; i <= NF; i++) { v = $i; if (length(v) > 48) v = substr(v, 1, 45) "..."
	    cell[NR, i] = v; if (length(v) > w[i]) w[i] = length(v) } if (NF > nf) nf = NF }
	END { for (r = 1; r <= NR; r++) { line = ""
	    for (i = 1; i <= nf; i++) line = line sprintf(i < nf ? "%-" w[i] "s  " : "%s", cell[r, i])
	    print line } }'
}

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
