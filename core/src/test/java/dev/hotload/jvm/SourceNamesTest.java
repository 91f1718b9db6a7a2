package dev.hotload.jvm;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The names compilers give what the user did not name, as the user wrote it. */
class SourceNamesTest {

    @Test
    void javacsAndEcjsLambdasAreNumberedMethodsAndJavacsNameTheirMethod() {
        assertThat(SourceNames.isNumberedMethod("lambda$main$0")).isTrue();
        assertThat(SourceNames.isNumberedMethod("lambda$0")).isTrue();
        assertThat(SourceNames.isNumberedMethod("lambdaHelper")).isFalse();

        assertThat(SourceNames.ofMethod("shop.App", "lambda$main$0")).isEqualTo("a lambda in App.main");
        assertThat(SourceNames.ofMethod("shop.App", "lambda$12")).isEqualTo("a lambda in App");
    }

    @Test
    void anonymousLocalAndClosureClassesAreNamedByWhereTheyAre() {
        assertThat(SourceNames.ofClass("Handlers$1")).isEqualTo("an anonymous class in Handlers");
        assertThat(SourceNames.ofClass("Handlers$1Local")).isEqualTo("a local class Local in Handlers");
        assertThat(SourceNames.ofClass("main$_run_closure1")).isEqualTo("a closure in main");
        assertThat(SourceNames.ofMethod("Outer$Inner", "render")).isEqualTo("Outer.Inner.render");
    }
}
