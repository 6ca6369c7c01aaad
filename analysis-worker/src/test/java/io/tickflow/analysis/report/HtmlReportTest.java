package io.tickflow.analysis.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import java.io.StringReader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

class HtmlReportTest {

    private final SyntheticStudy study = new SyntheticStudy();
    private final String html = HtmlReport.render(study.report());
    private final Document page = parse(html);

    @Test
    void isOneWellFormedPageWithFiveCharts() {
        assertThat(html).startsWith("<!DOCTYPE html>");
        assertThat(ids("//svg"))
                .containsExactly("equity-chart", "drawdown-chart", "heat-map", "walk-forward-chart", "pbo-histogram");
    }

    @Test
    void dropsTheLogitHistogramWhenThereAreNoLogits() {
        Document bare = parse(HtmlReport.render(study.report("BTCUSDT", SyntheticStudy.allTrials(), List.of())));

        assertThat(nodes(bare, "//svg").getLength()).isEqualTo(4);
        assertThat(nodes(bare, "//svg[@id='pbo-histogram']").getLength()).isZero();
    }

    @Test
    void refersToNothingOutsideThePage() {
        assertThat(html.toLowerCase())
                .doesNotContain("http")
                .doesNotContain("<script")
                .doesNotContain("<link");
        assertThat(nodes(page, "//@href | //@src | //@*[starts-with(name(), 'on')]")
                        .getLength())
                .isZero();
        assertThat(html.replace("url(#heat-scale)", "")).doesNotContain("url(").doesNotContain("@import");
    }

    @Test
    void escapesMarkupInTheStudysNames() {
        String hostile = HtmlReport.render(
                study.report("<script>alert('x')</script>&\"", SyntheticStudy.allTrials(), List.of(0.5)));
        Document parsed = parse(hostile);

        assertThat(nodes(parsed, "//script").getLength()).isZero();
        assertThat(text(parsed, "//h1")).startsWith("<script>alert('x')</script>&\" · binance · 5m");
        assertThat(hostile).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&amp;&quot;");
    }

    @Test
    void drawsTheEquityCurveThinnedButWithItsTrueLowAndHigh() {
        Element strategy = element(page, "//svg[@id='equity-chart']/polyline[@class='strategy']");
        double[] ys = Arrays.stream(strategy.getAttribute("points").split(" "))
                .mapToDouble(point -> Double.parseDouble(point.split(",")[1]))
                .toArray();
        NodeList ticks = nodes(page, "//svg[@id='equity-chart']/g[@class='y-axis']/text");
        Element first = (Element) ticks.item(0);
        Element last = (Element) ticks.item(ticks.getLength() - 1);
        double lowValue = Double.parseDouble(first.getTextContent());
        double lowY = Double.parseDouble(first.getAttribute("y"));
        double highValue = Double.parseDouble(last.getTextContent());
        double highY = Double.parseDouble(last.getAttribute("y"));
        double perUnit = (highValue - lowValue) / (highY - lowY);

        assertThat(ys.length).isLessThanOrEqualTo(1_000).isGreaterThan(100);
        double trueMin = Math.min(SyntheticStudy.min(study.strategy), SyntheticStudy.min(study.buyAndHold));
        double trueMax = Math.max(SyntheticStudy.max(study.strategy), SyntheticStudy.max(study.buyAndHold));
        assertThat(lowValue).isLessThanOrEqualTo(trueMin);
        assertThat(highValue).isGreaterThanOrEqualTo(trueMax);
        // Read the drawn curve back through the axis: its lowest and highest points are the full curve's.
        double pixel = Math.abs(perUnit) * 0.06;
        double drawnMin = lowValue + (Arrays.stream(ys).max().orElseThrow() - lowY) * perUnit;
        double drawnMax = lowValue + (Arrays.stream(ys).min().orElseThrow() - lowY) * perUnit;
        assertThat(drawnMin).isCloseTo(SyntheticStudy.min(study.strategy), offset(pixel));
        assertThat(drawnMax).isCloseTo(SyntheticStudy.max(study.strategy), offset(pixel));
    }

    @Test
    void drawsTheDrawdownAsAnAreaBelowZero() {
        Element area = element(page, "//svg[@id='drawdown-chart']/polygon[@class='drawdown']");
        NodeList ticks = nodes(page, "//svg[@id='drawdown-chart']/g[@class='y-axis']/text");
        Element top = (Element) ticks.item(ticks.getLength() - 1);
        double zeroY = Double.parseDouble(top.getAttribute("y"));
        double[] ys = Arrays.stream(area.getAttribute("points").split(" "))
                .mapToDouble(point -> Double.parseDouble(point.split(",")[1]))
                .toArray();

        assertThat(Double.parseDouble(top.getTextContent().replace("%", ""))).isZero();
        assertThat(Arrays.stream(ys).min().orElseThrow()).isGreaterThanOrEqualTo(zeroY);
        assertThat(Arrays.stream(ys).max().orElseThrow()).isGreaterThan(zeroY + 20);
    }

