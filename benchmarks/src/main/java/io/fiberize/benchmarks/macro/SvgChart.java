package io.fiberize.benchmarks.macro;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * Draw the report's charts as standalone SVG: a line chart (one line per series, logarithmic or linear x
 * axis) and a bar chart, each with axes, ticks, axis labels and a legend.
 */
final class SvgChart {

    /** How a line chart lays out its x axis. */
    enum XScale {
        /** Logarithmic, ticked at the x values present: connection counts. */
        LOGARITHMIC,
        /** Linear from 0, ticked at round values: time. */
        LINEAR
    }

    /**
     * Hold one line of a line chart.
     *
     * @param name the name in the legend
     * @param points the points, each {x, y}; points with a NaN y are left out
     */
    record Series(String name, List<double[]> points) {
    }

    /**
     * Hold one bar of a bar chart.
     *
     * @param label the label under the bar
     * @param value its height; NaN draws no bar and says {@code n/a}
     * @param note a second line under the label (e.g. how many connections it reached), or empty
     */
    record Bar(String label, double value, String note) {
    }

    private static final int WIDTH = 860;
    private static final int HEIGHT = 480;
    private static final int LEFT = 100;
    private static final int RIGHT = 220;
    private static final int TOP = 50;
    private static final int BOTTOM = 70;
    private static final int PLOT_WIDTH = WIDTH - LEFT - RIGHT;
    private static final int PLOT_HEIGHT = HEIGHT - TOP - BOTTOM;
    private static final int Y_TICKS = 5;
    private static final String[] COLOURS = {
        "#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f"};

    private SvgChart() {
    }

    /**
     * Draw a line chart of {@code series} against a logarithmic x axis ticked at the x values present.
     */
    static String lines(String title, String xLabel, String yLabel, List<Series> series) {
        return lines(XScale.LOGARITHMIC, title, xLabel, yLabel, series);
    }

    /**
     * Draw a line chart of {@code series} against an x axis laid out by {@code scale}.
     */
    static String lines(XScale scale, String title, String xLabel, String yLabel, List<Series> series) {
        TreeSet<Double> xs = new TreeSet<>();
        double yMax = 0;
        for (Series line : series) {
            for (double[] point : line.points()) {
                if (!Double.isNaN(point[1])) {
                    xs.add(point[0]);
                    yMax = Math.max(yMax, point[1]);
                }
            }
        }
        double top = niceCeiling(yMax);
        boolean log = scale == XScale.LOGARITHMIC;
        double min;
        double max;
        List<Double> ticks = new ArrayList<>();
        if (log) {
            min = xs.isEmpty() ? 0 : Math.log10(xs.first());
            max = xs.isEmpty() ? 1 : Math.log10(xs.last());
            if (max - min < 1e-9) {
                min -= 0.5;
                max += 0.5;
            }
            ticks.addAll(xs);
        } else {
            min = 0;
            double last = xs.isEmpty() ? 1 : xs.last();
            double step = niceCeiling(last / Y_TICKS);
            max = Math.ceil(last / step) * step;
            for (double tick = 0; tick <= max; tick += step) {
                ticks.add(tick);
            }
        }
        StringBuilder svg = start(title);
        yAxis(svg, yLabel, top);
        for (double x : ticks) {
            double px = LEFT + ((log ? Math.log10(x) : x) - min) / (max - min) * PLOT_WIDTH;
            svg.append(line(px, TOP + PLOT_HEIGHT, px, TOP + PLOT_HEIGHT + 5, "#000"));
            svg.append(text(px, TOP + PLOT_HEIGHT + 20, "middle", Format.whole(x)));
        }
        svg.append(text(LEFT + PLOT_WIDTH / 2.0, HEIGHT - 20, "middle", xLabel));
        for (int i = 0; i < series.size(); i++) {
            String colour = COLOURS[i % COLOURS.length];
            List<String> coordinates = new ArrayList<>();
            for (double[] point : series.get(i).points()) {
                if (Double.isNaN(point[1])) {
                    continue;
                }
                double px = LEFT + ((log ? Math.log10(point[0]) : point[0]) - min) / (max - min) * PLOT_WIDTH;
                double py = TOP + PLOT_HEIGHT - point[1] / top * PLOT_HEIGHT;
                coordinates.add(number(px) + "," + number(py));
                svg.append("<circle cx=\"").append(number(px)).append("\" cy=\"").append(number(py))
                        .append("\" r=\"4\" fill=\"").append(colour).append("\"/>\n");
            }
            svg.append("<polyline fill=\"none\" stroke-width=\"2\" stroke=\"").append(colour)
                    .append("\" points=\"").append(String.join(" ", coordinates)).append("\"/>\n");
            legend(svg, i, colour, series.get(i).name());
        }
        return svg.append("</svg>\n").toString();
    }

