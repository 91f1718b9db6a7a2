// bin/hotload examples/java/hello/Hello.java, then change the greeting and save.
public class Hello {

    public static void main(String[] args) {
        String who = args.length > 0 ? args[0] : "world";
        System.out.println("Hello, " + who + "!");
    }
}
