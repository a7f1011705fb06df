#!/usr/bin/env bats
# shellcheck disable=SC2016 # single quotes: expanded by the remote shell, or by awk
# examples/parallel.sh -S over real ssh: a private OpenSSH server of the test's own on loopback,
# reached under two names, h2 (127.0.0.2) and h3 (127.0.0.3), beside this host (':'). In each input
# mode (-m files, pages, records): the records are the serial pipeline's (sorted; byte for byte
# with -k), the counters the serial run's; a bad input gives status 1 with the tool's message back
# from the host; a host without the tools fails clearly; the files copied to a host are removed
# after, and never the originals.
#
# The server: sshd from Debian's openssh-server (tests/run installs it when missing, as root),
# started here with its own host key, user key, authorized_keys and sshd_config, in a folder of
# its own, listening on 127.0.0.2 and 127.0.0.3 only, on a free port. The client: ssh -F with our
# ssh_config (the keys, a known_hosts of our own, BatchMode), given to parallel as PARALLEL_SSH,
# so the user's ~/.ssh is never read or written. The sessions' PATH is set by the server: h2's has
# the tools (installed on PATH), h3's only /usr/bin:/bin (the tools reached with -B DIR). Sanitizer
# options (.ci/run) cross ssh with SendEnv / AcceptEnv.
# The server is stopped in teardown_file, and by a watchdog if this file's process ends without
# it (killed): it never outlives the test.
# Skipped, saying why, when sshd, ssh, rsync or GNU parallel cannot be had.

load test_helper

# find_sshd: the sshd executable (it must be started by its absolute path), or fail
find_sshd() {
	local p
	for p in /usr/sbin/sshd "$(command -v sshd)"; do
		if [[ -n $p && -x $p ]]; then
			SSHD=$p
			return 0
		fi
	done
	return 1
}

