#!/usr/bin/env bash
# Redis benchmark: Debian's redis-benchmark against Petrel's Redis door and against Debian's
# redis-server 7.0 in the same run (throughput and p99 at -P 1 and -P 16, each test run on both
# servers back to back), plus memory per key/element. Writes the "## Redis (redis-benchmark)"
# section of bench/RESULTS.md and keeps the other sections.
#
#   bench/redis.sh                                           # full run (about 10 minutes)
#   BENCH_N1=20000 BENCH_N16=200000 BENCH_MEM_N=100000 bench/redis.sh   # quick run
#
# Environment:
#   BENCH_N1, BENCH_N16   requests per test at -P 1 / -P 16 (default 200000 / 2000000); LRANGE_100
#                         runs a quarter, LRANGE_600 a tenth of that (they move 10-60x the bytes)
#   BENCH_TESTS           redis-benchmark -t list (default: issue 3's and issue 4's tests)
#   BENCH_WARMUP_N        requests per test of the unrecorded warmup pass, both servers (default 100000)
#   BENCH_MEM_N           keys / elements per memory data set (default 1000000; 0 skips memory)
#   BENCH_MEM_SETS        memory data sets (default "strings hash set zset smallhash")
#   BENCH_JAVA_OPTS       Petrel's JVM flags for throughput (default -Xms2g -Xmx2g -XX:+AlwaysPreTouch)
#   BENCH_MEM_JAVA_OPTS   Petrel's JVM flags for memory: a heap that follows the live set
#   BENCH_MAX_LOAD        highest 1-minute load average to start measuring at (default 0.7)
#   BENCH_SKIP_BUILD      set to 1 to use server/target/petrel.jar as it is
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

N1=${BENCH_N1:-200000}
N16=${BENCH_N16:-2000000}
TESTS=${BENCH_TESTS:-set,get,incr,mset,ping,lpush,lpop,rpop,sadd,spop,hset,zadd,zpopmin,lrange_100,lrange_600}
WARMUP_N=${BENCH_WARMUP_N:-100000}
MEM_N=${BENCH_MEM_N:-1000000}
MEM_SETS=${BENCH_MEM_SETS:-strings hash set zset smallhash}
read -ra JAVA_OPTS <<<"${BENCH_JAVA_OPTS:--Xms2g -Xmx2g -XX:+AlwaysPreTouch}"
read -ra MEM_JAVA_OPTS <<<"${BENCH_MEM_JAVA_OPTS:--Xms8m -Xmx4g -XX:+UseG1GC -XX:MinHeapFreeRatio=5 -XX:MaxHeapFreeRatio=10}"
MAX_LOAD=${BENCH_MAX_LOAD:-0.7}
REF=../shared/tools/reference-server
HELPER=bench/redis_bench.py

command_line="bench/redis.sh"
for v in BENCH_N1 BENCH_N16 BENCH_TESTS BENCH_WARMUP_N BENCH_MEM_N BENCH_MEM_SETS BENCH_JAVA_OPTS BENCH_MEM_JAVA_OPTS; do
    if [[ -n ${!v:-} ]]; then command_line="$v=\"${!v}\" $command_line"; fi
done

SERVER_PIN=() LOAD_PIN=()
pinning="not pinned (taskset unavailable or fewer than 2 CPUs)"
if command -v taskset >/dev/null && (($(nproc) >= 2)); then
    SERVER_PIN=(taskset -c 0) LOAD_PIN=(taskset -c 1)
    pinning="each server pinned to CPU 0 (all its threads), redis-benchmark and redis-cli to CPU 1 (taskset)"
fi

if [[ ${BENCH_SKIP_BUILD:-0} != 1 ]]; then
    echo "building server ..."
    mvn -q -DskipTests package -pl server -am
fi
out=bench/out/redis-$(date +%Y%m%d-%H%M%S)
mkdir -p "$out"
cp server/target/petrel.jar "$out/petrel.jar" # a rebuild during the run cannot swap the jar
: >"$out/throughput.tsv"
: >"$out/memory.tsv"

