package io.cloudshift.ingest.reference;

import static io.cloudshift.schema.DisclosureColumns.CALENDAR_END;
import static io.cloudshift.schema.DisclosureColumns.CALENDAR_START;
import static io.cloudshift.schema.DisclosureColumns.INPUT;
import static io.cloudshift.schema.DisclosureColumns.PERIOD_LABEL;
import static io.cloudshift.schema.DisclosureColumns.REVENUE_GROWTH_YOY;
import static io.cloudshift.schema.DisclosureColumns.RPO_USD;
import static io.cloudshift.schema.DisclosureColumns.SEGMENT;
import static io.cloudshift.schema.DisclosureColumns.SEGMENT_REVENUE_USD;
import static io.cloudshift.schema.DisclosureColumns.VALUE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.cloudshift.schema.Columns;
import io.cloudshift.schema.ProviderDisclosuresTable;
import io.cloudshift.schema.ReasonCode;
import io.cloudshift.schema.RejectedColumns;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DisclosureTransformTest {
  /** Microsoft: fiscal year starts in July; Oracle in June; AWS in January. */
  private static final Map<String, Integer> FISCAL_STARTS = Map.of("azure", 7, "oci", 6, "aws", 1);

  private static final Map<String, String> VALID =
      Inputs.row(
          Columns.DISCLOSURE_ID,
          "MS-01",
          Columns.PROVIDER,
          "azure",
          SEGMENT,
          "Azure and other cloud services",
          Columns.FISCAL_YEAR,
          "2023",
          Columns.FISCAL_QUARTER,
          "1",
          PERIOD_LABEL,
          "FY23Q1",
          CALENDAR_START,
          "2022-07-01",
          CALENDAR_END,
          "2022-09-30",
          Columns.METRIC,
          REVENUE_GROWTH_YOY,
          VALUE,
          "0.35",
          Columns.SOURCE_URL,
          "https://example.com/ms",
          Columns.CONFIDENCE,
          "confirmed",
          Columns.FACT_ID,
          "MS-01");

  private final DisclosureTransform transform = new DisclosureTransform(FISCAL_STARTS);

  @Test
  void typesRowsWhoseDatesAreTheNamedFiscalQuarter() {
    Outcome out =
        transform.apply(
            Inputs.frame(
                INPUT,
                List.of(
                    VALID,
                    // Oracle FY2025 Q3 = Dec 2024 – Feb 2025.
                    Inputs.with(
                        VALID,
                        Columns.DISCLOSURE_ID,
                        "OR-1",
                        Columns.PROVIDER,
                        "oci",
                        Columns.FISCAL_YEAR,
                        "2025",
                        Columns.FISCAL_QUARTER,
                        "3",
                        CALENDAR_START,
                        "2024-12-01",
                        CALENDAR_END,
                        "2025-02-28",
                        Columns.METRIC,
                        RPO_USD,
                        VALUE,
                        "130000000000"),
                    // AWS Q4 2025 = calendar Q4; negative growth is allowed.
                    Inputs.with(
                        VALID,
                        Columns.DISCLOSURE_ID,
                        "AWS-1",
                        Columns.PROVIDER,
                        "aws",
                        Columns.FISCAL_YEAR,
                        "2025",
                        Columns.FISCAL_QUARTER,
                        "4",
                        CALENDAR_START,
                        "2025-10-01",
                        CALENDAR_END,
                        "2025-12-31",
                        VALUE,
                        "-0.015",
                        Columns.FACT_ID,
                        null))));

    assertThat(out.rejected().count()).isZero();
    assertThat(out.silver().schema().fieldNames())
        .containsExactly(ProviderDisclosuresTable.SPEC.schema().fieldNames());
    assertThat(Arrays.stream(out.silver().schema().fields()).map(f -> f.dataType()).toList())
        .isEqualTo(
            Arrays.stream(ProviderDisclosuresTable.SPEC.schema().fields())
                .map(f -> f.dataType())
                .toList());
    assertThat(out.silver().orderBy(Columns.DISCLOSURE_ID).collectAsList())
        .extracting(
            r -> r.getAs(Columns.DISCLOSURE_ID),
            r -> r.getAs(Columns.FISCAL_YEAR),
            r -> r.getAs(Columns.FISCAL_QUARTER),
            r -> r.getAs(CALENDAR_START).toString(),
            r -> r.getAs(VALUE),
            r -> r.getAs(Columns.FACT_ID))
        .containsExactly(
            tuple("AWS-1", 2025, 4, "2025-10-01", new BigDecimal("-0.015000"), null),
            tuple("MS-01", 2023, 1, "2022-07-01", new BigDecimal("0.350000"), "MS-01"),
            tuple("OR-1", 2025, 3, "2024-12-01", new BigDecimal("130000000000.000000"), "MS-01"));
  }

  static Stream<Arguments> badRows() {
    return Stream.of(
        Arguments.of(ReasonCode.NULL_REQUIRED, Inputs.with(VALID, SEGMENT, ""), "segment is empty"),
        Arguments.of(
            ReasonCode.BAD_DATE,
            Inputs.with(VALID, CALENDAR_START, "2022-7-1"),
            "calendar_start='2022-7-1'"),
        Arguments.of(
            ReasonCode.BAD_NUMBER, Inputs.with(VALID, VALUE, "35%"), "value='35%' is not a number"),
        Arguments.of(
            ReasonCode.BAD_NUMBER,
            Inputs.with(VALID, Columns.FISCAL_YEAR, "FY23"),
            "fiscal_year='FY23' is not a whole number"),
        Arguments.of(
            ReasonCode.BAD_VALUE,
            Inputs.with(VALID, Columns.FISCAL_QUARTER, "5"),
            "fiscal_quarter='5' is not a quarter 1-4"),
        Arguments.of(
            ReasonCode.BAD_VALUE,
            Inputs.with(VALID, Columns.PROVIDER, "ibm"),
            "provider='ibm' is not one of"),
        Arguments.of(
            ReasonCode.BAD_VALUE,
            Inputs.with(VALID, Columns.METRIC, "revenue"),
            "metric='revenue'"),
        Arguments.of(
            ReasonCode.NEGATIVE_AMOUNT,
            Inputs.with(VALID, Columns.METRIC, SEGMENT_REVENUE_USD, VALUE, "-5"),
            "value='-5' is negative for metric segment_revenue_usd"),
        Arguments.of(
            ReasonCode.BAD_PERIOD,
            Inputs.with(VALID, CALENDAR_END, "2022-06-30"),
            "calendar_end='2022-06-30' is before calendar_start='2022-07-01'"),
        // Calendar Q1 labelled as Microsoft's fiscal Q1: Microsoft's FY23 Q1 is Jul–Sep 2022.
        Arguments.of(
            ReasonCode.BAD_PERIOD,
            Inputs.with(VALID, CALENDAR_START, "2023-01-01", CALENDAR_END, "2023-03-31"),
            "2023-01-01..2023-03-31 is not fiscal Q1 of FY2023 for provider azure (expected"
                + " 2022-07-01..2022-09-30"));
  }

  @ParameterizedTest(name = "{0}: {2}")
  @MethodSource("badRows")
  void oneBadRowIsQuarantinedWithItsReason(
      ReasonCode code, Map<String, String> bad, String detail) {
    Dataset<Row> input =
        Inputs.frame(INPUT, List.of(Inputs.with(VALID, Columns.DISCLOSURE_ID, "OK"), bad));

    Outcome out = transform.apply(input);

    List<Row> rejected = out.rejected().collectAsList();
    assertThat(rejected).hasSize(1);
    assertThat((String) rejected.get(0).getAs(RejectedColumns.REASON_CODE)).isEqualTo(code.name());
    assertThat((String) rejected.get(0).getAs(RejectedColumns.REASON_DETAIL)).contains(detail);
    assertThat(out.silver().collectAsList())
        .extracting(r -> r.getAs(Columns.DISCLOSURE_ID))
        .containsExactly("OK");
    assertThat(out.silver().count() + out.rejected().count()).isEqualTo(input.count());
  }
}
