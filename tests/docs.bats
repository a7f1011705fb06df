#!/usr/bin/env bats
# The documentation's commands run, as jq runs its manual's examples: every command of README.md's
# ```sh blocks and of every man page's EXAMPLES section (tests/doc-commands finds them, so a
# command added to the docs is tested from then on), in a scratch folder that has what they read:
# examples/; pages/*.txt, copies of examples/*.txt and of tests/fixtures/docs/pages/*.txt (what
# the recipes look for that the examples lack, such as a list shorter than announced), and of any
# HTML page under examples/; pages/2024-07-09/; old-site/ (GBK pages); big.txt (pages cut by form
# feeds); articles.jsonl and day.jsonl (made by the pipeline).
#
# Each command runs under `bash -o pipefail`, from the scratch folder, with no standard input. It
# must exit with status 0 and print something or write a file that is not empty; or, when it
# carries a comment `# exit status N`, exit with status N and say something on standard error.
# The commands of one document run in order in one scratch folder, so a command may use the
# day.jsonl a command before it made.
#
# Skipped, and listed on the TAP stream as "# skipped ...": a command marked `# untested: REASON`
# in the docs; one that matches the list UNTESTED below (what no test can have: cron, a Hadoop
# cluster, this suite itself); one that needs a program that is not installed (jq, GNU parallel).
# `make` runs in the project root, with DESTDIR in the scratch folder, so `make install
# PREFIX=/usr/local` writes nothing outside it.

load test_helper

# GLOB|REASON: a command matching GLOB is not run
UNTESTED=(
	'make check*|it runs this test suite'
	'*make bench*|it takes minutes of CPU time (run it by hand)'
	'*hadoop *|it needs a Hadoop cluster'
	'hdfs *|it needs a Hadoop cluster'
	'examples/hadoop-streaming.sh *|it needs a Hadoop cluster'
)

# PATTERN|PROGRAM: a command matching the extended regular expression PATTERN needs PROGRAM
NEEDS=(
	'(^|[|;&({[:space:]])jq[[:space:]]|jq'
	'(^|[|;&({[:space:]])mlr[[:space:]]|mlr'
	'(^|[|;&({[:space:]])parallel[[:space:]]|parallel'
	'examples/parallel\.sh|parallel'
)

