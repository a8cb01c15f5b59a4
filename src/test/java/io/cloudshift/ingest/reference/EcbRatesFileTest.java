package io.cloudshift.ingest.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudshift.schema.ReasonCode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;

class EcbRatesFileTest {

  @Test
  void linesThatAreNotADayOfRatesAreRejectedWholeAndEveryDataLineIsCounted() {
    EcbRatesFile.Parsed parsed =
        EcbRatesFile.parse(
            "rates.csv",
            List.of(
                "Date,USD,JPY,CYP,",
                "2026-04-27,1.1400,175.20,N/A,",
                "2026-04-24,1.1364,174.90,N/A,",
                "",
                "24/04/2026,1.1364,174.90,N/A,",
                "2026-04-23,1.13,abc,N/A,",
                "2026-04-22,1.13,-1,N/A,",
                "2026-04-27,1.2000,175.20,N/A,"));

    assertThat(parsed.lines()).as("data lines, the blank one not counted").isEqualTo(6);
    assertThat(parsed.rates().byDay())
        .containsExactly(
            Map.entry(
                LocalDate.of(2026, 4, 24),
                Map.of("USD", new BigDecimal("1.1364"), "JPY", new BigDecimal("174.90"))),
            Map.entry(
                LocalDate.of(2026, 4, 27),
                Map.of("USD", new BigDecimal("1.1400"), "JPY", new BigDecimal("175.20"))));
    assertThat(parsed.rejected())
        .extracting(EcbRatesFile.RejectedLine::line, EcbRatesFile.RejectedLine::reason)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(5L, ReasonCode.BAD_DATE),
            org.assertj.core.groups.Tuple.tuple(6L, ReasonCode.BAD_NUMBER),
            org.assertj.core.groups.Tuple.tuple(7L, ReasonCode.BAD_NUMBER),
            org.assertj.core.groups.Tuple.tuple(8L, ReasonCode.DUPLICATE_DATE));
    assertThat(parsed.rejected().get(1).detail())
        .isEqualTo("JPY rate 'abc' is not a positive number");
  }

  @Test
  void aFileThatIsNotTheEcbsRatesIsRefusedWithOneLine() {
    assertThatThrownBy(() -> EcbRatesFile.parse("x.csv", List.of("day,USD", "2026-04-27,1.1")))
        .isInstanceOf(InvalidReferenceInputException.class)
        .hasMessageStartingWith(
            "Cannot read reference rates: x.csv does not start with the header");
    assertThatThrownBy(() -> EcbRatesFile.parse("x.csv", List.of("Date,USD,usd")))
        .hasMessageContaining("header cell 'usd' in column 3");
    assertThatThrownBy(
            () -> EcbRatesFile.read("/nonexistent/eurofxref-hist.zip", new Configuration()))
        .isInstanceOf(InvalidReferenceInputException.class)
        .hasMessageContaining("does not exist (cloudshift.inputs.fx-rates)");
  }

  /** The bundled file, read from its zip as the ECB publishes it (figures read off the CSV). */
  @Test
  void theBundledZipHoldsEveryPublicationSince1999() {
    EcbRatesFile.Parsed parsed =
        EcbRatesFile.read("datasets/fx/eurofxref-hist.zip", new Configuration());

    assertThat(parsed.rejected()).isEmpty();
    assertThat(parsed.lines()).isEqualTo(7126);
    assertThat(parsed.rates().byDay().firstKey()).isEqualTo(LocalDate.of(1999, 1, 4));
    assertThat(parsed.rates().byDay().lastKey()).isEqualTo(LocalDate.of(2026, 10, 30));
    assertThat(parsed.rates().byDay().get(LocalDate.of(2026, 10, 30)))
        .containsEntry("USD", new BigDecimal("1.1172"))
        .containsEntry("GBP", new BigDecimal("0.8338"))
        .doesNotContainKey("CYP");
  }
}
