package io.fiberize.apps.grpc;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.stub.AbstractBlockingStub;
import io.grpc.stub.ClientCalls;

/**
 * The blocking stub of {@code fiberize.Digests}, as protoc's gRPC plugin generates it: each call blocks the
 * calling thread in {@link ClientCalls#blockingUnaryCall} until the answer is there.
 */
final class DigestsBlockingStub extends AbstractBlockingStub<DigestsBlockingStub> {

    private DigestsBlockingStub(Channel channel, CallOptions callOptions) {
        super(channel, callOptions);
    }

    /** Return a stub calling through {@code channel}. */
    static DigestsBlockingStub on(Channel channel) {
        return newStub(DigestsBlockingStub::new, channel);
    }

    @Override
    protected DigestsBlockingStub build(Channel channel, CallOptions callOptions) {
        return new DigestsBlockingStub(channel, callOptions);
    }

    /** Call {@code Digest} and wait for its answer. */
    byte[] digest(Digests.Request request) {
        return ClientCalls.blockingUnaryCall(getChannel(), Digests.DIGEST, getCallOptions(), request);
    }
}
