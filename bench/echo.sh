#!/usr/bin/env bash
# Echo benchmark: Petrel's echo server side by side with Netty's (NIO and native epoll
# transports) and the lesson's Twisted echo server, all driven by the same load generator
# (dev.petrel.bench.EchoLoad), reported as ratios. Writes the "## Echo (reactor)" section of
# bench/RESULTS.md and keeps the other sections.
#
#   bench/echo.sh                                     # full run (about a minute per server)
#   BENCH_WARMUP=1 BENCH_SECONDS=2 bench/echo.sh      # quick run
#
# Environment:
#   BENCH_WARMUP      seconds of warmup per scenario, not measured (default 3)
#   BENCH_SECONDS     seconds measured per scenario (default 10)
#   BENCH_ROUNDS      rounds over all servers; the table keeps each cell's best round (default 1),
#                     since other work on the machine can only make a run slower
#   BENCH_SERVERS     which servers, in order (default "petrel netty-nio netty-epoll twisted")
#   BENCH_SCENARIOS   which scenarios (default "pingpong-1 pingpong-50 pingpong-1000 stream-1MiB")
#   BENCH_HEAP        heap of every JVM, -Xms = -Xmx (default 512m)
#   BENCH_SKIP_BUILD  set to 1 to use the jars already built
#   PYTHON            the Python with Twisted installed (default /usr/bin/python3)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

WARMUP=${BENCH_WARMUP:-3}
MEASURE=${BENCH_SECONDS:-10}
ROUNDS=${BENCH_ROUNDS:-1}
SERVERS=${BENCH_SERVERS:-petrel netty-nio netty-epoll twisted}
SCENARIOS=${BENCH_SCENARIOS:-pingpong-1 pingpong-50 pingpong-1000 stream-1MiB}
HEAP=${BENCH_HEAP:-512m}
PYTHON=${PYTHON:-/usr/bin/python3}
# The same JVM flags for Petrel and the Netty servers: a fixed heap, no other tuning.
JVM_FLAGS=(-Xms"$HEAP" -Xmx"$HEAP")
BENCH_JAR=bench/target/petrel-bench.jar
PETREL_JAR=server/target/petrel.jar
TWISTED_SEED=../shared/acceptance/reactor_seed.py

command_line="bench/echo.sh"
for v in BENCH_WARMUP BENCH_SECONDS BENCH_ROUNDS BENCH_SERVERS BENCH_SCENARIOS BENCH_HEAP; do
    if [[ -n ${!v:-} ]]; then command_line="$v=\"${!v}\" $command_line"; fi
done

# Server on CPU 0, load generator on CPU 1, so that neither steals the other's core.
SERVER_PIN=()
LOAD_PIN=()
pinning="not pinned (taskset unavailable or fewer than 2 CPUs)"
if command -v taskset >/dev/null && (($(nproc) >= 2)); then
    SERVER_PIN=(taskset -c 0)
    LOAD_PIN=(taskset -c 1)
    pinning="server pinned to CPU 0, load generator to CPU 1 (taskset)"
fi

# 1000 connections need a descriptor each, on both sides.
if (($(ulimit -n) < 4096)); then ulimit -n 4096; fi

if [[ ${BENCH_SKIP_BUILD:-0} != 1 ]]; then
    modules=bench
    if [[ " $SERVERS " == *" petrel "* ]]; then modules=bench,server; fi
    echo "building $modules ..."
    mvn -q -DskipTests package -pl "$modules" -am
fi

stamp=$(date +%Y%m%d-%H%M%S)
out=bench/out/echo-$stamp
mkdir -p "$out"
results=$out/results.txt
: >"$results"
# Run from copies, so that a rebuild during the run cannot swap a jar under a server.
cp "$BENCH_JAR" "$out/petrel-bench.jar"
BENCH_JAR=$out/petrel-bench.jar
if [[ " $SERVERS " == *" petrel "* && -f $PETREL_JAR ]]; then
    cp "$PETREL_JAR" "$out/petrel.jar"
    PETREL_JAR=$out/petrel.jar
fi

# True while the process runs (an exited child not yet waited for is a zombie, not alive).
alive() {
    local state
    state=$(ps -o stat= -p "$1" 2>/dev/null) && [[ $state != Z* ]]
}

server_pid=
stop_server() {
    if [[ -n $server_pid ]]; then
        kill "$server_pid" 2>/dev/null || true
        for _ in $(seq 1 100); do
            alive "$server_pid" || break
            sleep 0.1
        done
        kill -9 "$server_pid" 2>/dev/null || true # still there after 10 s
        wait "$server_pid" 2>/dev/null || true
        server_pid=
    fi
}
trap stop_server EXIT

