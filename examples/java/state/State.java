// bin/hotload examples/java/state/State.java: the slow computation runs once, and every save reuses it.
import dev.hotload.Hotload;
import java.util.concurrent.atomic.AtomicInteger;

public class State {

    public static void main(String[] args) throws InterruptedException {
        // Kept across reloads: computed on the first run only. Keep JDK or library types, not classes of your own.
        Integer constant = Hotload.keep("constant", State::expensiveComputation);
        AtomicInteger runs = Hotload.keep("runs", AtomicInteger::new);
        int run = runs.incrementAndGet();
        System.out.println("constant " + constant + ", run " + run);
        // Runs before the next reload (close a connection, stop a thread pool), and when hotload stops.
        Hotload.onUnload(() -> System.out.println("run " + run + " unloaded"));
    }

    static Integer expensiveComputation() {
        System.out.println("computing...");
        try {
            Thread.sleep(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 42;
    }
}
