package io.fiberize.samples.kv;

/**
 * Hold one stored value with the flags the client gave it and when it expires.
 *
 * @param value the bytes, never changed after the item is made
 * @param flags the client's 32-bit flags, returned with the value
 * @param expiresAtMillis when the item expires ({@link System#currentTimeMillis}), or 0 for never
 */
record Item(byte[] value, long flags, long expiresAtMillis) {

    /** Expiry times up to this many seconds are relative to now; larger ones are Unix times, as in memcached. */
    static final long MAX_RELATIVE_EXPIRY_SECONDS = 30L * 24 * 60 * 60;

    /**
     * Make an item from a {@code set}'s {@code exptime}: 0 never expires, a negative one already has.
     */
    static Item of(byte[] value, long flags, long exptime, long nowMillis) {
        long expiresAt;
        if (exptime == 0) {
            expiresAt = 0;
        } else if (exptime < 0) {
            expiresAt = nowMillis;
        } else if (exptime <= MAX_RELATIVE_EXPIRY_SECONDS) {
            expiresAt = nowMillis + exptime * 1000;
        } else {
            expiresAt = exptime * 1000;
        }
        return new Item(value, flags, expiresAt);
    }

    /**
     * Tell whether the item has expired at {@code nowMillis}.
     */
    boolean expired(long nowMillis) {
        return expiresAtMillis != 0 && nowMillis >= expiresAtMillis;
    }
}
