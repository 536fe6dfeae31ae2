#!/usr/bin/env python3
"""Helper of bench/redis.sh.

  redis_bench.py gen DATASET COUNT          RESP commands for `redis-cli --pipe` on stdout
  redis_bench.py report THROUGHPUT MEMORY   Markdown tables from the TSV files redis.sh writes

Datasets (values are 8 bytes and not integers, so no side gets the int encoding for free):
  strings   COUNT keys key:NNNNNNN -> vNNNNNNN (SET)
  hash      one hash of COUNT fields f:NNNNNNN -> vNNNNNNN (HSET, 100 fields per command)
  set       one set of COUNT members m:NNNNNNN (SADD, 100 per command)
  zset      one sorted set of COUNT members m:NNNNNNN, score N (ZADD, 100 per command)
  smallhash COUNT/10 hashes h:NNNNNNN of 10 fields f0..f9 -> vNNNNNNN (HSET)
"""
import sys


def resp(*args):
    out = [b"*%d\r\n" % len(args)]
    for a in args:
        out.append(b"$%d\r\n%s\r\n" % (len(a), a))
    return b"".join(out)


def gen(dataset, count):
    w = sys.stdout.buffer
    buf = []
    if dataset == "strings":
        for i in range(count):
            buf.append(resp(b"SET", b"key:%07d" % i, b"v%07d" % i))
    elif dataset == "smallhash":
        for h in range(count // 10):
            args = [b"HSET", b"h:%07d" % h]
            for f in range(10):
                args += [b"f%d" % f, b"v%07d" % (h * 10 + f)]
            buf.append(resp(*args))
    elif dataset in ("hash", "set", "zset"):
        cmd, key = {"hash": (b"HSET", b"hash"), "set": (b"SADD", b"set"), "zset": (b"ZADD", b"zset")}[dataset]
        for start in range(0, count, 100):
            args = [cmd, key]
            for i in range(start, min(count, start + 100)):
                if dataset == "hash":
                    args += [b"f:%07d" % i, b"v%07d" % i]
                elif dataset == "set":
                    args.append(b"m:%07d" % i)
                else:
                    args += [b"%d" % i, b"m:%07d" % i]
            buf.append(resp(*args))
    else:
        sys.exit("unknown dataset " + dataset)
    w.write(b"".join(buf))


def report(throughput, memory):
    rows = {}  # (P, test) -> server -> fields
    order = []
    for line in open(throughput):
        p, test, server, rps, avg, p50, p95, p99, mx, cpu = line.rstrip("\n").split("\t")
        if (p, test) not in rows:
            rows[p, test] = {}
            order.append((p, test))
        rows[p, test][server] = dict(rps=float(rps), p50=float(p50), p99=float(p99), cpu=cpu)
    misses = []
    for pipeline in sorted({p for p, _ in order}, key=int):
        print(f"### Throughput, -P {pipeline}\n")
        print("| Test | Petrel rps | Redis rps | Petrel/Redis (target >= 1.2x) | Petrel p99 ms | Redis p99 ms | p99 (target <= Redis) | CPU % Petrel / Redis |")
        print("|---|--:|--:|--:|--:|--:|--:|--:|")
        for p, test in order:
            if p != pipeline:
                continue
            a, b = rows[p, test].get("petrel"), rows[p, test].get("redis")
            if not a or not b:
                print(f"| {test} | {a['rps'] if a else 'failed'} | {b['rps'] if b else 'failed'} | - | - | - | - | - |")
                misses.append(f"-P {p} {test}: a run failed")
                continue
            r = a["rps"] / b["rps"]
            rv = f"{r:.2f}x ok" if r >= 1.2 else f"{r:.2f}x MISSED by {(1.2 - r) / 1.2 * 100:.0f}%"
            if a["p99"] <= b["p99"]:
                pv = "ok"
            else:
                pv = f"MISSED by {a['p99'] - b['p99']:.3f} ms ({a['p99'] / b['p99']:.2f}x)" if b["p99"] > 0 else "MISSED"
            if r < 1.2 or a["p99"] > b["p99"]:
                misses.append(f"-P {p} {test}: {r:.2f}x throughput, p99 {a['p99']:.3f} vs {b['p99']:.3f} ms")
            print(f"| {test} | {a['rps']:.0f} | {b['rps']:.0f} | {rv} | {a['p99']:.3f} | {b['p99']:.3f} | {pv} | {a['cpu']} / {b['cpu']} |")
        print()
    mem = {}  # (dataset, elements) -> (server, measure) -> bytes
    morder = []
    for line in open(memory):
        dataset, elements, server, measure, before, after = line.rstrip("\n").split("\t")
        key = (dataset, int(elements))
        if key not in mem:
            mem[key] = {}
            morder.append(key)
        mem[key][server, measure] = (int(after) - int(before)) / int(elements)
    if morder:
        print("### Memory, bytes per key or element\n")
        print("| Data set | Elements | Petrel RSS | Redis RSS | RSS (target <= Redis) | Petrel live heap | Redis used_memory | heap (target <= Redis used_memory) |")
        print("|---|--:|--:|--:|--:|--:|--:|--:|")
        for key in morder:
            m = mem[key]
            cells = []
            for ours, theirs in (("rss", "rss"), ("heap", "used_memory")):
                a, b = m.get(("petrel", ours)), m.get(("redis", theirs))
                if a is None or b is None:
                    cells.append(("-", "-", "-"))
                    continue
                v = "ok" if a <= b else f"MISSED by {a - b:.1f} B ({a / b:.2f}x)"
                if a > b:
                    misses.append(f"memory {key[0]} ({ours}): {a:.1f} vs {b:.1f} B per element")
                cells.append((f"{a:.1f}", f"{b:.1f}", v))
            (ra, rb, rv), (ha, hb, hv) = cells
            name = "smallhash (per field)" if key[0] == "smallhash" else key[0]
            print(f"| {name} | {key[1]} | {ra} | {rb} | {rv} | {ha} | {hb} | {hv} |")
        print()
    print("Targets missed: " + ("none" if not misses else str(len(misses))) + "\n")
    for m in misses:
        print(f"- {m}")
    if misses:
        print()


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "gen":
        gen(sys.argv[2], int(sys.argv[3]))
    elif len(sys.argv) == 4 and sys.argv[1] == "report":
        report(sys.argv[2], sys.argv[3])
    else:
        sys.exit(__doc__)
