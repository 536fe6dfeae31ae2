#!/usr/bin/env python3
"""Helper of bench/amqp.sh (needs pika).

  amqp_bench.py probe PORT TIMEOUT          prints "probing", then tries an AMQP handshake every 10 ms;
                                            on the first success prints "connected NS" (wall clock, ns)
  amqp_bench.py count PORT QUEUE            the queue's message count (passive queue.declare)
  amqp_bench.py summary PERFTEST_OUTPUT     PerfTest's final summary as one TSV line: publish and
                                            consume rate (msg/s), consumer latency min, p50, p75,
                                            p95, p99 (us); exits 1 if the summary is missing
  amqp_bench.py report THROUGHPUT MEMORY START   Markdown tables from the TSV files amqp.sh writes

TSV files (tab-separated, one record a line):
  THROUGHPUT  key, label, target, status, publish, consume, min, p50, p75, p95, p99, cpu%
              (status "ok", or why the run failed, the numbers then "-")
  MEMORY      target, measure (rss | heap | erlang), messages, bytes before, bytes after
              (both "-" when the measurement failed)
  START       target, run, milliseconds from launch to the first handshake ("-" if none)
"""
import re
import statistics
import sys
import time

TARGETS = ("petrel", "rabbitmq")
RATE = re.compile(r"(sending|receiving) rate avg: ([\d.]+) msg/s")
LATENCY = re.compile(r"consumer latency min/median/75th/95th/99th ([\d./]+) (\S+)")


def probe(port, timeout):
    import logging

    import pika

    logging.getLogger("pika").setLevel(logging.CRITICAL)
    params = pika.ConnectionParameters(
        "127.0.0.1", port, credentials=pika.PlainCredentials("guest", "guest"),
        connection_attempts=1, socket_timeout=2, blocked_connection_timeout=2)
    print("probing", flush=True)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            connection = pika.BlockingConnection(params)
        except Exception:  # refused, reset or handshake not finished: the server is not ready yet
            time.sleep(0.01)
            continue
        done = time.time_ns()
        connection.close()
        print(f"connected {done}", flush=True)
        return
    sys.exit(f"no AMQP handshake on 127.0.0.1:{port} within {timeout} s")


def count(port, queue):
    import pika

    params = pika.ConnectionParameters("127.0.0.1", port, credentials=pika.PlainCredentials("guest", "guest"),
                                       socket_timeout=10, blocked_connection_timeout=10)
    connection = pika.BlockingConnection(params)
    try:
        print(connection.channel().queue_declare(queue, passive=True).method.message_count)
    finally:
        connection.close()


def parse_summary(text):
    """(publish, consume, min, p50, p75, p95, p99) from PerfTest's final lines, latency in us; None if absent."""
    rates = {}
    latency = None
    for line in text.splitlines():
        m = RATE.search(line)
        if m:
            rates[m.group(1)] = float(m.group(2))
            continue
        m = LATENCY.search(line)
        if m:
            values = [float(v) for v in m.group(1).split("/")]
            if len(values) != 5:
                return None
            scale = 1000.0 if m.group(2) == "ms" else 1.0  # -ms: milliseconds, otherwise microseconds
            latency = [v * scale for v in values]
    if "sending" not in rates or "receiving" not in rates or latency is None:
        return None
    return (rates["sending"], rates["receiving"], *latency)


def summary(path):
    with open(path, "rb") as f:
        values = parse_summary(f.read().decode("utf-8", "replace"))
    if values is None:
        sys.exit(f"no PerfTest summary in {path}")
    print("\t".join(f"{v:.0f}" for v in values))


def read_tsv(path):
    with open(path) as f:
        return [line.rstrip("\n").split("\t") for line in f if line.strip()]


def ratio(a, b):
    return f"{a / b:.2f}x" if a is not None and b else "-"


def number(v, fmt="{:.0f}"):
    return "-" if v is None else fmt.format(v)


def per_cpu_second(r):
    """Messages consumed per second of server CPU time: what the server could carry with a core to itself."""
    return r["consume"] / (r["cpu"] / 100) if r.get("cpu") and r.get("consume") is not None else None


