package io.cloudshift.ingest.reference;

import static io.cloudshift.schema.PartnershipColumns.AGREEMENT;
import static io.cloudshift.schema.PartnershipColumns.ANNOUNCED_DATE;
import static io.cloudshift.schema.PartnershipColumns.COMMITMENT_TERM_YEARS;
import static io.cloudshift.schema.PartnershipColumns.COMMITTED_SPEND_USD;
import static io.cloudshift.schema.PartnershipColumns.EFFECTIVE_TO;
import static io.cloudshift.schema.PartnershipColumns.EQUITY_STAKE;
import static io.cloudshift.schema.PartnershipColumns.FACT_IDS;
import static io.cloudshift.schema.PartnershipColumns.INPUT;
import static io.cloudshift.schema.PartnershipColumns.INVESTMENT_USD;
import static io.cloudshift.schema.PartnershipColumns.IS_CURRENT;
import static io.cloudshift.schema.PartnershipColumns.LAB_SHARE_CAP_USD;
import static io.cloudshift.schema.PartnershipColumns.OTHER_SOURCE_URLS;
import static io.cloudshift.schema.PartnershipColumns.RECORD_ID;
import static io.cloudshift.schema.PartnershipColumns.VALID_FROM;
import static io.cloudshift.schema.PartnershipColumns.VALID_TO;
import static io.cloudshift.schema.PartnershipColumns.VERSION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.tuple;

import io.cloudshift.schema.Columns;
import io.cloudshift.schema.PartnershipTermsTable;
import io.cloudshift.schema.ReasonCode;
import io.cloudshift.schema.RejectedColumns;
import io.cloudshift.testing.TestConfigs;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

class PartnershipTransformTest {
  private static final List<String> PROVIDERS = List.of("aws", "azure", "coreweave", "gcp", "oci");
  private static final Map<String, String> VALID =
      Inputs.row(
          RECORD_ID,
          "R1",
          Columns.LAB,
          "OpenAI",
          Columns.PROVIDER,
          "azure",
          AGREEMENT,
          "Azure deal",
          ANNOUNCED_DATE,
          "2019-07-22",
          Columns.EFFECTIVE_FROM,
          "2019-07-22",
          Columns.EXCLUSIVITY,
          "exclusive",
          Columns.RESALE_SHARE_TO_LAB,
          "0.20",
          Columns.LAB_SHARE_TO_PROVIDER,
          "0.20",
          Columns.SOURCE_URL,
          "https://example.com/r1",
          Columns.CONFIDENCE,
          "confirmed");

  /** The run's as-of date: is_current marks the version in force that day. */
  private static final LocalDate AS_OF = LocalDate.of(2026, 12, 6);

  private final PartnershipTransform transform =
      new PartnershipTransform(PROVIDERS, TestConfigs.bundled(Map.of()).labNames(), AS_OF);

  @Test
  void chainOfThreeRecordsEndsEachVersionWhereTheNextStarts() {
    // Out of order on purpose: the chain follows effective_from, not file order.
    Outcome out =
        run(
            record("P07", "2025-01-21", null),
            record("P01", "2019-07-22", null),
            record("P04", "2023-01-23", null));

    assertThat(out.rejected().count()).isZero();
    assertThat(terms(out))
        .extracting(
            r -> r.getAs(RECORD_ID),
            r -> day(r, VALID_FROM),
            r -> day(r, VALID_TO),
            r -> r.getAs(IS_CURRENT),
            r -> r.getAs(VERSION))
        .containsExactly(
            tuple("P01", "2019-07-22", "2023-01-23", false, 1),
            tuple("P04", "2023-01-23", "2025-01-21", false, 2),
            tuple("P07", "2025-01-21", null, true, 3));
  }

  @Test
  void explicitEffectiveToEndsTheVersionEvenBeforeTheNextStart() {
    Outcome out =
        run(
            record("A", "2020-01-01", "2021-01-01"), // gap until B: no terms in force in between
            record("B", "2022-01-01", null),
            record("C", "2024-01-01", "2031-01-01")); // explicit end after the as-of date: current

    assertThat(out.rejected().count()).isZero();
    assertThat(terms(out))
        .extracting(
            r -> r.getAs(RECORD_ID),
            r -> day(r, VALID_FROM),
            r -> day(r, VALID_TO),
            r -> r.getAs(IS_CURRENT),
            r -> r.getAs(VERSION))
        .containsExactly(
            tuple("A", "2020-01-01", "2021-01-01", false, 1),
            tuple("B", "2022-01-01", "2024-01-01", false, 2),
            tuple("C", "2024-01-01", "2031-01-01", true, 3));
  }

