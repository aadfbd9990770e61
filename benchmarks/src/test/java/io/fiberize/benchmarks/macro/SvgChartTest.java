package io.fiberize.benchmarks.macro;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

class SvgChartTest {

    @Test
    void lineChartIsWellFormedWithEverySeriesInTheLegend() throws Exception {
        String svg = SvgChart.lines("Echo <32 B> & more", "connections", "round trips/s", List.of(
                new SvgChart.Series("fiberize loops=1", List.of(new double[] {200, 90_000},
                        new double[] {2_000, 80_000}, new double[] {10_000, Double.NaN})),
                new SvgChart.Series("netty 1 loop", List.of(new double[] {200, 60_000},
                        new double[] {2_000, 55_000}))));
        Document document = parse(svg);
        assertThat(document.getDocumentElement().getTagName()).isEqualTo("svg");
        assertThat(document.getElementsByTagName("polyline").getLength()).isEqualTo(2);
        assertThat(svg).contains("fiberize loops=1", "netty 1 loop", "Echo &lt;32 B&gt; &amp; more", ">2,000<",
                ">100,000<");
    }

    @Test
    void lineChartWithOneConnectionCountStillDraws() throws Exception {
        String svg = SvgChart.lines("one point", "connections", "round trips/s",
                List.of(new SvgChart.Series("raw NIO", List.<double[]>of(new double[] {200, 1234}))));
        assertThat(parse(svg).getElementsByTagName("circle").getLength()).isEqualTo(1);
        assertThat(svg).doesNotContain("NaN", "Infinity");
    }

    @Test
    void barChartIsWellFormedAndSaysWhatWasNotMeasured() throws Exception {
        String svg = SvgChart.bars("RSS per idle connection", "kB per connection", List.of(
                new SvgChart.Bar("platform threads", Double.NaN, "stopped at 0"),
                new SvgChart.Bar("virtual threads", 14.7, ""), new SvgChart.Bar("fiberize loops=1", 9.25, "")));
        assertThat(parse(svg).getElementsByTagName("rect").getLength()).isGreaterThanOrEqualTo(3);
        assertThat(svg).contains("platform threads", "virtual threads", "fiberize loops=1", ">n/a<", ">9.25<",
                ">stopped at 0<");
    }

    @Test
    void niceCeilingRoundsUpToOneTwoOrFiveTimesAPowerOfTen() {
        assertThat(SvgChart.niceCeiling(87_695)).isEqualTo(100_000);
        assertThat(SvgChart.niceCeiling(14.7)).isEqualTo(20);
        assertThat(SvgChart.niceCeiling(230)).isEqualTo(250);
        assertThat(SvgChart.niceCeiling(0)).isEqualTo(1);
    }

    private static Document parse(String svg) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }
}
