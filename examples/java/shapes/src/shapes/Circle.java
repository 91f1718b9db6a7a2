package shapes;

/** A circle: change area() and save. */
record Circle(double radius) {

    double area() {
        return Math.PI * radius * radius;
    }
}