  /**
   * Issue 21, item 5: is_current meant "open-ended", so the amended OpenAI terms (in force until
   * 2031) were never current. It is the version in force on the run's as-of date: none in a gap or
   * before the first record, the new one from its first day (valid_to is exclusive).
   */
  @Test
  void isCurrentIsTheVersionInForceOnTheAsOfDate() {
    Dataset<Row> records =
        Inputs.frame(
            INPUT,
            List.of(record("A", "2020-01-01", "2021-01-01"), record("B", "2022-01-01", null)));
    Map<String, String> currentOn = new java.util.LinkedHashMap<>();
    for (String day :
        List.of(
            "2019-12-31",
            "2020-01-01",
            "2020-12-31",
            "2021-01-01",
            "2021-12-31",
            "2022-01-01",
            "2040-01-01")) {
      Outcome out =
          new PartnershipTransform(
                  PROVIDERS, TestConfigs.bundled(Map.of()).labNames(), LocalDate.parse(day))
              .apply(records);
      currentOn.put(
          day,
          terms(out).stream()
              .filter(r -> r.<Boolean>getAs(IS_CURRENT))
              .map(r -> r.<String>getAs(RECORD_ID))
              .findFirst()
              .orElse("none"));
    }
    assertThat(currentOn)
        .containsExactly(
            entry("2019-12-31", "none"),
            entry("2020-01-01", "A"),
            entry("2020-12-31", "A"),
            entry("2021-01-01", "none"),
            entry("2021-12-31", "none"),
            entry("2022-01-01", "B"),
            entry("2040-01-01", "B"));
  }

  @Test
  void effectiveToOnTheNextStartIsNotAnOverlap() {
    Outcome out = run(record("A", "2020-01-01", "2021-01-01"), record("B", "2021-01-01", null));

    assertThat(out.rejected().count()).isZero();
    assertThat(terms(out)).extracting(r -> day(r, VALID_TO)).containsExactly("2021-01-01", null);
  }

  @Test
  void sameEffectiveFromQuarantinesBothAndKeepsTheRestOfTheChain() {
    Outcome out =
        run(
            record("A", "2020-01-01", null),
            record("B", "2021-01-01", null),
            record("C", "2021-01-01", null),
            record("D", "2022-01-01", null),
            Inputs.with(
                record("X", "2021-01-01", null),
                Columns.PROVIDER,
                "aws")); // other provider: no conflict

    assertThat(rejects(out))
        .extracting(r -> rawRecordId(r), r -> r.getAs(RejectedColumns.REASON_CODE))
        .containsExactlyInAnyOrder(
            tuple("B", "OVERLAPPING_TERMS"), tuple("C", "OVERLAPPING_TERMS"));
    assertThat(detailOf(out, "B")).contains("same effective_from 2021-01-01 as record C");
    assertThat(detailOf(out, "C")).contains("same effective_from 2021-01-01 as record B");
    assertThat(terms(out))
        .extracting(
            r -> r.getAs(Columns.PROVIDER),
            r -> r.getAs(RECORD_ID),
            r -> day(r, VALID_FROM),
            r -> day(r, VALID_TO),
            r -> r.getAs(VERSION))
        .containsExactly(
            tuple("aws", "X", "2021-01-01", null, 1),
            tuple("azure", "A", "2020-01-01", "2022-01-01", 1),
            tuple("azure", "D", "2022-01-01", null, 2));
  }

