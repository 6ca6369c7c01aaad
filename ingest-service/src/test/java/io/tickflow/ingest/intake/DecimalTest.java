package io.tickflow.ingest.intake;

import static io.tickflow.ingest.intake.Intakes.onlyAccepted;
import static io.tickflow.ingest.intake.Intakes.onlyRejection;
import static io.tickflow.ingest.intake.Intakes.read;
import static io.tickflow.ingest.intake.TickJson.batch;
import static io.tickflow.ingest.intake.TickJson.trade;
import static org.assertj.core.api.Assertions.assertThat;

import io.tickflow.common.contract.ingest.Trade;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** How prices and quantities are read: exactly, to the last digit, and within what the lake stores. */
class DecimalTest {

    private static BigDecimal priceOf(String json) {
        return ((Trade) onlyAccepted(read(batch(trade().with("price", json))))).price();
    }

    private static Rejection priceRejection(String json) {
        return onlyRejection(read(batch(trade().with("price", json))));
    }

    @Test
    void keepsEveryDecimalDigit() {
        BigDecimal price = priceOf("\"800.0100000001\"");

        assertThat(price.unscaledValue()).isEqualTo(BigInteger.valueOf(8_000_100_000_001L));
        assertThat(price.scale()).isEqualTo(10);
    }

    @Test
    void keepsTrailingZeros() {
        BigDecimal size = ((Trade) onlyAccepted(read(batch(trade().with("size", "\"1.25000000\""))))).size();

        assertThat(size).hasToString("1.25000000");
    }

    @Test
    void readsJsonNumbersExactlyWithoutADetourThroughDouble() {
        assertThat(priceOf("800.0100000001")).isEqualTo(new BigDecimal("800.0100000001"));
        assertThat(priceOf("0.1")).isEqualTo(new BigDecimal("0.1"));
        assertThat(priceOf("0.30000000000000004")).isEqualTo(new BigDecimal("0.30000000000000004"));
    }

    @Test
    void readsTheSameValueFromAStringAndANumber() {
        assertThat(priceOf("\"1674.870000000000\"")).isEqualTo(priceOf("1674.870000000000"));
    }

    @Test
    void readsDecimalsTooLongForALong() {
        assertThat(priceOf("\"12345678901234567890.123456789012345678\""))
                .isEqualTo(new BigDecimal("12345678901234567890.123456789012345678"));
        assertThat(priceOf("\"0.000000000000000001\"")).isEqualTo(new BigDecimal("1E-18"));
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({"1.5e3, 1500", "1.5E3, 1500", "15e-4, 0.0015", "1E+2, 100", "2.50e0, 2.50", "1e0, 1"})
    void readsNumbersWithExponentsAsPlainDecimals(String json, String plain) {
        BigDecimal price = priceOf(json);

        assertThat(price.toString()).isEqualTo(plain);
        assertThat(price.scale()).isNotNegative();
    }

    @Test
    void rejectsExponentNotationInsideDecimalStrings() {
        Rejection rejection = priceRejection("\"1.5e3\"");

        assertThat(rejection.code()).isEqualTo(ReasonCode.INVALID_DECIMAL);
        assertThat(rejection.reason()).contains("exponent notation");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"NaN", "Infinity", "-Infinity", "+Infinity", "\"NaN\"", "\"nan\"", "\"Infinity\"", "\"-inf\""})
    void rejectsNaNAndInfinityWithTheirOwnReason(String json) {
        Rejection rejection = priceRejection(json);

        assertThat(rejection.code()).isEqualTo(ReasonCode.NOT_A_NUMBER);
        assertThat(rejection.reason()).startsWith("The price is ");
    }

    @Test
    void rejectsOnlyTheTickWithNaNAndKeepsTheRestOfTheBatch() {
        IntakeResult result = read(batch(trade(), trade().with("size", "NaN"), trade()));

        assertThat(result.accepted()).extracting(AcceptedTick::position).containsExactly(0, 2);
        assertThat(result.rejections()).singleElement().satisfies(r -> assertThat(r.code())
                .isEqualTo(ReasonCode.NOT_A_NUMBER));
    }

    @Test
    void acceptsThirtyEightSignificantDigitsTwentyBeforeThePointAndEighteenAfter() {
        String digits = "1234567890".repeat(2) + "." + "123456789012345678";

        assertThat(priceOf("\"" + digits + "\"")).isEqualTo(new BigDecimal(digits));
    }

    @Test
    void rejectsMoreThanThirtyEightSignificantDigits() {
        Rejection rejection = priceRejection("\"" + "1234567890".repeat(3) + "123456789" + "\"");

        assertThat(rejection.code()).isEqualTo(ReasonCode.DECIMAL_OUT_OF_RANGE);
        assertThat(rejection.reason()).contains("39 significant digits");
    }

