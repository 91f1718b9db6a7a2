package dev.hotload.python;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SourceEncodingTest {

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void withoutCodingLineItIsUtf8() {
        assertThat(SourceEncoding.defaultFor(utf8("s = 'café'\n"))).hasValue("utf-8");
        assertThat(SourceEncoding.defaultFor(utf8("#!/usr/bin/env python\nx = 1\n# coding: latin-1 on line 3 counts not\n")))
                .hasValue("utf-8");
    }

    @Test
    void aCodingLineOnLineOneOrTwoOrABomIsLeftToJython() {
        assertThat(SourceEncoding.declared(utf8("# -*- coding: latin-1 -*-\n"))).hasValue("latin-1");
        assertThat(SourceEncoding.declared(utf8("#!/usr/bin/env python\r\n# vim: set fileencoding=iso-8859-15 :\n")))
                .hasValue("iso-8859-15");
        assertThat(SourceEncoding.defaultFor(utf8("#!/usr/bin/env python\n# coding=utf-8\n"))).isEmpty();
        assertThat(SourceEncoding.defaultFor(utf8("\uFEFFs = 'café'\n"))).isEmpty();
        assertThat(SourceEncoding.declared(utf8("x = 1  # coding: latin-1\n"))).isEmpty(); // not a comment line
    }

    @Test
    void theFirstByteThatDoesNotDecodeIsFoundWithItsLineAndColumn() {
        byte[] latin = "x = 1\ns = 'café'\nt = 2\n".getBytes(StandardCharsets.ISO_8859_1);

        assertThat(SourceEncoding.firstBadByte(latin))
                .hasValue(new SourceEncoding.BadByte(2, 8, "s = 'caf\\xe9'", 0xe9));
        assertThat(SourceEncoding.firstBadByte(utf8("s = 'café'\n"))).isEmpty();
        assertThat(SourceEncoding.firstBadByte(utf8("# coding: ascii\ns = 'é'\n")))
                .hasValueSatisfying(bad -> assertThat(bad.line()).isEqualTo(2));
        assertThat(SourceEncoding.firstBadByte("# coding: latin-1\ns = 'é'\n".getBytes(StandardCharsets.ISO_8859_1))).isEmpty();
        assertThat(SourceEncoding.firstBadByte(utf8("# coding: no-such-codec\ns = 1\n"))).isEmpty();
    }
}
