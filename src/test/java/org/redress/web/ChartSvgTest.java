package org.redress.web;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class ChartSvgTest {

    @Test
    void barsAreDrawnInProportionToTheirValuesOnANiceScale() {
        String svg = ChartSvg.bars("Complaints by month", List.of(new ChartSvg.Bar("2019-01", 1), new ChartSvg.Bar("2019-02", 4),
                new ChartSvg.Bar("2019-03", 0)));
        // the scale tops out at 5 (the maximum 4 rounded up to 1, 2 or 5 times a power of ten)
        Matcher heights = Pattern.compile("class=\"bar\"[^>]* height=\"([0-9.]+)\"").matcher(svg);
        double plot = ChartSvg.HEIGHT - 24 - 56;
        assertThat(heights.find()).isTrue();
        assertThat(Double.parseDouble(heights.group(1))).isCloseTo(plot * 1 / 5, org.assertj.core.data.Offset.offset(0.1));
        assertThat(heights.find()).isTrue();
        assertThat(Double.parseDouble(heights.group(1))).isCloseTo(plot * 4 / 5, org.assertj.core.data.Offset.offset(0.1));
        assertThat(heights.find()).isTrue();
        assertThat(Double.parseDouble(heights.group(1))).isZero();
    }

    @Test
    void theChartHasATextTitleAndEachBarSaysItsValue() {
        String svg = ChartSvg.bars("Complaints <by> month", List.of(new ChartSvg.Bar("Repairs & damp", 3)));
        assertThat(svg).contains("<title>Complaints &lt;by&gt; month</title>", "<title>Repairs &amp; damp: 3</title>", "role=\"img\"");
    }

    @Test
    void theScaleRoundsUpToOneTwoOrFiveTimesAPowerOfTen() {
        assertThat(ChartSvg.niceCeiling(0)).isEqualTo(1);
        assertThat(ChartSvg.niceCeiling(4)).isEqualTo(5);
        assertThat(ChartSvg.niceCeiling(13)).isEqualTo(20);
        assertThat(ChartSvg.niceCeiling(51)).isEqualTo(100);
    }

    @Test
    void pairedBarsDrawBothSeriesOnOneScaleWithALegendAndEachBarNamed() {
        String svg = ChartSvg.pairs("Responses due each week", "Today", "Under the draft",
                List.of(new ChartSvg.Pair("week of 2027-01-04", "4 Jan", 4, 3), new ChartSvg.Pair("week of 2027-01-11", "11 Jan", 0, 2)));
        assertThat(svg).contains("<title>Responses due each week</title>", "<title>week of 2027-01-04, Today: 4</title>",
                "<title>week of 2027-01-11, Under the draft: 2</title>", ">Under the draft</text>", ">4 Jan</text>", "fill=\"" + ChartSvg.SECOND + "\"");
        // the scale tops out at 5: the bar of 4 is four fifths of the plot's height
        double plot = ChartSvg.PAIRED_HEIGHT - 32 - 64;
        Matcher heights = Pattern.compile("height=\"([0-9.]+)\" fill=\"" + ChartSvg.FIRST + "\"><title>week").matcher(svg);
        assertThat(heights.find()).isTrue();
        assertThat(Double.parseDouble(heights.group(1))).isCloseTo(plot * 4 / 5, org.assertj.core.data.Offset.offset(0.1));
    }
}
