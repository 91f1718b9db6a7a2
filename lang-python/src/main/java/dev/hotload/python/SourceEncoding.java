package dev.hotload.python;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a Python source's bytes are read: as its coding line says (PEP 263), else UTF-8, as Python 3 (and Groovy, and
 * javac on most systems) read every source. Jython, as Python 2, would refuse any byte past ASCII without a coding
 * line, and its error names no file line.
 */
final class SourceEncoding {

    /** PEP 263's regular expression, on the first or second line; a comment line, as Python 2.7 requires. */
    private static final Pattern CODING_LINE = Pattern.compile("^[ \\t\\f]*#.*?coding[:=][ \\t]*([-_.a-zA-Z0-9]+)");
    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private SourceEncoding() {
    }

    /**
     * @param source the file's bytes
     * @return the encoding to read them with when the file names none: UTF-8; empty when it names one itself, by
     *     a coding line or a UTF-8 byte order mark, which Jython honours
     */
    static Optional<String> defaultFor(byte[] source) {
        return startsWithBom(source) || declared(source).isPresent() ? Optional.empty() : Optional.of("utf-8");
    }

    /** Where a source's bytes do not decode: the line (from 1), its column (from 0) in {@code text}, the line, the byte. */
    record BadByte(int line, int column, String text, int value) {
    }

    /**
     * @param source the file's bytes
     * @return the first byte that its declared encoding (UTF-8 if none) cannot decode; empty if all decode, or if
     *     Java does not know the declared encoding (Jython's own error stands then)
     */
    static Optional<BadByte> firstBadByte(byte[] source) {
        Charset charset;
        try {
            charset = declared(source).map(SourceEncoding::javaName).map(Charset::forName).orElse(StandardCharsets.UTF_8);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException unknown) {
            return Optional.empty();
        }
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(source);
        CharBuffer out = CharBuffer.allocate(source.length + 1);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            return Optional.empty();
        }
        int at = in.position();
        int lineStart = 0;
        int line = 1;
        for (int i = 0; i < at; i++) {
            if (source[i] == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        int lineEnd = lineStart;
        while (lineEnd < source.length && source[lineEnd] != '\n' && source[lineEnd] != '\r') {
            lineEnd++;
        }
        // Bytes past ASCII written as \xNN, as Python 2 prints a str: the bad one is seen, and the caret finds it.
        StringBuilder text = new StringBuilder();
        int column = 0;
        for (int i = lineStart; i < lineEnd; i++) {
            if (i == at) {
                column = text.length();
            }
            int value = source[i] & 0xff;
            text.append(value < 0x80 ? String.valueOf((char) value) : String.format("\\x%02x", value));
        }
        return Optional.of(new BadByte(line, column, text.toString(), source[at] & 0xff));
    }

    /** @return the encoding a coding line names, if one does */
    static Optional<String> declared(byte[] source) {
        int lineStart = startsWithBom(source) ? 3 : 0;
        for (int line = 0; line < 2 && lineStart < source.length; line++) {
            int end = lineStart;
            while (end < source.length && source[end] != '\n' && source[end] != '\r') {
                end++;
            }
            // ISO-8859-1 maps each byte to one char: the line is looked at as bytes, whatever it holds.
            Matcher coding = CODING_LINE.matcher(new String(source, lineStart, end - lineStart, StandardCharsets.ISO_8859_1));
            if (coding.find()) {
                return Optional.of(coding.group(1));
            }
            if (end + 1 < source.length && source[end] == '\r' && source[end + 1] == '\n') {
                end++;
            }
            lineStart = end + 1;
        }
        return Optional.empty();
    }

    /** Python's names for Latin-1 that Java does not know as such. */
    private static String javaName(String python) {
        String name = python.toLowerCase(Locale.ROOT).replace('_', '-');
        return name.equals("latin-1") || name.startsWith("iso-latin-1") ? "ISO-8859-1" : name;
    }

    private static boolean startsWithBom(byte[] source) {
        return source.length >= 3 && source[0] == UTF8_BOM[0] && source[1] == UTF8_BOM[1] && source[2] == UTF8_BOM[2];
    }
}
