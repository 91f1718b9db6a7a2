// bin/hotload examples/java/shapes/src/shapes/Main.java: the source root is shapes/src, from the package.
// Edit Circle.java and save: only Circle.java and the sources that use it are recompiled.
package shapes;

public class Main {

    public static void main(String[] args) {
        Circle circle = new Circle(2);
        System.out.printf("A circle of radius %.1f has area %.2f%n", circle.radius(), circle.area());
    }
}
