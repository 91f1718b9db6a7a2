package dev.hotload.spi;

import java.util.Set;

/** Small reloaders for registry tests; their extensions are none that a real language claims. */
public final class TestReloaders {

    private TestReloaders() {
    }

    /** Claims {@code .alpha}. */
    public static final class Alpha extends Named {
        public Alpha() {
            super("alpha", ".alpha");
        }
    }

    /** Claims {@code .beta} and {@code .bt}. */
    public static final class Beta extends Named {
        public Beta() {
            super("beta", ".beta", ".bt");
        }
    }

    /** Another language that also claims Alpha's extension, in other case. */
    public static final class AlphaExtensionTwin extends Named {
        public AlphaExtensionTwin() {
            super("gamma", ".ALPHA");
        }
    }

    /** Another language under Alpha's name, in other case. */
    public static final class AlphaNameTwin extends Named {
        public AlphaNameTwin() {
            super("ALPHA", ".delta");
        }
    }

    /** A reloader that only has a name and extensions; opening it is never part of these tests. */
    abstract static class Named implements Reloader {
        private final String name;
        private final Set<String> extensions;

        Named(String name, String... extensions) {
            this.name = name;
            this.extensions = Set.of(extensions);
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public Set<String> extensions() {
            return extensions;
        }

        @Override
        public Session open(Launch launch) throws LaunchException {
            throw new LaunchException(name + " is a test reloader and runs nothing");
        }
    }
}
