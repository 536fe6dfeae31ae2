package dev.petrel.reactor;

/** What a selection key is attached to: told which of its operations are ready. Runs on the loop's thread. */
interface Selectable {
    void onReady(int readyOps);
}
