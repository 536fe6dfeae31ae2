package dev.petrel.reactor;

/** Where the reactor's time comes from, so that tests can drive time by hand. */
public interface Clock {

    /** Monotonic nanoseconds, for timers and durations. */
    long nanoTime();

    /** Wall-clock milliseconds since the epoch. */
    long currentTimeMillis();

    /** The system's clocks. */
    Clock SYSTEM = new Clock() {
        @Override
        public long nanoTime() {
            return System.nanoTime();
        }

        @Override
        public long currentTimeMillis() {
            return System.currentTimeMillis();
        }

        @Override
        public String toString() {
            return "Clock.SYSTEM";
        }
    };
}
