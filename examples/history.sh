#!/bin/sh
# examples/history.sh: each person's history, from a record stream with article, meta and person
# records (split-article | extract-meta | extract-people, one night or months of them put
# together): one row per person and post, with the first and last date seen and the number of
# articles.
#
#   examples/history.sh day1.jsonl day2.jsonl ... > history.tsv
#   split-article pages/*/*.txt | extract-meta | extract-people | examples/history.sh
#
# Columns: key, name, post, first, last, articles.
# - key: the person record's "key", the name with each word capitalised and one space between
#   words, so that "CAI Jun" and "Cai Jun", "wei saiming" and "Wei Saiming" are one person; name
#   is the form first seen.
# - post: the person's "title" in the article, as written (empty when the article gives none);
#   posts that differ only in case are one post, written as first seen.
# - first, last: the earliest and latest date of the articles that give the person that post:
#   the meeting's date (meta event_date), else the date the page was published; empty if no
#   article says. articles: how many articles (distinct ids) give it.
# Rows are sorted by key, then first date, then post (LC_ALL=C). Records of an article must follow
# it (as the tools write them): to-tsv takes each person's dates from its article's meta record.
# Exit status: to-tsv's (1 if some record was bad; the rest is still counted), 2 on a usage error.
set -u

case ${1-} in
-h | --help)
	sed -n '2,/^# Exit status/p' "$0" | sed 's/^# \{0,1\}//'
	exit 0
	;;
-?*)
	echo "history.sh: unknown option '$1'" >&2
	echo "usage: history.sh [FILE ...]" >&2
	exit 2
	;;
esac

tab=$(printf '\t')
st=$(mktemp "${TMPDIR:-/tmp}/history.XXXXXX") || exit 1
trap 'rm -f "$st"' EXIT
export LC_ALL=C

printf 'key\tname\tpost\tfirst\tlast\tarticles\n'
{
	cat -- "$@" || echo 1 > "$st"
} | {
	to-tsv -H -t person key name title meta:event_date meta:published article || echo $? > "$st"
} | awk -F'\t' -v OFS='\t' '
{
	d = $4 != "" ? $4 : $5
	g = $1 SUBSEP tolower($3)
	if (!(g in n)) {
		key[g] = $1; name[g] = $2; post[g] = $3; first[g] = d; last[g] = d; n[g] = 0
	}
	if (d != "" && (first[g] == "" || d < first[g]))
		first[g] = d
	if (d > last[g])
		last[g] = d
	if (!((g, $6) in seen)) {
		seen[g, $6] = 1
		n[g]++
	}
}
END {
	for (g in n)
		print key[g], name[g], post[g], first[g], last[g], n[g]
}' | sort -t "$tab" -k1,1 -k4,4 -k3,3
status=$(cat "$st")
exit "${status:-0}"