    @Test
    void rejectsMoreThanThirtyDigitsAfterThePoint() {
        Rejection rejection = priceRejection("\"0." + "0".repeat(30) + "1\"");

        assertThat(rejection.code()).isEqualTo(ReasonCode.DECIMAL_OUT_OF_RANGE);
        assertThat(rejection.reason()).contains("31 digits after the decimal point");
    }

    @Test
    void rejectsMoreThanEighteenSignificantDigitsAfterThePointWhichTheLakeCannotHold() {
        Rejection rejection = priceRejection("\"0." + "0".repeat(18) + "1\"");

        assertThat(rejection.code()).isEqualTo(ReasonCode.DECIMAL_OUT_OF_RANGE);
        assertThat(rejection.reason())
                .contains("19 digits after the decimal point")
                .contains("DECIMAL(38, 18)");
    }

    @Test
    void rejectsMoreThanTwentyDigitsBeforeThePoint() {
        Rejection rejection = priceRejection("\"1" + "0".repeat(20) + "\"");

        assertThat(rejection.code()).isEqualTo(ReasonCode.DECIMAL_OUT_OF_RANGE);
        assertThat(rejection.reason()).contains("21 digits before the decimal point");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "\"0.000000000000000001\"",
                "\"1.5000000000000000000000\"",
                "\"99999999999999999999.5\"",
                "1.5e19"
            })
    void keepsWhatTheLakeHoldsExactly(String json) {
        assertThat(priceOf(json)).isEqualByComparingTo(new BigDecimal(json.replace("\"", "")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1e400", "1e-400", "1e999999999999999999", "1E-2147483649", "9.99e38", "0.0000001e-30"})
    void rejectsAbsurdMagnitudes(String json) {
        assertThat(priceRejection(json).code()).isEqualTo(ReasonCode.DECIMAL_OUT_OF_RANGE);
    }

    @Test
    void rejectsDigitsAnExponentCancelsOutWithoutReadingThemAll() {
        String json = "0." + "0".repeat(200_000) + "1e200001";

        assertThat(priceRejection(json).code()).isEqualTo(ReasonCode.DECIMAL_OUT_OF_RANGE);
    }

    @Test
    void rejectsHugeIntegers() {
        assertThat(priceRejection("1".repeat(39)).code()).isEqualTo(ReasonCode.DECIMAL_OUT_OF_RANGE);
        assertThat(priceRejection("9".repeat(1_000_000)).code()).isEqualTo(ReasonCode.DECIMAL_OUT_OF_RANGE);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "\"$800.01\"",
                "\"800,01\"",
                "\"1,234.5\"",
                "\"800.01 \"",
                "\" 800.01\"",
                "\"+800.01\"",
                "\"007.5\"",
                "\".5\"",
                "\"5.\"",
                "\"-\"",
                "\"\"",
                "\"eight hundred\"",
                "\"0x1F\"",
                "\"800.01USD\"",
                "\"８００\""
            })
    void rejectsTextThatIsNoPlainDecimal(String json) {
        assertThat(priceRejection(json).code()).isEqualTo(ReasonCode.INVALID_DECIMAL);
    }

    @ParameterizedTest
    @ValueSource(strings = {"true", "false", "{\"amount\":\"800.01\"}", "[800.01]"})
    void rejectsDecimalsOfTheWrongJsonType(String json) {
        Rejection rejection = priceRejection(json);

        assertThat(rejection.code()).isEqualTo(ReasonCode.INVALID_DECIMAL);
        assertThat(rejection.reason()).contains("it is a JSON");
    }

    @Test
    void readsDecimalTextAsBigDecimalDoes() {
        Random random = new Random(800_01);
        DecimalText text = new DecimalText();
        for (int i = 0; i < 100_000; i++) {
            StringBuilder sent = new StringBuilder();
            if (random.nextInt(4) == 0) {
                sent.append('-');
            }
            int integerDigits = 1 + random.nextInt(20);
            sent.append(random.nextInt(10) == 0 ? 0 : 1 + random.nextInt(9));
            if (sent.charAt(sent.length() - 1) != '0') {
                for (int d = 1; d < integerDigits; d++) {
                    sent.append(random.nextInt(10));
                }
            }
            if (random.nextBoolean()) {
                sent.append('.');
                int fractionDigits = 1 + random.nextInt(18);
                for (int d = 0; d < fractionDigits; d++) {
                    sent.append(random.nextInt(10));
                }
            }
            boolean number = random.nextBoolean();
            if (number && random.nextInt(3) == 0) {
                sent.append(random.nextBoolean() ? 'e' : 'E').append(random.nextInt(-12, 13));
            }
            String decimal = sent.toString();

            BigDecimal read = text.parse(decimal.toCharArray(), 0, decimal.length(), number);

            BigDecimal expected = new BigDecimal(decimal);
            expected = expected.scale() < 0 ? expected.setScale(0) : expected;
            boolean lakeHoldsIt = expected.precision() - expected.scale() <= 20
                    && expected.stripTrailingZeros().scale() <= 18;
            assertThat(read).as(decimal).isEqualTo(lakeHoldsIt ? expected : null);
        }
    }
}