# write_configs PORT: the server's and the client's configuration, for PORT
write_configs() {
	cat >"$D/sshd_config" <<-EOF
		# readout's tests: loopback only, this user's key only, the tools on h2's PATH
		ListenAddress 127.0.0.2:$1
		ListenAddress 127.0.0.3:$1
		HostKey $D/host_key
		PidFile $D/sshd.pid
		AuthorizedKeysFile $D/authorized_keys
		AllowUsers $(id -un)
		PermitRootLogin prohibit-password
		PubkeyAuthentication yes
		PasswordAuthentication no
		KbdInteractiveAuthentication no
		StrictModes no
		UsePAM no
		X11Forwarding no
		AllowTcpForwarding no
		PrintMotd no
		AcceptEnv ASAN_OPTIONS UBSAN_OPTIONS LSAN_OPTIONS
		LogLevel INFO
		Match LocalAddress 127.0.0.2
		    SetEnv PATH=$BIN:/usr/bin:/bin
		Match LocalAddress 127.0.0.3
		    SetEnv PATH=/usr/bin:/bin
	EOF
	local h
	for h in h2:127.0.0.2 h3:127.0.0.3; do
		cat <<-EOF
			Host ${h%%:*}
			    HostName ${h#*:}
			    Port $1
			    User $(id -un)
			    IdentityFile $D/user_key
			    IdentitiesOnly yes
			    HostKeyAlias readout-test
			    UserKnownHostsFile $D/known_hosts
			    GlobalKnownHostsFile /dev/null
			    StrictHostKeyChecking yes
			    BatchMode yes
			    ConnectTimeout 10
			    SendEnv ASAN_OPTIONS UBSAN_OPTIONS LSAN_OPTIONS
			    ControlMaster auto
			    ControlPath $D/cm-%C
			    ControlPersist 120
			    LogLevel ERROR
		EOF
	done >"$D/ssh_config"
}

# start_sshd: the server on a free port (a few tries), in the background, fds closed so that
# bats does not wait for it; waits until both names answer. Sets SSHD_PID and PORT.
start_sshd() {
	local try i
	for try in 1 2 3 4 5; do
		PORT=$((20000 + (RANDOM * 7 + try * 131) % 40000))
		write_configs "$PORT"
		"$SSHD" -t -f "$D/sshd_config" || return 1
		"$SSHD" -D -e -f "$D/sshd_config" </dev/null >/dev/null 2>>"$D/sshd.log" 3>&- &
		SSHD_PID=$!
		for ((i = 0; i < 100; i++)); do
			kill -0 "$SSHD_PID" 2>/dev/null || break
			if ssh -F "$D/ssh_config" h2 true </dev/null 2>/dev/null &&
				ssh -F "$D/ssh_config" h3 true </dev/null 2>/dev/null; then
				return 0
			fi
			sleep 0.1
		done
		kill "$SSHD_PID" 2>/dev/null
		wait "$SSHD_PID" 2>/dev/null
		SSHD_PID=
		grep -q 'Address already in use' "$D/sshd.log" || break
	done
	return 1
}

setup_file() {
	export SKIP_WHY=
	if ! find_parallel; then
		SKIP_WHY="GNU parallel is not installed"
	elif ! find_sshd; then
		SKIP_WHY="sshd is not installed (tests/run installs openssh-server when run as root)"
	elif ! command -v ssh >/dev/null || ! command -v ssh-keygen >/dev/null; then
		SKIP_WHY="ssh is not installed (openssh-client)"
	elif ! command -v rsync >/dev/null; then
		SKIP_WHY="rsync is not installed"
	fi
	export PATH
	[[ -z $SKIP_WHY ]] || return 0

	# A short path: ssh and sshd do not care, but the messages stay readable.
	D=$(mktemp -d "${TMPDIR:-/tmp}/readout-ssh.XXXXXX")
	export D
	ssh-keygen -q -t ed25519 -N '' -C readout-host -f "$D/host_key"
	ssh-keygen -q -t ed25519 -N '' -C readout-user -f "$D/user_key"
	cp "$D/user_key.pub" "$D/authorized_keys"
	printf 'readout-test %s\n' "$(cat "$D/host_key.pub")" >"$D/known_hosts"
	# As root, sshd needs its privilege separation folder (the package's service makes it).
	if [[ $(id -u) == 0 && ! -d /run/sshd ]]; then
		mkdir -m 755 /run/sshd && touch "$D/made-run-sshd"
	fi
	if ! start_sshd; then
		SKIP_WHY="sshd did not start: $(tail -n 3 "$D/sshd.log" | tr '\n' ' ')"
		return 0
	fi
	export SSHD_PID PORT
	# The watchdog: if this file's process ($$) goes without teardown_file, stop the server.
	(
		while kill -0 "$$" 2>/dev/null && kill -0 "$SSHD_PID" 2>/dev/null; do
			sleep 1
		done
		stop_sshd "$SSHD_PID"
		kill -0 "$$" 2>/dev/null || rm -rf "$D"
	) </dev/null >/dev/null 2>&1 3>&- &
	export WATCHDOG_PID=$!
	export PARALLEL_SSH="ssh -F $D/ssh_config"
	# The remote side's home: parallel's work folders are made under it.
	REMOTE_HOME=$(ssh -F "$D/ssh_config" h3 pwd </dev/null)
	export REMOTE_HOME
}

# stop_sshd PID: the server PID, its connections (its children, each the parent of a session),
# and the clients' master connections (ssh ControlPersist, ended with -O exit)
stop_sshd() {
	local h
	for h in h2 h3; do
		ssh -F "$D/ssh_config" -O exit "$h" </dev/null >/dev/null 2>&1
	done
	pkill -P "$1" 2>/dev/null
	kill "$1" 2>/dev/null
}

teardown_file() {
	[[ -n ${D:-} ]] || return 0
	[[ -z ${WATCHDOG_PID:-} ]] || kill "$WATCHDOG_PID" 2>/dev/null || true
	if [[ -n ${SSHD_PID:-} ]]; then
		stop_sshd "$SSHD_PID"
		wait "$SSHD_PID" 2>/dev/null || true
	fi
	if [[ -e $D/made-run-sshd ]]; then
		rmdir /run/sshd 2>/dev/null || true
	fi
	rm -rf "$D"
}

setup() {
	if [[ -n $SKIP_WHY ]]; then
		skip "$SKIP_WHY"
	fi
	T=$BATS_TEST_TMPDIR
	P=$EX/parallel.sh
	H="-S 1/h2,1/h3,1/:" # 1/: one core each, so parallel does not ask the hosts
	cd "$ROOT" || return 1 # records hold the file names as given: examples/...
}

# serial [-m records] FILE...: the serial pipeline (from split-article, or with -m records from
# extract-meta) on the FILEs, into $T/serial.jsonl, and its counters as parallel.sh -c writes
# them (TOOL.NAME), in pipeline order, into $T/serial.counters
serial() {
	local tools=(split-article extract-meta extract-people extract-directives) t
	[[ $1 != -m ]] || tools=("${tools[@]:1}")
	if [[ $1 == -m ]]; then
		shift 2
		"$BIN/extract-meta" --counters "$@" 2>"$T/c.extract-meta"
	else
		"$BIN/split-article" --counters "$@" 2>"$T/c.split-article" |
			"$BIN/extract-meta" --counters 2>"$T/c.extract-meta"
	fi | "$BIN/extract-people" --counters 2>"$T/c.extract-people" |
		"$BIN/extract-directives" --counters 2>"$T/c.extract-directives" >"$T/serial.jsonl"
	for t in "${tools[@]}"; do
		sed -n "s/^reporter:counter:readout,/&$t./p" "$T/c.$t"
	done >"$T/serial.counters"
}

# counters_of STDERR-FILE: the counter lines of parallel.sh -c, into $T/par.counters
counters_of() {
	grep '^reporter:counter:' "$1" >"$T/par.counters" || true
}

# same_sorted A B: the same lines in any order
same_sorted() {
	if ! diff <(LC_ALL=C sort "$1") <(LC_ALL=C sort "$2") >"$T/diff"; then
		_show "$1 and $2 differ, sorted (<: $1, >: $2):" "$(head -n 20 "$T/diff")"
		return 1
	fi
}

# same A B: the same bytes
same() {
	if ! cmp "$1" "$2"; then
		_show "$1 and $2 differ:" "$(diff "$1" "$2" | head -n 20)"
		return 1
	fi
}

# no_line NAME: $T/NAME.jsonl with every article's "src" and "line" made "-" and 0, in
# $T/NAME.noline (-m pages reads blocks on standard input)
no_line() {
	sed 's/^\({"type":"article","id":"[0-9a-f]*","src":\)"[^"]*","line":[0-9]*/\1"-","line":0/' \
		"$T/$1.jsonl" >"$T/$1.noline"
}

# corpus: copies of examples/*.txt in $T/run/$U/, U a name of this run and test alone, and cd to
# $T/run, so that the files are named "$U/..." as a user names files, from where they are; and
# the copies on the hosts can be told from those of another run of the suite on this machine
# (the hosts' home is this one's, and so is their ~/.parallel/tmp)
corpus() {
	U=readout-$(basename -- "$BATS_RUN_TMPDIR")-$BATS_TEST_NUMBER
	mkdir -p "$T/run/$U"
	cp examples/*.txt "$T/run/$U/"
	cd "$T/run" || return 1
}

# left_behind NAME: files or folders under the hosts' home (where parallel would have put them
# without --wd) or their work folders (~/.parallel/tmp) with NAME in their path, one a line
left_behind() {
	[ ! -e "$REMOTE_HOME/$1" ] || echo "$REMOTE_HOME/$1"
	find "$REMOTE_HOME/.parallel/tmp" -path "*$1*" 2>/dev/null
}

# no_messages: none of the lines in $stderr is a message from the tools, parallel.sh, parallel,
# ssh or rsync (the user's shell start-up on the hosts may say things: root's pyenv does)
no_messages() {
	if grep -E '^(parallel(\.sh)?|split-article|extract-[a-z]+|to-tsv|ssh|rsync|sh): ' <<<"$stderr"; then
		_show "stderr: $stderr"
		return 1
	fi
}

# pages: $T/pages.txt, about 60 KB of raw pages with form feeds between them
pages() {
	local i
	for ((i = 0; i < 4; i++)); do
		cat examples/05-form-feeds.txt
		printf '\f'
		cat examples/04-three-in-one.txt examples/02-party-committee.txt
		printf '\f'
		cat examples/01-work-conference.txt
		printf '\f'
	done >"$T/pages.txt"
}

# ---- the server ----

@test "ssh: the server listens on 127.0.0.2 and 127.0.0.3 only, and both names reach it" {
	run -0 ssh -F "$D/ssh_config" h2 'echo "$SSH_CONNECTION"' </dev/null
	[[ $output == *" 127.0.0.2 $PORT" ]]
	run -0 ssh -F "$D/ssh_config" h3 'echo "$SSH_CONNECTION"' </dev/null
	[[ $output == *" 127.0.0.3 $PORT" ]]
	# Every listening socket on our port (/proc/net/tcp: hex address:port, state 0A) is on
	# 127.0.0.2 or 127.0.0.3 (0200007F, 0300007F); none on IPv6.
	local hex
	hex=$(printf '%04X' "$PORT")
	run -0 awk -v p=":$hex" '$4 == "0A" && substr($2, 9) == p { print substr($2, 1, 8) }' /proc/net/tcp
	[ "$(LC_ALL=C sort <<<"$output" | tr '\n' ' ')" = "0200007F 0300007F " ]
	run -0 awk -v p=":$hex" '$4 == "0A" && substr($2, 33) == p' /proc/net/tcp6
	[ -z "$output" ]
	# The sanitizers' options cross (.ci/run runs the suite with ASan builds, here and "there").
	run -0 env ASAN_OPTIONS=exitcode=86 ssh -F "$D/ssh_config" h3 'echo "$ASAN_OPTIONS"' </dev/null
	[ "$output" = exitcode=86 ]
}

# ---- -m files: the files copied with rsync ----

@test "ssh -m files: with -k, the records and counters are the serial run's, byte for byte" {
	corpus
	serial "$U"/*.txt
	cat "$U"/*.txt | cksum >"$T/sum"
	# shellcheck disable=SC2086 # $H is two words
	run -0 --separate-stderr sh "$P" -k -c -n 2 $H -B "$BIN" "$U"/*.txt
	_output_file >"$T/par.jsonl"
	same "$T/serial.jsonl" "$T/par.jsonl"
	counters_of <(printf '%s\n' "$stderr")
	same "$T/serial.counters" "$T/par.counters"
	no_messages
	# The copies on the hosts are gone; the originals are here as they were.
	[ -z "$(left_behind "$U")" ]
	[ "$(cat "$U"/*.txt | cksum)" = "$(cat "$T/sum")" ]
}

@test "ssh -m files: without -k the records are the serial run's, sorted; h2 needs no -B" {
	# (rsync copies one file a connection: a few files, for time)
	corpus
	serial "$U"/0[1-4]*.txt
	run -0 --separate-stderr sh "$P" -n 2 -S 1/h2 "$U"/0[1-4]*.txt
	_output_file >"$T/par.jsonl"
	same_sorted "$T/serial.jsonl" "$T/par.jsonl"
	no_messages
	[ -z "$(left_behind "$U")" ]
}

@test "ssh -m files: absolute names are copied into the work folder, never onto the originals" {
	# On a host that shares the file system (this one, or NFS), a copy to the same absolute name
	# is the file itself, and --cleanup would remove it: parallel.sh copies /X to X in the job's
	# work folder, and the records still say "src":"/X".
	mkdir "$T/corpus"
	cp examples/*.txt "$T/corpus/"
	# shellcheck disable=SC2086
	run -0 --separate-stderr sh "$P" -k -c -n 3 $H -B "$BIN" "$T"/corpus/*.txt examples/0[12]*.txt
	_output_file >"$T/par.jsonl"
	serial "$T"/corpus/*.txt examples/0[12]*.txt
	same "$T/serial.jsonl" "$T/par.jsonl"
	[ "$(grep -c "\"src\":\"$T/corpus/" "$T/par.jsonl")" -gt 10 ]
	[ "$(find "$T/corpus" -name '*.txt' | wc -l)" -eq 10 ]
	[ -z "$(left_behind "${T#/}/corpus")" ]
}

@test "ssh -m files: a bad file gives status 1 and the tool's message comes back from the host" {
	mkdir "$T/in"
	printf 'Plant Visit\n\nThe Hua\377xin Group met on 3 May.\n' >"$T/in/bad.txt"
	cd "$T" || return 1
	# a relative name, as most are given, and an absolute one
	run -1 --separate-stderr sh "$P" -k -n 1 -S 1/h3 -B "$BIN" in/bad.txt "$T/in/bad.txt"
	assert_stderr_has "split-article: in/bad.txt:3: 1 invalid UTF-8 sequence replaced"
	assert_stderr_has "split-article: $T/in/bad.txt:3: 1 invalid UTF-8 sequence replaced"
	assert_stderr_has "parallel.sh: 2 jobs failed"
	[ "$(grep -c '"type":"article"' <<<"$output")" -eq 2 ] # processed all the same
	[ -e in/bad.txt ]
}

@test "ssh -m files: a host without the tools fails clearly; the other hosts' jobs still run" {
	corpus
	# shellcheck disable=SC2086
	run -1 --separate-stderr sh "$P" -k -n 1 $H "$U"/0[1-6]*.txt
	assert_stderr_has "parallel.sh: split-article: not found on host h3 (PATH="
	assert_stderr_has ":/usr/bin:/bin)" # (what the user's shell start-up adds, before it)
	assert_stderr_has "install the tools there, or give -B DIR"
	[[ $stderr == *"parallel.sh: "*" failed"* ]]
	[ -n "$output" ] # h2 (tools on its PATH) and this host did theirs
	[ -z "$(left_behind "$U")" ]
	# -B pointing nowhere: the same
	run -1 --separate-stderr sh "$P" -n 5 -S 1/h3 -B /nonexistent "$U"/0[1-5]*.txt
	assert_stderr_has "not found on host h3 (PATH=/nonexistent:"
	[ -z "$output" ]
}

# ---- -m pages: blocks over ssh on standard input ----

@test "ssh -m pages: with -k, the records and counters are the serial run's (src and line aside)" {
	pages
	serial "$T/pages.txt"
	no_line serial
	# shellcheck disable=SC2086
	run -0 --separate-stderr sh "$P" -k -c -b 6k $H -B "$BIN" "$T/pages.txt"
	_output_file >"$T/par.jsonl"
	no_line par
	same "$T/serial.noline" "$T/par.noline"
	counters_of <(printf '%s\n' "$stderr")
	same "$T/serial.counters" "$T/par.counters"
	# and from standard input (parallel --pipe), unordered
	# shellcheck disable=SC2086
	run -0 --separate-stderr sh "$P" -b 6k $H -B "$BIN" <"$T/pages.txt"
	_output_file >"$T/par.jsonl"
	no_line par
	same_sorted "$T/serial.noline" "$T/par.noline"
	no_messages
}

@test "ssh -m pages: bad bytes give status 1 and the tool's message; a host without tools fails" {
	pages
	printf '\fPlant Visit\n\nThe Hua\377xin Group met on 3 May.\n' >>"$T/pages.txt"
	serial "$T/pages.txt"
	run -1 --separate-stderr sh "$P" -b 6k -S 1/h3 -B "$BIN" "$T/pages.txt"
	assert_stderr_has "split-article: -:25: 1 invalid UTF-8 sequence replaced" # line 3 of the last page
	assert_stderr_has "parallel.sh: 1 job failed"
	[ "$(grep -c '"type":"article"' <<<"$output")" -eq "$(grep -c '"type":"article"' "$T/serial.jsonl")" ]
	run -1 --separate-stderr sh "$P" -b 6k -S 1/h3 "$T/pages.txt"
	assert_stderr_has "parallel.sh: split-article: not found on host h3"
	[ -z "$output" ]
}

# ---- -m records: record streams over ssh ----

@test "ssh -m records: with -k, the records and counters are the serial run's, byte for byte" {
	pages
	"$BIN/split-article" "$T/pages.txt" examples/*.txt >"$T/articles.jsonl"
	serial -m records "$T/articles.jsonl"
	# shellcheck disable=SC2086
	run -0 --separate-stderr sh "$P" -m records -k -c -b 8k $H -B "$BIN" "$T/articles.jsonl"
	_output_file >"$T/par.jsonl"
	same "$T/serial.jsonl" "$T/par.jsonl"
	counters_of <(printf '%s\n' "$stderr")
	same "$T/serial.counters" "$T/par.counters"
	# shellcheck disable=SC2086
	run -0 --separate-stderr sh "$P" -m records -b 8k $H -B "$BIN" <"$T/articles.jsonl"
	_output_file >"$T/par.jsonl"
	same_sorted "$T/serial.jsonl" "$T/par.jsonl"
	no_messages
}

@test "ssh -m records: a bad record gives status 1 and the message; a host without tools fails" {
	"$BIN/split-article" examples/*.txt >"$T/articles.jsonl"
	{ head -n 3 "$T/articles.jsonl"; echo 'not a record'; tail -n +4 "$T/articles.jsonl"; } >"$T/bad.jsonl"
	run -1 --separate-stderr sh "$P" -m records -b 1M -S 1/h3 -B "$BIN" "$T/bad.jsonl"
	assert_stderr_has "extract-meta: -:4: "
	assert_stderr_has "parallel.sh: 1 job failed"
	[ "$(grep -c '"type":"article"' <<<"$output")" -eq "$(wc -l <"$T/articles.jsonl")" ]
	run -1 --separate-stderr sh "$P" -m records -b 8k -S 1/h3 "$T/articles.jsonl"
	assert_stderr_has "parallel.sh: extract-meta: not found on host h3"
	[[ $stderr != *split-article* ]] # not needed for records
	[ -z "$output" ]
}
