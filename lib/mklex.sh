#!/bin/sh
# mklex.sh DIR: the word lists DIR/*.txt (one entry a line, '#' comments) as C arrays, so that
# they are compiled into the tools. Written to standard output.
set -eu
dir=$1
echo "/* Made by lib/mklex.sh from the lists in $dir: do not edit. */"
echo "#include <stddef.h>"
for name in surnames syllables posts orgwords verbs-presided verbs-spoke verbs-attended speech; do
	id=$(echo "$name" | tr '-' '_')
	echo "const char *const lex_$id[] = {"
	sed -e 's/#.*//' -e 's/^[[:space:]]*//' -e 's/[[:space:]]*$//' "$dir/$name.txt" |
	    awk 'NF { gsub(/\\/, "\\\\"); gsub(/"/, "\\\""); printf "\t\"%s\",\n", $0 }'
	echo "	NULL"
	echo "};"
done
