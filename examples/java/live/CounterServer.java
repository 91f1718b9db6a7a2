// bin/hotload examples/java/live/CounterServer.java -- 8081, then: curl http://127.0.0.1:8081/ (a few times)
// Edit the reply in handle() and save: the running server is redefined in place, and the count goes on.
// Add a field and save: the JVM cannot redefine that, so hotload restarts the server (the count starts again)
// and says why.
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.hotload.Hotload;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

public class CounterServer {

    /** State in memory: what a restart would lose, and an update in place keeps. */
    private static int visits;

    public static void main(String[] args) throws IOException {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 8081;
        // Only this machine can reach it.
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        server.createContext("/", CounterServer::handle);
        server.start();
        // When a save restarts the program, the port is free for the next run.
        Hotload.onUnload(() -> server.stop(0));
        System.out.println("serving http://127.0.0.1:" + port + "/");
    }

    static synchronized void handle(HttpExchange exchange) throws IOException {
        visits++;
        reply(exchange, "visit " + visits + ": hello from version 1\n");
    }

    static void reply(HttpExchange exchange, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream body = exchange.getResponseBody()) {
            body.write(bytes);
        }
    }
}
