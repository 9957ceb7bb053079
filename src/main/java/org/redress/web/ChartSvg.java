package org.redress.web;

import org.springframework.web.util.HtmlUtils;

import java.util.List;
import java.util.Locale;

/**
 * Draws simple bar charts as SVG on the server, for the PDF reports (the PDF renderer runs no JavaScript) and for
 * pages read without it: one bar per label (reporting's charts), or two bars per label, one for each of two series
 * (what-if's "today" beside "under the draft"). Each bar carries a title with its label and value, and the chart has a
 * text title; a table beside it always holds the same figures. Shared here, with the PDF renderer, so that every
 * module's charts have the same size, scale, colours and titles.
 */
public final class ChartSvg {

    /** One bar: its label under the axis and its value. */
    public record Bar(String label, double value) {
    }

    /**
     * Two bars side by side under one label, e.g. a week's figure today and under a draft.
     *
     * @param label what the bars' titles say they are ("week of 2027-01-04")
     * @param axis the shorter text written under the axis ("4 Jan")
     */
    public record Pair(String label, String axis, double first, double second) {
    }

    public static final int WIDTH = 640;
    public static final int HEIGHT = 260;
    /** The paired chart is wider: a year of weeks is 52 pairs. */
    public static final int PAIRED_WIDTH = 720;
    public static final int PAIRED_HEIGHT = 280;
    public static final String FIRST = "#1d70b8";
    public static final String SECOND = "#f47738";
    private static final int LEFT = 48;
    private static final int BOTTOM = 56;
    private static final int TOP = 24;
    private static final int PAIRED_BOTTOM = 64;
    private static final int PAIRED_TOP = 32;

    private ChartSvg() {
    }

