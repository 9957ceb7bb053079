package org.redress.reporting;

import org.springframework.web.util.HtmlUtils;

import java.util.List;
import java.util.Locale;

/**
 * Draws a simple bar chart as SVG on the server, for the PDF reports (the PDF renderer runs no JavaScript) and for
 * pages read without it. Each bar carries a title with its label and value, and the chart has a text title.
 */
final class ChartSvg {

    record Bar(String label, double value) {
    }

    static final int WIDTH = 640;
    static final int HEIGHT = 260;
    private static final int LEFT = 48;
    private static final int BOTTOM = 56;
    private static final int TOP = 24;

    private ChartSvg() {
    }

    static String bars(String title, List<Bar> bars) {
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

    /** The top of the scale: the maximum rounded up to 1, 2 or 5 times a power of ten (at least 1). */
    static double niceCeiling(double max) {
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
