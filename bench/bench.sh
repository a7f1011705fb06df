#!/bin/sh
# make bench: speed and peak memory of every tool and of the whole pipeline on a generated
# corpus (bench/gen.sh), each beside cat and wc -w on the same input in the same run, and
# to-tsv beside jq and mlr (when installed) doing the same job. For each size in SIZES:
#   MB/s      input megabytes (10^6 bytes) per second of wall-clock time
#   rec/s     records per second: articles written (split-article, the pipeline), records
#             read (extractors, to-tsv and its rivals)
#   RSS       peak resident memory, from /usr/bin/time (GNU time's %M), in KB
#   x wc -w   wc -w's time over the tool's: 1.00 is as fast as wc -w, 0.50 half as fast
# Each figure is the median of RUNS runs. The last table sets the sizes side by side: time
# should grow tenfold with a tenfold input and memory not at all. BIG, if not 0, also runs the
# pipeline once on BIG megabytes for its peak memory.
#
# HTML (a directory of NAME.html or NAME.html.gz pages; default ../shared/corpus/html if it is
# there, else tests/fixtures/html; "none" to skip): split-article on every page in one run,
# beside readability-lxml (Debian python3-readability) and Readability.js (npm
# @mozilla/readability with jsdom) on the same pages in the same run; each peer is installed
# if missing (apt-get, npm into $DATA/node) or skipped with a message.
#
# Environment: SIZES (default "20 200"), RUNS (default 3), BIG (default 1000; 0: none),
# DATA (default bench/data, git-ignored: corpora are kept and reused), HTML (above).
set -eu
case ${1-} in
-h | --help)	# the comment above is the help
	sed -n '2,/^set -eu/{/^set -eu/d; s/^# \{0,1\}//; p; }' "$0"
	exit 0 ;;
'') ;;
*)	echo "bench: takes no arguments, only the environment (bench/bench.sh --help)" >&2
	exit 2 ;;
esac
cd "$(dirname "$0")/.."
SIZES=${SIZES:-20 200}
RUNS=${RUNS:-3}
BIG=${BIG:-1000}
DATA=${DATA:-bench/data}
mkdir -p "$DATA"
TIME=/usr/bin/time
[ -x "$TIME" ] || { echo "bench: needs GNU time as /usr/bin/time (apt-get install time)" >&2; exit 2; }
export LC_ALL="${LC_ALL:-C.UTF-8}"	# wc -w's speed depends on the locale: say which
PIPE='bin/split-article | bin/extract-meta | bin/extract-people | bin/extract-directives'

# measure CMD: "seconds maxrss_kb" of the median of RUNS runs (stdin $in, stdout dropped)
measure() {
	i=0
	while [ $i -lt "$RUNS" ]; do
		"$TIME" -f '%e %M' -o "$DATA/time.out" sh -c "$1" < "$in" > /dev/null 2> "$DATA/err.out" ||
			{ echo "bench: failed: $1" >&2; cat "$DATA/err.out" >&2; exit 1; }
		tail -n 1 "$DATA/time.out"
		i=$((i + 1))
	done | sort -n | awk -v r="$RUNS" 'NR == int((r + 1) / 2)'
}

# row NAME CMD RECORDS: measures CMD on $in, prints its row and keeps it for the last table
row() {
	emit "$1" "$3" $(measure "$2")
}

# emit NAME RECORDS SECONDS RSS: the row of a measurement
emit() {
	awk -v n="$1" -v mb="$mbs" -v rec="$2" -v s="$3" -v rss="$4" -v wc="$wc" -v size="$size" \
	    -v tag="$tag" '
	BEGIN {
		if (s < 0.01) s = 0.01
		printf "%-22s %8.1f %11.0f %9d %8.2f\n", n, mb / s, rec / s, rss, wc / s
		sub(/^ +/, "", n)
		printf "%s\t%s: %s\t%s\t%s\n", size, tag, n, s, rss >> "'"$DATA/all.tsv"'"
	}'
}

heading() {
	echo
	echo "== $mbs MB of $1 ($in), $2 records; median of $RUNS runs; LC_ALL=$LC_ALL"
	printf '%-22s %8s %11s %9s %8s\n' "" "MB/s" "rec/s" "RSS KB" "x wc -w"
	set -- $(measure 'wc -w')
	wc=$1
	row cat cat "$recs"
	emit "wc -w" "$recs" "$1" "$2"	# the same runs that every ratio here divides by
}

