#!/usr/bin/env bash
# AMQP benchmark: RabbitMQ PerfTest against Petrel's AMQP door and against Debian's RabbitMQ 3.10
# in the same run (each scenario run on both servers back to back), plus memory per queued
# message and the time from launch to the first AMQP handshake. Writes the "## AMQP (PerfTest)"
# section of bench/RESULTS.md and keeps the other sections.
#
#   bench/amqp.sh                                         # full run (about 7 minutes once the machine is quiet)
#   BENCH_TARGETS=rabbitmq bench/amqp.sh                  # RabbitMQ alone
#   BENCH_WARMUP=2 BENCH_SECONDS=5 BENCH_MEM_N=100000 BENCH_START_RUNS=1 bench/amqp.sh   # quick run
#
# Environment:
#   BENCH_TARGETS          which servers, in order (default "petrel rabbitmq")
#   BENCH_SCENARIOS        which throughput scenarios (default "i ii iii iv v", see SCENARIO_* below; empty skips them)
#   BENCH_SECONDS          seconds measured per scenario and server (PerfTest -z, default 20)
#   BENCH_WARMUP           seconds of an unrecorded PerfTest run of the same scenario just before (default 5; 0 = none)
#   BENCH_PERFTEST_ARGS    more PerfTest options for every throughput run, e.g. "-c 1000" or "-r 50000"
#   BENCH_MEM_N            messages queued for the memory measurement (default 1000000; 0 skips it)
#   BENCH_MEM_SIZE         their body size in bytes (default 100)
#   BENCH_START_RUNS       launches per server for the start time; the table shows the median (default 3; 0 skips)
#   BENCH_JAVA_OPTS        Petrel's JVM flags for throughput (default -Xms2g -Xmx2g -XX:+AlwaysPreTouch)
#   BENCH_MEM_JAVA_OPTS    Petrel's JVM flags for memory: a heap that follows the live set
#   BENCH_START_JAVA_OPTS  Petrel's JVM flags for the start time (default none: the JVM's own defaults)
#   BENCH_PERFTEST_JAVA_OPTS  PerfTest's JVM flags (default -Xms1g -Xmx1g)
#   BENCH_RABBITMQ_PORT    RabbitMQ's port (default 5695; its node is ref<port>@localhost)
#   BENCH_MAX_LOAD         highest 1-minute load average to start measuring at (default 0.7)
#   BENCH_SKIP_BUILD       set to 1 to use server/target/petrel.jar and bench/target/perf-test.classpath as they are
#   PYTHON                 the Python with pika (default /usr/bin/python3)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

TARGETS=${BENCH_TARGETS:-petrel rabbitmq}
SCENARIOS=${BENCH_SCENARIOS-i ii iii iv v}
MEASURE=${BENCH_SECONDS:-20}
WARMUP=${BENCH_WARMUP:-5}
read -ra EXTRA_ARGS <<<"${BENCH_PERFTEST_ARGS:-}"
MEM_N=${BENCH_MEM_N:-1000000}
MEM_SIZE=${BENCH_MEM_SIZE:-100}
START_RUNS=${BENCH_START_RUNS:-3}
read -ra JAVA_OPTS <<<"${BENCH_JAVA_OPTS:--Xms2g -Xmx2g -XX:+AlwaysPreTouch}"
read -ra MEM_JAVA_OPTS <<<"${BENCH_MEM_JAVA_OPTS:--Xms8m -Xmx4g -XX:+UseG1GC -XX:MinHeapFreeRatio=5 -XX:MaxHeapFreeRatio=10}"
read -ra START_JAVA_OPTS <<<"${BENCH_START_JAVA_OPTS:-}"
read -ra PERFTEST_JAVA_OPTS <<<"${BENCH_PERFTEST_JAVA_OPTS:--Xms1g -Xmx1g}"
RABBITMQ_PORT=${BENCH_RABBITMQ_PORT:-5695}
MAX_LOAD=${BENCH_MAX_LOAD:-0.7}
PYTHON=${PYTHON:-/usr/bin/python3}
HELPER=bench/amqp_bench.py
REF=../shared/tools/reference-server
[[ -x $REF ]] || REF=../../shared/tools/reference-server # from a worktree under <root>/wt/
RABBITMQ_DIR=/tmp/petrel-ref-rabbitmq-$RABBITMQ_PORT      # where reference-server keeps the node's state

