package calc;

/** Reads "2 + 3" and "4 * 5", and works them out with Calc. */
public final class Parser {

    private Parser() {
    }

    public static int evaluate(String expression) {
        String[] parts = expression.trim().split("\\s+");
        if (parts.length != 3) {
            throw new IllegalArgumentException("expected 'a + b' or 'a * b', not '" + expression + "'");
        }
        int a = Integer.parseInt(parts[0]);
        int b = Integer.parseInt(parts[2]);
        return switch (parts[1]) {
            case "+" -> Calc.add(a, b);
            case "*" -> Calc.multiply(a, b);
            default -> throw new IllegalArgumentException("unknown operator '" + parts[1] + "'");
        };
    }
}
