package io.cloudshift.ingest.reference;

import static io.cloudshift.ingest.reference.RowValidator.typed;
import static io.cloudshift.schema.DisclosureColumns.CALENDAR_END;
import static io.cloudshift.schema.DisclosureColumns.CALENDAR_START;
import static io.cloudshift.schema.DisclosureColumns.INPUT;
import static io.cloudshift.schema.DisclosureColumns.METRICS;
import static io.cloudshift.schema.DisclosureColumns.NON_NEGATIVE_METRICS;
import static io.cloudshift.schema.DisclosureColumns.PERIOD_LABEL;
import static io.cloudshift.schema.DisclosureColumns.REQUIRED;
import static io.cloudshift.schema.DisclosureColumns.SEGMENT;
import static io.cloudshift.schema.DisclosureColumns.SEGMENT_BASIS;
import static io.cloudshift.schema.DisclosureColumns.VALUE;
import static io.cloudshift.schema.DisclosureColumns.VALUE_TYPE;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.date_format;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import io.cloudshift.periods.FiscalCalendar;
import io.cloudshift.schema.Columns;
import io.cloudshift.schema.PartnershipColumns;
import io.cloudshift.schema.ProviderDisclosuresTable;
import io.cloudshift.schema.ReasonCode;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;

/**
 * Provider disclosures (text) → {@code provider_disclosures} rows and rejects
 * (docs/methodology.md#provider-disclosures). Besides types and allowed values it checks that
 * calendar_start..calendar_end is exactly the fiscal quarter the row names, in the provider's
 * configured fiscal calendar (docs/methodology.md#quarters: Microsoft's fiscal year starts 1 July):
 * reconciliation places disclosures by those dates, so a row whose dates and fiscal label disagree
 * would otherwise be silently misplaced.
 */
final class DisclosureTransform {
  private static final List<String> DATES = List.of(CALENDAR_START, CALENDAR_END);
  private static final List<String> WHOLE_NUMBERS =
      List.of(Columns.FISCAL_YEAR, Columns.FISCAL_QUARTER);
  private static final String FISCAL_START_MONTH = "_fiscal_start_month";
  private static final String EXPECTED_START = "_expected_start";
  private static final String EXPECTED_END = "_expected_end";

  private final Rules rules;
  private final List<String> providerIds;

  /**
   * @param fiscalYearStartMonth configured provider id → first calendar month of its fiscal year
   */
  DisclosureTransform(Map<String, Integer> fiscalYearStartMonth) {
    Map<String, Integer> sorted = new TreeMap<>(fiscalYearStartMonth);
    this.providerIds = List.copyOf(sorted.keySet());
    this.rules =
        Rules.forColumns(INPUT)
            .parse(DATES, Parse::date)
            .parse(WHOLE_NUMBERS, Parse::integer)
            .parse(VALUE, Parse.decimal(VALUE_TYPE))
            .parse(Columns.PROVIDER, Parse.oneOf(providerIds))
            .parse(Columns.METRIC, Parse.oneOf(METRICS))
            .parse(Columns.CONFIDENCE, Parse.oneOf(PartnershipColumns.CONFIDENCE_VALUES))
            .derive(FISCAL_START_MONTH, fiscalStartMonth(sorted))
            .derive(
                EXPECTED_START,
                FiscalCalendar.fiscalQuarterStart(
                    typed(Columns.FISCAL_YEAR),
                    typed(Columns.FISCAL_QUARTER),
                    col(FISCAL_START_MONTH)))
            .derive(EXPECTED_END, FiscalCalendar.quarterEnd(col(EXPECTED_START)))
            .checkEach(REQUIRED, Check::required)
            .checkEach(DATES, Check::date)
            .checkEach(WHOLE_NUMBERS, Check::wholeNumber)
            .check(Check.number(VALUE))
            .check(Check.oneOf(Columns.PROVIDER, providerIds))
            .check(Check.oneOf(Columns.METRIC, METRICS))
            .check(Check.oneOf(Columns.CONFIDENCE, PartnershipColumns.CONFIDENCE_VALUES))
            .check(
                Check.of(
                    ReasonCode.BAD_VALUE,
                    typed(Columns.FISCAL_QUARTER).between(1, 4).equalTo(lit(false)),
                    Check.quoted(Columns.FISCAL_QUARTER, "is not a quarter 1-4")))
            .check(
                Check.of(
                    ReasonCode.NEGATIVE_AMOUNT,
                    typed(Columns.METRIC)
                        .isin(NON_NEGATIVE_METRICS.toArray())
                        .and(typed(VALUE).lt(lit(BigDecimal.ZERO))),
                    concat(Check.quoted(VALUE, "is negative for metric "), typed(Columns.METRIC))))
            .check(
                Check.of(
                    ReasonCode.BAD_PERIOD,
                    typed(CALENDAR_END).lt(typed(CALENDAR_START)),
                    concat(
                        lit(CALENDAR_END + "='"),
                        day(typed(CALENDAR_END)),
                        lit("' is before " + CALENDAR_START + "='"),
                        day(typed(CALENDAR_START)),
                        lit("'"))))
            .check(fiscalQuarterMatchesDates())
            .build();
  }

