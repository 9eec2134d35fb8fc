package io.kinlink.testsupport;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One port in front of several replicas of a process, as a Kubernetes Service is: each new TCP
 * connection goes to the next replica in turn, and a replica that refuses the connection (killed,
 * restarting) is passed over for the next. Connections already open stay with their replica, as
 * keep-alive connections do behind kube-proxy.
 */
public final class LocalBalancer implements AutoCloseable {

    private static final int CONNECT_TIMEOUT_MILLIS = 1_000;

    private final ServerSocket listener;
    private final List<Integer> replicaPorts;
    private final AtomicInteger next = new AtomicInteger();

    private LocalBalancer(ServerSocket listener, List<Integer> replicaPorts) {
        this.listener = listener;
        this.replicaPorts = List.copyOf(replicaPorts);
        Thread acceptor = new Thread(this::acceptLoop, "local-balancer-" + listener.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** Listens on {@code port} (localhost) for the replicas listening on {@code replicaPorts}. */
    public static LocalBalancer start(int port, List<Integer> replicaPorts) {
        try {
            ServerSocket listener = new ServerSocket();
            listener.setReuseAddress(true);
            listener.bind(new InetSocketAddress("localhost", port), 512);
            return new LocalBalancer(listener, replicaPorts);
        } catch (IOException e) {
            throw new IllegalStateException("Could not listen on port " + port, e);
        }
    }

    public int port() {
        return listener.getLocalPort();
    }

    private void acceptLoop() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                client.setTcpNoDelay(true);
                Socket replica = connectToSomeReplica();
                if (replica == null) {
                    // none is up: the client sees its connection closed, as with a Service without ready endpoints
                    client.close();
                    continue;
                }
                SocketPipes.connect(client, replica, "local-balancer-pump");
            } catch (IOException e) {
                // the listener closed, or this one connection failed; the next is served as usual
            }
        }
    }

    private Socket connectToSomeReplica() {
        int first = Math.floorMod(next.getAndIncrement(), replicaPorts.size());
        for (int i = 0; i < replicaPorts.size(); i++) {
            int port = replicaPorts.get((first + i) % replicaPorts.size());
            Socket replica = new Socket();
            try {
                replica.setTcpNoDelay(true);
                replica.connect(new InetSocketAddress("localhost", port), CONNECT_TIMEOUT_MILLIS);
                return replica;
            } catch (IOException refused) {
                SocketPipes.closeQuietly(replica);
            }
        }
        return null;
    }

    @Override
    public void close() {
        try {
            listener.close();
        } catch (IOException ignored) {
            // nothing left to do
        }
    }
}
