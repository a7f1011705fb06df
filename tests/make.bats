#!/usr/bin/env bats
# The Makefile's targets for users: install and uninstall (with PREFIX and DESTDIR), and make
# demo's tables.

load test_helper

setup() {
	T=$BATS_TEST_TMPDIR
	cd "$ROOT"
}

TOOLS=(split-article extract-meta extract-people extract-directives to-tsv)

# A bug fixed: uninstall did `cd DIR/bin && rm ...`, which fails when DIR/bin does not exist.
@test "make uninstall where nothing was installed succeeds quietly (PREFIX, and DESTDIR)" {
	run -0 --separate-stderr make -s uninstall PREFIX="$T/none"
	[ -z "$stderr" ] || { _show "stderr: $stderr"; return 1; }
	[ ! -e "$T/none" ]
	run -0 --separate-stderr make -s uninstall DESTDIR="$T/dest" PREFIX=/usr/local
	[ -z "$stderr" ] || { _show "stderr: $stderr"; return 1; }
	[ ! -e "$T/dest" ]
}

@test "make install, then uninstall, then uninstall again (PREFIX, and DESTDIR)" {
	local t d
	for d in "PREFIX=$T/p" "DESTDIR=$T/d"; do
		case $d in
		PREFIX=*) root=$T/p ;;
		*) root=$T/d/usr/local ;;
		esac
		run -0 make -s install "$d"
		for t in "${TOOLS[@]}"; do
			[ -x "$root/bin/$t" ]
			[ -f "$root/share/man/man1/$t.1" ]
		done
		run -0 --separate-stderr make -s uninstall "$d"
		[ -z "$stderr" ]
		for t in "${TOOLS[@]}"; do
			[ ! -e "$root/bin/$t" ]
			[ ! -e "$root/share/man/man1/$t.1" ]
		done
		run -0 --separate-stderr make -s uninstall "$d"
		[ -z "$stderr" ]
	done
}

# A bug fixed: make demo's tables counted bytes, so a row with José or 北京 in it was shifted.
@test "make demo's tables align by display width: accents one column, CJK two" {
	run -0 bash -c 'printf "name\tplace\tn\nJosé Muñoz\t北京\t1\nLi Wei\tZürich\t22\n" | sh examples/demo.sh --table'
	assert_output_equal "name        place   n
José Muñoz  北京    1
Li Wei      Zürich  22"
	# a cell wider than 48 columns is cut to 45 and "..."
	local cjk ascii
	cjk=$(printf '中%.0s' {1..30}) ascii=$(printf 'a%.0s' {1..50})
	run -0 bash -c 'printf "%s\t|\n%s\t|\n" "$0" "$1" | sh examples/demo.sh --table' "$cjk" "$ascii"
	assert_output_equal "${cjk:0:22}...   |
${ascii:0:45}...  |"
}

@test "make demo: in the person table, the role column starts at the same terminal column in every row" {
	locale -a 2>/dev/null | grep -qix 'c\.utf-\?8' || skip "no C.UTF-8 locale to count columns in"
	run -0 make -s demo
	local rows=0 widths
	widths=$(printf '%s\n' "$output" | sed -n '/^== to-tsv -t person/,/^$/p' |
		sed -n 's/  \(role\|presided\|spoke\|attended\|mentioned\)  .*//p' |
		while IFS= read -r prefix; do printf '%s\n' "$prefix" | LC_ALL=C.UTF-8 wc -L; done | sort -u)
	[ "$(printf '%s\n' "$widths" | wc -l)" -eq 1 ] || { _show "widths: $widths" "$output"; return 1; }
	rows=$(printf '%s\n' "$output" | sed -n '/^== to-tsv -t person/,/^$/p' | grep -c 'é\|ü')
	((rows >= 3))
}

# kind: a help option taken as a run (bench/bench.sh --help ran the whole benchmark)
@test "bench/bench.sh --help prints its help and runs nothing; an argument is a usage error" {
	run -0 --separate-stderr sh bench/bench.sh --help
	[[ ${lines[0]} == "make bench: speed and peak memory"* ]]
	[[ $output == *"Environment: SIZES"* ]]
	run -2 --separate-stderr sh bench/bench.sh 20
	[ "$stderr" = "bench: takes no arguments, only the environment (bench/bench.sh --help)" ]
	[ -z "$output" ]
}
