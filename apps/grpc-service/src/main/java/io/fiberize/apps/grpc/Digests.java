package io.fiberize.apps.grpc;

import io.grpc.MethodDescriptor;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The service's one unary method, {@code fiberize.Digests/Digest}, and the work it does: the SHA-256 of
 * the request's seed, hashed again {@code rounds - 1} times.
 *
 * <p>The method descriptor and its marshallers are written by hand (what protoc would generate from a
 * {@code .proto}), so that the build needs no code generator: a request is a seed and a round count in 12
 * bytes, an answer the 32 bytes of the digest.
 */
final class Digests {

    /** The full method name, as a generated stub would carry it. */
    static final String SERVICE = "fiberize.Digests";

    /** {@code rpc Digest(Request) returns (bytes)}. */
    static final MethodDescriptor<Request, byte[]> DIGEST = MethodDescriptor.<Request, byte[]>newBuilder()
            .setType(MethodDescriptor.MethodType.UNARY)
            .setFullMethodName(MethodDescriptor.generateFullMethodName(SERVICE, "Digest"))
            .setRequestMarshaller(new RequestMarshaller())
            .setResponseMarshaller(new BytesMarshaller())
            .build();

    private Digests() {
    }

    /**
     * A call's argument: what to hash and how many times.
     *
     * @param seed   the value hashed first, as 8 big-endian bytes
     * @param rounds how many times SHA-256 runs, at least 1
     */
    record Request(long seed, int rounds) {
    }

    /**
     * Return the answer to {@code request}: the same bytes on the server that computes it and on the
     * client that checks it.
     */
    static byte[] digest(Request request) {
        MessageDigest sha256 = sha256();
        byte[] value = sha256.digest(ByteBuffer.allocate(Long.BYTES).putLong(request.seed()).array());
        for (int round = 1; round < request.rounds(); round++) {
            value = sha256.digest(value);
        }
        return value;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private static byte[] readAll(InputStream stream) {
        try (stream) {
            return stream.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Twelve bytes: the seed, then the round count. */
    private static final class RequestMarshaller implements MethodDescriptor.Marshaller<Request> {
        @Override
        public InputStream stream(Request request) {
            return new ByteArrayInputStream(ByteBuffer.allocate(Long.BYTES + Integer.BYTES)
                    .putLong(request.seed()).putInt(request.rounds()).array());
        }

        @Override
        public Request parse(InputStream stream) {
            ByteBuffer bytes = ByteBuffer.wrap(readAll(stream));
            return new Request(bytes.getLong(), bytes.getInt());
        }
    }

    /** The bytes as they are. */
    private static final class BytesMarshaller implements MethodDescriptor.Marshaller<byte[]> {
        @Override
        public InputStream stream(byte[] value) {
            return new ByteArrayInputStream(value);
        }

        @Override
        public byte[] parse(InputStream stream) {
            return readAll(stream);
        }
    }
}
