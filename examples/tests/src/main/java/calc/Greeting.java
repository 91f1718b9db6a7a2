package calc;

/** Has nothing to do with Calc: a save here runs GreetingTest alone. */
public final class Greeting {

    private Greeting() {
    }

    public static String to(String name) {
        return "Hello, " + name + "!";
    }
}
