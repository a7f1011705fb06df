#!/usr/bin/env python3
"""bench: readability-lxml (Debian python3-readability) on each HTML file named: the text of
its article, to standard output, as split-article's body is."""
import re
import sys

from readability import Document

for name in sys.argv[1:]:
    with open(name, "rb") as f:
        html = f.read()
    summary = Document(html).summary(html_partial=True)
    sys.stdout.write(re.sub(r"<[^>]+>", "", summary) + "\n")
