#!/bin/sh
# make fuzz: builds the libFuzzer harnesses with clang (-fsanitize=fuzzer,address,undefined)
# and runs each for FUZZTIME seconds, then prints per harness the CPU seconds, the runs, the
# coverage (libFuzzer's cov: edges and ft: features) and the crashes found.
#
#   harnesses: json (the record parser, lib/json.c), html (the HTML reader, lib/html.c and
#   lib/htmlpage.c) and one per tool, which runs the tool's
#   main() on each input as its standard input (fuzz/tool.c).
#
# Environment:
#   FUZZTIME  seconds per harness (default 30: seven harnesses, three and a half minutes)
#   FUZZ      the harnesses to run (default: all)
#   CC        a clang with libFuzzer (default clang)
#   FUZZDIR   where builds, corpora and crashes go (default fuzz/work; git-ignored)
#
# The corpus of each harness is kept in $FUZZDIR/corpus/NAME and grows from run to run; it is
# seeded from examples/ (raw pages, and the records split-article makes of them). A crash,
# leak or sanitizer report leaves its input in $FUZZDIR/crashes/; copy it to
# tests/fixtures/fuzz/NAME/ and tests/fuzz.bats runs it through the tool from then on.
# Exit status: 0 if no harness found anything, 1 if one did, 2 if the build failed.
set -eu
cd "$(dirname "$0")/.."
FUZZTIME=${FUZZTIME:-30}
FUZZ=${FUZZ:-json html split-article extract-meta extract-people extract-directives to-tsv}
CC=${CC:-clang}
[ "$CC" = cc ] && CC=clang	# make passes its default CC
W=${FUZZDIR:-fuzz/work}
SAN='-fsanitize=address,undefined -fno-sanitize-recover=undefined'
CFLAGS="-D_POSIX_C_SOURCE=200809L -Ilib -std=c11 -g -O1 -fno-omit-frame-pointer $SAN -Wall -Wextra -Wpedantic"

if ! printf 'int LLVMFuzzerTestOneInput(const unsigned char *d, unsigned long n)
{ (void)d; (void)n; return 0; }\n' > "${TMPDIR:-/tmp}/readout-fz.c" ||
    ! $CC -fsanitize=fuzzer "${TMPDIR:-/tmp}/readout-fz.c" -o "${TMPDIR:-/tmp}/readout-fz" 2>/dev/null; then
	echo "fuzz: $CC cannot build a libFuzzer program; install clang and its runtime" \
	    "(Debian: apt-get install clang libclang-rt-dev)" >&2
	exit 2
fi
rm -f "${TMPDIR:-/tmp}/readout-fz.c" "${TMPDIR:-/tmp}/readout-fz"

# ---- build: the library and each harness, instrumented ----
make -s lib/lexlists.c bin/split-article
mkdir -p "$W/obj" "$W/bin" "$W/crashes"
libobjs=
for c in lib/*.c; do
	o=$W/obj/$(basename "$c" .c).o
	libobjs="$libobjs $o"
	[ -f "$o" ] && [ "$o" -nt "$c" ] && [ "$o" -nt lib/readout.h ] ||
		$CC $CFLAGS -fsanitize=fuzzer-no-link -c -o "$o" "$c" || exit 2
done
for h in $FUZZ; do
	case $h in
	json)	src="fuzz/json.c" ;;
	html)	src="fuzz/html.c" ;;
	*)	$CC $CFLAGS -fsanitize=fuzzer-no-link -Dmain=tool_main -c -o "$W/obj/tool-$h.o" \
		    "tools/$h.c" || exit 2
		$CC $CFLAGS -DTOOL_NAME="\"$h\"" -c -o "$W/obj/harness-$h.o" fuzz/tool.c || exit 2
		src="$W/obj/tool-$h.o $W/obj/harness-$h.o" ;;
	esac
	# shellcheck disable=SC2086
	$CC $CFLAGS -fsanitize=fuzzer -o "$W/bin/fuzz-$h" $src $libobjs || exit 2
done

# ---- seeds: the examples, raw and as records; for json, each record line ----
seeds=$W/seeds
rm -rf "$seeds"
mkdir -p "$seeds/raw" "$seeds/records" "$seeds/json" "$seeds/html"
for f in tests/fixtures/html/*.html; do
	head -c 65536 "$f" > "$seeds/html/$(basename "$f")"
	cp "$seeds/html/$(basename "$f")" "$seeds/raw/html_$(basename "$f")"
done
for f in examples/*.txt tests/fixtures/*/*.txt; do
	[ -f "$f" ] || continue
	k=$(printf '%s' "$f" | tr '/' '_')
	head -c 65536 "$f" > "$seeds/raw/$k"
	bin/split-article "$f" 2>/dev/null | head -c 65536 > "$seeds/records/$k.jsonl" || true
done
for f in tests/fixtures/*/*.jsonl; do
	[ -f "$f" ] && head -c 65536 "$f" > "$seeds/records/$(printf '%s' "$f" | tr '/' '_')"
done
i=0
cat "$seeds"/records/* | while IFS= read -r line; do
	i=$((i + 1))
	printf '%s' "$line" | head -c 65536 > "$seeds/json/$i"
done

# ---- run ----
status=0
time=
command -v /usr/bin/time > /dev/null && time="/usr/bin/time -f %U+%S -o $W/cpu"
printf '%-20s %8s %10s %7s %7s %7s %8s\n' harness cpu-s runs cov ft corpus crashes > "$W/summary"
for h in $FUZZ; do
	corpus=$W/corpus/$h
	mkdir -p "$corpus"
	case $h in
	json)	s="$seeds/json" ;;
	html)	s="$seeds/html" ;;
	split-article) s="$seeds/raw" ;;
	to-tsv)	s="$seeds/records" ;;
	*)	s="$seeds/raw $seeds/records" ;;
	esac
	before=$(ls "$W/crashes" | grep -c "^$h-" || true)
	echo "== fuzz-$h for $FUZZTIME s"
	# shellcheck disable=SC2086
	$time "$W/bin/fuzz-$h" -max_total_time="$FUZZTIME" -max_len=65536 -timeout=10 \
	    -rss_limit_mb=2048 -print_final_stats=1 -close_fd_mask=2 -artifact_prefix="$W/crashes/$h-" \
	    "$corpus" $s > "$W/$h.log" 2>&1 || status=1
	tail -n 3 "$W/$h.log" | grep -v '^stat::' || true
	after=$(ls "$W/crashes" | grep -c "^$h-" || true)
	awk -v h="$h" -v c=$((after - before)) '
		/^#[0-9]+.*(DONE|pulse|NEW|REDUCE|INITED)/ {
			for (i = 1; i <= NF; i++) {
				if ($i == "cov:") cov = $(i + 1)
				if ($i == "ft:") ft = $(i + 1)
				if ($i == "corp:") { corp = $(i + 1); sub(/\/.*/, "", corp) }
			}
		}
		/^stat::number_of_executed_units:/ { runs = $2 }
		END { printf "%-20s %8s %10s %7s %7s %7s %8d\n", h, cpu, runs, cov, ft, corp, c }
	' cpu="$( [ -n "$time" ] && tail -n 1 "$W/cpu" | awk -F+ '{ print $1 + $2 }' || echo -)" \
	    "$W/$h.log" >> "$W/summary"
	[ "$after" -gt "$before" ] && status=1
done
echo
cat "$W/summary"
[ "$status" = 0 ] || echo "fuzz: findings in $W/crashes (see $W/NAME.log)" >&2
exit "$status"