free_port() {
    "$PYTHON" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# Starts a server in the background on port $2 and sets server_pid; exec keeps the PID the server's own.
start_server() {
    local name=$1 port=$2 log=$out/$1.log
    case $name in
        petrel) "${SERVER_PIN[@]}" java "${JVM_FLAGS[@]}" -jar "$PETREL_JAR" example echo-server --port "$port" >"$log" 2>&1 & ;;
        netty-nio) "${SERVER_PIN[@]}" java "${JVM_FLAGS[@]}" -cp "$BENCH_JAR" dev.petrel.bench.NettyEchoServer \
            --transport nio --port "$port" >"$log" 2>&1 & ;;
        netty-epoll) "${SERVER_PIN[@]}" java "${JVM_FLAGS[@]}" -cp "$BENCH_JAR" dev.petrel.bench.NettyEchoServer \
            --transport epoll --port "$port" >"$log" 2>&1 & ;;
        twisted) "${SERVER_PIN[@]}" "$PYTHON" "$TWISTED_SEED" serve-echo --port "$port" >"$log" 2>&1 & ;;
        *) echo "unknown server: $name" >&2; return 1 ;;
    esac
    server_pid=$!
    for _ in $(seq 1 300); do
        if ! alive "$server_pid"; then
            echo "$name exited before accepting connections; see $log" >&2
            server_pid=
            return 1
        fi
        if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then return 0; fi
        sleep 0.1
    done
    echo "$name did not accept connections on port $port within 30 s" >&2
    return 1
}

scenario_args() {
    case $1 in
        pingpong-*) echo "pingpong --conns ${1#pingpong-} --size 64" ;;
        stream-1MiB) echo "stream --size 1048576 --in-flight 4194304" ;;
        *) echo "unknown scenario: $1" >&2; return 1 ;;
    esac
}

# How busy the CPUs are with other work, sampled over one second before the run.
cpu_busy() {
    local a b
    read -ra a </proc/stat
    sleep 1
    read -ra b </proc/stat
    local busy=$(((b[1] + b[2] + b[3] + b[6] + b[7]) - (a[1] + a[2] + a[3] + a[6] + a[7])))
    local idle=$(((b[4] + b[5]) - (a[4] + a[5])))
    echo $((100 * busy / (busy + idle + 1)))
}
busy_before=$(cpu_busy)
echo "CPU busy with other work before the run: $busy_before%; $pinning"
if ((busy_before > 10)); then
    echo "warning: other work is using ${busy_before}% of the CPUs; numbers will be noisy" >&2
fi
for round in $(seq 1 "$ROUNDS"); do for server in $SERVERS; do
    port=$(free_port)
    echo "== round $round: $server on 127.0.0.1:$port"
    if ! start_server "$server" "$port"; then
        for scenario in $SCENARIOS; do echo "RESULT label=$scenario server=$server error=start" >>"$results"; done
        stop_server
        continue
    fi
    for scenario in $SCENARIOS; do
        read -ra load_args <<<"$(scenario_args "$scenario")"
        if line=$("${LOAD_PIN[@]}" java "${JVM_FLAGS[@]}" -jar "$BENCH_JAR" "${load_args[@]}" --port "$port" \
            --server "$server" --warmup "$WARMUP" --seconds "$MEASURE" 2>>"$out/load.log" | grep '^RESULT'); then
            line="RESULT label=$scenario ${line#RESULT }"
        else
            line="RESULT label=$scenario server=$server error=load"
        fi
        echo "$line" | tee -a "$results"
        sleep 1
    done
    stop_server
done; done

section=$out/section.md
bench/echo-report.sh "$results" >"$section.table"
{
    echo "## Echo (reactor)"
    echo
    echo "- Date: $(date -u '+%Y-%m-%d %H:%M UTC')"
    echo "- Machine: $(nproc) CPUs ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')), Linux $(uname -r), $(java -version 2>&1 | head -1)"
    echo "- Pinning: $pinning; CPU busy with other work just before the run: ${busy_before}%"
    echo "- JVM flags, Petrel and Netty alike: ${JVM_FLAGS[*]}; Netty 1 boss + 1 worker thread; Twisted: $($PYTHON -c 'import twisted; print(twisted.__version__)' 2>/dev/null || echo '?')"
    echo "- Load: one EchoLoad process (one selector thread, non-blocking sockets); ping-pong = 64-byte messages, one in flight per connection; stream = 1 MiB blocks, at most 4 MiB in flight"
    echo "- Windows: ${WARMUP} s warmup, ${MEASURE} s measured, per scenario; best of $ROUNDS round(s)"
    echo "- Command: \`$command_line\`"
    echo "- Targets: Petrel >= 1.0x Netty NIO, >= 0.9x Netty epoll, >= 10x Twisted"
    if ((busy_before > 10)); then
        echo "- **Noisy run**: other work used ${busy_before}% of the CPUs as it started, so these numbers are not a fair comparison; rerun on an idle machine."
    fi
    echo
    cat "$section.table"
    echo
} >"$section"

cat "$section.table"
touch bench/RESULTS.md
awk -v sec="$section" '
    /^## / { skip = 0 }
    $0 == "## Echo (reactor)" { while ((getline l < sec) > 0) print l; done = 1; skip = 1; next }
    !skip { print }
    END { if (!done) { if (NR > 0) print ""; while ((getline l < sec) > 0) print l } }
' bench/RESULTS.md >"$out/RESULTS.md"
if ! grep -q '^# ' "$out/RESULTS.md"; then
    { echo "# Petrel benchmark results"; echo; cat "$out/RESULTS.md"; } >"$out/RESULTS.md.new"
    mv "$out/RESULTS.md.new" "$out/RESULTS.md"
fi
cp "$out/RESULTS.md" bench/RESULTS.md
echo "written: bench/RESULTS.md (raw results and logs in $out)"
