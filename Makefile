# readout: make builds every tool into bin/; make check runs the test suite; make demo runs the
# pipeline on examples/. See README.md.
.POSIX:
.SUFFIXES:

VERSION = 0.1.0
PREFIX = /usr/local
MANPREFIX = $(PREFIX)/share/man
CC = cc
CFLAGS = -std=c11 -O2 -g -Wall -Wextra -Wpedantic
CPPFLAGS = -D_POSIX_C_SOURCE=200809L -Ilib
LDFLAGS =

TOOLS = split-article
BIN = bin/split-article
LIBOBJ = lib/alloc.o lib/buf.o lib/hash.o lib/json.o lib/lineclass.o lib/msg.o lib/out.o \
	lib/reader.o lib/split.o lib/text.o lib/utf8.o
LIBA = lib/libreadout.a
HDR = lib/readout.h
MAN = man/split-article.1

all: $(BIN) bin/readout-libtest bin/readout-lostcheck

$(LIBOBJ): $(HDR)
.SUFFIXES: .c .o
.c.o:
	$(CC) $(CPPFLAGS) $(CFLAGS) -c -o $@ $<

$(LIBA): $(LIBOBJ)
	rm -f $@
	ar rcs $@ $(LIBOBJ)

bin/split-article: tools/split-article.c $(LIBA) $(HDR)
	@mkdir -p bin
	$(CC) $(CPPFLAGS) $(CFLAGS) $(LDFLAGS) -o $@ tools/split-article.c $(LIBA)

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

install: $(BIN)
	mkdir -p $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(MANPREFIX)/man1
	cp -f $(BIN) $(DESTDIR)$(PREFIX)/bin/
	cp -f $(MAN) $(DESTDIR)$(MANPREFIX)/man1/

uninstall:
	cd $(DESTDIR)$(PREFIX)/bin && rm -f $(TOOLS)
	cd $(DESTDIR)$(MANPREFIX)/man1 && rm -f $(MAN:man/%=%)

clean:
	rm -rf bin $(LIBOBJ) $(LIBA)

.PHONY: all check demo bench install uninstall clean
