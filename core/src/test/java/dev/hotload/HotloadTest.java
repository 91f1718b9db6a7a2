package dev.hotload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The API reloaded code calls, as a reloader drives it: generations begin, unload, end. */
class HotloadTest {

    @AfterEach
    void endSession() {
        KeptState.end();
    }

    @Test
    void keepComputesOnceAndReturnsTheSameObjectAfterLaterGenerations() {
        AtomicInteger computed = new AtomicInteger();
        KeptState.begin(new Generation());
        List<String> first = Hotload.keep("cache", () -> {
            computed.incrementAndGet();
            return new ArrayList<>();
        });
        KeptState.unload();
        KeptState.begin(new Generation());
        List<String> second = Hotload.keep("cache", ArrayList::new);

        assertThat(second).isSameAs(first);
        assertThat(computed).hasValue(1);
    }

    @Test
    void endForgetsKeptValues() {
        Object first = Hotload.keep("value", Object::new);
        KeptState.end();
        assertThat(Hotload.keep("value", Object::new)).isNotSameAs(first);
    }

    @Test
    void unloadHooksRunLatestFirstOnceEach() {
        List<String> ran = new ArrayList<>();
        Hotload.onUnload(() -> ran.add("server"));
        Hotload.onUnload(() -> ran.add("pool"));

        KeptState.unload();
        KeptState.unload();

        assertThat(ran).containsExactly("pool", "server");
    }

    @Test
    void aFailingHookIsReturnedAndTheOthersStillRun() {
        List<String> ran = new ArrayList<>();
        Hotload.onUnload(() -> ran.add("first"));
        Hotload.onUnload(() -> {
            throw new IllegalStateException("socket already closed");
        });

        List<Throwable> failures = KeptState.end();

        assertThat(ran).containsExactly("first");
        assertThat(failures).extracting(Throwable::getMessage).containsExactly("socket already closed");
    }

    @Test
    void aKeptObjectOfAnEarlierGenerationsClassFailsNamingTheKeyAndTheClass() throws Exception {
        Generation old = new Generation();
        KeptState.begin(old);
        Object counter = old.loadClass(Counter.class.getName()).getConstructor().newInstance();
        Hotload.keep("counter", () -> counter);
        assertThat(Hotload.keep("counter", Object::new)).isSameAs(counter);

        KeptState.begin(new Generation());

        assertThatThrownBy(() -> Hotload.keep("counter", Object::new))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("\"counter\"")
                .hasMessageContaining(Counter.class.getName())
                .hasMessageContaining("keep JDK or library types");
    }

    @Test
    void initMustNotReturnNull() {
        assertThatThrownBy(() -> Hotload.keep("nothing", () -> null)).hasMessageContaining("\"nothing\"");
    }

    /** A user's class. */
    public static final class Counter {
        public int count;
    }

    /** A loader of one generation: defines Counter itself, as a reloader's loader defines the user's classes. */
    private static final class Generation extends ClassLoader {
        Generation() {
            super(HotloadTest.class.getClassLoader());
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (!name.equals(Counter.class.getName())) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> loaded = findLoadedClass(name);
                if (loaded != null) {
                    return loaded;
                }
                try (InputStream in = getParent().getResourceAsStream(name.replace('.', '/') + ".class")) {
                    byte[] bytes = in.readAllBytes();
                    return defineClass(name, bytes, 0, bytes.length);
                } catch (IOException e) {
                    throw new ClassNotFoundException(name, e);
                }
            }
        }
    }
}
