// bin/hotload examples/java/hello/Hello.java, then change the greeting and save.
// bin/hotload --entrypoint render examples/java/hello/Hello.java runs render() instead of main.
public class Hello {

    public static void main(String[] args) {
        String who = args.length > 0 ? args[0] : "world";
        System.out.println("Hello, " + who + "!");
    }

    public static void render() {
        System.out.println("Rendered, with no arguments.");
    }
}
