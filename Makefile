# readout: `make` builds every tool into bin/, `make check` runs the tests, `make demo` runs the
# pipeline on examples/, `make bench` measures speed and memory. See README.md.
.POSIX:
.SUFFIXES:
.SUFFIXES: .c .o

PREFIX = /usr/local
MANPREFIX = $(PREFIX)/share/man
CC = cc
CFLAGS = -std=c11 -O2 -g -Wall -Wextra -Wpedantic
CPPFLAGS = -D_POSIX_C_SOURCE=200809L -Ilib
LDFLAGS =

TOOLS = split-article extract-meta extract-people extract-directives to-tsv
BIN = bin/split-article bin/extract-meta bin/extract-people bin/extract-directives bin/to-tsv
MAN = man/split-article.1 man/extract-meta.1 man/extract-people.1 man/extract-directives.1 man/to-tsv.1
TESTBIN = bin/readout-libtest bin/readout-lostcheck
HDR = lib/readout.h
LIBA = lib/libreadout.a
LIBOBJ = lib/alloc.o lib/buf.o lib/counters.o lib/date.o lib/hash.o lib/html.o lib/htmlpage.o lib/json.o lib/lexicon.o lib/lexlists.o lib/lineclass.o lib/msg.o lib/out.o \
	lib/people.o lib/reader.o lib/records.o lib/split.o lib/text.o lib/utf8.o

all: $(BIN) $(TESTBIN)

.c.o:
	$(CC) $(CPPFLAGS) $(CFLAGS) -c -o $@ $<

$(LIBOBJ): $(HDR)

# the word lists of lib/lex/, compiled in
LEX = lib/lex/surnames.txt lib/lex/syllables.txt lib/lex/posts.txt lib/lex/orgwords.txt \
	lib/lex/verbs-presided.txt lib/lex/verbs-spoke.txt lib/lex/verbs-attended.txt \
	lib/lex/speech.txt
lib/lexlists.c: lib/mklex.sh $(LEX)
	sh lib/mklex.sh lib/lex > $@

$(LIBA): $(LIBOBJ)
	rm -f $@
	ar rcs $@ $(LIBOBJ)

# one recipe for every tool: bin/NAME is built from tools/NAME.c
bin/split-article: tools/split-article.c
bin/extract-meta: tools/extract-meta.c
bin/extract-people: tools/extract-people.c
bin/extract-directives: tools/extract-directives.c
bin/to-tsv: tools/to-tsv.c
$(BIN): $(LIBA) $(HDR)
	@mkdir -p bin
	$(CC) $(CPPFLAGS) $(CFLAGS) $(LDFLAGS) -o $@ tools/$(@F).c $(LIBA)

# test programs, not installed
bin/readout-libtest: tests/libtest.c $(LIBA) $(HDR)
	@mkdir -p bin
	$(CC) $(CPPFLAGS) $(CFLAGS) $(LDFLAGS) -o $@ tests/libtest.c $(LIBA)
bin/readout-lostcheck: tests/lostcheck.c $(LIBA) $(HDR)
	@mkdir -p bin
	$(CC) $(CPPFLAGS) $(CFLAGS) $(LDFLAGS) -o $@ tests/lostcheck.c $(LIBA)

check: all
	tests/run

demo: all
	@sh examples/demo.sh

bench: all
	@sh bench/bench.sh

fuzz:
	@sh fuzz/run.sh

valgrind: all
	@sh tests/valgrind.sh

install: $(BIN)
	mkdir -p $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(MANPREFIX)/man1
	cp -f $(BIN) $(DESTDIR)$(PREFIX)/bin/
	cp -f $(MAN) $(DESTDIR)$(MANPREFIX)/man1/

# rm -f with the whole path: nothing to remove (not even the folder) is not an error
uninstall:
	for t in $(TOOLS); do rm -f "$(DESTDIR)$(PREFIX)/bin/$$t" "$(DESTDIR)$(MANPREFIX)/man1/$$t.1"; done

clean:
	rm -rf bin $(LIBOBJ) $(LIBA) lib/lexlists.c

.PHONY: fuzz valgrind all check demo bench install uninstall clean
