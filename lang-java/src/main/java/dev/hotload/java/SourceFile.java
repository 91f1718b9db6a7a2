package dev.hotload.java;

import dev.hotload.compiled.SourceText;
import javax.tools.SimpleJavaFileObject;

/**
 * A source as javac reads it: the text the build read for this compile, never the file again (javac's own file
 * manager caches contents by modification time: two saves within the file system's time resolution would
 * compile the older one).
 */
final class SourceFile extends SimpleJavaFileObject {

    private final SourceText text;

    SourceFile(SourceText text) {
        super(text.path().toUri(), Kind.SOURCE);
        this.text = text;
    }

    SourceText text() {
        return text;
    }

    @Override
    public CharSequence getCharContent(boolean ignoreEncodingErrors) {
        return text.content();
    }
}
