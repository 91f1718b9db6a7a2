package dev.hotload.jvm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import javax.tools.ToolProvider;

/** Java sources compiled by javac into class files, for tests of what hotload does with them. */
final class JavaClasses {

    private JavaClasses() {
    }

    /**
     * @param dir an empty folder to compile in
     * @param sources each source's text by its file name, e.g. {@code A.java}
     * @return the class files, by binary name
     */
    static Map<String, byte[]> compile(Path dir, Map<String, String> sources) {
        try {
            Path src = Files.createDirectories(dir.resolve("src"));
            Path out = Files.createDirectories(dir.resolve("out"));
            String[] args = new String[sources.size() + 2];
            args[0] = "-d";
            args[1] = out.toString();
            int i = 2;
            for (Map.Entry<String, String> source : sources.entrySet()) {
                Path file = src.resolve(source.getKey());
                Files.writeString(file, source.getValue());
                args[i++] = file.toString();
            }
            assertThat(ToolProvider.getSystemJavaCompiler().run(null, null, null, args)).isZero();
            Map<String, byte[]> classes = new HashMap<>();
            try (Stream<Path> files = Files.walk(out)) {
                for (Path file : files.filter(path -> path.toString().endsWith(".class")).toList()) {
                    String name = out.relativize(file).toString().replace('/', '.');
                    classes.put(name.substring(0, name.length() - ".class".length()), Files.readAllBytes(file));
                }
            }
            return classes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the class file of the single class {@code source} declares, compiled under {@code dir} */
    static byte[] compileOne(Path dir, String name, String source) {
        return compile(dir, Map.of(name + ".java", source)).get(name);
    }
}
