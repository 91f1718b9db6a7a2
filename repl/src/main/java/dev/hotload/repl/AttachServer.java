package dev.hotload.repl;

import dev.hotload.run.StandardStreams;
import dev.hotload.spi.Namespace;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.IntConsumer;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/**
 * What {@code hotload attach} connects to: a Unix-domain socket of this hotload's, in a folder only the user can
 * read ({@link SocketFolder}), never a network port. Each terminal that attaches gets a prompt in the program's
 * namespace; Ctrl-D there detaches it, and code that exits there ends hotload.
 *
 * <p>A client's first line says what it wants: {@code LIST} (this hotload's {@link Listing}, then the end), or
 * {@code ATTACH TERM COLUMNS ROWS}, after which the socket carries the terminal's keys one way and its screen the
 * other.
 */
public final class AttachServer implements AutoCloseable {

    static final String LIST = "LIST";
    static final String ATTACH = "ATTACH";

    private final ServerSocketChannel server;
    private final Path socket;
    private final Namespace namespace;
    private final Listing listing;
    private final Optional<Path> history;
    private final StandardStreams streams;
    private final IntConsumer exit;

    private AttachServer(ServerSocketChannel server, Path socket, Namespace namespace, Listing listing,
            Optional<Path> history, StandardStreams streams, IntConsumer exit) {
        this.server = server;
        this.socket = socket;
        this.namespace = namespace;
        this.listing = listing;
        this.history = history;
        this.streams = streams;
        this.exit = exit;
    }

    /** What {@code hotload attach} shows of a running hotload, to choose one: a line of it on the socket. */
    public record Listing(long pid, Path entry, Path folder) {
        String line() {
            return pid + "\t" + entry + "\t" + folder;
        }

        static Optional<Listing> parse(String line) {
            String[] parts = line.split("\t", -1);
            if (parts.length != 3) {
                return Optional.empty();
            }
            try {
                return Optional.of(new Listing(Long.parseLong(parts[0]), Path.of(parts[1]), Path.of(parts[2])));
            } catch (RuntimeException malformed) {
                return Optional.empty();
            }
        }
    }

    /**
     * Listens, on a daemon thread, for terminals that attach.
     *
     * @param exit ends hotload with the status that code typed at an attached prompt asked for
     * @return the server; empty, with a line on {@code err} saying why, where there is no folder of the user's alone
     */
    public static Optional<AttachServer> start(Namespace namespace, Listing listing, Optional<Path> history,
            StandardStreams streams, IntConsumer exit, Map<String, String> environment) {
        PrintStream err = streams.err();
        try {
            Path socket = SocketFolder.of(environment).resolve(listing.pid() + ".sock");
            Files.deleteIfExists(socket); // a killed hotload's, whose process id this one has now
            ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
            server.bind(UnixDomainSocketAddress.of(socket));
            AttachServer attach = new AttachServer(server, socket, namespace, listing, history, streams, exit);
            Thread accepting = new Thread(attach::accept, "hotload-attach");
            accepting.setDaemon(true);
            accepting.start();
            return Optional.of(attach);
        } catch (IOException | UnsupportedOperationException e) {
            err.println("hotload: hotload attach cannot reach this session: " + e.getMessage());
            return Optional.empty();
        }
    }

    private void accept() {
        while (server.isOpen()) {
            SocketChannel client;
            try {
                client = server.accept();
            } catch (IOException closed) {
                return;
            }
            Thread serving = new Thread(() -> serve(client), "hotload-attached");
            serving.setDaemon(true);
            serving.start();
        }
    }

    private void serve(SocketChannel client) {
        try (client) {
            InputStream in = ChannelStreams.in(client);
            OutputStream out = ChannelStreams.out(client);
            String[] request = readLine(in).split(" ");
            if (request[0].equals(LIST)) {
                out.write((listing.line() + "\n").getBytes(StandardCharsets.UTF_8));
            } else if (request[0].equals(ATTACH) && request.length == 4) {
                attach(client, request[1], Integer.parseInt(request[2]), Integer.parseInt(request[3]));
            }
        } catch (IOException | RuntimeException gone) {
            // The client went away, or spoke nonsense: the program and the other prompts go on.
        }
    }

    private void attach(SocketChannel client, String type, int columns, int rows) throws IOException {
        Terminal terminal = TerminalBuilder.builder().system(false)
                .streams(ChannelStreams.in(client), ChannelStreams.out(client)).type(type)
                .encoding(StandardCharsets.UTF_8).size(new Size(columns > 0 ? columns : 80, rows > 0 ? rows : 24)).build();
        Prompt prompt = Prompt.attached(namespace, terminal, history, streams);
        OptionalInt status;
        try {
            prompt.say("hotload: attached to " + listing.entry().getFileName() + " (process " + listing.pid()
                    + "); Ctrl-C cancels a line, Ctrl-D on an empty line detaches");
            status = prompt.run();
        } finally {
            // First: the terminal's reader waits on the socket, and its close waits for the reader.
            client.close();
            prompt.close();
        }
        status.ifPresent(exit::accept);
    }

    /** @return the first line, without its end; at most a short one */
    static String readLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int b = in.read(); b >= 0 && b != '\n'; b = in.read()) {
            if (line.length() > 4096) {
                throw new IOException("not a request of hotload attach's");
            }
            line.append((char) b);
        }
        return line.toString();
    }

    /** Stops listening, and removes the socket: nothing is left to attach to. */
    @Override
    public void close() {
        try {
            server.close();
            Files.deleteIfExists(socket);
        } catch (IOException alreadyGone) {
            // Removed already: the folder is the user's to clean.
        }
    }
}
