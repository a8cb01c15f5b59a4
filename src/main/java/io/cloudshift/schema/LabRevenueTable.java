package io.cloudshift.schema;

import static io.cloudshift.schema.LabRevenueColumns.MONTHLY_REVENUE_USD;
import static io.cloudshift.schema.LabRevenueColumns.MONTHS_COVERED;
import static io.cloudshift.schema.LabRevenueColumns.PERIOD_END;
import static io.cloudshift.schema.LabRevenueColumns.PERIOD_START;
import static io.cloudshift.schema.LabRevenueColumns.USD;
import static io.cloudshift.schema.LabRevenueColumns.VALUE_USD;
import static io.cloudshift.schema.TableSpec.column;
import static io.cloudshift.schema.TableSpec.required;

import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;

/**
 * {@code lab_revenue}: the public revenue figures of the labs, typed, with the monthly revenue they
 * imply (docs/methodology.md#lab-revenue).
 */
public final class LabRevenueTable {
  private static final DataType TEXT = DataTypes.StringType;
  private static final DataType DATE = DataTypes.DateType;

  public static final TableSpec SPEC =
      TableSpec.table(
              Tables.LAB_REVENUE,
              TableSpec.Layer.SILVER,
              "Public revenue figures of the labs (a run-rate or a period's revenue), with the"
                  + " monthly revenue each implies: the LabRevenue(L, m) of the inbound share.")
          .columns(
              required(Columns.FACT_ID, TEXT, "Id of the public fact"),
              required(Columns.LAB, TEXT, "AI lab, in the attribution rules' spelling"),
              required(
                  Columns.METRIC,
                  TEXT,
                  "annualized_run_rate_usd (a run-rate as of the period) or period_revenue_usd"
                      + " (revenue earned over it)"),
              required(PERIOD_START, DATE, "First day the figure describes"),
              required(PERIOD_END, DATE, "Last day the figure describes (inclusive)"),
              required(VALUE_USD, USD, "The figure as published (USD)"),
              required(
                  MONTHS_COVERED,
                  DataTypes.IntegerType,
                  "Calendar months from period_start's through period_end's"),
              required(
                  MONTHLY_REVENUE_USD,
                  USD,
                  "Revenue per month it implies: a run-rate / 12, a period's revenue /"
                      + " months_covered (USD)"),
              required(Columns.SOURCE_URL, TEXT, "Public source"),
              required(Columns.CONFIDENCE, TEXT, "confirmed, reported or assumed"),
              column(Columns.NOTES, TEXT, "Notes on the figure"))
          .build();

  private LabRevenueTable() {}
}
