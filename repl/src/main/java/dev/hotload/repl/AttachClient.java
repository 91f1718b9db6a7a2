package dev.hotload.repl;

import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * {@code hotload attach}: finds the running hotloads of this user, asks which if several, and connects this
 * terminal to its prompt ({@link AttachServer}) until it detaches. A socket left by a killed hotload is removed.
 */
public final class AttachClient {

    /** Exit status of a request that cannot be met: nothing to attach to, no terminal. */
    public static final int USAGE = 2;

    /** Ctrl-\: leaves the prompt at once, whatever it does. */
    private static final byte LEAVE = 0x1c;

    private final Map<String, String> environment;
    private final PrintStream err;

    public AttachClient(Map<String, String> environment, PrintStream err) {
        this.environment = environment;
        this.err = err;
    }

    /** A hotload that answered, and where. */
    record Running(Path socket, AttachServer.Listing listing) {
        boolean isNamed(String name) {
            Path entry = listing.entry();
            return name.equals(Long.toString(listing.pid())) || name.equals(entry.getFileName().toString())
                    || Path.of(name).toAbsolutePath().normalize().equals(entry)
                    || Path.of(name).toAbsolutePath().normalize().equals(listing.folder());
        }
    }

    /**
     * @param name a process id, an entry's file name or path, or a folder hotload was started in; any if empty
     * @param choice where the user answers which, if several run: the terminal
     * @return the exit status: 0 once detached
     */
    public int attach(Optional<String> name, BufferedReader choice) {
        List<Running> running;
        try {
            running = running(SocketFolder.of(environment));
        } catch (IOException e) {
            err.println("hotload: attach: " + e.getMessage());
            return USAGE;
        }
        List<Running> named = name.map(n -> running.stream().filter(r -> r.isNamed(n)).toList()).orElse(running);
        if (named.isEmpty()) {
            err.println("hotload: no hotload " + (name.isPresent() && !running.isEmpty() ? "named " + name.get() + " " : "")
                    + "to attach to" + (running.isEmpty() ? " (none is running)" : ""));
            return USAGE;
        }
        Optional<Running> chosen = named.size() == 1 ? Optional.of(named.get(0)) : ask(named, choice);
        if (chosen.isEmpty()) {
            return USAGE;
        }
        return connect(chosen.get());
    }

    /** @return the hotloads that answer, each socket that does not removed: its hotload was killed */
    private List<Running> running(Path folder) throws IOException {
        List<Path> sockets;
        try (Stream<Path> files = Files.list(folder)) {
            sockets = files.filter(file -> file.getFileName().toString().endsWith(".sock")).sorted().toList();
        }
        List<Running> answered = new ArrayList<>();
        for (Path socket : sockets) {
            try (SocketChannel channel = SocketChannel.open(UnixDomainSocketAddress.of(socket))) {
                ChannelStreams.out(channel).write((AttachServer.LIST + "\n").getBytes(StandardCharsets.UTF_8));
                AttachServer.Listing.parse(AttachServer.readLine(ChannelStreams.in(channel)))
                        .ifPresent(listing -> answered.add(new Running(socket, listing)));
            } catch (IOException stale) {
                Files.deleteIfExists(socket);
            }
        }
        return answered;
    }

    private Optional<Running> ask(List<Running> named, BufferedReader choice) {
        err.println("hotload: " + named.size() + " hotloads run; which one?");
        for (int i = 0; i < named.size(); i++) {
            AttachServer.Listing listing = named.get(i).listing();
            err.println("  " + (i + 1) + ") " + listing.entry() + " (process " + listing.pid() + ")");
        }
        err.print("number: ");
        err.flush();
        try {
            String answer = choice.readLine();
            int index = Integer.parseInt(answer == null ? "" : answer.strip()) - 1;
            if (index >= 0 && index < named.size()) {
                return Optional.of(named.get(index));
            }
        } catch (IOException | NumberFormatException notANumber) {
            // Said below.
        }
        err.println("hotload: no such hotload; attach with its number, process id, entry or folder");
        return Optional.empty();
    }

    /** Relays this terminal's keys to the prompt and its screen back, until the prompt detaches or goes. */
    private int connect(Running running) {
        String saved;
        String[] size;
        try {
            saved = stty("-g");
            size = stty("size").split(" ");
        } catch (IOException e) {
            err.println("hotload: attach needs a terminal (" + e.getMessage() + ")");
            return USAGE;
        }
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            channel.connect(UnixDomainSocketAddress.of(running.socket()));
            OutputStream up = ChannelStreams.out(channel);
            String type = Optional.ofNullable(environment.get("TERM")).filter(t -> t.matches("[\\w.+-]+")).orElse("xterm");
            up.write((AttachServer.ATTACH + " " + type + " " + number(size, 1) + " " + number(size, 0) + "\n")
                    .getBytes(StandardCharsets.UTF_8));
            // Every key goes to the prompt as it is typed, Ctrl-C and Ctrl-D included: they are the prompt's.
            err.println("hotload: Ctrl-\\ leaves at once");
            stty("-icanon", "-echo", "-isig", "-iexten", "-ixon", "-icrnl", "min", "1", "time", "0");
            try {
                // A daemon that waits for a key to the end: the JVM's exit ends it.
                Thread keys = new Thread(() -> keys(new FileInputStream(FileDescriptor.in), up, channel),
                        "hotload-attach-keys");
                keys.setDaemon(true);
                keys.start();
                copy(ChannelStreams.in(channel), new FileOutputStream(FileDescriptor.out));
            } finally {
                stty(saved);
            }
            return 0;
        } catch (IOException e) {
            err.println("hotload: attach: " + running.listing().entry() + " went away (" + e.getMessage() + ")");
            return 1;
        }
    }

    /** @return what stty(1) says of, or does to, the terminal on standard input */
    private static String stty(String... arguments) throws IOException {
        List<String> command = new ArrayList<>(List.of("stty"));
        command.addAll(List.of(arguments));
        Process stty = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.INHERIT)
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String said = new String(stty.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        try {
            if (stty.waitFor() != 0) {
                throw new IOException("standard input is not one");
            }
        } catch (InterruptedException stopped) {
            Thread.currentThread().interrupt();
            throw new IOException("stopped");
        }
        return said;
    }

    /** @return the number at {@code index} of stty's {@code size}, or 0: the prompt takes its default */
    private static int number(String[] size, int index) {
        try {
            return Integer.parseInt(size[index]);
        } catch (RuntimeException unknown) {
            return 0;
        }
    }

    /**
     * Sends the keys typed to the prompt, but Ctrl-\, which leaves at once: Ctrl-C and Ctrl-D are the prompt's, and
     * a hotload that no longer answers (stopped, hung) must not hold this terminal.
     */
    private static void keys(InputStream typed, OutputStream up, SocketChannel channel) {
        byte[] buffer = new byte[1024];
        try {
            for (int n; (n = typed.read(buffer)) >= 0; ) {
                for (int i = 0; i < n; i++) {
                    if (buffer[i] == LEAVE) {
                        up.write(buffer, 0, i);
                        channel.close();
                        return;
                    }
                }
                up.write(buffer, 0, n);
            }
        } catch (IOException gone) {
            // The prompt went away: the screen's relay ends with it.
        }
    }

    private static void copy(InputStream from, OutputStream to) {
        byte[] buffer = new byte[8192];
        try {
            for (int n; (n = from.read(buffer)) >= 0; ) {
                to.write(buffer, 0, n);
                to.flush();
            }
        } catch (IOException gone) {
            // One side went away: the relay ends with it.
        }
    }
}
