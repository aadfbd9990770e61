package io.fiberize.samples.kv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class StoreTest {

    private final Store store = new Store();

    @Test
    void keepsReplacesAndDeletesItems() {
        store.set("k", item("one", 0));
        store.set("k", item("two", 0));

        assertThat(text(store.get("k"))).isEqualTo("two");
        assertThat(store.delete("k")).isTrue();
        assertThat(store.delete("k")).isFalse();
        assertThat(store.get("k")).isNull();
    }

    @Test
    void incrementsWrapAroundAndDecrementsStopAtZeroAsInMemcached() throws Exception {
        store.set("n", item("18446744073709551614", 0));

        assertThat(store.add("n", 3, false)).isEqualTo("1");
        assertThat(store.add("n", 5, true)).isEqualTo("0");
        assertThat(store.add("n", 42, false)).isEqualTo("42");
        assertThat(store.add("missing", 1, false)).isNull();
    }

    @Test
    void onlyDecimalNumbersCanBeIncremented() {
        store.set("text", item("12a", 0));
        store.set("huge", item("99999999999999999999", 0));

        assertThatThrownBy(() -> store.add("text", 1, false)).isInstanceOf(ClientError.class)
                .hasMessage("cannot increment or decrement non-numeric value");
        assertThatThrownBy(() -> store.add("huge", 1, false)).isInstanceOf(ClientError.class);
    }

    @Test
    void expiredItemsAreGone() {
        long now = System.currentTimeMillis();
        store.set("past", Item.of(bytes("x"), 0, -1, now));
        store.set("soon", Item.of(bytes("x"), 0, 3600, now));
        store.set("absolute", Item.of(bytes("x"), 0, now / 1000 - 10, now));

        assertThat(store.get("past")).isNull();
        assertThat(store.get("soon")).isNotNull();
        assertThat(store.get("absolute")).as("a Unix time in the past").isNull();
        assertThat(Item.of(bytes("x"), 0, 0, now).expired(Long.MAX_VALUE)).isFalse();
    }

    private static Item item(String value, long flags) {
        return Item.of(bytes(value), flags, 0, System.currentTimeMillis());
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    private static String text(Item item) {
        return new String(item.value(), StandardCharsets.US_ASCII);
    }
}
