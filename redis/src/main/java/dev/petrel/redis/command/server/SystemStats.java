package dev.petrel.redis.command.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Figures about the process from the operating system ({@code /proc} on Linux), for INFO. Where they cannot be read
 * they are 0, never guessed.
 */
final class SystemStats {
    private static final long PAGE_SIZE = 4096;
    private static final double CLOCK_TICKS = 100.0;

    private SystemStats() {}

    /** Resident set size in bytes: the second field of {@code /proc/self/statm}, in pages. */
    static long residentBytes() {
        try {
            String[] f = Files.readString(Path.of("/proc/self/statm")).trim().split("\\s+");
            return Long.parseLong(f[1]) * PAGE_SIZE;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** MemTotal of {@code /proc/meminfo}, in bytes. */
    static long totalMemoryBytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            // fall through
        }
        return 0;
    }

    /** {user, system} CPU seconds of the process: fields 14 and 15 of {@code /proc/self/stat}, in clock ticks. */
    static double[] processCpuSeconds() {
        try {
            String s = Files.readString(Path.of("/proc/self/stat"));
            // the command name in parentheses may hold spaces: count fields after its closing parenthesis
            String[] f = s.substring(s.lastIndexOf(')') + 2).trim().split("\\s+");
            return new double[] {Long.parseLong(f[11]) / CLOCK_TICKS, Long.parseLong(f[12]) / CLOCK_TICKS};
        } catch (IOException | RuntimeException e) {
            return new double[] {0, 0};
        }
    }
}