# The throughput scenarios: a label and PerfTest's options (PerfTest's defaults otherwise: no
# publisher confirms, no rate limit, transient messages, auto-delete queues).
declare -A SCENARIO_LABEL SCENARIO_ARGS
SCENARIO_LABEL[i]="(i) 1 producer, 1 consumer, auto-ack"
SCENARIO_ARGS[i]="-x 1 -y 1 -a -s 12 -u perf-i"
SCENARIO_LABEL[ii]="(ii) 1 producer, 1 consumer, manual ack, qos 100, multi-ack 100"
SCENARIO_ARGS[ii]="-x 1 -y 1 -q 100 -A 100 -s 12 -u perf-ii"
SCENARIO_LABEL[iii]="(iii) fanout to 4 queues, 1 producer, 4 consumers (one per queue), auto-ack"
SCENARIO_ARGS[iii]="-x 1 -y 4 -a -s 12 -t fanout -e perf-fanout -qp perf-iii-%d -qpf 1 -qpt 4"
SCENARIO_LABEL[iv]="(iv) 10 producers, 10 consumers, 10 queues, auto-ack"
SCENARIO_ARGS[iv]="-x 10 -y 10 -a -s 12 -qp perf-iv-%d -qpf 1 -qpt 10"
# Not one of the issue's rows: latency when the producer is held to a rate both servers can carry, so that no
# backlog builds up anywhere (in (i)-(iv) a faster server lets PerfTest's producer run further ahead of its consumer).
SCENARIO_LABEL[v]="(v) 1 producer, 1 consumer, auto-ack, held to 20,000 msg/s (latency)"
SCENARIO_ARGS[v]="-x 1 -y 1 -a -s 12 -r 20000 -u perf-v"
MEM_ARGS="-x 1 -y 0 -s $MEM_SIZE -C $MEM_N -c 1000 -u perf-memory -ad false"
for key in $SCENARIOS; do [[ -n ${SCENARIO_ARGS[$key]:-} ]] || { echo "unknown scenario: $key" >&2; exit 2; }; done
for target in $TARGETS; do [[ $target == petrel || $target == rabbitmq ]] || { echo "unknown target: $target" >&2; exit 2; }; done
has() { [[ " $TARGETS " == *" $1 "* ]]; }

command_line="bench/amqp.sh"
for v in BENCH_TARGETS BENCH_SCENARIOS BENCH_SECONDS BENCH_WARMUP BENCH_PERFTEST_ARGS BENCH_MEM_N BENCH_MEM_SIZE \
    BENCH_START_RUNS BENCH_JAVA_OPTS BENCH_MEM_JAVA_OPTS BENCH_START_JAVA_OPTS BENCH_PERFTEST_JAVA_OPTS; do
    if [[ -n ${!v+set} ]]; then command_line="$v=\"${!v}\" $command_line"; fi
done

SERVER_PIN=() LOAD_PIN=()
pinning="not pinned (taskset unavailable or fewer than 2 CPUs)"
if command -v taskset >/dev/null && (($(nproc) >= 2)); then
    SERVER_PIN=(taskset -c 0) LOAD_PIN=(taskset -c 1)
    pinning="each server pinned to CPU 0 from its launch (all its threads: the JVM sees one CPU, RabbitMQ's Erlang VM starts one scheduler), PerfTest, pika and rabbitmqctl to CPU 1 (taskset)"
fi

if [[ ${BENCH_SKIP_BUILD:-0} != 1 ]]; then
    modules=bench
    if has petrel; then modules=bench,server; fi
    echo "building $modules ..."
    timeout 900 mvn -q -B -DskipTests package -pl "$modules" -am
fi
[[ -s bench/target/perf-test.classpath ]] || { echo "no bench/target/perf-test.classpath: build the bench module" >&2; exit 1; }
PERFTEST_CP=$(cat bench/target/perf-test.classpath)
out=bench/out/amqp-$(date +%Y%m%d-%H%M%S)
mkdir -p "$out"
if has petrel; then cp server/target/petrel.jar "$out/petrel.jar"; fi # a rebuild during the run cannot swap the jar
: >"$out/throughput.tsv"
: >"$out/memory.tsv"
: >"$out/start.tsv"

