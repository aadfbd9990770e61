package io.fiberize.benchmarks.bugs;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Deadlock a cache on two {@code ReentrantLock}s: {@code put} takes the entries' lock then the
 * index's, {@code evict} the index's then the entries' (the lock-order inversion of {@link
 * TransferDeadlock} with {@code java.util.concurrent} locks). A deadlocked run never ends, as there.
 */
public final class LockOrderDeadlock {
    private static final int OPERATIONS = 3;

    private final ReentrantLock entriesLock = new ReentrantLock();
    private final ReentrantLock indexLock = new ReentrantLock();
    private final Map<Integer, String> entries = new HashMap<>();
    private final Map<String, Integer> index = new HashMap<>();

    private LockOrderDeadlock() {
    }

    void put(int key, String value) {
        entriesLock.lock();
        try {
            indexLock.lock();
            try {
                entries.put(key, value);
                index.put(value, key);
            } finally {
                indexLock.unlock();
            }
        } finally {
            entriesLock.unlock();
        }
    }

    void evict(String value) {
        indexLock.lock();
        try {
            entriesLock.lock();
            try {
                Integer key = index.remove(value);
                if (key != null) {
                    entries.remove(key);
                }
            } finally {
                entriesLock.unlock();
            }
        } finally {
            indexLock.unlock();
        }
    }

    public static void main(String[] args) throws InterruptedException {
        LockOrderDeadlock cache = new LockOrderDeadlock();
        Thread writer = new Thread(() -> {
            for (int i = 0; i < OPERATIONS; i++) {
                cache.put(i, "v" + i);
            }
        });
        Thread evicter = new Thread(() -> {
            for (int i = 0; i < OPERATIONS; i++) {
                cache.evict("v" + i);
            }
        });
        writer.start();
        evicter.start();
        writer.join();
        evicter.join();
    }
}
