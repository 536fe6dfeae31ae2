#!/usr/bin/env python3
"""Tests of bench/amqp_bench.py's parsing and report: /usr/bin/python3 -m unittest bench/test_amqp_bench.py"""
import contextlib
import io
import os
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import amqp_bench  # noqa: E402

# PerfTest 2.22.1's output for a 1-producer 1-consumer run against RabbitMQ 3.10, shortened.
RUN = """id: test-020959-877, starting consumer #0
id: test-020959-877, starting consumer #0, channel #0
id: test-020959-877, starting producer #0
id: test-020959-877, starting producer #0, channel #0
id: test-020959-877, time 1.000 s, sent: 49154 msg/s, received: 48446 msg/s, min/median/75th/95th/99th consumer latency: 255/4083/5659/10780/14127 \u00b5s
id: test-020959-877, time 2.000 s, sent: 77581 msg/s, received: 78021 msg/s, min/median/75th/95th/99th consumer latency: 379/4694/5608/7617/10306 \u00b5s
test stopped (Reached time limit)
id: test-020959-877, sending rate avg: 51604 msg/s
id: test-020959-877, receiving rate avg: 10739 msg/s
id: test-020959-877, consumer latency min/median/75th/95th/99th 1496/1575800/2518963/2820831/3008924 \u00b5s
"""


class SummaryTest(unittest.TestCase):
    def test_reads_the_final_summary_not_the_samples(self):
        self.assertEqual(amqp_bench.parse_summary(RUN), (51604, 10739, 1496, 1575800, 2518963, 2820831, 3008924))

    def test_milliseconds_become_microseconds(self):
        text = RUN.replace("1496/1575800/2518963/2820831/3008924 \u00b5s", "1/1575/2518/2820/3008 ms")
        self.assertEqual(amqp_bench.parse_summary(text)[2:], (1000, 1575000, 2518000, 2820000, 3008000))

    def test_a_mangled_micro_sign_still_means_microseconds(self):
        for unit in ("?s", "\u00c2\u00b5s", "us"):
            with self.subTest(unit=unit):
                self.assertEqual(amqp_bench.parse_summary(RUN.replace("\u00b5s", unit))[6], 3008924)

    def test_a_run_cut_short_has_no_summary(self):
        cut = RUN[: RUN.index("test stopped")]
        self.assertIsNone(amqp_bench.parse_summary(cut))

    def test_a_run_without_consumers_has_no_consumer_latency(self):
        text = """id: t, sending rate avg: 39525 msg/s
id: t, receiving rate avg: 0 msg/s
id: t, confirm latency min/median/75th/95th/99th 122/13115/18284/23974/27318 \u00b5s
"""
        self.assertIsNone(amqp_bench.parse_summary(text))

    def test_a_connection_failure_has_no_summary(self):
        text = "Main thread caught exception: java.net.ConnectException: Connection refused\n"
        self.assertIsNone(amqp_bench.parse_summary(text))

    def test_summary_command_prints_one_tsv_line_or_fails(self):
        with tempfile.TemporaryDirectory() as d:
            good, bad = os.path.join(d, "good.log"), os.path.join(d, "bad.log")
            with open(good, "wb") as f:
                f.write(RUN.encode("utf-8"))
            with open(bad, "wb") as f:
                f.write(b"\xb5 not utf-8, and no summary\n")
            out = io.StringIO()
            with contextlib.redirect_stdout(out):
                amqp_bench.summary(good)
            self.assertEqual(out.getvalue(), "51604\t10739\t1496\t1575800\t2518963\t2820831\t3008924\n")
            with self.assertRaises(SystemExit) as e:
                amqp_bench.summary(bad)
            self.assertIn("no PerfTest summary", str(e.exception.code))


def report(throughput, memory="", start=""):
    with tempfile.TemporaryDirectory() as d:
        paths = []
        for name, text in (("t", throughput), ("m", memory), ("s", start)):
            paths.append(os.path.join(d, name))
            with open(paths[-1], "w") as f:
                f.write(text)
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            amqp_bench.report(*paths)
        return out.getvalue()