# ---- Processes: everything started here is stopped by PID on exit, Ctrl-C included ----------
petrel_pids=() rabbitmq_up= bg= probe_pid= sampler_pid=
cleanup() {
    trap - INT TERM
    # timeout passes the TERM on to its command
    for p in $bg $probe_pid $sampler_pid; do kill "$p" 2>/dev/null || true; done
    if [[ -n $rabbitmq_up ]]; then stop_rabbitmq; fi
    for p in "${petrel_pids[@]}"; do stop_pid "$p"; done
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
# bounded SECONDS COMMAND...: runs COMMAND under timeout, in the background so that a signal
# interrupts the wait at once instead of after the command.
bounded() {
    timeout -k 10 "$1" "${@:2}" &
    bg=$!
    local rc=0
    wait "$bg" || rc=$?
    bg=
    return "$rc"
}
free_port() { "$PYTHON" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
# True while the process runs (a child that exited and was not waited for is a zombie); no fork.
alive() { local s; { read -r _ _ s _ <"/proc/$1/stat"; } 2>/dev/null && [[ $s != Z ]]; }
stop_pid() { # pid: TERM, wait up to 15 s, then KILL
    kill "$1" 2>/dev/null || true
    for _ in $(seq 1 150); do alive "$1" || return 0; sleep 0.1; done
    kill -9 "$1" 2>/dev/null || true
}
wait_port() { # port pid
    for _ in $(seq 1 300); do
        alive "$2" || { echo "server $2 exited; see $out" >&2; return 1; }
        if (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; then return 0; fi
        sleep 0.1
    done
    echo "nothing listens on 127.0.0.1:$1 after 30 s" >&2; return 1
}
launch_petrel() { # port jvm-flags...: starts Petrel in the background (own data directory), sets pid
    local port=$1; shift
    "${SERVER_PIN[@]}" java "$@" -jar "$out/petrel.jar" --redis-port 0 --amqp-port "$port" \
        --dir "$out/petrel-data-$port" >>"$out/petrel-$port.log" 2>&1 &
    pid=$!; petrel_pids+=("$pid")
}
start_petrel() { launch_petrel "$@" && wait_port "$1" "$pid"; }
# The Erlang VM among the descendants of the process reference-server started.
beam_pid() {
    ps -eo pid=,ppid=,comm= | awk -v top="$(cat "$RABBITMQ_DIR/pid" 2>/dev/null)" '
        { parent[$1] = $2; name[$1] = $3 }
        END { for (p in name) if (name[p] == "beam.smp") { q = p; while (q in parent && q != top && q > 1) q = parent[q]; if (q == top) print p } }'
}
start_rabbitmq() { # sets pid (the Erlang VM's)
    rabbitmq_up=1
    bounded 120 "${SERVER_PIN[@]}" "$REF" start rabbitmq "$RABBITMQ_PORT" >>"$out/rabbitmq.log" 2>&1 || return 1
    pid=$(beam_pid)
    [[ -n $pid ]] || { echo "no beam.smp under reference-server's rabbitmq-server" >&2; return 1; }
    if ((${#SERVER_PIN[@]})); then taskset -apc 0 "$pid" >/dev/null; fi
}
stop_rabbitmq() {
    local beam; beam=$(beam_pid)
    timeout 60 "$REF" stop rabbitmq "$RABBITMQ_PORT" >/dev/null 2>&1 || true
    if [[ -n $beam ]]; then stop_pid "$beam"; fi
    rabbitmq_up=
}
# rabbitmqctl ARGS...: on the reference node, as the rabbitmq user (whose Erlang cookie it needs)
rabbitmqctl_() {
    timeout 60 "${LOAD_PIN[@]}" runuser -u rabbitmq -- env HOME=/var/lib/rabbitmq \
        sh -c ". $RABBITMQ_DIR/env.sh; exec rabbitmqctl -n ref$RABBITMQ_PORT@localhost -q \"\$@\"" rabbitmqctl "$@"
}
uri() { echo "amqp://guest:guest@127.0.0.1:$1"; }
perftest() { # seconds log args...
    local limit=$1 log=$2; shift 2
    bounded "$limit" "${LOAD_PIN[@]}" java "${PERFTEST_JAVA_OPTS[@]}" -cp "$PERFTEST_CP" com.rabbitmq.perf.PerfTest "$@" >"$log" 2>&1
}
ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat" 2>/dev/null || echo 0; } # user + system CPU time
cpu_percent() { # pid delay length: the process's CPU use over LENGTH seconds starting DELAY seconds from now
    sleep "$2"
    local c0 t0
    c0=$(ticks "$1") t0=$(date +%s%N)
    sleep "$3"
    alive "$1" && echo $(((($(ticks "$1") - c0) * 1000000000 / $(getconf CLK_TCK)) * 100 / ($(date +%s%N) - t0)))
}
# VmRSS in bytes; shell arithmetic, as mawk prints numbers above 2^31 in exponent form
rss() { local kb; kb=$(sed -n 's/^VmRSS:[[:space:]]*\([0-9]*\) kB$/\1/p' "/proc/$1/status" 2>/dev/null) && [[ -n $kb ]] && echo $((kb * 1024)); }
jvm_heap() { timeout 120 jcmd "$1" GC.class_histogram | awk '$1 == "Total" { print $3 }'; }
erlang_gc() { rabbitmqctl_ eval '[erlang:garbage_collect(P) || P <- erlang:processes()], ok.' >/dev/null; }
erlang_total() { rabbitmqctl_ eval 'erlang:memory(total).' | tr -d '\r' | grep -E '^[0-9]+$'; }

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

# ---- Throughput: each scenario on every server, back to back ---------------------------------
declare -A server_pid server_port
if has petrel && [[ -n $SCENARIOS ]]; then
    port=$(free_port)
    if start_petrel "$port" "${JAVA_OPTS[@]}"; then server_pid[petrel]=$pid server_port[petrel]=$port; fi
fi
if has rabbitmq && [[ -n $SCENARIOS ]]; then
    if start_rabbitmq; then server_pid[rabbitmq]=$pid server_port[rabbitmq]=$RABBITMQ_PORT; fi
    schedulers=$(rabbitmqctl_ eval 'erlang:system_info(schedulers_online).' 2>/dev/null | tr -d '\r' || true)
    echo "RabbitMQ's Erlang VM runs ${schedulers:-?} scheduler(s)"
fi
for key in $SCENARIOS; do
    read -ra args <<<"${SCENARIO_ARGS[$key]}"
    for target in $TARGETS; do
        spid=${server_pid[$target]:-} port=${server_port[$target]:-}
        log=$out/$target-$key.log
        if [[ -z $spid ]]; then
            status="server did not start"
        elif ! alive "$spid"; then
            status="server exited"
        else
            if ((WARMUP > 0)); then
                perftest $((WARMUP + 60)) "$out/$target-$key-warmup.log" -h "$(uri "$port")" "${args[@]}" "${EXTRA_ARGS[@]}" -z "$WARMUP" || true
            fi
            # the server's CPU use from 2 s after PerfTest's launch (its JVM has started) to 1 s before its time limit
            cpu_percent "$spid" 2 $((MEASURE > 4 ? MEASURE - 3 : 1)) >"$out/$target-$key.cpu" &
            sampler_pid=$! rc=0
            perftest $((MEASURE + 90)) "$log" -h "$(uri "$port")" "${args[@]}" "${EXTRA_ARGS[@]}" -z "$MEASURE" || rc=$?
            kill "$sampler_pid" 2>/dev/null || true # done already, unless PerfTest ended early
            wait "$sampler_pid" || true
            sampler_pid=
            cpu=$(cat "$out/$target-$key.cpu")
            [[ -n $cpu ]] || cpu=- # the server exited during the window
            if ((rc == 124 || rc == 137)); then
                status="PerfTest timed out"
            elif ! alive "$spid"; then
                status="server exited"
            elif summary=$("$PYTHON" "$HELPER" summary "$log" 2>/dev/null); then
                status=ok
            else
                status="no PerfTest summary (exit $rc)"
            fi
        fi
        if [[ $status == ok ]]; then
            printf '%s\t%s\t%s\tok\t%s\t%s\n' "$key" "${SCENARIO_LABEL[$key]}" "$target" "$summary" "$cpu"
        else
            printf '%s\t%s\t%s\t%s%s\n' "$key" "${SCENARIO_LABEL[$key]}" "$target" "$status" "$(printf '\t-%.0s' {1..8})"
        fi | tee -a "$out/throughput.tsv"
    done
done
if [[ -n ${server_pid[petrel]:-} ]]; then stop_pid "${server_pid[petrel]}"; fi
if [[ -n $rabbitmq_up ]]; then stop_rabbitmq; fi

# ---- Memory per queued message: MEM_N messages, confirmed, into one queue with no consumer ----
# Fresh servers. Petrel: RSS and live heap (jcmd GC.class_histogram total), after full GCs, on a
# JVM whose heap shrinks to the live set. RabbitMQ: RSS and erlang:memory(total), after a GC of
# every Erlang process.
mem_record() { printf '%s\t%s\t%s\t%s\t%s\n' "$1" "$2" "$MEM_N" "${3:--}" "${4:--}" | tee -a "$out/memory.tsv"; }
if ((MEM_N > 0)); then for target in $TARGETS; do
    echo "memory: $target, $MEM_N messages of $MEM_SIZE bytes"
    h0= h1= r0= r1=
    if [[ $target == petrel ]]; then
        port=$(free_port) started=
        if start_petrel "$port" "${MEM_JAVA_OPTS[@]}"; then started=1; fi
    else
        port=$RABBITMQ_PORT started=
        if start_rabbitmq; then started=1; fi
    fi
    if [[ -n $started ]]; then
        sleep 2 # let the server finish starting
        if [[ $target == petrel ]]; then
            timeout 120 jcmd "$pid" GC.run >/dev/null || true; h0=$(jvm_heap "$pid") || h0=
        else
            erlang_gc || true; h0=$(erlang_total) || h0=
        fi
        sleep 1; r0=$(rss "$pid") || r0=
        read -ra args <<<"$MEM_ARGS"
        if perftest 900 "$out/$target-memory.log" -h "$(uri "$port")" "${args[@]}" &&
            queued=$(timeout 60 "${LOAD_PIN[@]}" "$PYTHON" "$HELPER" count "$port" perf-memory) && ((queued == MEM_N)); then
            if [[ $target == petrel ]]; then
                timeout 120 jcmd "$pid" GC.run >/dev/null || true; h1=$(jvm_heap "$pid") || h1=
            else
                erlang_gc || true; h1=$(erlang_total) || h1=
            fi
            sleep 1; r1=$(rss "$pid") || r1=
        else
            echo "memory: $target: publishing failed or ${queued:-?} of $MEM_N messages queued; see $out/$target-memory.log" >&2
            r0= h0=
        fi
    fi
    mem_record "$target" rss "$r0" "$r1"
    if [[ $target == petrel ]]; then mem_record petrel heap "$h0" "$h1"; else mem_record rabbitmq erlang "$h0" "$h1"; fi
    if [[ $target == petrel ]]; then [[ -z ${pid:-} ]] || stop_pid "$pid"; else stop_rabbitmq; fi
done; fi

# ---- Start: from launch to the first AMQP handshake (pika, retried every 10 ms) --------------
for run in $(seq 1 "$START_RUNS"); do for target in $TARGETS; do
    port=$RABBITMQ_PORT
    if [[ $target == petrel ]]; then port=$(free_port); fi
    probe=$out/start-$target-$run.probe
    timeout 150 "${LOAD_PIN[@]}" "$PYTHON" "$HELPER" probe "$port" 120 >"$probe" 2>>"$out/probe.err" &
    probe_pid=$!
    for _ in $(seq 1 200); do grep -q probing "$probe" 2>/dev/null && break; sleep 0.05; done # pika imported
    t0=$(date +%s%N)
    server=
    if [[ $target == petrel ]]; then
        launch_petrel "$port" "${START_JAVA_OPTS[@]}"; server=$pid
    elif start_rabbitmq; then
        server=$pid
    fi
    while alive "$probe_pid"; do # until the probe connects, or the server is gone
        if [[ -z $server ]] || ! alive "$server"; then kill "$probe_pid" 2>/dev/null || true; fi
        sleep 0.05
    done
    wait "$probe_pid" || true
    probe_pid=
    ms=-
    if t1=$(sed -n 's/^connected //p' "$probe") && [[ -n $t1 ]]; then ms=$(((t1 - t0) / 1000000)); fi
    printf '%s\t%s\t%s\n' "$target" "$run" "$ms" | tee -a "$out/start.tsv"
    if [[ $target == petrel ]]; then stop_pid "$pid"; else stop_rabbitmq; fi
done; done

# ---- Report -----------------------------------------------------------------------------------
load_at_end=$(load1) # other work may have started during the run: the start check cannot see it
perftest_version=$(java -cp "$PERFTEST_CP" com.rabbitmq.perf.PerfTest --version 2>/dev/null | sed 's/\x1b\[[0-9;]*m//g' | head -1 | cut -d' ' -f1-4 || true)
versions() { dpkg-query -W -f='${Version}' "$1" 2>/dev/null || echo '?'; }
section=$out/section.md
{
    echo "## AMQP (PerfTest)"
    echo
    echo "- Date: $(date -u '+%Y-%m-%d %H:%M UTC')"
    echo "- Machine: $(nproc) CPUs ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')), Linux $(uname -r), $(java -version 2>&1 | head -1), RabbitMQ $(versions rabbitmq-server) on Erlang $(versions erlang-base), ${perftest_version:-PerfTest}"
    echo "- Pinning: $pinning; 1-minute load average at start: $load_at_start, at the end: $load_at_end"
    echo "- Command: \`$command_line\`"
    echo "- Servers: Petrel \`java ${JAVA_OPTS[*]} -jar petrel.jar --redis-port 0 --amqp-port PORT --dir DIR\` (on one CPU the JVM picks SerialGC); RabbitMQ via \`$REF start rabbitmq $RABBITMQ_PORT\` (fresh node, no plugins, default configuration); both up for the whole throughput part, the idle one waiting"
    echo "- Throughput: per scenario, Petrel then RabbitMQ back to back, each an unrecorded ${WARMUP} s PerfTest run then a measured ${MEASURE} s one: \`java ${PERFTEST_JAVA_OPTS[*]} -cp PERFTEST_CP com.rabbitmq.perf.PerfTest -h amqp://guest:guest@127.0.0.1:PORT ARGS -z ${MEASURE}\` with ARGS:"
    for key in $SCENARIOS; do echo "  - ${SCENARIO_LABEL[$key]}: \`${SCENARIO_ARGS[$key]}${EXTRA_ARGS[*]:+ ${EXTRA_ARGS[*]}}\`"; done
    echo "- PerfTest's defaults apply otherwise: no publisher confirms (-c -1) and no rate limit, so the producer publishes as fast as the broker lets it and a queue may build up (consumer latency then includes the time spent queued); transient messages (no -f persistent); auto-delete queues; latency is PerfTest's own, from the timestamp the producer puts in the body to its consumer, over the whole measured run. Rates and latency are PerfTest's final summary lines (sending / receiving rate avg, consumer latency min/median/75th/95th/99th); Petrel/RabbitMQ above 1 is better for rates, below 1 for latency; server CPU % = its user+system CPU time (100 = its one core busy) from 2 s after PerfTest's launch to 1 s before its time limit; consumed per server CPU-second = consume rate divided by that share of a core, what the server would carry with a core to itself when the load generator, not the server, is the limit"
    echo "- Memory: fresh servers; $MEM_N messages of $MEM_SIZE bytes published with confirms into one queue nobody consumes from (\`PerfTest -h URI $MEM_ARGS\`), checked queued (passive queue.declare), growth divided by $MEM_N. Petrel: \`java ${MEM_JAVA_OPTS[*]}\` (a heap that shrinks to the live set), VmRSS and live heap (\`jcmd GC.class_histogram\` total) after \`jcmd GC.run\`; RabbitMQ: VmRSS of beam.smp and \`erlang:memory(total)\` (what \`rabbitmq-diagnostics memory_breakdown\` splits up, less reserved_unallocated) after garbage-collecting every Erlang process; RabbitMQ keeps transient messages in memory below its watermark"
    echo "- Start: wall time from launching the server (Petrel: \`java ${START_JAVA_OPTS[*]:-(JVM defaults)} -jar petrel.jar --redis-port 0 --amqp-port PORT\`; RabbitMQ: \`$REF start rabbitmq PORT\`, pinned the same way) to the first completed AMQP handshake of a pika client retrying every 10 ms; median of $START_RUNS launch(es) each"
    if [[ -n $noisy ]]; then
        echo "- **Noisy run**: the 1-minute load average was still $noisy (> $MAX_LOAD) after waiting 10 minutes; these numbers are not a fair comparison."
    fi
    echo
    "$PYTHON" "$HELPER" report "$out/throughput.tsv" "$out/memory.tsv" "$out/start.tsv"
} >"$section"
cat "$section"
touch bench/RESULTS.md
awk -v sec="$section" '
    /^## / { skip = 0 }
    $0 == "## AMQP (PerfTest)" { while ((getline l < sec) > 0) print l; done = 1; skip = 1; next }
    !skip { print; last = $0 }
    END { if (!done) { if (last != "") print ""; while ((getline l < sec) > 0) print l } }
' bench/RESULTS.md >"$out/RESULTS.md"
cp "$out/RESULTS.md" bench/RESULTS.md
echo "written: bench/RESULTS.md (raw TSV and logs in $out)"
