#!/bin/sh
# bench/gen.sh MB OUT: writes at least MB megabytes of raw pages made from examples/*.txt, each
# copy varied (every number shifted, the articles in another order, form feeds or nothing
# between pages) so that the corpus is not one article repeated.
set -eu
mb=$1 out=$2
cd "$(dirname "$0")/.."
awk -v want="$((mb * 1000000))" '
FNR == 1 { nf++ }
{ text[nf] = text[nf] $0 "\n" }
END {
	srand(42)
	while (size < want) {
		copy++
		for (k = 0; k < nf; k++) {
			f = (k * 7 + copy) % nf + 1
			t = text[f]; v = ""
			# shift every number by the copy number, keeping 4-digit years plausible
			while (match(t, /[0-9]+/)) {
				n = substr(t, RSTART, RLENGTH) + 0
				n = RLENGTH == 4 ? 2000 + (n + copy) % 30 : (n + copy) % (RLENGTH == 1 ? 10 : 100)
				v = v substr(t, 1, RSTART - 1) n
				t = substr(t, RSTART + RLENGTH)
			}
			v = v t
			printf "%s%s", v, (copy + k) % 3 ? "\f\n" : "\n"
			size += length(v) + 2
		}
	}
}' examples/*.txt > "$out"
