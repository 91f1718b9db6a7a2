package dev.hotload.java;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.hotload.spi.LaunchException;
import org.eclipse.jdt.internal.compiler.impl.CompilerOptions;
import org.junit.jupiter.api.Test;

/** Which compiler is the default: ECJ, where it compiles the release of the Java hotload runs on. */
class JavaCompilerKindTest {

    private static final int ECJ_NEWEST = JavaCompilerKind.feature(CompilerOptions.getLatestVersion());

    @Test
    void ecjNamesItsReleasesAsJavaDoes() {
        assertThat(JavaCompilerKind.feature("1.8")).isEqualTo(8);
        assertThat(JavaCompilerKind.feature("23")).isEqualTo(23);
    }

    @Test
    void onAJavaEcjCompilesEcjIsTheDefault() throws Exception {
        assumeTrue(Runtime.version().feature() <= ECJ_NEWEST, "this Java is newer than ECJ compiles");

        assertThat(JavaCompilerKind.names()).containsExactly("ecj", "javac");
        assertThat(JavaCompilerKind.ECJ.tool()).isNotNull();
    }

    @Test
    void onAJavaNewerThanEcjCompilesJavacIsTheDefaultAndEcjSaysWhyNot() {
        assumeTrue(Runtime.version().feature() > ECJ_NEWEST, "ECJ compiles this Java's release");

        assertThat(JavaCompilerKind.names()).containsExactly("javac", "ecj");
        assertThatThrownBy(JavaCompilerKind.ECJ::tool).isInstanceOf(LaunchException.class)
                .hasMessageContaining("ECJ compiles Java up to " + ECJ_NEWEST);
    }
}