    public static String bars(String title, List<Bar> bars) {
        double max = bars.stream().mapToDouble(Bar::value).max().orElse(0);
        double scaleTop = niceCeiling(max);
        int plotHeight = HEIGHT - TOP - BOTTOM;
        int plotWidth = WIDTH - LEFT - 8;
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(WIDTH).append("\" height=\"").append(HEIGHT)
                .append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT).append("\" role=\"img\" aria-label=\"")
                .append(esc(title)).append("\">");
        svg.append("<title>").append(esc(title)).append("</title>");
        svg.append("<rect x=\"0\" y=\"0\" width=\"").append(WIDTH).append("\" height=\"").append(HEIGHT).append("\" fill=\"#ffffff\"/>");
        for (int i = 0; i <= 4; i++) {
            double v = scaleTop * i / 4;
            double y = TOP + plotHeight - plotHeight * i / 4.0;
            svg.append("<line x1=\"").append(LEFT).append("\" x2=\"").append(WIDTH - 8).append("\" y1=\"").append(f(y))
                    .append("\" y2=\"").append(f(y)).append("\" stroke=\"#b1b4b6\" stroke-width=\"1\"/>");
            svg.append("<text x=\"").append(LEFT - 6).append("\" y=\"").append(f(y + 4)).append("\" font-size=\"11\" text-anchor=\"end\" fill=\"#0b0c0c\">")
                    .append(label(v)).append("</text>");
        }
        if (!bars.isEmpty()) {
            double slot = (double) plotWidth / bars.size();
            double barWidth = Math.max(2, slot * 0.7);
            for (int i = 0; i < bars.size(); i++) {
                Bar bar = bars.get(i);
                double h = scaleTop == 0 ? 0 : plotHeight * bar.value() / scaleTop;
                double x = LEFT + slot * i + (slot - barWidth) / 2;
                double y = TOP + plotHeight - h;
                svg.append("<rect class=\"bar\" x=\"").append(f(x)).append("\" y=\"").append(f(y)).append("\" width=\"").append(f(barWidth))
                        .append("\" height=\"").append(f(h)).append("\" fill=\"#1d70b8\"><title>").append(esc(bar.label())).append(": ")
                        .append(label(bar.value())).append("</title></rect>");
                double cx = LEFT + slot * i + slot / 2;
                svg.append("<text x=\"").append(f(cx)).append("\" y=\"").append(f(y - 4)).append("\" font-size=\"11\" text-anchor=\"middle\" fill=\"#0b0c0c\">")
                        .append(label(bar.value())).append("</text>");
                svg.append("<text x=\"").append(f(cx)).append("\" y=\"").append(TOP + plotHeight + 16)
                        .append("\" font-size=\"10\" text-anchor=\"middle\" fill=\"#0b0c0c\">").append(esc(shorten(bar.label(), slot))).append("</text>");
            }
        }
        svg.append("<line x1=\"").append(LEFT).append("\" x2=\"").append(WIDTH - 8).append("\" y1=\"").append(TOP + plotHeight)
                .append("\" y2=\"").append(TOP + plotHeight).append("\" stroke=\"#0b0c0c\" stroke-width=\"1\"/>");
        svg.append("</svg>");
        return svg.toString();
    }

    /**
     * Two bars per label, the first series in blue and the second in orange, with a legend naming them; under a long
     * run of labels only every few are written under the axis (each bar's title still names its own).
     */
    public static String pairs(String title, String firstName, String secondName, List<Pair> pairs) {
        double max = pairs.stream().mapToDouble(p -> Math.max(p.first(), p.second())).max().orElse(0);
        double top = niceCeiling(max);
        int plotHeight = PAIRED_HEIGHT - PAIRED_TOP - PAIRED_BOTTOM;
        int plotWidth = PAIRED_WIDTH - LEFT - 8;
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(PAIRED_WIDTH).append("\" height=\"").append(PAIRED_HEIGHT)
                .append("\" viewBox=\"0 0 ").append(PAIRED_WIDTH).append(' ').append(PAIRED_HEIGHT).append("\" role=\"img\" aria-label=\"")
                .append(esc(title)).append("\"><title>").append(esc(title)).append("</title>");
        svg.append("<rect x=\"0\" y=\"0\" width=\"").append(PAIRED_WIDTH).append("\" height=\"").append(PAIRED_HEIGHT).append("\" fill=\"#ffffff\"/>");
        legend(svg, LEFT, FIRST, firstName);
        legend(svg, LEFT + Math.max(90, 28 + 7 * firstName.length()), SECOND, secondName);
        for (int i = 0; i <= 4; i++) {
            double y = PAIRED_TOP + plotHeight - plotHeight * i / 4.0;
            svg.append("<line x1=\"").append(LEFT).append("\" x2=\"").append(PAIRED_WIDTH - 8).append("\" y1=\"").append(f(y)).append("\" y2=\"")
                    .append(f(y)).append("\" stroke=\"#b1b4b6\" stroke-width=\"1\"/><text x=\"").append(LEFT - 6).append("\" y=\"")
                    .append(f(y + 4)).append("\" font-size=\"11\" text-anchor=\"end\" fill=\"#0b0c0c\">").append(label(top * i / 4))
                    .append("</text>");
        }
        if (!pairs.isEmpty()) {
            double slot = (double) plotWidth / pairs.size();
            double bar = Math.max(1, slot * 0.38);
            int every = Math.max(1, (int) Math.ceil(pairs.size() / (plotWidth / 44.0)));
            for (int i = 0; i < pairs.size(); i++) {
                Pair pair = pairs.get(i);
                double x = LEFT + slot * i + (slot - 2 * bar) / 2;
                pairBar(svg, x, bar, pair.first(), top, plotHeight, FIRST, pair.label() + ", " + firstName + ": " + label(pair.first()));
                pairBar(svg, x + bar, bar, pair.second(), top, plotHeight, SECOND, pair.label() + ", " + secondName + ": " + label(pair.second()));
                if (i % every == 0) {
                    svg.append("<text x=\"").append(f(LEFT + slot * i + slot / 2)).append("\" y=\"").append(PAIRED_TOP + plotHeight + 14)
                            .append("\" font-size=\"10\" text-anchor=\"middle\" fill=\"#0b0c0c\">").append(esc(pair.axis())).append("</text>");
                }
            }
        }
        svg.append("<line x1=\"").append(LEFT).append("\" x2=\"").append(PAIRED_WIDTH - 8).append("\" y1=\"").append(PAIRED_TOP + plotHeight)
                .append("\" y2=\"").append(PAIRED_TOP + plotHeight).append("\" stroke=\"#0b0c0c\" stroke-width=\"1\"/></svg>");
        return svg.toString();
    }

    private static void pairBar(StringBuilder svg, double x, double width, double value, double top, int plotHeight, String colour, String title) {
        double h = top == 0 ? 0 : plotHeight * value / top;
        svg.append("<rect x=\"").append(f(x)).append("\" y=\"").append(f(PAIRED_TOP + plotHeight - h)).append("\" width=\"").append(f(width))
                .append("\" height=\"").append(f(h)).append("\" fill=\"").append(colour).append("\"><title>").append(esc(title))
                .append("</title></rect>");
    }

    private static void legend(StringBuilder svg, int x, String colour, String text) {
        svg.append("<rect x=\"").append(x).append("\" y=\"8\" width=\"12\" height=\"12\" fill=\"").append(colour).append("\"/><text x=\"")
                .append(x + 16).append("\" y=\"18\" font-size=\"12\" fill=\"#0b0c0c\">").append(esc(text)).append("</text>");
    }

    /** The top of the scale: the maximum rounded up to 1, 2 or 5 times a power of ten (at least 1). */
    public static double niceCeiling(double max) {
        if (max <= 1) {
            return 1;
        }
        double power = Math.pow(10, Math.floor(Math.log10(max)));
        for (double step : new double[] {1, 2, 5, 10}) {
            if (step * power >= max) {
                return step * power;
            }
        }
        return 10 * power;
    }

    private static String shorten(String label, double slot) {
        int chars = Math.max(3, (int) (slot / 6));
        return label.length() <= chars ? label : label.substring(0, chars - 1) + "…";
    }

    private static String label(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.format(Locale.UK, "%.1f", v);
    }

    private static String f(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    private static String esc(String text) {
        return HtmlUtils.htmlEscape(text, "UTF-8");
    }
}
