#!/usr/bin/env bash
# Turns the RESULT lines of bench/echo.sh into a Markdown table: one row per scenario, each
# server's absolute number, Petrel's ratios against the targets, and the p99 latencies. When a
# cell was measured several times (BENCH_ROUNDS), the best throughput and its p99 are kept.
#
#   bench/echo-report.sh RESULTS_FILE
set -euo pipefail

awk '
    function fmt(v) { return v == "" ? "-" : v }
    function ratio(a, b, target,   r) {
        if (a == "" || b == "" || b + 0 == 0) return "-"
        r = a / b
        return sprintf("%.2fx %s", r, r >= target ? "ok" : "BELOW")
    }
    /^RESULT / {
        delete kv
        for (i = 2; i <= NF; i++) { split($i, p, "="); kv[p[1]] = p[2] }
        label = kv["label"]; server = kv["server"]
        if (!(label in seen)) { seen[label] = 1; order[++n] = label }
        if ("error" in kv) {
            if (!((label, server) in value)) value[label, server] = "failed (" kv["error"] ")"
            next
        }
        v = ("msgs_per_sec" in kv) ? kv["msgs_per_sec"] : kv["mib_per_sec"]
        unit[label] = ("msgs_per_sec" in kv) ? "msgs/s" : "MiB/s"
        if (!((label, server) in best) || v + 0 > best[label, server]) {
            best[label, server] = v + 0
            value[label, server] = v
            p99[label, server] = kv["p99_us"]
        }
    }
    END {
        split("petrel netty-nio netty-epoll twisted", s, " ")
        print "| Scenario | Unit | Petrel | Netty NIO | Netty epoll | Twisted" \
              " | Petrel/NIO (target 1.0x) | Petrel/epoll (target 0.9x) | Petrel/Twisted (target 10x)" \
              " | p99 us Petrel | p99 us NIO | p99 us epoll | p99 us Twisted |"
        print "|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|"
        for (i = 1; i <= n; i++) {
            l = order[i]
            pv = value[l, "petrel"]
            if (pv ~ /^failed/) pv = ""
            line = "| " l " | " fmt(unit[l])
            for (j = 1; j <= 4; j++) line = line " | " fmt(value[l, s[j]])
            line = line " | " ratio(pv, value[l, "netty-nio"], 1.0)
            line = line " | " ratio(pv, value[l, "netty-epoll"], 0.9)
            line = line " | " ratio(pv, value[l, "twisted"], 10)
            for (j = 1; j <= 4; j++) line = line " | " fmt(p99[l, s[j]])
            print line " |"
        }
    }
' "$1"
