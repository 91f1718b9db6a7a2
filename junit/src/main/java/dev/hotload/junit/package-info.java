/**
 * Tests on every save ({@code hotload --test}) with the JUnit Platform: {@link dev.hotload.junit.JUnitPlatform} puts
 * JUnit on a program's libraries where it has none, and loads {@link dev.hotload.junit.PlatformTests} over them,
 * which runs the test classes with the launcher and reports through {@link dev.hotload.spi.TestReport}.
 */
package dev.hotload.junit;
