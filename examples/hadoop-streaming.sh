#!/bin/sh
# examples/hadoop-streaming.sh: the readout pipeline as a map-only Hadoop Streaming job.
# A recipe to read and adapt: the job itself is untested (Hadoop is not installed where the tests
# run); its mapper is tested, by tests/hadoop.bats, run as streaming runs it (--mapper).
#
#   examples/hadoop-streaming.sh pages INPUT OUTPUT     raw pages, each input file whole to a mapper
#   examples/hadoop-streaming.sh records INPUT OUTPUT   article records (JSON Lines), cut anywhere
#   examples/hadoop-streaming.sh --mapper > readout-map.sh   only write the mapper script
#
# INPUT and OUTPUT are HDFS paths; OUTPUT must not exist yet. Afterwards:
#   hdfs dfs -cat OUTPUT/part-* | to-tsv -t person > person.tsv
#   mapred job -status JOB_ID          # the counters, group "readout" (also printed at the end)
#
# What a user must get right:
# - Map only (mapreduce.job.reduces=0): every mapper's output is a part-m-NNNNN file of records.
# - What a mapper reads. With the default TextInputFormat, streaming writes each line of the input
#   to the mapper's stdin, without the key (the byte offset): stream.map.input.ignoreKey is true
#   only for TextInputFormat. With another -inputformat (NLineInputFormat, ...), the mapper gets
#   "KEY<tab>LINE" unless -D stream.map.input.ignoreKey=true.
# - Where the input is cut. TextInputFormat cuts files at block boundaries (128 MB) and a mapper
#   gets whole lines: fine for records, one per line (job "records"). Raw page text must not be
#   cut inside an article, and split-article can only tell where an article starts from the lines
#   before it, or at the start of its input, or at a form feed. So job "pages" sets a minimum split
#   size larger than any file: every file goes whole to one mapper, whose stdin is then that file
#   and nothing else. Give it files of many pages, form feeds between them, of up to a few hundred
#   MB each (one mapper a file; gzip'd files are never cut anyway). Or run split-article where the
#   pages are, and the extractors here on its records (job "records").
# - The tools are shipped with -files (they land in the task's working folder: run as ./NAME), so
#   they must be built for the nodes' system (same architecture, a glibc no newer than theirs),
#   and be executable here (a tarball with -archives keeps the mode if the cluster loses it).
# - Exit status. A tool's 1 means some input was bad (reported on stderr, counted) and the rest
#   was processed: the mapper exits 0 for it rather than fail the task, which Hadoop would retry
#   and then fail the job for one bad page. Anything else (a crash, a tool not found) fails the
#   task: stream.non.zero.exit.is.failure=true (the default, set here to say so).
# - Counters: streaming adds up the reporter:counter lines the tasks write on stderr and shows
#   them with the job. Every tool counts "articles" and most count "records_read", so the mapper
#   renames each tool's counters TOOL.NAME (readout,extract-meta.articles), as
#   examples/parallel.sh -c does; else the job would count each article four times.
# - Output lines. The mapper's lines have no tab, so streaming takes each whole as the key, and
#   TextOutputFormat writes key, separator, empty value: a tab at the end of every line, unless the
#   separator is empty (set below). (readout's tools read such lines anyway: a tab is JSON white
#   space.) Do not empty it for a job that writes TSV (to-tsv as mapper): its tabs would go.
#   In job "pages", "src" is "-" and "line" counts from the start of the file.
set -eu