    @Test
    void mapsTheObjectiveOverTheTwoMostVariedParametersWithTheBestCellDeepest() {
        NodeList cells = nodes(page, "//svg[@id='heat-map']//rect[contains(@class, 'cell')]");
        Element best = element(page, "//svg[@id='heat-map']//rect[contains(@class, 'best')]");
        NodeList grey = nodes(page, "//svg[@id='heat-map']//rect[@fill='" + HeatMap.INFEASIBLE + "']");

        assertThat(cells.getLength()).isEqualTo(80);
        assertThat(best.getAttribute("fill")).isEqualTo(HeatMap.POSITIVE);
        assertThat(best.getTextContent()).isEqualTo("fast 30, slow 100: 2.5 (best of 2 trials)");
        assertThat(grey.getLength()).isEqualTo(8);
        assertThat(((Element) grey.item(0)).getTextContent())
                .contains("fast 5,")
                .contains("infeasible");
        // The worst feasible value, -6 at fast 50 and slow 20 with stop 0.01, is still beaten there by stop 0.02.
        Element worst = element(page, "//svg[@id='heat-map']//rect[title='fast 50, slow 20: -5.5 (best of 2 trials)']");
        assertThat(worst.getAttribute("fill")).isEqualTo(HeatMap.NEGATIVE);
    }

    @Test
    void drawsOneVariedParameterAsAStripAndNoneAsASentence() {
        List<TrialPoint> oneParameter = new ArrayList<>();
        for (int period = 10; period <= 60; period += 10) {
            oneParameter.add(TrialPoint.of(
                    Map.of("period", BigDecimal.valueOf(period), "fixed", BigDecimal.ONE), period / 10.0));
        }
        Document strip = parse(HtmlReport.render(study.report("BTCUSDT", oneParameter, List.of())));
        Document none =
                parse(HtmlReport.render(study.report("BTCUSDT", List.of(TrialPoint.of(Map.of(), 1.2)), List.of())));

        NodeList cells = nodes(strip, "//svg[@id='heat-map']//rect[contains(@class, 'cell')]");
        assertThat(cells.getLength()).isEqualTo(6);
        assertThat(ids(strip, "//svg[@id='heat-map']//rect[contains(@class, 'cell')]/@y"))
                .containsOnly(((Element) cells.item(0)).getAttribute("y"));
        assertThat(text(strip, "//svg[@id='heat-map']//rect[contains(@class, 'best')]/title"))
                .isEqualTo("period 60: 6 (best of 1 trial)");
        assertThat(nodes(none, "//svg[@id='heat-map']").getLength()).isZero();
        assertThat(text(none, "//section[@id='trials']/p")).contains("no map");
    }

    @Test
    void drawsEachFoldsWindowsAndValues() {
        NodeList windows = nodes(page, "//svg[@id='walk-forward-chart']/g[@class='timeline']/rect");
        NodeList outOfSample =
                nodes(page, "//svg[@id='walk-forward-chart']/g[@class='values']/rect[@class='out-of-sample']");
        Element zero = element(page, "//svg[@id='walk-forward-chart']/g[@class='values']/line[@class='zero']");
        Element losing = (Element) outOfSample.item(3);
        Element winning = (Element) outOfSample.item(2);

        assertThat(windows.getLength()).isEqualTo(8);
        assertThat(outOfSample.getLength()).isEqualTo(4);
        assertThat(losing.getTextContent()).isEqualTo("Fold 4 out of sample: -0.60");
        // A loss hangs below the zero line, a gain stands on it.
        assertThat(losing.getAttribute("y")).isEqualTo(zero.getAttribute("y1"));
        double winningBottom =
                Double.parseDouble(winning.getAttribute("y")) + Double.parseDouble(winning.getAttribute("height"));
        assertThat(winningBottom).isCloseTo(Double.parseDouble(zero.getAttribute("y1")), offset(0.11));
        assertThat(text(page, "//section[@id='walk-forward']/p")).contains("0.35");
    }

    @Test
    void formatsMetricsAsAPersonReadsThem() {
        assertThat(cell("Max drawdown")).isEqualTo("-12.35%");
        assertThat(cell("CAGR")).isEqualTo("42.13%");
        assertThat(cell("Win rate")).isEqualTo("55.00%");
        assertThat(cell("Sortino ratio")).isEqualTo("3.14");
        assertThat(cell("Trades")).isEqualTo("87");
        assertThat(cell("fast")).isEqualTo("30");
        assertThat(text(page, "//dl")).contains("Deflated Sharpe ratio: 0.91").contains("overfitting: 0.2");
        assertThat(nodes(page, "//svg[@id='pbo-histogram']//rect[contains(@class, 'overfit')]")
                        .getLength())
                .isEqualTo(nodes(page, "//svg[@id='pbo-histogram']//rect[@class='bin']")
                        .getLength());
    }

    private String cell(String header) {
        return text(page, "//tr[th='" + header + "']/td");
    }

    private List<String> ids(String svgs) {
        return ids(page, svgs + "/@id");
    }

    private static List<String> ids(Document document, String expression) {
        NodeList found = nodes(document, expression);
        List<String> values = new ArrayList<>();
        for (int i = 0; i < found.getLength(); i++) {
            values.add(found.item(i).getNodeValue());
        }
        return values;
    }

    private static Document parse(String html) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            return factory.newDocumentBuilder().parse(new InputSource(new StringReader(html)));
        } catch (Exception e) {
            throw new AssertionError("The page is not well-formed XML", e);
        }
    }

    private static NodeList nodes(Document document, String expression) {
        try {
            return (NodeList) xpath().evaluate(expression, document, XPathConstants.NODESET);
        } catch (Exception e) {
            throw new AssertionError(expression, e);
        }
    }

    private static Element element(Document document, String expression) {
        NodeList found = nodes(document, expression);
        assertThat(found.getLength()).as(expression).isEqualTo(1);
        return (Element) found.item(0);
    }

    private static String text(Document document, String expression) {
        NodeList found = nodes(document, expression);
        assertThat(found.getLength()).as(expression).isPositive();
        return found.item(0).getTextContent();
    }

    private static XPath xpath() {
        return XPathFactory.newInstance().newXPath();
    }
}