  @Test
  void effectiveToBeyondTheNextStartQuarantinesBoth() {
    Outcome out =
        run(
            record("A", "2020-01-01", "2022-01-01"),
            record("B", "2021-01-01", null),
            record("C", "2023-01-01", null));

    assertThat(rejects(out))
        .extracting(r -> rawRecordId(r), r -> r.getAs(RejectedColumns.REASON_CODE))
        .containsExactlyInAnyOrder(
            tuple("A", "OVERLAPPING_TERMS"), tuple("B", "OVERLAPPING_TERMS"));
    assertThat(detailOf(out, "A"))
        .contains("effective_to 2022-01-01 runs past the start 2021-01-01 of record B");
    assertThat(detailOf(out, "B")).contains("before record A ends");
    assertThat(terms(out))
        .extracting(
            r -> r.getAs(RECORD_ID),
            r -> day(r, VALID_FROM),
            r -> day(r, VALID_TO),
            r -> r.getAs(IS_CURRENT),
            r -> r.getAs(VERSION))
        .containsExactly(tuple("C", "2023-01-01", null, true, 1));
  }

  @Test
  void anEndRunningPastSeveralStartsConflictsWithEachOfThem() {
    Outcome out =
        run(
            record("A", "2020-01-01", "2025-01-01"),
            record("B", "2021-01-01", null),
            record("C", "2022-01-01", null));

    assertThat(rejects(out))
        .extracting(r -> rawRecordId(r))
        .containsExactlyInAnyOrder("A", "B", "C");
    assertThat(detailOf(out, "A")).contains("of record B").contains("of record C");
    assertThat(out.silver().count()).isZero();
  }

  @Test
  void typesTheTermsAndKeepsUndisclosedSharesNull() {
    Outcome out =
        run(
            Inputs.with(
                VALID,
                Columns.PROVIDER,
                " Azure ",
                Columns.EXCLUSIVITY,
                "ROFR",
                Columns.CONFIDENCE,
                "Reported",
                Columns.RESALE_SHARE_TO_LAB,
                "0",
                Columns.LAB_SHARE_TO_PROVIDER,
                null,
                LAB_SHARE_CAP_USD,
                "38000000000",
                COMMITTED_SPEND_USD,
                "2.5E11",
                COMMITMENT_TERM_YEARS,
                "7",
                EQUITY_STAKE,
                "0.27",
                INVESTMENT_USD,
                "13800000000.50",
                OTHER_SOURCE_URLS,
                "https://a.example; https://b.example;",
                FACT_IDS,
                "P13;P14b",
                Columns.NOTES,
                "line one\nline two"));

    Row row = terms(out).get(0);
    assertThat(out.silver().schema().fieldNames())
        .containsExactly(PartnershipTermsTable.SPEC.schema().fieldNames());
    assertThat(Arrays.stream(out.silver().schema().fields()).map(f -> f.dataType()).toList())
        .isEqualTo(
            Arrays.stream(PartnershipTermsTable.SPEC.schema().fields())
                .map(f -> f.dataType())
                .toList());
    assertThat((String) row.getAs(Columns.PROVIDER)).isEqualTo("azure");
    assertThat((String) row.getAs(Columns.EXCLUSIVITY)).isEqualTo("rofr");
    assertThat((String) row.getAs(Columns.CONFIDENCE)).isEqualTo("reported");
    assertThat((BigDecimal) row.getAs(Columns.RESALE_SHARE_TO_LAB)).isEqualByComparingTo("0");
    assertThat(row.isNullAt(row.fieldIndex(Columns.LAB_SHARE_TO_PROVIDER))).isTrue();
    assertThat((BigDecimal) row.getAs(LAB_SHARE_CAP_USD))
        .isEqualTo(new BigDecimal("38000000000.00"));
    assertThat((BigDecimal) row.getAs(COMMITTED_SPEND_USD))
        .isEqualTo(new BigDecimal("250000000000.00"));
    assertThat((BigDecimal) row.getAs(COMMITMENT_TERM_YEARS)).isEqualByComparingTo("7");
    assertThat((BigDecimal) row.getAs(EQUITY_STAKE)).isEqualTo(new BigDecimal("0.270000"));
    assertThat((BigDecimal) row.getAs(INVESTMENT_USD)).isEqualTo(new BigDecimal("13800000000.50"));
    assertThat(row.getList(row.fieldIndex(OTHER_SOURCE_URLS)))
        .containsExactly("https://a.example", "https://b.example");
    assertThat(row.getList(row.fieldIndex(FACT_IDS))).containsExactly("P13", "P14b");
    assertThat(day(row, ANNOUNCED_DATE)).isEqualTo("2019-07-22");
    assertThat(day(row, EFFECTIVE_TO)).isNull();
    assertThat((String) row.getAs(Columns.NOTES)).isEqualTo("line one\nline two");
  }

