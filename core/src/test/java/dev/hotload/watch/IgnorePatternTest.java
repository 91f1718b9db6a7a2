package dev.hotload.watch;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The rules of gitignore(5), each with the examples git's documentation gives where it gives one. */
class IgnorePatternTest {

    private static boolean file(String pattern, String relative) {
        return matches(pattern, relative, false);
    }

    private static boolean folder(String pattern, String relative) {
        return matches(pattern, relative, true);
    }

    private static boolean matches(String pattern, String relative, boolean folder) {
        String name = relative.substring(relative.lastIndexOf('/') + 1);
        return IgnorePattern.parse(pattern).orElseThrow().matches(relative, name, folder);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "# a comment", "/", "!"})
    void blankLinesCommentsAndBareSlashesMatchNothing(String line) {
        assertThat(IgnorePattern.parse(line)).isEmpty();
    }

    @Test
    void aBackslashEscapesALeadingHashOrBangAndTrailingSpaces() {
        assertThat(file("\\#notes", "#notes")).isTrue();
        assertThat(file("\\!important", "!important")).isTrue();
        assertThat(IgnorePattern.parse("\\!important").orElseThrow().isNegated()).isFalse();
        assertThat(file("a\\ ", "a ")).isTrue();
        assertThat(file("a   ", "a")).isTrue();
    }

    @Test
    void aBangNegates() {
        assertThat(IgnorePattern.parse("!keep.log").orElseThrow().isNegated()).isTrue();
        assertThat(file("!keep.log", "logs/keep.log")).isTrue();
    }

    @Test
    void aPatternWithoutSlashMatchesANameAtAnyDepth() {
        assertThat(file("*.log", "a.log")).isTrue();
        assertThat(file("*.log", "deep/down/a.log")).isTrue();
        assertThat(file("*.log", "a.logx")).isFalse();
        assertThat(folder("frotz", "a/frotz")).isTrue();
        assertThat(file("tmp*", "src/tmp1.py")).isTrue();
        assertThat(file("exact.py", "x/exact.py")).isTrue();
        assertThat(file("exact.py", "x/inexact.py")).isFalse();
    }

    @Test
    void aTrailingSlashMatchesFoldersOnly() {
        // gitignore(5): "frotz/" matches "frotz" and "a/frotz" that is a directory
        assertThat(folder("frotz/", "frotz")).isTrue();
        assertThat(folder("frotz/", "a/frotz")).isTrue();
        assertThat(file("frotz/", "a/frotz")).isFalse();
    }

    @Test
    void aLeadingOrMiddleSlashAnchorsToTheIgnoreFilesFolder() {
        // gitignore(5): "doc/frotz/" matches "doc/frotz" but not "a/doc/frotz"; "/bar" only "bar" at the top
        assertThat(folder("doc/frotz/", "doc/frotz")).isTrue();
        assertThat(folder("doc/frotz/", "a/doc/frotz")).isFalse();
        assertThat(file("/bar", "bar")).isTrue();
        assertThat(file("/bar", "a/bar")).isFalse();
        assertThat(file("/*.c", "cat-file.c")).isTrue();
        assertThat(file("/*.c", "mozilla-sha1/sha1.c")).isFalse();
    }

    @Test
    void aStarOrQuestionMarkNeverMatchesASlash() {
        assertThat(file("foo/*", "foo/test.json")).isTrue();
        assertThat(folder("foo/*", "foo/bar")).isTrue();
        assertThat(file("foo/*", "foo/bar/hello.c")).isFalse();
        assertThat(file("a?c/x", "abc/x")).isTrue();
        assertThat(file("a?c/x", "a/c/x")).isFalse();
    }

    @ParameterizedTest
    @CsvSource({"**/foo, foo, true", "**/foo, a/b/foo, true", "**/foo/bar, x/foo/bar, true", "**/foo/bar, foo/bar, true",
            "abc/**, abc/x, true", "abc/**, abc/x/y, true", "abc/**, abc, false", "abc/**, x/abc/y, false",
            "a/**/b, a/b, true", "a/**/b, a/x/b, true", "a/**/b, a/x/y/b, true", "a/**/b, b, false",
            "a**b/c, axyb/c, true", "a**b/c, ax/yb/c, false"})
    void twoStarsSpanFolders(String pattern, String path, boolean matched) {
        assertThat(file(pattern, path)).isEqualTo(matched);
    }

    @Test
    void bracketsAreACharacterClass() {
        assertThat(file("*.py[co]", "a.pyc")).isTrue();
        assertThat(file("*.py[co]", "a.py")).isFalse();
        assertThat(file("[!a]*.txt", "b.txt")).isTrue();
        assertThat(file("[!a]*.txt", "a.txt")).isFalse();
        assertThat(file("v[0-9].md", "v7.md")).isTrue();
    }

    @Test
    void otherRegularExpressionCharactersAreLiteral() {
        assertThat(file("a.b(c)+$", "a.b(c)+$")).isTrue();
        assertThat(file("a.b(c)+$", "axb(c)+$")).isFalse();
        assertThat(file("src/a+b.py", "src/a+b.py")).isTrue();
    }
}
