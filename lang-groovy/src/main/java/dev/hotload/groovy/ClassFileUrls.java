package dev.hotload.groovy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLConnection;
import java.net.URLStreamHandler;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * URLs that serve class files held in memory, for Groovy's class-file reader: it reads the program's unchanged
 * classes this way, as it reads a library's from its jar, without loading them. Groovy caches what it reads by
 * URL, so each URL names its content's digest: a changed class gets a new URL, an unchanged one keeps its own.
 */
final class ClassFileUrls {

    private static final String PROTOCOL = "hotload-class";

    private ClassFileUrls() {
    }

    /** @return a URL whose content is {@code bytes}, the class file of {@code className} */
    static URL of(String className, byte[] bytes) {
        String path = "/" + digest(bytes) + "/" + className.replace('.', '/') + ".class";
        try {
            return new URL(PROTOCOL, "", -1, path, new Handler(bytes));
        } catch (MalformedURLException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String digest(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** Serves one class file; a URL keeps its handler, so the bytes go wherever the URL goes. */
    private static final class Handler extends URLStreamHandler {

        private final byte[] bytes;

        Handler(byte[] bytes) {
            this.bytes = bytes;
        }

        @Override
        protected URLConnection openConnection(URL url) {
            return new URLConnection(url) {
                @Override
                public void connect() {
                    connected = true;
                }

                @Override
                public InputStream getInputStream() {
                    return new ByteArrayInputStream(bytes);
                }

                @Override
                public int getContentLength() {
                    return bytes.length;
                }
            };
        }
    }
}