  /** A row breaking one rule: its reason, and a part of the detail it must give. */
  private record BadRow(ReasonCode code, Map<String, String> row, String detail) {}

  private static final List<BadRow> BAD_ROWS =
      List.of(
          new BadRow(
              ReasonCode.NULL_REQUIRED, Inputs.with(VALID, Columns.LAB, "  "), "lab is empty"),
          new BadRow(
              ReasonCode.NULL_REQUIRED,
              Inputs.with(VALID, Columns.SOURCE_URL, null),
              "source_url is empty"),
          new BadRow(
              ReasonCode.BAD_DATE,
              Inputs.with(VALID, Columns.EFFECTIVE_FROM, "2024/01/01"),
              "effective_from='2024/01/01'"),
          new BadRow(
              ReasonCode.BAD_DATE,
              Inputs.with(VALID, ANNOUNCED_DATE, "2025-02-30"),
              "announced_date='2025-02-30'"),
          new BadRow(
              ReasonCode.BAD_VALUE,
              Inputs.with(VALID, Columns.EXCLUSIVITY, "partial"),
              "exclusivity='partial' is not one of exclusive, rofr, none"),
          new BadRow(
              ReasonCode.BAD_VALUE,
              Inputs.with(VALID, Columns.CONFIDENCE, "rumour"),
              "confidence='rumour'"),
          new BadRow(
              ReasonCode.BAD_VALUE, Inputs.with(VALID, Columns.PROVIDER, "ibm"), "provider='ibm'"),
          new BadRow(
              ReasonCode.BAD_SHARE,
              Inputs.with(VALID, Columns.RESALE_SHARE_TO_LAB, "1.5"),
              "resale_share_to_lab='1.5'"),
          new BadRow(
              ReasonCode.BAD_SHARE,
              Inputs.with(VALID, Columns.LAB_SHARE_TO_PROVIDER, "20%"),
              "lab_share_to_provider='20%'"),
          new BadRow(
              ReasonCode.BAD_SHARE,
              Inputs.with(VALID, EQUITY_STAKE, "-0.1"),
              "equity_stake='-0.1'"),
          new BadRow(
              ReasonCode.NEGATIVE_AMOUNT,
              Inputs.with(VALID, LAB_SHARE_CAP_USD, "-38000000000"),
              "lab_share_cap_usd='-38000000000' is negative"),
          new BadRow(
              ReasonCode.NEGATIVE_AMOUNT,
              Inputs.with(VALID, INVESTMENT_USD, "-1"),
              "investment_usd='-1' is negative"),
          new BadRow(
              ReasonCode.BAD_NUMBER,
              Inputs.with(VALID, COMMITTED_SPEND_USD, "$250B"),
              "committed_spend_usd='$250B' is not a number"),
          new BadRow(
              ReasonCode.BAD_NUMBER,
              Inputs.with(VALID, COMMITMENT_TERM_YEARS, "0"),
              "commitment_term_years='0'"),
          new BadRow(
              ReasonCode.BAD_PERIOD,
              Inputs.with(VALID, EFFECTIVE_TO, "2019-07-22"),
              "effective_to='2019-07-22' is not after effective_from='2019-07-22'"),
          new BadRow(
              ReasonCode.BAD_PERIOD,
              Inputs.with(VALID, EFFECTIVE_TO, "2018-01-01"),
              "effective_to='2018-01-01'"));

