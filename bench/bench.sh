#!/bin/sh
# make bench: speed and peak memory of the tools on a generated corpus, each beside cat and
# wc -w on the same input in the same run. Medians of RUNS runs. Sizes in MB: SIZES.
# Environment: SIZES (default "10 100"), RUNS (default 3), DATA (default bench/data).
set -eu
cd "$(dirname "$0")/.."
SIZES=${SIZES:-10 100}
RUNS=${RUNS:-3}
DATA=${DATA:-bench/data}
mkdir -p "$DATA"
TIME=$(command -v /usr/bin/time || true)

# measure CMD...: prints "seconds maxrss_kb" of the median run (stdin from $in, stdout dropped)
measure() {
	i=0
	while [ $i -lt "$RUNS" ]; do
		if [ -n "$TIME" ]; then
			"$TIME" -f '%e %M' -o "$DATA/time.out" "$@" < "$in" > /dev/null
		else
			s=$(date +%s.%N)
			"$@" < "$in" > /dev/null
			e=$(date +%s.%N)
			echo "$s $e" | awk '{ printf "%.2f -\n", $2 - $1 }' > "$DATA/time.out"
		fi
		tail -n 1 "$DATA/time.out"
		i=$((i + 1))
	done | sort -n | awk -v r="$RUNS" 'NR == int((r + 1) / 2)'
}

row() { # NAME MB SECONDS RSS WCSECONDS
	awk -v n="$1" -v mb="$2" -v s="$3" -v rss="$4" -v wc="$5" 'BEGIN {
		if (s < 0.01) s = 0.01
		printf "%-22s %8.1f MB/s %10s KB   %5.2fx wc -w\n", n, mb / s, rss, wc / s }'
}

# baseline FILE WHAT: the heading, then cat and wc -w on FILE; sets in (the input), mbs and wc
baseline() {
	in=$1
	mbs=$(awk -v b="$(wc -c < "$in")" 'BEGIN { printf "%.1f", b / 1e6 }')
	echo "== $mbs MB of $2 ($in), median of $RUNS runs"
	set -- $(measure wc -w)
	wc=$1
	wcrss=$2
	set -- $(measure cat); row cat "$mbs" "$1" "$2" "$wc"
	row "wc -w" "$mbs" "$wc" "$wcrss" "$wc"
}

for mb in $SIZES; do
	raw=$DATA/raw-$mb.txt
	[ -f "$raw" ] || sh bench/gen.sh "$mb" "$raw"
	baseline "$raw" "raw pages"
	set -- $(measure bin/split-article); row split-article "$mbs" "$1" "$2" "$wc"
	echo

	# the extractors on the article records of the same pages
	recs=$DATA/articles-$mb.jsonl
	[ -f "$recs" ] || bin/split-article "$raw" > "$recs"
	baseline "$recs" "article records"
	for t in extract-meta extract-people extract-directives; do
		[ -x "bin/$t" ] || continue
		set -- $(measure "bin/$t"); row "$t" "$mbs" "$1" "$2" "$wc"
		set -- $(measure "bin/$t" -o); row "$t -o" "$mbs" "$1" "$2" "$wc"
	done
	if [ -x bin/to-tsv ]; then
		set -- $(measure bin/to-tsv -t article src line title); row "to-tsv" "$mbs" "$1" "$2" "$wc"
	fi
	echo
done