  Outcome apply(Dataset<Row> input) {
    Dataset<Row> validated = RowValidator.validate(input, rules);
    Dataset<Row> typed =
        RowValidator.accepted(validated)
            .select(
                col(Columns.DISCLOSURE_ID),
                typed(Columns.PROVIDER).as(Columns.PROVIDER),
                col(SEGMENT),
                typed(Columns.FISCAL_YEAR).as(Columns.FISCAL_YEAR),
                typed(Columns.FISCAL_QUARTER).as(Columns.FISCAL_QUARTER),
                col(PERIOD_LABEL),
                typed(CALENDAR_START).as(CALENDAR_START),
                typed(CALENDAR_END).as(CALENDAR_END),
                typed(Columns.METRIC).as(Columns.METRIC),
                typed(VALUE).as(VALUE),
                col(Columns.BASIS).as(SEGMENT_BASIS),
                col(Columns.SOURCE_URL),
                typed(Columns.CONFIDENCE).as(Columns.CONFIDENCE),
                col(Columns.FACT_ID),
                col(Columns.NOTES));
    return new Outcome(
        ProviderDisclosuresTable.SPEC.conform(typed), RowValidator.rejected(validated));
  }

  /** The configured fiscal-year start month of the row's provider; null for an unknown provider. */
  private static Column fiscalStartMonth(Map<String, Integer> fiscalYearStartMonth) {
    Column result = null;
    for (Map.Entry<String, Integer> e : fiscalYearStartMonth.entrySet()) {
      Column match = typed(Columns.PROVIDER).equalTo(lit(e.getKey()));
      result =
          result == null ? when(match, lit(e.getValue())) : result.when(match, lit(e.getValue()));
    }
    return result == null ? lit(null).cast(DataTypes.IntegerType) : result;
  }

  /** BAD_PERIOD unless calendar_start..calendar_end is the fiscal quarter the row names. */
  private static Check fiscalQuarterMatchesDates() {
    Column start = typed(CALENDAR_START);
    Column end = typed(CALENDAR_END);
    Column applicable =
        col(FISCAL_START_MONTH)
            .isNotNull()
            .and(typed(Columns.FISCAL_YEAR).isNotNull())
            .and(typed(Columns.FISCAL_QUARTER).between(1, 4))
            .and(start.isNotNull())
            .and(end.isNotNull());
    Column mismatch =
        col(EXPECTED_START)
            .isNull()
            .or(start.notEqual(col(EXPECTED_START)))
            .or(end.notEqual(col(EXPECTED_END)));
    return Check.of(
        ReasonCode.BAD_PERIOD,
        applicable.and(mismatch),
        concat(
            lit(CALENDAR_START + ".." + CALENDAR_END + " = "),
            day(start),
            lit(".."),
            day(end),
            lit(" is not fiscal Q"),
            typed(Columns.FISCAL_QUARTER).cast(DataTypes.StringType),
            lit(" of FY"),
            typed(Columns.FISCAL_YEAR).cast(DataTypes.StringType),
            lit(" for provider "),
            typed(Columns.PROVIDER),
            lit(" (expected "),
            coalesce(day(col(EXPECTED_START)), lit("?")),
            lit(".."),
            coalesce(day(col(EXPECTED_END)), lit("?")),
            lit("; its fiscal year starts in month "),
            col(FISCAL_START_MONTH).cast(DataTypes.StringType),
            lit(")")));
  }

  private static Column day(Column date) {
    return date_format(date, "yyyy-MM-dd");
  }
}