def row(text, first_cell):
    return next(line for line in text.splitlines() if line.startswith("| " + first_cell)).split(" | ")


class ReportTest(unittest.TestCase):
    def test_ratios_are_petrel_over_rabbitmq(self):
        text = report(
            "i\t(i) one\tpetrel\tok\t60000\t50000\t1\t2000\t3\t4\t10000\t97\n"
            "i\t(i) one\trabbitmq\tok\t40000\t40000\t1\t1000\t3\t4\t20000\t88\n")
        cells = row(text, "(i) one")
        self.assertEqual(cells[1:4], ["60000", "40000", "1.50x"])
        self.assertEqual(cells[4:7], ["50000", "40000", "1.25x"])
        self.assertEqual(cells[7], "2.00 / 1.00")
        self.assertEqual(cells[8:11], ["10.00", "20.00", "0.50x"])
        self.assertEqual(cells[11], "97 / 88")
        # 50000 consumed at 97% of a core, 40000 at 88%: per CPU-second 51546 and 45455
        self.assertEqual(cells[12:15], ["51546", "45455", "1.13x |"])
        self.assertNotIn("Failed runs", text)

    def test_rabbitmq_alone_leaves_petrel_cells_empty(self):
        text = report("iv\t(iv) ten\trabbitmq\tok\t84458\t84658\t1704\t68785\t1\t2\t1337917\t75\n")
        cells = row(text, "(iv) ten")
        self.assertEqual(cells[1:4], ["-", "84458", "-"])
        self.assertEqual(cells[8:11], ["-", "1337.92", "-"])

    def test_a_failed_run_is_listed_and_its_cells_empty(self):
        dashes = "\t-" * 8
        text = report(
            f"ii\t(ii) ack\tpetrel\tserver did not start{dashes}\n"
            "ii\t(ii) ack\trabbitmq\tok\t51604\t10739\t1\t2\t3\t4\t5\t-\n")
        cells = row(text, "(ii) ack")
        self.assertEqual(cells[1:4], ["-", "51604", "-"])
        self.assertEqual(cells[11], "- / -")
        self.assertEqual(cells[12:15], ["-", "-", "- |"])
        self.assertIn("- (ii) ack, petrel: server did not start", text)

    def test_memory_and_start_rows(self):
        memory = ("petrel\trss\t1000\t100000\t300000\npetrel\theap\t1000\t5000\t105000\n"
                  "rabbitmq\trss\t1000\t100000\t500000\nrabbitmq\terlang\t1000\t0\t400000\n")
        start = "petrel\t1\t500\nrabbitmq\t1\t3000\npetrel\t2\t700\nrabbitmq\t2\t3200\npetrel\t3\t-\nrabbitmq\t3\t2900\n"
        text = report("", memory, start)
        self.assertEqual(row(text, "Memory per queued message, 1000")[1:], ["200", "400", "0.50x |"])
        self.assertEqual(row(text, "Memory per queued message: Petrel")[1:], ["100", "400", "0.25x |"])
        start_row = row(text, "Start")
        self.assertIn("median of 2/3 and 3/3 runs", start_row[0])
        self.assertEqual(start_row[1:], ["600", "3000", "0.20x |"])
        self.assertIn("- start, petrel: no handshake in 1 run(s)", text)

    def test_no_throughput_rows_no_throughput_table(self):
        text = report("", "", "rabbitmq\t1\t3000\n")
        self.assertNotIn("Throughput", text)
        self.assertEqual(row(text, "Start")[2:], ["3000", "- |"])

    def test_a_failed_memory_measurement_is_listed(self):
        text = report("", "petrel\trss\t1000\t-\t-\npetrel\theap\t1000\t-\t-\nrabbitmq\trss\t1000\t0\t2000\n")
        self.assertEqual(row(text, "Memory per queued message, 1000")[1:], ["-", "2", "- |"])
        self.assertIn("- memory, petrel: no rss measurement", text)


if __name__ == "__main__":
    unittest.main()
