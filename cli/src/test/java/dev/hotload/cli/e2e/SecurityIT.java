package dev.hotload.cli.e2e;

import static dev.hotload.cli.e2e.HotloadProcess.RELOAD;
import static dev.hotload.cli.e2e.HotloadProcess.START;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * No way in: no network port, nothing compiled written to disk, links that leave the tree not followed, and
 * file names that a shell would trip on handled everywhere.
 */
class SecurityIT {

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(Lang.class)
    void hotloadOpensNoNetworkSocket(Lang lang) throws Exception {
        Path entry = Files.writeString(dir.resolve(lang.entry), lang.program(0));
        try (HotloadProcess hotload = HotloadProcess.hotload(dir, "--no-clear", lang.entry)) {
            hotload.awaitOut("Result: 0", START);
            Files.writeString(entry, lang.program(1));
            hotload.awaitOut("Result: 1", RELOAD);

            assertThat(networkSockets(hotload.pid())).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(Lang.class)
    void compiledCodeStaysInMemory(Lang lang) throws Exception {
        Path source = Files.createDirectory(dir.resolve("src"));
        Path temporary = Files.createDirectory(dir.resolve("tmp"));
        Path entry = Files.writeString(source.resolve(lang.entry), lang.program(0));
        Map<String, String> privateTmp = Map.of("HOTLOAD_JAVA_OPTS", "-Djava.io.tmpdir=" + temporary);
        try (HotloadProcess hotload = HotloadProcess.start(source, "", privateTmp, "hotload", "--no-clear", lang.entry)) {
            hotload.awaitOut("Result: 0", START);
            Files.writeString(entry, lang.program(1));
            hotload.awaitOut("Result: 1", RELOAD);
        }
        assertThat(filesUnder(source)).containsExactly(entry);
        assertThat(filesUnder(temporary)).isEmpty();
    }

    @Test
    void aLinkLoopInTheTreeNeitherHangsNorCrashes() throws Exception {
        Lang lang = Lang.PYTHON;
        Path entry = Files.writeString(dir.resolve(lang.entry), lang.program(0));
        Files.createSymbolicLink(dir.resolve("loop"), dir);
        Files.createDirectory(dir.resolve("pkg"));
        Files.createSymbolicLink(dir.resolve("pkg/up"), dir);
        try (HotloadProcess hotload = HotloadProcess.hotload(dir, "--no-clear", "--follow-links", lang.entry)) {
            hotload.awaitOut("Result: 0", START);
            Files.writeString(entry, lang.program(1));
            hotload.awaitOut("Result: 1", RELOAD);
        }
    }

    @Test
    void aLinkOutOfTheTreeIsNotFollowedUnlessAsked() throws Exception {
        Path outside = Files.createDirectories(dir.resolve("elsewhere"));
        Path tree = Files.createDirectories(dir.resolve("tree"));
        Path shared = Files.writeString(outside.resolve("shared.py"), "y = 0\n");
        Files.createSymbolicLink(tree.resolve("shared.py"), shared);
        Path entry = Files.writeString(tree.resolve("lib.py"), Lang.PYTHON.program(0));

        try (HotloadProcess hotload = HotloadProcess.hotload(tree, "--no-clear", "lib.py")) {
            hotload.awaitOut("Result: 0", START);
            Files.writeString(shared, "y = 1\n");
            Files.writeString(entry, Lang.PYTHON.program(1));
            hotload.awaitOut("Result: 1", RELOAD);
            assertThat(hotload.awaitErr(" changed, ", RELOAD)).startsWith("hotload: lib.py changed");
        }
        try (HotloadProcess hotload = HotloadProcess.hotload(tree, "--no-clear", "--follow-links", "lib.py")) {
            hotload.awaitOut("Result: 1", START);
            Files.writeString(shared, "y = 2\n");
            assertThat(hotload.awaitErr(" changed, ", RELOAD)).startsWith("hotload: shared.py changed");
        }
    }

    @ParameterizedTest
    @EnumSource(Lang.class)
    void namesWithSpacesQuotesAndNonAsciiLettersWork(Lang lang) throws Exception {
        Path folder = Files.createDirectories(dir.resolve("a b 'c' \"d\" ü"));
        String name = switch (lang) {
            case PYTHON -> "my lib 'ü'.py";
            case JAVA -> "Müll.java";
            case GROOVY -> "my script 'ü'.groovy";
        };
        String program = lang == Lang.JAVA ? lang.program(0).replace("class Lib", "class Müll") : lang.program(0);
        Path entry = Files.writeString(folder.resolve(name), program);
        try (HotloadProcess hotload = HotloadProcess.hotload(folder, "--no-clear", entry.toString())) {
            hotload.awaitOut("Result: 0", START);
            Files.writeString(entry, program.replace("x = 0", "x = 1"));
            hotload.awaitOut("Result: 1", RELOAD);
            assertThat(hotload.awaitErr(" changed, ", RELOAD)).contains(name + " changed, reloaded");
        }
    }

    @Test
    void theShellCommandStepTakesSuchNamesToo() throws Exception {
        Path notes = Files.writeString(dir.resolve("notes 'ü' \"1\".txt"), "hello\n");
        Files.writeString(dir.resolve("launch.py"), """
                # -*- coding: utf-8 -*-
                import hotload
                hotload.hotload(watch=[hotload.listfiles(".", ext=".txt")],
                                steps=[hotload.Command(u"cat \\"notes 'ü' \\\\\\"1\\\\\\".txt\\"")])
                """);
        try (HotloadProcess hotload = HotloadProcess.start(dir, "", Map.of(), "jython", "launch.py")) {
            hotload.awaitOut("hello", START);
            Files.writeString(notes, "hello again\n");
            hotload.awaitOut("hello again", RELOAD);
        }
    }

    /** @return the TCP and UDP sockets the process holds, by inode, from /proc */
    private static Set<String> networkSockets(long pid) throws IOException {
        Set<String> held = new HashSet<>();
        try (Stream<Path> fds = Files.list(Path.of("/proc/" + pid + "/fd"))) {
            for (Path fd : fds.toList()) {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    if (target.startsWith("socket:[")) {
                        held.add(target.substring("socket:[".length(), target.length() - 1));
                    }
                } catch (IOException closedMeanwhile) {
                    // An fd closed while listing: not a socket it holds.
                }
            }
        }
        Set<String> network = new HashSet<>();
        for (String table : List.of("tcp", "tcp6", "udp", "udp6")) {
            Path file = Path.of("/proc/net", table);
            if (Files.exists(file)) {
                Files.readAllLines(file).stream().skip(1)
                        .map(line -> line.trim().split("\\s+"))
                        .filter(columns -> columns.length > 9 && held.contains(columns[9]))
                        .forEach(columns -> network.add(table + " " + columns[1]));
            }
        }
        return network;
    }

    private static List<Path> filesUnder(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            return paths.filter(Files::isRegularFile).toList();
        }
    }
}
