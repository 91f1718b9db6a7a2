package dev.hotload.bench;

import java.util.List;
import java.util.Locale;

/**
 * The suite's chart, as SVG: for each language, the cold start without hotload beside the save-to-output time
 * with it, on a logarithmic scale (they differ by two orders of magnitude).
 */
final class Chart {

    private static final int WIDTH = 720;
    private static final int ROW = 70;
    private static final int LEFT = 170;
    private static final int BAR = 22;
    private static final double MIN_MS = 1;
    private static final double MAX_MS = 10_000;

    private Chart() {
    }

    static String svg(List<LanguageBench.Result> results, String machine) {
        int height = 70 + ROW * results.size() + 40;
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\""
                + " font-family=\"sans-serif\" font-size=\"13\">%n", WIDTH, height));
        svg.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        svg.append(text(10, 22, "Cold start without hotload, and save to new output with it (ms, log scale)", "bold"));
        svg.append(text(10, 40, machine, "normal"));
        for (int decade = 0; decade <= 4; decade++) {
            double ms = Math.pow(10, decade);
            int x = x(ms);
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"55\" x2=\"%d\" y2=\"%d\" stroke=\"#ddd\"/>%n", x, x, height - 30));
            svg.append(text(x - 12, height - 12, String.format(Locale.ROOT, "%,d", (long) ms), "normal"));
        }
        int y = 65;
        for (LanguageBench.Result result : results) {
            svg.append(text(10, y + BAR + 4, result.contender().title(), "bold"));
            svg.append(bar(y, result.coldMillis(), "#c44", String.format(Locale.ROOT, "cold start %.0f ms", result.coldMillis())));
            svg.append(bar(y + BAR + 4, result.saves().median(), "#38a", String.format(Locale.ROOT,
                    "hotload %.1f ms (%.0fx)", result.saves().median(), result.speedUp())));
            y += ROW;
        }
        return svg.append("</svg>\n").toString();
    }

    private static String bar(int y, double ms, String color, String label) {
        int end = x(ms);
        return String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\"/>%n", LEFT, y,
                Math.max(1, end - LEFT), BAR, color) + text(end + 6, y + BAR - 6, label, "normal");
    }

    private static int x(double ms) {
        double fraction = (Math.log10(Math.max(MIN_MS, ms)) - Math.log10(MIN_MS)) / (Math.log10(MAX_MS) - Math.log10(MIN_MS));
        return LEFT + (int) Math.round(fraction * (WIDTH - LEFT - 140));
    }

    private static String text(int x, int y, String content, String weight) {
        return String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-weight=\"%s\">%s</text>%n", x, y, weight,
                content.replace("&", "&amp;").replace("<", "&lt;"));
    }
}
