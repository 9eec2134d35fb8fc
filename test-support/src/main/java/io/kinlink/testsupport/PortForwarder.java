package io.kinlink.testsupport;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Forwards TCP connections from a local port to a server. Tests point a client at a port where
 * nothing listens yet (the server is down, as far as the client can tell) and start forwarding
 * later (the server is back).
 */
public final class PortForwarder implements AutoCloseable {

    private final ServerSocket listener;

    private PortForwarder(ServerSocket listener, String targetHost, int targetPort) {
        this.listener = listener;
        Thread acceptor = new Thread(() -> acceptLoop(targetHost, targetPort), "port-forwarder-" + listener.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public static PortForwarder start(int localPort, String target) {
        String[] hostPort = target.split(",")[0].split(":");
        try {
            ServerSocket listener = new ServerSocket();
            listener.setReuseAddress(true);
            listener.bind(new InetSocketAddress("localhost", localPort));
            return new PortForwarder(listener, hostPort[0], Integer.parseInt(hostPort[1]));
        } catch (IOException e) {
            throw new IllegalStateException("Could not listen on port " + localPort, e);
        }
    }

    /** {@code count} distinct ports nothing listens on right now (all held open until each is known). */
    public static List<Integer> freePorts(int count) {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                sockets.add(new ServerSocket(0));
            }
            return sockets.stream().map(ServerSocket::getLocalPort).toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } finally {
            for (ServerSocket socket : sockets) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // the port is free again either way
                }
            }
        }
    }

    /**
     * {@code count} free ports none of which is in {@code reserved} (ports handed out earlier that
     * nothing listens on yet), and adds them to it.
     */
    public static List<Integer> freePorts(int count, Set<Integer> reserved) {
        List<Integer> ports = new ArrayList<>();
        while (ports.size() < count) {
            for (int port : freePorts(count - ports.size())) {
                if (reserved.add(port)) {
                    ports.add(port);
                }
            }
        }
        return ports;
    }

    /** A port nothing listens on right now. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private void acceptLoop(String targetHost, int targetPort) {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                Socket server = new Socket(targetHost, targetPort);
                SocketPipes.connect(client, server, "port-forwarder-pump");
            } catch (IOException e) {
                // closed, or the target refused: the client sees a dropped connection and retries
            }
        }
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
