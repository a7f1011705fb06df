#!/bin/sh
# examples/parallel.sh: run the readout pipeline
#     split-article | extract-meta | extract-people | extract-directives
# over a corpus with GNU parallel, on every core of this machine (and of others with -S), and
# collect the records on standard output, or in a folder with a TSV table per record type.
#
#   examples/parallel.sh pages/*.txt > day.jsonl            many files: batches of whole files
#   examples/parallel.sh big.txt > day.jsonl                one big file: blocks of pages
#   examples/parallel.sh -c -d out -t meta,person,directive pages/*.txt
#   find pages -name '*.txt' | examples/parallel.sh -k -a - > day.jsonl
#   split-article pages/*.txt > a.jsonl && examples/parallel.sh -m records a.jsonl > day.jsonl
#
# Where the input is cut into jobs is what makes a parallel run give the records of a serial
# one. Each tool's output may depend only on what one job sees:
# - Raw page text may be cut only where an article starts whatever came before: at the start of
#   a file, or at a form feed. (split-article also starts an article at a headline after a
#   footer, but it needs the lines before it to see that; a cut anywhere else could split an
#   article in two.) So -m files gives each job a batch of whole files (parallel -X, or -n N
#   files a job), and -m pages cuts each file, or standard input, into blocks of about -b SIZE
#   that begin at a form feed (parallel --pipepart/--pipe --recstart FF). A file without form
#   feeds is one block: for those, use -m files.
# - A record stream (-m records: article records, as split-article writes them) may be cut
#   between any two lines: an extractor reads one record at a time and writes what it derives
#   from an article right after it (parallel --pipe cuts at newlines).
# Records from -m files are byte for byte the serial pipeline's; from -m pages, "src" is "-" and
# "line" counts from the start of the job's block (ids, and every derived record, are the same).
# Each job writes to its standard output, which parallel collects whole, in the order the jobs
# end, or with -k in the order of the input: the serial pipeline's order.
#
# split-article -u (each article once) cannot work across jobs; drop repeats afterwards, with
# -k to keep the first copy as -u does, by skipping an article whose id was seen and the records
# after it up to the next article:
#   awk 'index($0, "{\"type\":\"article\",\"id\":\"") == 1 { s = seen[substr($0, 25, 16)]++ } !s'
#
# Needs GNU parallel (Debian: apt-get install parallel; moreutils' "parallel" is another
# program). POSIX sh; the jobs need only sh, sed and the tools (and on the hosts of -S, perl for
# parallel's wrapper and rsync for -m files). tests/ssh.bats runs it over a real ssh server.
set -eu