  /**
   * Every bad row of {@link #BAD_ROWS} beside a good one, in one input: each is quarantined with
   * its own reason and detail (told apart by record id), and the good row alone reaches silver.
   */
  @Test
  void eachBadRowIsQuarantinedWithItsReasonAndTheRestStays() {
    List<Map<String, String>> rows = new ArrayList<>();
    rows.add(Inputs.with(VALID, RECORD_ID, "OK", Columns.PROVIDER, "gcp"));
    for (int i = 0; i < BAD_ROWS.size(); i++) {
      rows.add(Inputs.with(BAD_ROWS.get(i).row(), RECORD_ID, "BAD" + i));
    }
    Dataset<Row> input = Inputs.frame(INPUT, rows);

    Outcome out = transform.apply(input);

    Map<String, Row> rejected =
        rejects(out).stream()
            .collect(Collectors.toMap(PartnershipTransformTest::rawRecordId, r -> r));
    assertThat(rejected).hasSize(BAD_ROWS.size());
    SoftAssertions.assertSoftly(
        softly -> {
          for (int i = 0; i < BAD_ROWS.size(); i++) {
            BadRow bad = BAD_ROWS.get(i);
            Row row = rejected.get("BAD" + i);
            softly.assertThat(row).as(bad.detail()).isNotNull();
            if (row != null) {
              softly
                  .assertThat((String) row.getAs(RejectedColumns.REASON_CODE))
                  .as(bad.detail())
                  .isEqualTo(bad.code().name());
              softly
                  .assertThat((String) row.getAs(RejectedColumns.REASON_DETAIL))
                  .contains(bad.detail());
            }
          }
        });
    assertThat(terms(out)).extracting(r -> r.getAs(RECORD_ID)).containsExactly("OK");
    // Conservation: every row read is silver or quarantined (docs/guarantees.md).
    assertThat(out.silver().count() + out.rejected().count()).isEqualTo(input.count());
  }

  @Test
  void aRowBreakingSeveralRulesGetsTheFirstCodeAndEveryDetail() {
    Outcome out =
        run(
            Inputs.with(
                VALID,
                Columns.LAB,
                null,
                Columns.EFFECTIVE_FROM,
                "01/02/2024",
                INVESTMENT_USD,
                "-5"));

    Row rejected = rejects(out).get(0);
    assertThat((String) rejected.getAs(RejectedColumns.REASON_CODE)).isEqualTo("NULL_REQUIRED");
    assertThat((String) rejected.getAs(RejectedColumns.REASON_DETAIL))
        .isEqualTo(
            "lab is empty (a value is required); effective_from='01/02/2024' is not a date in"
                + " yyyy-MM-dd form; investment_usd='-5' is negative (amounts are USD, zero or"
                + " more)");
  }

  @Test
  void quarantineKeepsTheRawRowAsReadWithEveryColumn() {
    Outcome out =
        run(Inputs.with(VALID, Columns.EXCLUSIVITY, " sole ", Columns.NOTES, "say \"hi\""));

    String raw = rejects(out).get(0).getAs(RejectedColumns.RAW);
    assertThat(raw)
        .startsWith("{\"record_id\":\"R1\",\"lab\":\"OpenAI\"")
        .contains("\"exclusivity\":\" sole \"")
        .contains("\"effective_to\":null")
        .contains("\"notes\":\"say \\\"hi\\\"\"");
  }

  @SafeVarargs
  @SuppressWarnings("varargs") // the array is only read, into an immutable list
  private Outcome run(Map<String, String>... rows) {
    return transform.apply(Inputs.frame(INPUT, List.of(rows)));
  }

  private static Map<String, String> record(String id, String from, String to) {
    return Inputs.with(
        VALID, RECORD_ID, id, Columns.EFFECTIVE_FROM, from, ANNOUNCED_DATE, from, EFFECTIVE_TO, to);
  }

  static List<Row> terms(Outcome out) {
    return out.silver().orderBy(Columns.LAB, Columns.PROVIDER, VALID_FROM).collectAsList();
  }

  static List<Row> rejects(Outcome out) {
    return out.rejected().collectAsList();
  }

  private static String rawRecordId(Row rejected) {
    String raw = rejected.getAs(RejectedColumns.RAW);
    return raw.replaceAll("^\\{\"record_id\":\"([^\"]*)\".*$", "$1");
  }

  private static String detailOf(Outcome out, String recordId) {
    return rejects(out).stream()
        .filter(r -> rawRecordId(r).equals(recordId))
        .map(r -> (String) r.getAs(RejectedColumns.REASON_DETAIL))
        .findFirst()
        .orElseThrow();
  }

  static String day(Row row, String column) {
    Object value = row.getAs(column);
    return value == null ? null : value.toString();
  }
}
