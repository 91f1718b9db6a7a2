// bin/hotload examples/java/http/Server.java [-- PORT], then: curl http://127.0.0.1:8080/
// Edit the reply and save: the same server, on the same port, answers with the new code. Nothing is restarted.
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.hotload.Hotload;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

public class Server {

    public static void main(String[] args) {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 8080;
        // The server (a JDK type) outlives reloads; only the handler, this generation's code, is replaced.
        HttpServer server = Hotload.keep("server", () -> start(port));
        // Swap this generation's handler in, in one step: the port stays open throughout.
        try {
            server.removeContext("/");
        } catch (IllegalArgumentException firstRun) {
            // No handler yet.
        }
        server.createContext("/", Server::handle);
        System.out.println("serving http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    static void handle(HttpExchange exchange) throws IOException {
        byte[] reply = "Hello from hotload, version 1\n".getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(200, reply.length);
        try (OutputStream body = exchange.getResponseBody()) {
            body.write(reply);
        }
    }

    static HttpServer start(int port) {
        try {
            // Only this machine can reach it.
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serve on port " + port, e);
        }
    }
}