prog=${0##*/}

usage() {
	cat <<EOF
usage: $prog [-ck] [-j N] [-S LOGINS [-B DIR]] [-m MODE] [-a LIST] [-n FILES] [-b SIZE]
       [-e ENC] [-d DIR [-t TYPES]] [FILE ...]
Run split-article | extract-meta | extract-people | extract-directives over the FILEs
(or standard input) with GNU parallel, one job per core, and write the records to
standard output.

  -m MODE     how the input is cut into jobs:
                files    batches of whole FILEs (default with two or more FILEs, or -a)
                pages    blocks of about SIZE beginning at a form feed, from each FILE or
                         standard input (default with one FILE or none); "src" is "-" and
                         "line" counts from the start of the block
                records  JSON Lines article records, cut between lines; the extractors only
  -a LIST     read the names of the FILEs from LIST, one a line ('-': standard input)
  -n FILES    at most FILES files a job (default: spread evenly over the jobs; 50 with -S)
  -b SIZE     pages and records: the size of a block, as parallel --block (default 10M);
              -N with FILEs: N blocks a job slot, of the same size
  -j N        run N jobs at once on each host (default: one per core)
  -S LOGINS   run the jobs on these hosts, as parallel --sshlogin (':' is this one, 8/host
              says it has 8 cores); -m files copies the files to a work folder there with
              rsync and removes them after, pages and records go over ssh on standard input
  -B DIR      the tools are in DIR on the hosts of -S (default: on the PATH that ssh gives
              a command there, which often lacks ~/.local/bin)
  -k          keep the order of the input (the order of the serial pipeline)
  -e ENC      the raw text is in encoding ENC (split-article -e ENC)
  -c          write each tool's counters, summed over the jobs, to standard error at the
              end, as reporter:counter:readout,TOOL.NAME,N
  -d DIR      write the records to DIR/records.jsonl instead of standard output
  -t TYPES    with -d: also write DIR/TYPE.tsv (to-tsv -t TYPE) for each of the
              comma-separated TYPES, such as meta,person,directive
  -h          show this help
Long options: --mode --arg-file --max-args --block --jobs --sshlogin --bin --keep-order
--encoding --counters --dir --tables --help.

Exit status: 0 all good, 1 some input was bad or a job failed (the rest was still
processed), 2 usage.
EOF
}

# bad_usage MESSAGE: the message and the usage on stderr, status 2, as the tools do
bad_usage() {
	printf '%s: %s\n' "$prog" "$1" >&2
	usage >&2
	exit 2
}

# ---- options ----
# By hand rather than with getopts, for the long forms; one shift at a time, since a corpus can
# be tens of thousands of FILEs (rebuilding "$@" for each would take minutes).

mode='' list='' maxargs='' block=10M jobs='' logins='' bin='' keep='' enc='' counters='' outdir='' tables=''

# value OPTION VALUE: set what OPTION (short or long) takes
value() {
	case $1 in
	-m | --mode) mode=$2 ;;
	-a | --arg-file) list=$2 ;;
	-n | --max-args) maxargs=$2 ;;
	-b | --block) block=$2 ;;
	-j | --jobs) jobs=$2 ;;
	-S | --sshlogin) logins=${logins:+$logins,}$2 ;; # parallel takes a comma-separated list
	-B | --bin) bin=$2 ;;
	-e | --encoding) enc=$2 ;;
	-d | --dir) outdir=$2 ;;
	-t | --tables) tables=$2 ;;
	esac
}

while [ $# -gt 0 ]; do
	case $1 in
	--) shift; break ;;
	-[mabnjSBedt] | --mode | --arg-file | --max-args | --block | --jobs | --sshlogin | --bin | \
		--encoding | --dir | --tables)
		[ $# -ge 2 ] || bad_usage "option '$1' needs a value"
		value "$1" "$2"
		shift 2
		;;
	--mode=* | --arg-file=* | --max-args=* | --block=* | --jobs=* | --sshlogin=* | --bin=* | \
		--encoding=* | --dir=* | --tables=*)
		value "${1%%=*}" "${1#*=}"
		shift
		;;
	-[mabnjSBedt]?*) # -dDIR
		value "${1%"${1#-?}"}" "${1#-?}"
		shift
		;;
	-k | --keep-order) keep=-k; shift ;;
	-c | --counters) counters=--counters; shift ;;
	-h | --help) usage; exit 0 ;;
	--keep-order=* | --counters=* | --help=*) bad_usage "option '${1%%=*}' takes no value" ;;
	-[kch]?*) # -kc: -k, then -c
		rest=${1#-?}
		first=${1%"$rest"}
		shift
		set -- "$first" "-$rest" "$@"
		;;
	# The output folder's old names (-o is --only in the tools).
	-o*) bad_usage "unknown option '-o': the output folder is -d DIR" ;;
	--output | --output=*) bad_usage "unknown option '--output': the output folder is --dir DIR" ;;
	--?*) bad_usage "unknown option '${1%%=*}'" ;;
	-?*) bad_usage "unknown option '$(printf '%.2s' "$1")'" ;;
	*) break ;;
	esac
done