    /**
     * Draw a bar chart of {@code bars}, each bar labelled with its value.
     */
    static String bars(String title, String yLabel, List<Bar> bars) {
        double yMax = bars.stream().mapToDouble(Bar::value).filter(v -> !Double.isNaN(v)).max().orElse(0);
        double top = niceCeiling(yMax);
        StringBuilder svg = start(title);
        yAxis(svg, yLabel, top);
        double slot = PLOT_WIDTH / (double) Math.max(1, bars.size());
        for (int i = 0; i < bars.size(); i++) {
            Bar bar = bars.get(i);
            String colour = COLOURS[i % COLOURS.length];
            double centre = LEFT + slot * (i + 0.5);
            if (Double.isNaN(bar.value())) {
                svg.append(text(centre, TOP + PLOT_HEIGHT - 8, "middle", "n/a"));
            } else {
                double height = bar.value() / top * PLOT_HEIGHT;
                svg.append("<rect x=\"").append(number(centre - slot * 0.3)).append("\" y=\"")
                        .append(number(TOP + PLOT_HEIGHT - height)).append("\" width=\"").append(number(slot * 0.6))
                        .append("\" height=\"").append(number(height)).append("\" fill=\"").append(colour)
                        .append("\"/>\n");
                svg.append(text(centre, TOP + PLOT_HEIGHT - height - 6, "middle", Format.twoDecimals(bar.value())));
            }
            svg.append(text(centre, TOP + PLOT_HEIGHT + 20, "middle", bar.label()));
            svg.append(text(centre, TOP + PLOT_HEIGHT + 38, "middle", bar.note()));
            legend(svg, i, colour, bar.label());
        }
        return svg.append("</svg>\n").toString();
    }

    /**
     * Return the smallest of 1, 2, 2.5 or 5 times a power of ten that is at least {@code value} (1 for 0).
     */
    static double niceCeiling(double value) {
        if (!(value > 0)) {
            return 1;
        }
        double power = Math.pow(10, Math.floor(Math.log10(value)));
        for (double step : new double[] {1, 2, 2.5, 5, 10}) {
            if (step * power >= value) {
                return step * power;
            }
        }
        return 10 * power;
    }

    private static StringBuilder start(String title) {
        StringBuilder svg = new StringBuilder();
        svg.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(WIDTH).append("\" height=\"")
                .append(HEIGHT).append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
                .append("\" font-family=\"sans-serif\" font-size=\"13\">\n")
                .append("<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>\n")
                .append("<text x=\"").append(WIDTH / 2).append("\" y=\"28\" text-anchor=\"middle\" font-size=\"16\">")
                .append(escape(title)).append("</text>\n");
        return svg;
    }

    private static void yAxis(StringBuilder svg, String yLabel, double top) {
        svg.append(line(LEFT, TOP, LEFT, TOP + PLOT_HEIGHT, "#000"));
        svg.append(line(LEFT, TOP + PLOT_HEIGHT, LEFT + PLOT_WIDTH, TOP + PLOT_HEIGHT, "#000"));
        for (int i = 0; i <= Y_TICKS; i++) {
            double value = top * i / Y_TICKS;
            double py = TOP + PLOT_HEIGHT - PLOT_HEIGHT * i / (double) Y_TICKS;
            svg.append(line(LEFT, py, LEFT + PLOT_WIDTH, py, "#ddd"));
            svg.append(text(LEFT - 8, py + 4, "end", top >= 100 ? Format.whole(value)
                    : String.format(Locale.ROOT, "%.1f", value)));
        }
        svg.append("<text transform=\"translate(24,").append(number(TOP + PLOT_HEIGHT / 2.0))
                .append(") rotate(-90)\" text-anchor=\"middle\">").append(escape(yLabel)).append("</text>\n");
    }

    private static void legend(StringBuilder svg, int index, String colour, String name) {
        double y = TOP + 10 + index * 22;
        double x = LEFT + PLOT_WIDTH + 20;
        svg.append("<rect x=\"").append(number(x)).append("\" y=\"").append(number(y - 10))
                .append("\" width=\"14\" height=\"14\" fill=\"").append(colour).append("\"/>\n");
        svg.append(text(x + 22, y + 2, "start", name));
    }

    private static String line(double x1, double y1, double x2, double y2, String colour) {
        return "<line x1=\"" + number(x1) + "\" y1=\"" + number(y1) + "\" x2=\"" + number(x2) + "\" y2=\""
                + number(y2) + "\" stroke=\"" + colour + "\"/>\n";
    }

    private static String text(double x, double y, String anchor, String content) {
        return "<text x=\"" + number(x) + "\" y=\"" + number(y) + "\" text-anchor=\"" + anchor + "\">"
                + escape(content) + "</text>\n";
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
