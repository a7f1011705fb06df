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