# ---- checks ----
case $jobs in
*[!0-9%]* | %* | *%?*) bad_usage "-j needs a number of jobs (or a percentage of the cores: 50%), not '$jobs'" ;;
esac
case $maxargs in
*[!0-9]* | 0*) bad_usage "-n needs a number of files, not '$maxargs'" ;;
esac
case $block in
-[1-9] | -[1-9][0-9]) # parallel --pipepart only: so many blocks a job slot
	[ $# -gt 0 ] || bad_usage "-b $block needs FILEs (a pipe cannot be measured first)" ;;
'' | [!0-9]* | *[!0-9kKmMgGtT]* | *[kKmMgGtT]?*) bad_usage "-b needs a size such as 10M or 500k, or -N, not '$block'" ;;
esac
[ -z "$list" ] || [ $# -eq 0 ] || bad_usage "give the FILEs either as operands or with -a, not both"
if [ -z "$mode" ]; then
	# Many files: share them out. One file or standard input: only its form feeds can be cut at.
	if [ -n "$list" ] || [ $# -gt 1 ]; then mode=files; else mode=pages; fi
fi
case $mode in
files) [ -n "$list" ] || [ $# -gt 0 ] || bad_usage "-m files needs FILEs (or -a LIST)" ;;
pages | records) [ -z "$list" ] || bad_usage "-a is for -m files" ;;
*) bad_usage "-m needs files, pages or records, not '$mode'" ;;
esac
[ -z "$bin" ] || [ -n "$logins" ] || bad_usage "-B DIR is where the tools are on the hosts of -S: it needs -S"
[ -z "$tables" ] || [ -n "$outdir" ] || bad_usage "-t needs -d DIR: the tables are written to DIR/TYPE.tsv"
case ,$tables, in
*,,* | *[!A-Za-z0-9_,-]*) [ -z "$tables" ] || bad_usage "-t needs record types separated by commas, such as meta,person, not '$tables'" ;;
esac

# The tools: a checkout's own (bin/ next to this folder, or READOUT_BIN as in tests/run) before
# those installed on PATH. The hosts of -S use those on the PATH ssh gives them, after -B DIR.
here=$(dirname -- "$0")
if [ -n "${READOUT_BIN:-}" ]; then
	PATH=$READOUT_BIN:$PATH
elif [ -x "$here/../bin/split-article" ]; then
	PATH=$(cd -- "$here/../bin" && pwd -P):$PATH
fi
export PATH

# no_gnu_parallel: say that GNU parallel is needed, and exit 1
no_gnu_parallel() {
	printf '%s: needs GNU parallel (Debian, Ubuntu: apt-get install parallel)\n' "$prog" >&2
	exit 1
}
command -v parallel >/dev/null || no_gnu_parallel

status=0

