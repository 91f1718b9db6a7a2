package calc;

/** Arithmetic on whole numbers: the class the tests of CalcTest check. */
public final class Calc {

    private Calc() {
    }

    public static int add(int a, int b) {
        return a + b;
    }

    public static int multiply(int a, int b) {
        return a * b;
    }
}