pids=() ref_ports=()
cleanup() {
    # reference-server stop kills by its PID file, then removes its directory (only if the kill worked)
    for port in "${ref_ports[@]}"; do "$REF" stop redis "$port" >/dev/null 2>&1 || true; done
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
}
trap cleanup EXIT
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
wait_port() { # port pid
    for _ in $(seq 1 300); do
        kill -0 "$2" 2>/dev/null || { echo "server $2 exited; see $out" >&2; return 1; }
        if (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; then return 0; fi
        sleep 0.1
    done
    echo "nothing listens on 127.0.0.1:$1 after 30 s" >&2; return 1
}
stop_pid() { # pid: TERM, wait up to 10 s, then KILL
    kill "$1" 2>/dev/null || true
    for _ in $(seq 1 100); do kill -0 "$1" 2>/dev/null || return 0; sleep 0.1; done
    kill -9 "$1" 2>/dev/null || true
}
# start_petrel PORT JVM-FLAGS... sets pid; start_redis PORT sets pid
start_petrel() {
    local port=$1; shift
    "${SERVER_PIN[@]}" java "$@" -jar "$out/petrel.jar" --redis-port "$port" --amqp-port 0 >>"$out/petrel-$port.log" 2>&1 &
    pid=$!; pids+=("$pid")
    wait_port "$port" "$pid"
}
start_redis() {
    "$REF" start redis "$1" >/dev/null
    ref_ports+=("$1")
    pid=$(redis-cli -h 127.0.0.1 -p "$1" info server | tr -d '\r' | sed -n 's/^process_id://p')
    pids+=("$pid")
    if ((${#SERVER_PIN[@]})); then taskset -apc 0 "$pid" >/dev/null; fi
}
stop_redis() { "$REF" stop redis "$2" >/dev/null 2>&1 || true; stop_pid "$1"; } # pid port
ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; } # user + system CPU time
rss() { awk '/^VmRSS:/ { print $2 * 1024 }' "/proc/$1/status"; }
cli() { redis-cli -h 127.0.0.1 -p "$@"; }

# Wait (up to 10 minutes) for the machine to be quiet; measure anyway if it never is, flagged.
load1() { uptime | sed 's/.*load average: *//' | cut -d, -f1; }
noisy=
for i in $(seq 0 20); do
    load=$(load1)
    awk -v l="$load" -v m="$MAX_LOAD" 'BEGIN { exit !(l <= m) }' && break
    if ((i == 20)); then
        noisy=$load
        echo "WARNING: 1-minute load average still $load > $MAX_LOAD after 10 minutes; results flagged as a noisy run" >&2
        break
    fi
    echo "load average $load > $MAX_LOAD; waiting 30 s ($i/20)"
    sleep 30
done
load_at_start=$load
echo "load average at start: $load_at_start; $pinning; output in $out"

# ---- Throughput -------------------------------------------------------------------------------
pport=$(free_port); rport=$(free_port)
start_petrel "$pport" "${JAVA_OPTS[@]}"; petrel_pid=$pid
start_redis "$rport"; redis_pid=$pid
bench() { # port P N tests -> CSV on stdout (timeout: redis-benchmark spins forever on a dead server)
    timeout 600 "${LOAD_PIN[@]}" redis-benchmark -h 127.0.0.1 -p "$1" -c 50 -n "$3" -r 100000 -P "$2" -t "$4" --csv 2>>"$out/benchmark.err"
}
echo "warmup (not recorded): $WARMUP_N requests per test, -P 1 and -P 16, both servers"
for p in 1 16; do for port in "$pport" "$rport"; do bench "$port" "$p" "$WARMUP_N" "$TESTS" >/dev/null; done; done
for p in 1 16; do
    n=$N1; ((p == 16)) && n=$N16
    cli "$pport" flushall >/dev/null; cli "$rport" flushall >/dev/null
    IFS=, read -ra tests <<<"$TESTS"
    for t in "${tests[@]}"; do
        tn=$n
        case $t in lrange_100) tn=$((n / 4)) ;; lrange_600) tn=$((n / 10)) ;; esac
        for server in petrel redis; do
            port=$pport spid=$petrel_pid; [[ $server == redis ]] && port=$rport spid=$redis_pid
            c0=$(ticks "$spid") t0=$(date +%s%N)
            bench "$port" "$p" "$tn" "$t" >"$out/$server-P$p-$t.csv"
            cpu=$(((($(ticks "$spid") - c0) * 1000000000 / $(getconf CLK_TCK)) * 100 / ($(date +%s%N) - t0)))
            tr -d '"' <"$out/$server-P$p-$t.csv" | awk -F, -v p="$p" -v s="$server" -v cpu="$cpu" -v OFS='\t' \
                'NR > 1 && $1 !~ /needed to benchmark/ { print p, $1, s, $2, $3, $5, $6, $7, $8, cpu }' | tee -a "$out/throughput.tsv"
        done
    done
done
stop_pid "$petrel_pid"; stop_redis "$redis_pid" "$rport"

# ---- Memory -----------------------------------------------------------------------------------
# Petrel: (a) RSS growth and (b) live heap growth (GC.class_histogram total), both after a full GC,
# on a JVM whose heap shrinks to the live set. Redis: RSS growth and used_memory growth.
# Each data set on fresh servers.
jvm_heap() { jcmd "$1" GC.class_histogram | awk '$1 == "Total" { print $3 }'; }
used_memory() { cli "$1" info memory | tr -d '\r' | sed -n 's/^used_memory://p'; }
load_into() { # port file
    local res
    res=$("${LOAD_PIN[@]}" redis-cli -h 127.0.0.1 -p "$1" --pipe <"$2" 2>&1 | tail -1)
    [[ $res == *"errors: 0,"* ]] || { echo "loading $2 into port $1 failed: $res" >&2; return 1; }
}
if ((MEM_N > 0)); then for ds in $MEM_SETS; do
    echo "memory: $ds, $MEM_N elements"
    python3 "$HELPER" gen "$ds" "$MEM_N" >"$out/$ds.resp"
    port=$(free_port)
    start_petrel "$port" "${MEM_JAVA_OPTS[@]}"
    cli "$port" ping >/dev/null
    jcmd "$pid" GC.run >/dev/null; h0=$(jvm_heap "$pid"); jcmd "$pid" GC.run >/dev/null; sleep 1; r0=$(rss "$pid")
    load_into "$port" "$out/$ds.resp"
    jcmd "$pid" GC.run >/dev/null; h1=$(jvm_heap "$pid"); jcmd "$pid" GC.run >/dev/null; sleep 1; r1=$(rss "$pid")
    printf '%s\t%s\tpetrel\trss\t%s\t%s\n%s\t%s\tpetrel\theap\t%s\t%s\n' "$ds" "$MEM_N" "$r0" "$r1" "$ds" "$MEM_N" "$h0" "$h1" | tee -a "$out/memory.tsv"
    stop_pid "$pid"
    port=$(free_port)
    start_redis "$port"
    u0=$(used_memory "$port"); r0=$(rss "$pid")
    load_into "$port" "$out/$ds.resp"
    sleep 1; u1=$(used_memory "$port"); r1=$(rss "$pid")
    printf '%s\t%s\tredis\trss\t%s\t%s\n%s\t%s\tredis\tused_memory\t%s\t%s\n' "$ds" "$MEM_N" "$r0" "$r1" "$ds" "$MEM_N" "$u0" "$u1" | tee -a "$out/memory.tsv"
    stop_redis "$pid" "$port"
    rm -f "$out/$ds.resp"
done; fi

# ---- Report -----------------------------------------------------------------------------------
section=$out/section.md
{
    echo "## Redis (redis-benchmark)"
    echo
    echo "- Date: $(date -u '+%Y-%m-%d %H:%M UTC')"
    echo "- Machine: $(nproc) CPUs ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')), Linux $(uname -r), $(java -version 2>&1 | head -1), $(redis-server --version | cut -d' ' -f1-3), $(redis-benchmark --version 2>/dev/null | head -1 || echo redis-benchmark)"
    echo "- Pinning: $pinning; 1-minute load average at start: $load_at_start"
    echo "- Command: \`$command_line\`"
    echo "- Throughput: \`redis-benchmark -h 127.0.0.1 -p PORT -c 50 -n N -r 100000 -P 1|16 -t TEST --csv\`, one test at a time, Petrel then Redis back to back; N = $N1 at -P 1, $N16 at -P 16 (LRANGE_100: N/4, LRANGE_600: N/10); FLUSHALL on both before each -P; CPU % = the server's user+system CPU time over the test's wall time (100% = its one core busy; far below 100% means redis-benchmark, a single thread, was the limit); an unrecorded warmup pass of $WARMUP_N requests per test on both servers first"
    echo "- Servers: Petrel \`java ${JAVA_OPTS[*]} -jar petrel.jar --redis-port PORT --amqp-port 0\` (on one CPU the JVM picks SerialGC); Redis via \`$REF start redis PORT\` (no persistence)"
    echo "- Memory: $MEM_N elements per data set (keys \`key:NNNNNNN\` -> 8-byte values; one hash / set / sorted set of members \`f:NNNNNNN\` / \`m:NNNNNNN\`; smallhash = $((MEM_N / 10)) hashes of 10 fields f0..f9 with 8-byte values, per field), loaded with \`redis-cli --pipe\` into fresh servers, growth divided by the element count. Petrel: \`java ${MEM_JAVA_OPTS[*]}\` (a heap that shrinks to the live set; no AlwaysPreTouch), RSS (VmRSS) and live heap (\`jcmd GC.class_histogram\` total) after \`jcmd GC.run\`; Redis: VmRSS and INFO used_memory"
    if [[ -n $noisy ]]; then
        echo "- **Noisy run**: the 1-minute load average was still $noisy (> $MAX_LOAD) after waiting 10 minutes; these numbers are not a fair comparison."
    fi
    echo
    python3 "$HELPER" report "$out/throughput.tsv" "$out/memory.tsv"
} >"$section"
cat "$section"
awk -v sec="$section" '
    /^## / { skip = 0 }
    $0 == "## Redis (redis-benchmark)" { while ((getline l < sec) > 0) print l; done = 1; skip = 1; next }
    !skip { print; last = $0 }
    END { if (!done) { if (last != "") print ""; while ((getline l < sec) > 0) print l } }
' bench/RESULTS.md >"$out/RESULTS.md"
cp "$out/RESULTS.md" bench/RESULTS.md
echo "written: bench/RESULTS.md (raw CSV and logs in $out)"
