package org.redress.whatif;

import org.springframework.web.util.HtmlUtils;

import java.util.List;
import java.util.Locale;

/**
 * The weekly chart of responses due, today beside the draft: two bars a week, drawn as SVG on the server the way the
 * reporting module draws its PDF charts (same size, scale, colours and titles), so it shows without JavaScript and a
 * screen reader has its title; the table under it holds the same figures.
 */
final class WhatIfChart {

    static final int WIDTH = 720;
    static final int HEIGHT = 280;
    private static final int LEFT = 48;
    private static final int BOTTOM = 64;
    private static final int TOP = 32;
    static final String TODAY = "#1d70b8";
    static final String DRAFT = "#f47738";

    private WhatIfChart() {
    }

    static String weekly(String title, List<WhatIfResult.WeekRow> weeks) {
        double max = weeks.stream().mapToInt(w -> Math.max(w.today(), w.draft())).max().orElse(0);
        double top = niceCeiling(max);
        int plotHeight = HEIGHT - TOP - BOTTOM;
        int plotWidth = WIDTH - LEFT - 8;
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(WIDTH).append("\" height=\"").append(HEIGHT)
                .append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT).append("\" role=\"img\" aria-label=\"")
                .append(esc(title)).append("\"><title>").append(esc(title)).append("</title>");
        svg.append("<rect x=\"0\" y=\"0\" width=\"").append(WIDTH).append("\" height=\"").append(HEIGHT).append("\" fill=\"#ffffff\"/>");
        legend(svg, LEFT, TODAY, "Today");
        legend(svg, LEFT + 90, DRAFT, "Under the draft");
        for (int i = 0; i <= 4; i++) {
            double y = TOP + plotHeight - plotHeight * i / 4.0;
            svg.append("<line x1=\"").append(LEFT).append("\" x2=\"").append(WIDTH - 8).append("\" y1=\"").append(f(y)).append("\" y2=\"")
                    .append(f(y)).append("\" stroke=\"#b1b4b6\" stroke-width=\"1\"/><text x=\"").append(LEFT - 6).append("\" y=\"")
                    .append(f(y + 4)).append("\" font-size=\"11\" text-anchor=\"end\" fill=\"#0b0c0c\">").append(label(top * i / 4))
                    .append("</text>");
        }
        if (!weeks.isEmpty()) {
            double slot = (double) plotWidth / weeks.size();
            double bar = Math.max(1, slot * 0.38);
            int every = Math.max(1, (int) Math.ceil(weeks.size() / (plotWidth / 44.0)));
            for (int i = 0; i < weeks.size(); i++) {
                WhatIfResult.WeekRow week = weeks.get(i);
                double x = LEFT + slot * i + (slot - 2 * bar) / 2;
                bar(svg, x, bar, week.today(), top, plotHeight, TODAY, "week of " + week.week() + ", today: " + week.today());
                bar(svg, x + bar, bar, week.draft(), top, plotHeight, DRAFT, "week of " + week.week() + ", under the draft: " + week.draft());
                if (i % every == 0) {
                    svg.append("<text x=\"").append(f(LEFT + slot * i + slot / 2)).append("\" y=\"").append(TOP + plotHeight + 14)
                            .append("\" font-size=\"10\" text-anchor=\"middle\" fill=\"#0b0c0c\">")
                            .append(week.week().getDayOfMonth()).append(' ')
                            .append(week.week().getMonth().getDisplayName(java.time.format.TextStyle.SHORT, Locale.UK)).append("</text>");
                }
            }
        }
        svg.append("<line x1=\"").append(LEFT).append("\" x2=\"").append(WIDTH - 8).append("\" y1=\"").append(TOP + plotHeight)
                .append("\" y2=\"").append(TOP + plotHeight).append("\" stroke=\"#0b0c0c\" stroke-width=\"1\"/></svg>");
        return svg.toString();
    }

    private static void bar(StringBuilder svg, double x, double width, int value, double top, int plotHeight, String colour, String title) {
        double h = top == 0 ? 0 : plotHeight * value / top;
        svg.append("<rect x=\"").append(f(x)).append("\" y=\"").append(f(TOP + plotHeight - h)).append("\" width=\"").append(f(width))
                .append("\" height=\"").append(f(h)).append("\" fill=\"").append(colour).append("\"><title>").append(esc(title))
                .append("</title></rect>");
    }

    private static void legend(StringBuilder svg, int x, String colour, String text) {
        svg.append("<rect x=\"").append(x).append("\" y=\"8\" width=\"12\" height=\"12\" fill=\"").append(colour).append("\"/><text x=\"")
                .append(x + 16).append("\" y=\"18\" font-size=\"12\" fill=\"#0b0c0c\">").append(esc(text)).append("</text>");
    }

    /** The top of the scale: the maximum rounded up to 1, 2 or 5 times a power of ten (at least 1), as reporting's charts. */
    static double niceCeiling(double max) {
        if (max <= 1) {
            return 1;
        }
        double power = Math.pow(10, Math.floor(Math.log10(max)));
        for (double step : new double[]{1, 2, 5, 10}) {
            if (step * power >= max) {
                return step * power;
            }
        }
        return 10 * power;
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