: > "$DATA/all.tsv"
echo "readout bench: $(uname -sm), $(getconf _NPROCESSORS_ONLN) cores; $(cc --version | head -n 1)"
for size in $SIZES; do
	raw=$DATA/raw-$size.txt
	arts=$DATA/articles-$size.jsonl
	[ -s "$raw" ] || sh bench/gen.sh "$size" "$raw"
	[ -s "$arts" ] || bin/split-article "$raw" > "$arts" 2> /dev/null || true
	in=$raw
	mbs=$(awk -v b="$(wc -c < "$in")" 'BEGIN { printf "%.1f", b / 1e6 }')
	recs=$(wc -l < "$arts")

	tag=raw
	heading "raw pages" "$recs article"
	row split-article bin/split-article "$recs"
	row "pipeline (3 extractors)" "$PIPE" "$recs"
	row "pipeline + to-tsv" "$PIPE | bin/to-tsv -t directive" "$recs"

	in=$arts
	mbs=$(awk -v b="$(wc -c < "$in")" 'BEGIN { printf "%.1f", b / 1e6 }')
	tag=records
	heading "article records" "$recs"
	for t in extract-meta extract-people extract-directives; do
		row "$t" "bin/$t" "$recs"
	done
	row "to-tsv" "bin/to-tsv -t article src line title" "$recs"
	command -v jq > /dev/null &&
		row "  jq (same table)" "jq -r '[.src, .line, .title] | @tsv'" "$recs"
	command -v mlr > /dev/null &&
		row "  mlr (same table)" "mlr --ijsonl --otsv cut -o -f src,line,title" "$recs"
done

# ---- HTML pages: split-article beside readability-lxml and Readability.js ----
HTML=${HTML:-}
if [ -z "$HTML" ]; then
	HTML=tests/fixtures/html
	[ -d ../shared/corpus/html ] && HTML=../shared/corpus/html
fi
if [ "$HTML" != none ]; then
	hd=$DATA/html
	rm -rf "$hd"
	mkdir -p "$hd"
	for f in "$HTML"/*.html "$HTML"/*.html.gz; do
		[ -f "$f" ] || continue
		case $f in
		*.gz)	gzip -dc "$f" > "$hd/$(basename "$f" .gz)" ;;
		*)	cp "$f" "$hd/" ;;
		esac
	done
	pages=$(ls "$hd" | wc -l)
	in=/dev/null
	mbs=$(cat "$hd"/*.html | wc -c | awk '{ printf "%.1f", $1 / 1e6 }')
	tag=html
	size=html
	echo
	echo "== $mbs MB of HTML ($pages pages from $HTML); median of $RUNS runs"
	printf '%-22s %8s %11s %9s %8s\n' "" "MB/s" "pages/s" "RSS KB" "x wc -w"
	set -- $(measure "wc -w $hd/*.html")
	wc=$1
	emit "wc -w" "$pages" "$1" "$2"
	row split-article "bin/split-article $hd/*.html" "$pages"
	py=python3	# Debian's package is for Debian's python3, which may not be first in PATH
	[ -x /usr/bin/python3 ] && py=/usr/bin/python3
	if ! $py -c 'import readability' 2> /dev/null; then
		echo "bench: installing python3-readability" >&2
		{ apt-get install -y python3-readability || sudo -n apt-get install -y python3-readability; } \
		    > /dev/null 2>&1 || true
	fi
	if $py -c 'import readability' 2> /dev/null; then
		row "  readability-lxml" "$py bench/readability-lxml.py $hd/*.html" "$pages"
	else
		echo "bench: readability-lxml skipped: python3-readability is not installed" >&2
	fi
	nm=$DATA/node/node_modules
	if command -v node > /dev/null && [ ! -d "$nm/@mozilla/readability" ] && command -v npm > /dev/null; then
		echo "bench: installing @mozilla/readability and jsdom into $DATA/node" >&2
		mkdir -p "$DATA/node"
		npm install --silent --prefix "$DATA/node" @mozilla/readability jsdom > /dev/null 2>&1 || true
	fi
	if command -v node > /dev/null && [ -d "$nm/@mozilla/readability" ] && [ -d "$nm/jsdom" ]; then
		row "  Readability.js" "NODE_PATH=$nm node bench/readability.js $hd/*.html" "$pages"
	else
		echo "bench: Readability.js skipped: node, @mozilla/readability or jsdom is missing" >&2
	fi
fi

set -- $SIZES
if [ $# -ge 2 ]; then
	echo
	echo "== growth from $1 MB to $2 MB: time ratio (linear: $(awk -v a="$1" -v b="$2" \
	    'BEGIN { printf "%.1f", b / a }')), peak RSS KB at each size"
	awk -F'\t' -v a="$1" -v b="$2" '
		$1 == a { t[$2] = $3; r[$2] = $4; order[++n] = $2 }
		$1 == b { T[$2] = $3; R[$2] = $4 }
		END {
			for (i = 1; i <= n; i++) {
				k = order[i]
				if (k in T)
					printf "%-32s %8.1f %9d %9d\n", k, T[k] / (t[k] < 0.01 ? 0.01 : t[k]),
					    r[k], R[k]
			}
		}' "$DATA/all.tsv"
fi

if [ "$BIG" != 0 ]; then
	big=$DATA/raw-$BIG.txt
	[ -s "$big" ] || sh bench/gen.sh "$BIG" "$big"
	in=$big
	echo
	echo "== $(awk -v b="$(wc -c < "$big")" 'BEGIN { printf "%.1f", b / 1e6 }') MB of raw" \
	    "pages through the pipeline, once: seconds, peak RSS KB (of the largest process)"
	RUNS=1 measure "$PIPE"
fi
