#!/bin/sh
# make valgrind: the whole bats suite once more, every program of bin/ run under valgrind's
# memcheck: leaks (definite and indirect), reads of uninitialised memory, invalid reads and
# writes. A program with an error exits 99, so the test that ran it fails; valgrind's report
# goes to a log of its own (not into the tool's stderr, which tests compare), and every log
# that is not empty is printed at the end.
#
#   tests/valgrind.sh [tests/run arguments ...]     e.g. tests/valgrind.sh tests/to-tsv.bats
#
# Slow (the tools run 20 to 50 times slower under valgrind): minutes, not seconds.
# Exit status: 0 clean, 1 a test failed or valgrind reported an error, 2 no valgrind.
set -eu
cd "$(dirname "$0")/.."
root=$(pwd -P)
command -v valgrind > /dev/null || {
	echo "tests/valgrind.sh: valgrind is not installed (Debian: apt-get install valgrind)" >&2
	exit 2
}
make -s all
w=$(mktemp -d)
trap 'rm -rf "$w"' EXIT
mkdir -p "$w/bin" "$w/logs"
for p in bin/*; do
	[ -x "$p" ] || continue
	n=$(basename "$p")
	cat > "$w/bin/$n" <<-WRAP
	#!/bin/sh
	exec valgrind -q --error-exitcode=99 --leak-check=full \\
	    --show-leak-kinds=definite,indirect --errors-for-leak-kinds=definite,indirect \\
	    --track-origins=yes --log-file="$w/logs/$n.%p" "$root/bin/$n" "\$@"
	WRAP
	chmod +x "$w/bin/$n"
done
status=0
READOUT_BIN=$w/bin tests/run "$@" || status=1
n=0
for l in "$w"/logs/*; do
	[ -s "$l" ] || continue
	n=$((n + 1))
	echo "== valgrind: $(basename "$l")"
	cat "$l"
done
echo "valgrind: $(ls "$w/logs" | wc -l) program runs, $n with an error"
[ "$n" = 0 ] || status=1
exit "$status"
