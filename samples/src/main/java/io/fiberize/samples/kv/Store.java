package io.fiberize.samples.kv;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Keep the items of every connection in one map; every method holds the store's monitor.
 *
 * <p>There is no eviction: an item stays until it is deleted, replaced or found expired.
 */
final class Store {

    private static final String NOT_A_NUMBER = "cannot increment or decrement non-numeric value";

    private final Map<String, Item> items = new HashMap<>();

    /**
     * Return the item under {@code key}, or null if there is none or it has expired.
     */
    synchronized Item get(String key) {
        Item item = items.get(key);
        if (item != null && item.expired(System.currentTimeMillis())) {
            items.remove(key);
            return null;
        }
        return item;
    }

    /**
     * Store {@code item} under {@code key}, replacing what was there.
     */
    synchronized void set(String key, Item item) {
        items.put(key, item);
    }

    /**
     * Remove the item under {@code key}; return whether there was one.
     */
    synchronized boolean delete(String key) {
        return get(key) != null && items.remove(key) != null;
    }

    /**
     * Add {@code delta} to the decimal number under {@code key}, or subtract it, and return the result.
     *
     * <p>As in memcached, numbers are unsigned 64-bit: an increment wraps around, a decrement stops at 0.
     *
     * @return the new value in decimal, or null if there is no item under {@code key}
     * @throws ClientError if the item's value is not a decimal number
     */
    synchronized String add(String key, long delta, boolean decrement) throws ClientError {
        Item item = get(key);
        if (item == null) {
            return null;
        }
        String text = new String(item.value(), StandardCharsets.US_ASCII);
        if (!text.matches("\\d{1,20}")) {
            throw new ClientError(NOT_A_NUMBER);
        }
        long value;
        try {
            value = Long.parseUnsignedLong(text);
        } catch (NumberFormatException e) {
            // Twenty digits, above 2^64 - 1.
            throw new ClientError(NOT_A_NUMBER);
        }
        long result = decrement
                ? (Long.compareUnsigned(value, delta) < 0 ? 0 : value - delta)
                : value + delta;
        String decimal = Long.toUnsignedString(result);
        items.put(key, new Item(decimal.getBytes(StandardCharsets.US_ASCII), item.flags(), item.expiresAtMillis()));
        return decimal;
    }
}
