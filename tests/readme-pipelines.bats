#!/usr/bin/env bats
# README's Pipelines section (issue 18): every command of its sh blocks runs, in order, on
# examples/, with status 0; the tables it writes hold what the text says.

load test_helper

setup() {
	T=$BATS_TEST_TMPDIR
	cd "$ROOT"
}

# the command lines of the ```sh blocks of README's "## Pipelines" section, comments left out
pipelines() {
	awk '/^## / { on = $0 == "## Pipelines" } on && /^```/ { sh = !sh && $0 == "```sh"; next }
	    on && sh && !/^#/ && NF' README.md
}

@test "README Pipelines: every command runs on examples/ with status 0" {
	local n=0 cmd
	ln -s "$ROOT/examples" "$T/examples"
	while IFS= read -r cmd; do
		run --separate-stderr bash -c "set -o pipefail; cd '$T' && PATH='$BIN':\$PATH && $cmd"
		[ "$status" -eq 0 ] || { echo "failed ($status): $cmd"; echo "$stderr"; return 1; }
		n=$((n + 1))
	done < <(pipelines)
	[ "$n" -ge 15 ]
	# the one table has the meeting's facts on every person row
	grep -q $'^2023-07-12\tHefei\tHuaxin Energy Group\tHuaxin Energy Group Holds 2023 Mid-Year Work Conference in Hefei\tZhou Jianguo\t' "$T/people.tsv"
	grep -q 'http://www.donghaiport.com.cn/' "$T/directives.tsv"
	[ "$(wc -c < "$T/seen.ids")" -eq $((17 * $(grep -c '^{"type":"article"' "$T/day.jsonl"))) ]
	grep -q $'^Zhou Jianguo\tZhou Jianguo\tParty secretary and chairman of the group\t2023-07-12\t2023-07-12\t1$' "$T/history.tsv"
}

@test "README Pipelines: no sort | join left where the one table does it" {
	run -1 grep -n 'join -t' <(sed -n '/^## Pipelines/,/^## Install/p' README.md)
}
