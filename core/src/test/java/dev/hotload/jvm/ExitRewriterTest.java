package dev.hotload.jvm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hotload.run.ExitRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** System.exit and its kin, rewritten as classes are defined, so that a program's exit ends its run only. */
class ExitRewriterTest {

    @TempDir
    Path dir;

    @Test
    void aClassThatNeverExitsIsDefinedAsCompiled() throws Exception {
        byte[] bytes = compile("Quiet", "class Quiet { void run() { System.out.println(\"exit\"); Runtime.getRuntime().gc(); } }");

        assertThat(ExitRewriter.rewrite(bytes)).isSameAs(bytes);
    }

    @Test
    void eachExitCallThrowsAnExitRequestWithItsStatus() throws Exception {
        byte[] bytes = compile("Exits", """
                public class Exits {
                    public static void system() { System.exit(3); }
                    public static void runtime() { Runtime.getRuntime().exit(4); }
                    public static void halt() { Runtime.getRuntime().halt(5); }
                    public static void caught() {
                        try { System.exit(6); } catch (Exception swallowed) { }
                    }
                }
                """);
        Class<?> exits = new Generation(1, Map.of("Exits", bytes), ApiLoader.ofApiOnly(), List.of(dir)).loadClass("Exits");

        assertThat(statusOf(exits, "system")).isEqualTo(3);
        assertThat(statusOf(exits, "runtime")).isEqualTo(4);
        assertThat(statusOf(exits, "halt")).isEqualTo(5);
        assertThat(statusOf(exits, "caught")).isEqualTo(6);
    }

    private static int statusOf(Class<?> exits, String method) {
        ExitRequest[] thrown = new ExitRequest[1];
        assertThatThrownBy(() -> {
            try {
                exits.getMethod(method).invoke(null);
            } catch (java.lang.reflect.InvocationTargetException e) {
                thrown[0] = (ExitRequest) e.getCause();
                throw e.getCause();
            }
        }).isInstanceOf(ExitRequest.class).hasMessageContaining("ends this run of the program, not hotload");
        return thrown[0].status();
    }

    private byte[] compile(String name, String source) throws Exception {
        Path file = dir.resolve(name + ".java");
        Files.writeString(file, source);
        int status = ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", dir.toString(), file.toString());
        assertThat(status).isZero();
        return Files.readAllBytes(dir.resolve(name + ".class"));
    }
}
