// SPDX-License-Identifier: Apache-2.0
package uis.connect;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import org.sparkproject.connect.grpc.Grpc;
import org.sparkproject.connect.grpc.Metadata;
import org.sparkproject.connect.grpc.ServerCall;
import org.sparkproject.connect.grpc.ServerCallHandler;
import org.sparkproject.connect.grpc.ServerInterceptor;
import org.sparkproject.connect.grpc.Status;

/**
 * Spark Connect 3.5 has no bind address (spark.connect.grpc.binding.address came with 4.0): its
 * port listens on every interface. This interceptor (spark.connect.grpc.interceptor.classes)
 * refuses every call that does not come from a loopback address, so the warm session serves
 * this machine only.
 */
public final class LoopbackOnly implements ServerInterceptor {
    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(
            ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
        SocketAddress from = call.getAttributes().get(Grpc.TRANSPORT_ATTR_REMOTE_ADDR);
        if (from instanceof InetSocketAddress
                && ((InetSocketAddress) from).getAddress() != null
                && ((InetSocketAddress) from).getAddress().isLoopbackAddress()) {
            return next.startCall(call, headers);
        }
        call.close(
                Status.PERMISSION_DENIED.withDescription(
                        "this Spark Connect server serves 127.0.0.1 only"),
                new Metadata());
        return new ServerCall.Listener<Q>() {};
    }
}
