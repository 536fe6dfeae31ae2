package dev.petrel.amqp.broker;

import java.util.function.Consumer;

/**
 * Counts the bytes of queued messages and raises the memory alarm above the high watermark (publishers are blocked,
 * as RabbitMQ's {@code vm_memory_high_watermark} does), clearing it once usage is back under the watermark.
 */
public final class MemoryMonitor {
    private final long highWatermark;
    private final Consumer<Boolean> onChange;
    private long used;
    private boolean alarm;

    MemoryMonitor(long highWatermark, Consumer<Boolean> onChange) {
        this.highWatermark = highWatermark;
        this.onChange = onChange;
    }

    void added(long bytes) {
        used += bytes;
        if (!alarm && used > highWatermark) {
            alarm = true;
            onChange.accept(true);
        }
    }

    void removed(long bytes) {
        used -= bytes;
        if (alarm && used <= highWatermark) {
            alarm = false;
            onChange.accept(false);
        }
    }

    public boolean alarm() {
        return alarm;
    }

    public long used() {
        return used;
    }
}