prog=${0##*/}

usage() {
	cat <<EOF
usage: $prog pages|records INPUT OUTPUT
       $prog --mapper
Run split-article | extract-meta | extract-people | extract-directives as the mapper of a
map-only Hadoop Streaming job over the HDFS path INPUT, writing the records to OUTPUT.
  pages     INPUT holds raw page text; each file goes whole to one mapper
  records   INPUT holds article records (JSON Lines); the extractors only
  --mapper  write the mapper script, readout-map.sh, to standard output, and exit
Needs HADOOP_HOME; the tools are taken from READOUT_BIN, or bin/ next to examples/.
EOF
}

# mapper: the mapper script, readout-map.sh, shipped with the tools and run in the task's folder
# as "sh readout-map.sh" (raw pages) or "sh readout-map.sh records" (article records), its split
# on standard input.
mapper() {
	cat <<'EOF'
#!/bin/sh
# readout-map.sh [records]: the readout pipeline as a Hadoop Streaming mapper, run in the task's
# folder, where -files put the tools. The split on stdin: raw pages (a whole file), or with
# "records" article records. The records on stdout. On stderr the tools' messages, and their
# counters renamed readout,TOOL.NAME. Exit status: 0 when the worst of the tools' was 0 or 1 (bad
# input, told and counted, the rest done), else that worst (a crash, a tool not found), which
# fails the task.
#
# run TOOL [ARG...]: ./TOOL --counters ARG..., from the pipe it is in to fd 3 (the next stage);
# its stderr goes to the task's, counters renamed readout,TOOL.NAME; its status, if not 0, to fd 4
# (sh has no pipefail: a pipeline's status is its last command's).
run() {
	t=$1
	shift
	{ "./$t" --counters "$@" 2>&1 >&3 3>&- 4>&- || echo "$?" >&4; } |
		sed "s/^reporter:counter:readout,/&$t./" >&2
} 3>&1
extract() {
	run extract-meta | run extract-people | run extract-directives
}
exec 5>&1
worst=$(
	{
		if [ "${1:-}" = records ]; then extract; else run split-article | extract; fi
	} 4>&1 >&5 5>&- | awk '$1 > w { w = $1 } END { print w + 0 }'
)
# 1: bad input, told and counted, the rest done: not a reason to fail (and retry) the task.
[ "$worst" -le 1 ] || exit "$worst"
EOF
}

case ${1:-} in
-h | --help) usage; exit 0 ;;
--mapper) [ $# -eq 1 ] || { usage >&2; exit 2; }; mapper; exit 0 ;;
pages | records) [ $# -eq 3 ] || { usage >&2; exit 2; } ;;
*) usage >&2; exit 2 ;;
esac
mode=$1 input=$2 output=$3
[ -n "${HADOOP_HOME:-}" ] || { printf '%s: set HADOOP_HOME to where Hadoop is installed\n' "$prog" >&2; exit 1; }
bin=${READOUT_BIN:-$(cd -- "$(dirname -- "$0")/../bin" && pwd -P)}

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
trap 'exit 1' HUP INT PIPE TERM

mapper >"$tmp/readout-map.sh"

# The streaming jar; generic options (-D, -files) must come before the streaming ones.
set -- "$HADOOP_HOME"/share/hadoop/tools/lib/hadoop-streaming-*.jar
jar=$1
[ -f "$jar" ] || { printf '%s: no hadoop-streaming jar in %s\n' "$prog" "$HADOOP_HOME/share/hadoop/tools/lib" >&2; exit 1; }

if [ "$mode" = pages ]; then
	# No file is ever cut: a minimum split size of Long.MAX_VALUE bytes.
	set -- -D mapreduce.input.fileinputformat.split.minsize=9223372036854775807
	mapper="sh readout-map.sh"
else
	# Cut anywhere: TextInputFormat's default splits, one per block; every line read whole.
	set --
	mapper="sh readout-map.sh records"
fi

"$HADOOP_HOME/bin/hadoop" jar "$jar" \
	-D mapreduce.job.name="readout $mode" \
	-D mapreduce.job.reduces=0 \
	-D stream.non.zero.exit.is.failure=true \
	-D mapreduce.output.textoutputformat.separator= \
	"$@" \
	-files "$bin/split-article,$bin/extract-meta,$bin/extract-people,$bin/extract-directives,$tmp/readout-map.sh" \
	-input "$input" \
	-output "$output" \
	-mapper "$mapper"
