package io.cloudshift.schema;

import static io.cloudshift.schema.DisclosureColumns.CALENDAR_END;
import static io.cloudshift.schema.DisclosureColumns.CALENDAR_START;
import static io.cloudshift.schema.DisclosureColumns.PERIOD_LABEL;
import static io.cloudshift.schema.DisclosureColumns.SEGMENT;
import static io.cloudshift.schema.DisclosureColumns.SEGMENT_BASIS;
import static io.cloudshift.schema.DisclosureColumns.VALUE;
import static io.cloudshift.schema.DisclosureColumns.VALUE_TYPE;
import static io.cloudshift.schema.TableSpec.column;
import static io.cloudshift.schema.TableSpec.required;

import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;

/**
 * {@code provider_disclosures}: the providers' public quarterly figures, typed
 * (docs/methodology.md#provider-disclosures).
 */
public final class ProviderDisclosuresTable {
  private static final DataType TEXT = DataTypes.StringType;
  private static final DataType DATE = DataTypes.DateType;

  public static final TableSpec SPEC =
      TableSpec.table(
              Tables.PROVIDER_DISCLOSURES,
              TableSpec.Layer.SILVER,
              "Public quarterly figures of the providers (segment revenue, growth, AI run-rate,"
                  + " ...) in their fiscal calendars, with the calendar days each fiscal quarter"
                  + " covers.")
          .columns(
              required(Columns.DISCLOSURE_ID, TEXT, "Id of the disclosure row"),
              required(Columns.PROVIDER, TEXT, "Cloud provider id"),
              required(
                  SEGMENT,
                  TEXT,
                  "Reporting segment the figure is about (e.g. Azure and other cloud services)"),
              required(
                  Columns.FISCAL_YEAR,
                  DataTypes.IntegerType,
                  "The provider's fiscal year (Microsoft's FY2026 runs July 2025 to June 2026)"),
              required(
                  Columns.FISCAL_QUARTER,
                  DataTypes.IntegerType,
                  "The provider's fiscal quarter, 1-4"),
              column(PERIOD_LABEL, TEXT, "The period as the provider names it (e.g. FY26Q1)"),
              required(CALENDAR_START, DATE, "First day of the fiscal quarter"),
              required(CALENDAR_END, DATE, "Last day of the fiscal quarter (inclusive)"),
              required(
                  Columns.METRIC,
                  TEXT,
                  "segment_revenue_usd, revenue_growth_yoy, ai_run_rate_usd, ai_growth_points,"
                      + " backlog_usd, rpo_usd or operating_income_usd"),
              required(
                  VALUE,
                  VALUE_TYPE,
                  "USD for *_usd metrics; a fraction for growth (0.35 = 35 %); points of growth for"
                      + " ai_growth_points"),
              column(
                  SEGMENT_BASIS,
                  TEXT,
                  "Input column basis: the segment definition the figure uses, where it changed:"
                      + " Microsoft's Intelligent Cloud \"old basis\" (FY24 and earlier) or \"new"
                      + " segment basis FY25+\"; the two are not comparable"),
              required(Columns.SOURCE_URL, TEXT, "Public source"),
              required(Columns.CONFIDENCE, TEXT, "confirmed, reported or assumed"),
              column(Columns.FACT_ID, TEXT, "Id of the public fact"),
              column(Columns.NOTES, TEXT, "Notes on the figure"))
          .build();

  private ProviderDisclosuresTable() {}
}