def throughput_table(rows):
    by_key, order = {}, []
    for key, label, target, status, *values in rows:
        if key not in by_key:
            by_key[key] = {"label": label}
            order.append(key)
        if status == "ok":
            publish, consume, _, p50, _, _, p99 = (float(v) for v in values[:7])
            cpu = None if values[7] == "-" else float(values[7])
            by_key[key][target] = dict(publish=publish, consume=consume, p50=p50 / 1000, p99=p99 / 1000, cpu=cpu)
        else:
            by_key[key][target] = dict(error=status)
    lines = [
        "| Scenario | Publish msg/s Petrel | RabbitMQ | Petrel/RabbitMQ | Consume msg/s Petrel | RabbitMQ | Petrel/RabbitMQ"
        " | p50 ms Petrel / RabbitMQ | p99 ms Petrel | RabbitMQ | Petrel/RabbitMQ | server CPU % Petrel / RabbitMQ"
        " | consumed per server CPU-second Petrel | RabbitMQ | Petrel/RabbitMQ |",
        "|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|",
    ]
    failures = []
    for key in order:
        row = by_key[key]
        cells = {}
        for target in TARGETS:
            r = row.get(target)
            if r is not None and "error" in r:
                failures.append(f"{row['label']}, {target}: {r['error']}")
                r = None
            cells[target] = r or {}
        a, b = cells["petrel"], cells["rabbitmq"]
        out = [row["label"]]
        for field in ("publish", "consume"):
            out += [number(a.get(field)), number(b.get(field)), ratio(a.get(field), b.get(field))]
        out.append(f"{number(a.get('p50'), '{:.2f}')} / {number(b.get('p50'), '{:.2f}')}")
        out += [number(a.get("p99"), "{:.2f}"), number(b.get("p99"), "{:.2f}"), ratio(a.get("p99"), b.get("p99"))]
        out.append(f"{number(a.get('cpu'))} / {number(b.get('cpu'))}")
        ea, eb = per_cpu_second(a), per_cpu_second(b)
        out += [number(ea), number(eb), ratio(ea, eb)]
        lines.append("| " + " | ".join(out) + " |")
    return lines, failures


def other_table(memory, start):
    per_message = {}  # (target, measure) -> bytes per message
    failures = []
    messages = None
    for target, measure, n, before, after in memory:
        messages = int(n)
        if before == "-" or after == "-":
            failures.append(f"memory, {target}: no {measure} measurement")
            continue
        per_message[target, measure] = (int(after) - int(before)) / int(n)
    starts = {}
    for target, _, ms in start:
        if ms != "-":
            starts.setdefault(target, []).append(float(ms))
    lines = ["| Measure | Petrel | RabbitMQ | Petrel/RabbitMQ |", "|---|--:|--:|--:|"]
    if per_message:
        rss_a, rss_b = per_message.get(("petrel", "rss")), per_message.get(("rabbitmq", "rss"))
        lines.append(f"| Memory per queued message, {messages} queued: RSS growth, bytes | {number(rss_a)} | {number(rss_b)}"
                     f" | {ratio(rss_a, rss_b)} |")
        heap, erlang = per_message.get(("petrel", "heap")), per_message.get(("rabbitmq", "erlang"))
        lines.append(f"| Memory per queued message: Petrel live heap / RabbitMQ Erlang-allocated growth, bytes"
                     f" | {number(heap)} | {number(erlang)} | {ratio(heap, erlang)} |")
    if start:
        med = {t: statistics.median(v) for t, v in starts.items()}
        runs = {t: len([r for r in start if r[0] == t]) for t in TARGETS}
        got = {t: len(starts.get(t, [])) for t in TARGETS}
        lines.append(f"| Start to first AMQP handshake, ms (median of {got['petrel']}/{runs['petrel']} and"
                     f" {got['rabbitmq']}/{runs['rabbitmq']} runs) | {number(med.get('petrel'))}"
                     f" | {number(med.get('rabbitmq'))} | {ratio(med.get('petrel'), med.get('rabbitmq'))} |")
    for target in TARGETS:
        failed = [r for r in start if r[0] == target and r[2] == "-"]
        if failed:
            failures.append(f"start, {target}: no handshake in {len(failed)} run(s)")
    return lines, failures


def report(throughput, memory, start):
    rows = read_tsv(throughput)
    lines, failures = throughput_table(rows)
    if rows:
        print("### Throughput and consumer latency\n")
        print("\n".join(lines))
        print()
    memory_rows, start_rows = read_tsv(memory), read_tsv(start)
    if memory_rows or start_rows:
        lines, more = other_table(memory_rows, start_rows)
        failures += more
        print("### Memory and start\n")
        print("\n".join(lines))
        print()
    if failures:
        print("Failed runs:\n")
        for f in failures:
            print(f"- {f}")
        print()


if __name__ == "__main__":
    args = sys.argv[1:]
    if len(args) == 3 and args[0] == "probe":
        probe(int(args[1]), float(args[2]))
    elif len(args) == 3 and args[0] == "count":
        count(int(args[1]), args[2])
    elif len(args) == 2 and args[0] == "summary":
        summary(args[1])
    elif len(args) == 4 and args[0] == "report":
        report(args[1], args[2], args[3])
    else:
        sys.exit(__doc__)
