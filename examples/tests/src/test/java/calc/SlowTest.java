package calc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Slow on purpose (two seconds): it uses no class of the program, so a save of Calc or Parser never runs it. */
class SlowTest {

    @Test
    void takesItsTime() throws InterruptedException {
        Thread.sleep(2000);
        assertEquals(4, 2 + 2);
    }
}