# pages and records read the FILEs in parts (parallel --pipepart seeks in them): each must be a
# regular file. One that is not is reported and left out, as the tools do with a file they
# cannot open; a pipe can come on standard input ("-" or no FILE).
if [ "$mode" != files ]; then
	if [ $# -eq 1 ] && [ "$1" = - ]; then
		shift
	fi
	for f do
		[ -f "$f" ] || status=1
	done
	if [ "$status" -ne 0 ]; then # (rebuilding "$@" takes time: only if need be)
		for f do
			shift
			if [ -f "$f" ]; then
				set -- "$@" "$f"
			else
				if [ -e "$f" ]; then why="not a regular file (give it on standard input)"; else why="no such file"; fi
				printf '%s: %s: %s\n' "$prog" "$f" "$why" >&2
			fi
		done
		# None of the FILEs could be read: nothing to do (not standard input instead).
		[ $# -gt 0 ] || exit 1
	fi
fi

# ---- the jobs ----
# Every job is a small sh program, given to parallel as `sh -c PROGRAM sh ARG...` with -q (so
# that it reaches a remote host quoted as it is), made of:
#
# run TAG [ARG...]: run the tool TAG names (TAG less any ".TYPE") with ARGs, in the pipe it is in.
# If it fails, "TAG STATUS" goes to fd 4: sh has no pipefail, and a pipeline's status is its last
# command's. With counters ($c), its output goes to fd 3 (the next stage) and its stderr on to the
# job's through sed, each counter line renamed from readout,NAME to readout,TAG.NAME: all the
# extractors count "articles" and "records_read", and added up by name they would count each
# article four times. (Without, no sed: 4 processes less a job.)
# shellcheck disable=SC2016 # the job programs are expanded by the jobs' sh
run='run() {
	t=$1
	shift
	if [ -z "$c" ]; then
		"${t%%.*}" "$@" 4>&- || echo "$t $?" >&4
	else
		{ "${t%%.*}" "$@" 2>&1 >&3 3>&- 4>&- || echo "$t $?" >&4; } |
			sed "s/^reporter:counter:readout,/&$t./" >&2
	fi
} 3>&1
'
# The pipeline. ARGs: --counters or "", the encoding or "", the mode, the tools' folder on the
# hosts of -S (-B) or "", the folder the FILEs are named from, this script's name, then the files
# (-m files); -m pages and records read standard input. It fails if any of its tools failed.
#
# Where it runs. Here (parallel's $PARALLEL_SSHLOGIN is ':'), in the folder the FILEs are named
# from (-S -m files has parallel start every job in a work folder: this one goes back). On a host
# of -S, with the tools of -B DIR first on PATH. There, -m files runs in a work folder of the job's
# own (parallel --wd ...) holding the copies of its files: a relative name is the same there, an
# absolute one /X was copied to X (never to /X, which on a host that shares the file system is
# the file itself, and --cleanup would remove it), read there through the link readout.abs to the
# folder itself, and given its own name back in the records and the messages.
# A tool not found fails the job at once, with the host and PATH in the message.
# shellcheck disable=SC2016
job=$run'
c=$1 enc=$2 mode=$3 bin=$4 cwd=$5 prog=$6
shift 6
abs=
if [ "${PARALLEL_SSHLOGIN:-:}" = : ]; then
	cd "$cwd" || exit 1
else
	[ -z "$bin" ] || PATH=$bin:$PATH
	if [ "$mode" = files ]; then
		for f do
			case $f in /*) abs=1 && break ;; esac
		done
		if [ -n "$abs" ]; then
			ln -s . readout.abs || exit 1
			for f do
				shift
				case $f in /*) f=readout.abs$f ;; esac
				set -- "$@" "$f"
			done
		fi
	fi
fi
tools="extract-meta extract-people extract-directives"
[ "$mode" = records ] || tools="split-article $tools"
for t in $tools; do
	command -v "$t" >/dev/null || {
		printf "%s: %s: not found on host %s (PATH=%s): install the tools there, or give -B DIR\n" \
			"$prog" "$t" "${PARALLEL_SSHLOGIN:-:}" "$PATH" >&2
		exit 1
	}
done
split() {
	if [ -z "$abs" ]; then
		run split-article $c ${enc:+-e "$enc"} -- "$@"
	else
		{
			{
				run split-article $c ${enc:+-e "$enc"} -- "$@" 2>&6 6>&- 7>&- |
					sed "s|^\({\"type\":\"article\",\"id\":\"[0-9a-f]*\",\"src\":\"\)readout\.abs/|\1/|" >&7 6>&- 7>&-
			} 6>&1 | sed "s|^split-article: readout\.abs/|split-article: /|" >&2 7>&-
		} 7>&1
	fi
}
extract() {
	run extract-meta $c | run extract-people $c | run extract-directives $c
}
exec 5>&1
failed=$(
	{
		if [ "$mode" = records ]; then
			extract
		else
			split "$@" | extract
		fi
	} 4>&1 >&5 5>&-
)
[ -z "$abs" ] || rm -f readout.abs
[ -z "$failed" ]
'
# A table: ARGs: --counters or "", the output folder, the record type.
# shellcheck disable=SC2016
tsvjob=$run'
c=$1 dir=$2 type=$3
failed=$( { run "to-tsv.$type" $c -t "$type" <"$dir/records.jsonl" >"$dir/$type.tsv"; } 4>&1)
[ -z "$failed" ]
'

tmp=$(mktemp -d "${TMPDIR:-/tmp}/readout-parallel.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
trap 'exit 1' HUP INT PIPE TERM # (so that the EXIT trap runs)
: >"$tmp/counters"

# para ARG...: parallel ARG..., its output to ours. The jobs' messages go on to our stderr as they
# come (parallel prints each job's stdout and stderr whole when the job ends), less the counter
# lines, kept in $tmp/counters for the totals. parallel's status is the number of jobs that
# failed (101: more; 255: parallel's own error); any failure makes ours 1.
para() {
	{
		{
			st=0
			parallel "$@" 2>&1 >&3 3>&- || st=$?
			echo "$st" >"$tmp/status"
		} | awk -v counters="$tmp/counters" '
			/^reporter:counter:/ { print >> counters; next }
			{ print; fflush() }' >&2
	} 3>&1
	st=$(cat "$tmp/status")
	# moreutils' parallel has no --pipe, -X, ...: ask only now (perl takes 0.06 s to start).
	if [ "$st" -ne 0 ] && ! parallel --version 2>/dev/null | grep -q '^GNU parallel'; then
		no_gnu_parallel
	fi
	case $st in
	0) return 0 ;;
	1) printf '%s: 1 job failed\n' "$prog" >&2 ;;
	[2-9] | [1-9][0-9] | 100) printf '%s: %s jobs failed\n' "$prog" "$st" >&2 ;;
	101) printf '%s: more than 100 jobs failed\n' "$prog" >&2 ;;
	*) printf '%s: parallel failed (status %s)\n' "$prog" "$st" >&2 ;;
	esac
	status=1
}

# ---- stage 1: the pipeline ----
# parallel's arguments are built in "$@", back to front, since they follow the files.
case $mode in
files)
	# The files follow the command (-a: the list, read by parallel).
	if [ -n "$list" ]; then set -- :::: "$list"; else set -- ::: "$@"; fi
	set -- -q sh -c "$job" sh "$counters" "$enc" "$mode" "$bin" "$PWD" "$prog" "$@"
	if [ -n "$logins" ]; then
		# rsync copies each job's files to a work folder of its own on the host (--wd ...: under
		# ~/.parallel/tmp/ there), a relative name as it is, an absolute one as if relative to
		# / ("/./": parallel's mark for where the name in the work folder starts); --cleanup
		# removes them and the folder after. -X would fill the host's command line, whose
		# length parallel does not know (it warns): a fixed number of files a job instead.
		set -- -n "${maxargs:-50}" --wd ... --transferfile '{= s:^/:/./: =}' --cleanup "$@"
	else
		# -X: as many files a job as the command line takes, spread evenly over the job slots.
		set -- -X ${maxargs:+-n "$maxargs"} "$@"
	fi
	;;
pages | records)
	if [ $# -gt 0 ]; then
		# Regular files: parallel finds the cuts near every SIZE bytes and each job reads its
		# part itself, or over ssh; no block ever spans two files.
		set -- --pipepart -q sh -c "$job" sh "$counters" "$enc" "$mode" "$bin" "$PWD" "$prog" :::: "$@"
	else
		# Standard input: parallel reads it and hands out the blocks itself (more work for it
		# than --pipepart, where it only looks for the cuts; fine for a pipe).
		set -- --pipe -q sh -c "$job" sh "$counters" "$enc" "$mode" "$bin" "$PWD" "$prog"
	fi
	set -- --block "$block" "$@"
	if [ "$mode" = pages ]; then
		# Cut only before a form feed (wherever it is in its line: split-article ends the line
		# and the article there). --recend '': no need for a newline before it.
		set -- --recstart "$(printf '\f')" --recend '' "$@"
	fi
	# records: parallel's default, --recend '\n': cut after a newline.
	;;
esac
[ -z "$logins" ] || set -- --sshlogin "$logins" "$@"
[ -z "$keep" ] || set -- -k "$@"
[ -z "$jobs" ] || set -- -j "$jobs" "$@"

if [ -n "$outdir" ]; then
	mkdir -p -- "$outdir"
	para "$@" >"$outdir/records.jsonl"
else
	para "$@"
fi

# ---- stage 2: the tables ----
# One to-tsv a type, at once, each reading the whole record file, here (the records are here):
# to-tsv is several times faster than the extractors, and a table made in one piece has one
# header and its rows in the order of the records.
if [ -n "$tables" ]; then
	printf '%s\n' "$tables" | tr , '\n' |
		para ${jobs:+-j "$jobs"} -q sh -c "$tsvjob" sh "$counters" "$outdir"
fi

# ---- the counters ----
# Summed by name over the jobs (printf %.0f: some awks print big sums as 1.2e+09), in the order
# of the pipeline, then each tool's own order.
if [ -n "$counters" ]; then
	order="split-article extract-meta extract-people extract-directives"
	for t in $(printf '%s\n' "$tables" | tr , ' '); do
		order="$order to-tsv.$t"
	done
	awk -F , -v order="$order" '
		{ if (!($2 in sum)) key[++n] = $2; sum[$2] += $3 }
		END {
			m = split(order, tool, " ")
			for (i = 1; i <= m + 1; i++)
				for (k = 1; k <= n; k++) {
					tag = key[k]
					sub(/\.[^.]*$/, "", tag)
					if (i <= m ? tag == tool[i] : !(key[k] in done)) {
						printf "reporter:counter:readout,%s,%.0f\n", key[k], sum[key[k]]
						done[key[k]] = 1
					}
				}
		}' "$tmp/counters" >&2
fi

exit "$status"
