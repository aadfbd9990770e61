package io.fiberize.agent.instrument;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Tell whether a class file's constant pool holds any of some names, reading its bytes in one
 * pass, without parsing the class: the cheap first look that spares most classes any more work.
 */
final class PoolNames {
    private static final int CONSTANT_POOL_COUNT = 8;
    private static final int UTF8 = 1;
    private static final int LONG = 5;
    private static final int DOUBLE = 6;

    /** The names in UTF-8, by their length in bytes: most constants are rejected by length alone. */
    private final byte[][][] byLength;

    /** Look for {@code names}. */
    PoolNames(Set<String> names) {
        int longest = 0;
        for (String name : names) {
            longest = Math.max(longest, name.getBytes(StandardCharsets.UTF_8).length);
        }
        byLength = new byte[longest + 1][][];
        for (int length = 0; length <= longest; length++) {
            List<byte[]> sameLength = new ArrayList<>();
            for (String name : names) {
                byte[] encoded = name.getBytes(StandardCharsets.UTF_8);
                if (encoded.length == length) {
                    sameLength.add(encoded);
                }
            }
            byLength[length] = sameLength.toArray(new byte[0][]);
        }
    }

    /**
     * Say whether {@code classfile} holds one of the names as a UTF-8 constant; also {@code true}
     * when it holds a constant of a kind unknown here, so that the caller looks closer.
     */
    boolean anyIn(byte[] classfile) {
        int count = u2(classfile, CONSTANT_POOL_COUNT);
        int pos = CONSTANT_POOL_COUNT + 2;
        for (int index = 1; index < count; index++) {
            int tag = classfile[pos];
            if (tag == UTF8) {
                int length = u2(classfile, pos + 1);
                if (isName(classfile, pos + 3, length)) {
                    return true;
                }
                pos += 3 + length;
            } else {
                int size = size(tag);
                if (size == 0) {
                    return true;
                }
                pos += size;
                if (tag == LONG || tag == DOUBLE) {
                    index++;
                }
            }
        }
        return false;
    }

    private boolean isName(byte[] classfile, int start, int length) {
        if (length >= byLength.length) {
            return false;
        }
        for (byte[] name : byLength[length]) {
            if (Arrays.equals(classfile, start, start + length, name, 0, length)) {
                return true;
            }
        }
        return false;
    }

    /** Return the size of a constant with {@code tag}, tag included, or 0 for a tag unknown here (JVMS 4.4). */
    private static int size(int tag) {
        return switch (tag) {
            case 7, 8, 16, 19, 20 -> 3;  // Class, String, MethodType, Module, Package
            case 15 -> 4;                // MethodHandle
            case 3, 4, 9, 10, 11, 12, 17, 18 -> 5;  // Integer, Float, refs, NameAndType, Dynamic, InvokeDynamic
            case 5, 6 -> 9;              // Long, Double
            default -> 0;
        };
    }

    private static int u2(byte[] bytes, int pos) {
        return (bytes[pos] & 0xFF) << 8 | bytes[pos + 1] & 0xFF;
    }
}
