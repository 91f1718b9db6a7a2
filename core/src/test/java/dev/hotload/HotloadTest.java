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

    /** What the runner does between two generations, minus its bound (see the run package's tests). */
    private static void unload() {
        KeptState.takeHooks().forEach(hook -> hook.action().run());
    }

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
        unload();
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

        unload();
        unload();

        assertThat(ran).containsExactly("pool", "server");
    }

    @Test
    void aHookIsNamedByTheProgramsFrameThatRegisteredIt() throws Exception {
        Generation generation = new Generation();
        ((Runnable) generation.loadClass(Registrar.class.getName()).getConstructor().newInstance()).run();

        assertThat(KeptState.takeHooks()).extracting(KeptState.Hook::origin).singleElement().asString()
                .startsWith(Registrar.class.getName() + ".run(HotloadTest.java:");
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

    /** A user's class that registers a hook. */
    public static final class Registrar implements Runnable {
        @Override
        public void run() {
            Hotload.onUnload(() -> { });
        }
    }

    /** A loader of one generation: defines Counter and Registrar itself, as a reloader defines the user's classes. */
    private static final class Generation extends ClassLoader {
        Generation() {
            super(HotloadTest.class.getClassLoader());
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (!name.equals(Counter.class.getName()) && !name.equals(Registrar.class.getName())) {
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
