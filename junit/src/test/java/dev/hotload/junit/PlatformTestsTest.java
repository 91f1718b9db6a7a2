package dev.hotload.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hotload.spi.TestReport;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PlatformTestsTest {

    @Test
    void reportsEachTestByItsClassAndMethodWithWhatAFailedOneThrew() {
        TestReport report = new PlatformTests().run(List.of(Sums.class));

        assertThat(report.passed()).containsExactlyInAnyOrder("PlatformTestsTest.Sums.adds",
                "PlatformTestsTest.Sums.isPositive [1] 1", "PlatformTestsTest.Sums.isPositive [2] 2");
        assertThat(report.failed()).singleElement().satisfies(failure -> {
            assertThat(failure.test()).isEqualTo("PlatformTestsTest.Sums.subtracts");
            assertThat(failure.error()).isInstanceOf(AssertionError.class).hasMessageContaining("expected: <1> but was: <5>");
        });
        assertThat(report.count()).isEqualTo(4);
    }

    @Test
    void aTestThatIgnoresItsInterruptFailsAtItsTimeLimitAndTheRunGoesOn() {
        Instant start = Instant.now();
        TestReport report = new PlatformTests("300 ms").run(List.of(Stuck.class));

        assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(5));
        assertThat(report.failed()).singleElement().satisfies(failure -> {
            assertThat(failure.test()).isEqualTo("PlatformTestsTest.Stuck.spins");
            assertThat(failure.error()).hasMessageContaining("timed out after 300 milliseconds");
        });
        assertThat(report.passed()).containsExactly("PlatformTestsTest.Stuck.after");
    }

    @Test
    void aClassWhoseSetUpFailsIsOneFailureNamedByTheClass() {
        TestReport report = new PlatformTests().run(List.of(BrokenSetUp.class));

        assertThat(report.passed()).isEmpty();
        assertThat(report.failed()).singleElement().satisfies(failure -> {
            assertThat(failure.test()).isEqualTo("PlatformTestsTest.BrokenSetUp");
            assertThat(failure.error()).hasMessage("no database");
        });
    }

    @Test
    void testClassesAreTopLevelClassesThatUseJUnit() {
        PlatformTests tests = new PlatformTests();

        assertThat(tests.isTestClass("calc.CalcTest", Set.of("org.junit.jupiter.api.Test", "calc.Calc"))).isTrue();
        assertThat(tests.isTestClass("calc.CalcTest$Nested", Set.of("org.junit.jupiter.api.Test"))).isFalse();
        assertThat(tests.isTestClass("calc.Calc", Set.of("java.lang.Math"))).isFalse();
    }

    static class Sums {
        @Test
        void adds() {
            assertEquals(5, 2 + 3);
        }

        @Test
        void subtracts() {
            assertEquals(1, 2 + 3);
        }

        @ParameterizedTest
        @ValueSource(ints = {1, 2})
        void isPositive(int n) {
            assertThat(n).isPositive();
        }
    }

    static class Stuck {
        @Test
        void spins() {
            long end = System.nanoTime() + Duration.ofSeconds(3).toNanos();
            while (System.nanoTime() < end) {
                Thread.interrupted(); // deaf to the time limit's interrupt: spins to its own end
            }
        }

        @Test
        void after() {
            assertEquals(2, 1 + 1);
        }
    }

    static class BrokenSetUp {
        @org.junit.jupiter.api.BeforeAll
        static void connect() {
            throw new IllegalStateException("no database");
        }

        @Test
        void queries() {
        }
    }
}
