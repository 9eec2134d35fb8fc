package io.kinlink.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;

/** Bytes both ways between two connected sockets, each way on a thread of its own, until either side closes. */
final class SocketPipes {

    private SocketPipes() {
    }

    static void connect(Socket client, Socket server, String threadName) {
        pipe(client, server, threadName);
        pipe(server, client, threadName);
    }

    static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // nothing left to do
        }
    }

    private static void pipe(Socket from, Socket to, String threadName) {
        Thread pump = new Thread(() -> {
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                in.transferTo(out);
            } catch (IOException e) {
                // one side closed
            } finally {
                closeQuietly(from);
                closeQuietly(to);
            }
        }, threadName);
        pump.setDaemon(true);
        pump.start();
    }
}