setup_file() {
	find_parallel && export PATH HAVE_PARALLEL=1
	# the scratch folder every document starts from
	local s=$BATS_FILE_TMPDIR/template
	mkdir -p "$s/pages/2024-07-09" "$s/old-site"
	cp -R "$ROOT/examples" "$s/examples"
	cp "$ROOT"/examples/*.txt "$ROOT"/tests/fixtures/docs/pages/*.txt "$s/pages/"
	cp "$ROOT"/examples/04-three-in-one.txt "$ROOT"/examples/05-form-feeds.txt "$s/pages/2024-07-09/"
	cp "$ROOT"/examples/enc/gbk-*.txt "$s/old-site/"
	# saved HTML pages, if examples/ has any, beside the text ones
	find "$ROOT/examples" -type f \( -name '*.html' -o -name '*.htm' \) -exec cp {} "$s/pages/" \;
	local f
	for f in "$ROOT"/examples/*.txt; do
		cat "$f"
		printf '\f\n'
	done > "$s/big.txt"
	(cd "$s" && "$BIN/split-article" examples/*.txt > articles.jsonl &&
		"$BIN/split-article" pages/*.txt | "$BIN/extract-meta" | "$BIN/extract-people" |
		"$BIN/extract-directives" > day.jsonl)
}

setup() {
	T=$BATS_TEST_TMPDIR
	cd "$ROOT"
}

# untested KIND COMMAND: print why COMMAND is not run, or fail if it is run
untested() {
	local kind=$1 cmd=$2 e p
	if [[ $kind == cron ]]; then
		echo "a crontab line: it needs cron and mail"
		return 0
	fi
	if [[ $cmd =~ \#[[:space:]]*untested:[[:space:]]*([^$'\n']*) ]]; then
		echo "${BASH_REMATCH[1]}"
		return 0
	fi
	for e in "${UNTESTED[@]}"; do
		# shellcheck disable=SC2053 # a glob
		if [[ $cmd == ${e%%|*} ]]; then
			echo "${e#*|}"
			return 0
		fi
	done
	for e in "${NEEDS[@]}"; do
		p=${e##*|}
		[[ $cmd =~ ${e%|*} ]] || continue
		if [[ $p == parallel ]]; then
			[[ -n ${HAVE_PARALLEL:-} ]] && continue
		elif command -v "$p" > /dev/null; then
			continue
		fi
		echo "it needs $p, which is not installed"
		return 0
	done
	return 1
}

# run_docs DOC...: run the commands of the DOCs, each DOC in a scratch folder of its own. Sets
# RAN (commands run), SKIPPED (lines "FILE:LINE: REASON: COMMAND") and FAILED (a report of each
# command that failed); returns 1 if any failed.
run_docs() {
	RAN=0 SKIPPED=() FAILED=()
	local doc rec head cmd where kind want why st dir out
	for doc in "$@"; do
		dir=$T/scratch/${doc//\//_}
		mkdir -p "$T/scratch"
		rm -rf "$dir"
		cp -R "$BATS_FILE_TMPDIR/template" "$dir"
		while IFS= read -r -d '' rec; do
			head=${rec%%$'\n'*} cmd=${rec#*$'\n'}
			where=${head%% *} kind=${head#* } kind=${kind%% *}
			if why=$(untested "$kind" "$cmd"); then
				SKIPPED+=("$where: $why: ${cmd%%$'\n'*}")
				continue
			fi
			want=0
			[[ $cmd =~ \#[[:space:]]*exit\ status\ ([0-9]+) ]] && want=${BASH_REMATCH[1]}
			touch "$T/stamp"
			st=0
			(
				cd "$dir" || exit 99
				make() { command make -C "$ROOT" DESTDIR="$dir/destdir" "$@"; }
				export -f make
				export dir ROOT
				timeout 300 bash -o pipefail -c "$cmd" < /dev/null > "$T/out" 2> "$T/err"
			) || st=$?
			RAN=$((RAN + 1))
			out=
			if ((want)); then
				[[ -s $T/err ]] && out=stderr
			elif [[ -s $T/out ]]; then
				out=stdout
			else
				out=$(find "$dir" -newer "$T/stamp" -type f -size +0c | head -n 1)
			fi
			if ((st != want)); then
				FAILED+=("$where: exit status $st, not $want: $cmd" "$(head -c 2000 "$T/err")")
			elif [[ -z $out ]] && ((want)); then
				FAILED+=("$where: exit status $want but no message: $cmd")
			elif [[ -z $out ]]; then
				FAILED+=("$where: no output, and no file written: $cmd" "$(head -c 2000 "$T/err")")
			fi
		done < <("$ROOT/tests/doc-commands" "$doc")
	done
	((${#FAILED[@]} == 0)) || { printf '%s\n' "${FAILED[@]}"; return 1; }
}

# report: the counts and what was skipped, on the TAP stream
report() {
	local s
	echo "# ran $RAN commands, skipped ${#SKIPPED[@]}" >&3
	for s in "${SKIPPED[@]}"; do
		echo "# skipped $s" >&3
	done
}

@test "docs: every command of README.md's sh blocks runs, with output" {
	run_docs README.md
	report
	((RAN >= 30))
}

@test "docs: every command of each man page's EXAMPLES runs, with output" {
	run_docs man/*.1
	report
	((RAN >= 40))
}

@test "docs: a broken example fails the test (a misspelt option in a copy of README.md)" {
	mkdir -p "$T/copy"
	sed 's/^to-tsv -t article src line title /to-tsv --typo -t article src line title /' \
		README.md > "$T/copy/README.md"
	run -1 cmp -s README.md "$T/copy/README.md"	# the command is there to break
	run run_docs "$T/copy/README.md"
	[ "$status" -eq 1 ]
	[[ ${lines[0]} == "$T/copy/README.md:"*": exit status 2, not 0: to-tsv --typo -t article"* ]]
	[[ $output == *"unknown option '--typo'"* ]]
}

@test "docs: a command that prints nothing fails the test" {
	printf '%s\n' '# t' '' '```sh' 'split-article examples/*.txt | grep -c nosuchword' '```' > "$T/doc.md"
	run run_docs "$T/doc.md"
	[ "$status" -eq 1 ]
	# grep -c prints 0 but exits 1
	[[ ${lines[0]} == *"doc.md:4: exit status 1, not 0"* ]]
	printf '%s\n' '```sh' 'split-article examples/*.txt | grep nosuchword || true' '```' > "$T/doc.md"
	run run_docs "$T/doc.md"
	[ "$status" -eq 1 ]
	[[ ${lines[0]} == *"doc.md:2: no output, and no file written"* ]]
}

@test "docs: '# exit status N' and '# untested: REASON' are obeyed; a file written is output" {
	cat > "$T/doc.md" <<-'EOF'
		```sh
		to-tsv -t article < /dev/null --nosuch   # exit status 2: a usage error
		crontab -l   # untested: needs cron
		split-article examples/01-work-conference.txt |
		    extract-meta > one.jsonl
		```
		```cron
		0 1 * * * true
		```
	EOF
	run_docs "$T/doc.md"
	[ "$RAN" -eq 2 ]
	[ "${#SKIPPED[@]}" -eq 2 ]
	[[ ${SKIPPED[0]} == *"doc.md:3: needs cron: crontab -l"* ]]
	[[ ${SKIPPED[1]} == *"doc.md:8: a crontab line: it needs cron and mail: 0 1 * * * true" ]]
}

@test "doc-commands: multi-line commands, roff escapes, EXAMPLES only" {
	cat > "$T/x.1" <<-'EOF'
		.Sh DESCRIPTION
		.Bd -literal
		not-an-example
		.Ed
		.Sh EXAMPLES
		Two:
		.Bd -literal -offset indent
		printf '%s\en' \(dqa\(dq | awk -F'\et' '{
		    print $1 }'
		.Pp
		to-tsv \-H \&-t x
		.Ed
		.Dl split-article -u x.txt
		.Sh SEE ALSO
		.Bd -literal
		not-an-example-either
		.Ed
	EOF
	run -0 bash -c '"$0" "$1" | tr "\0" "@"' tests/doc-commands "$T/x.1"
	assert_output_equal "$T/x.1:8 sh 1
printf '%s\n' \"a\" | awk -F'\t' '{
    print \$1 }'@$T/x.1:11 sh 1
to-tsv -H -t x@$T/x.1:13 sh 2
split-article -u x.txt@"
}

@test "doc-commands: a block that ends inside a command is an error" {
	printf '%s\n' '```sh' "echo 'open" '```' > "$T/doc.md"
	run -2 --separate-stderr tests/doc-commands "$T/doc.md"
	assert_stderr_has "doc.md:2: the block ends inside a command"
}

# header_sorted COMMAND: true if a stage of COMMAND's pipeline is to-tsv without -H and the next
# one is sort or uniq, which sort the header row in among the data
header_sorted() {
	local IFS='|' stages i a b
	read -r -d '' -a stages <<< "${1//||/ OR }" || true
	for ((i = 0; i + 1 < ${#stages[@]}; i++)); do
		a=" ${stages[i]} " b=${stages[i + 1]}
		a=${a//\{/ } b=${b#"${b%%[![:space:]]*}"}
		[[ $a =~ [[:space:]]to-tsv[[:space:]] && ! $a =~ [[:space:]]-H[[:space:]] ]] || continue
		[[ $b == sort* || $b == uniq* ]] && return 0
	done
	return 1
}

@test "docs: no command sorts to-tsv's header row in among the data (-H where it is not wanted)" {
	header_sorted "to-tsv -t person name < day.jsonl | sort | uniq -c"
	header_sorted "split-article x | to-tsv src|uniq -c"
	! header_sorted "to-tsv -H -t person name < day.jsonl | sort | uniq -c"
	! header_sorted "to-tsv -t person name < day.jsonl | awk 'NR > 1' | sort"
	! header_sorted "to-tsv -t x a || sort"
	local rec bad=()
	while IFS= read -r -d '' rec; do
		header_sorted "${rec#*$'\n'}" && bad+=("${rec%%$'\n'*}: ${rec#*$'\n'}")
	done < <(tests/doc-commands README.md man/*.1)
	((${#bad[@]} == 0)) || { printf '%s\n' "${bad[@]}"; return 1; }
}

# README once named only bats-core as what `make check` fetches, not GNU parallel
@test "README's Install says what tests/run fetches into .deps/ (every deb_unpack)" {
	local pkg name para
	para=$(sed -n '/^## Install/,/^## /p' README.md | tr '\n' ' ')
	[[ $para == *'`make check`'*'fetches'* ]]
	for pkg in $(sed -n 's/.*deb_unpack \([a-z][a-z-]*\) .*/\1/p' tests/run | sort -u); do
		case $pkg in
		bats) name=bats-core ;;
		parallel) name="GNU parallel" ;;
		*) name=$pkg ;;
		esac
		[[ $para == *"fetches $name"* || $para == *"fetches"*"$name"* ]] ||
			{ echo "README's Install does not say that make check fetches $name"; return 1; }
	done
}
