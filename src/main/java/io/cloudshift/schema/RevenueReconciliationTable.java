package io.cloudshift.schema;

import static io.cloudshift.schema.TableSpec.column;

import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;

/**
 * {@code revenue_reconciliation} (docs/methodology.md#outputs): per provider × quarter, in both
 * bases (calendar quarters and the provider's fiscal quarters), the revenue in the data (USD rows
 * of {@code charges_monthly}: lab-attributed = compute + resale, unattributed, total) against the
 * provider's public disclosure for the same calendar span, and the coverage ratios. One row per
 * disclosed segment and metric; quarters with data but no disclosure and disclosed quarters without
 * data appear too, with the other side null. Computed by {@code
 * io.cloudshift.reconciliation.ReconciliationFormulas}.
 */
public final class RevenueReconciliationTable {
  public static final DataType MONEY = ChargesMonthlyTable.MONEY;
  public static final DataType RATIO = ExactDecimal.FRACTION;

  public static final String MONTHS_IN_DATA = "months_in_data";
  public static final String COMPLETE_IN_DATA = "is_complete_in_data";
  public static final String COMPUTE_REVENUE = "compute_revenue";
  public static final String RESALE_REVENUE = "resale_revenue";
  public static final String LAB_ATTRIBUTED = "lab_attributed_revenue";
  public static final String UNATTRIBUTED = "unattributed_revenue";
  public static final String TOTAL_IN_DATA = "total_revenue_in_data";
  public static final String EXCLUDED_CURRENCIES = "excluded_currencies";
  public static final String DISCLOSED_SEGMENT = "disclosed_segment";
  public static final String DISCLOSED_METRIC = "disclosed_metric";
  public static final String DISCLOSED_VALUE = "disclosed_value";
  public static final String DISCLOSED_SEGMENT_REVENUE = "disclosed_segment_revenue";
  public static final String DISCLOSED_PERIOD_LABEL = "disclosed_period_label";
  public static final String DISCLOSED_BASIS = "disclosed_segment_basis";
  public static final String COVERAGE = "coverage_of_disclosed";
  public static final String DATA_TOTAL_VS_DISCLOSED = "data_total_vs_disclosed";

  public static final TableSpec SPEC =
      TableSpec.of(
          Tables.REVENUE_RECONCILIATION,
          "Per provider x quarter, in calendar and provider fiscal quarters: revenue in the data"
              + " (USD rows of charges_monthly only: lab-attributed = compute + resale,"
              + " unattributed, total) against the provider's public disclosure for the same"
              + " calendar span (segment_revenue_usd, or ai_run_rate_usd / 4 as a quarterly"
              + " equivalent), one row per disclosed segment; coverage_of_disclosed ="
              + " lab-attributed / disclosed, data_total_vs_disclosed = total / disclosed (null"
              + " when nothing positive is disclosed). Quarters with only data or only a disclosure"
              + " appear with the other side null.",
          TableSpec.join(
              column(Columns.PROVIDER, DataTypes.StringType, "Cloud provider id"),
              QuarterColumnSpecs.quarter(),
              column(
                  MONTHS_IN_DATA,
                  DataTypes.IntegerType,
                  "Billing months of the quarter with USD revenue rows of the provider in"
                      + " charges_monthly (0-3; 0 = no data)"),
              column(
                  COMPLETE_IN_DATA,
                  DataTypes.BooleanType,
                  "True when all three months of the quarter are in the data; ratios of partial"
                      + " quarters understate coverage"),
              column(
                  COMPUTE_REVENUE,
                  MONEY,
                  "Revenue from labs' own accounts (stream compute), sum of BilledCost, USD; null"
                      + " when no data"),
              column(
                  RESALE_REVENUE,
                  MONEY,
                  "Revenue from resale of labs' models (stream resale), sum of BilledCost, USD;"
                      + " null when no data"),
              column(
                  LAB_ATTRIBUTED,
                  MONEY,
                  "compute_revenue + resale_revenue: revenue attributed to AI labs, USD; null when"
                      + " no data"),
              column(
                  UNATTRIBUTED,
                  MONEY,
                  "Revenue matching no attribution rule (the provider's other revenue), USD; null"
                      + " when no data"),
              column(
                  TOTAL_IN_DATA,
                  MONEY,
                  "All USD revenue of the provider in the data for the quarter (lab-attributed +"
                      + " unattributed), USD; null when no data"),
              column(
                  EXCLUDED_CURRENCIES,
                  DataTypes.StringType,
                  "Billing currencies other than USD present in the provider's data for the quarter"
                      + " and left out of every amount (never summed across currencies),"
                      + " comma-separated; null when none"),
              column(
                  Columns.DISCLOSURE_ID,
                  DataTypes.StringType,
                  "provider_disclosures.disclosure_id of the disclosed figure; null when nothing is"
                      + " disclosed for the quarter"),
              column(
                  DISCLOSED_SEGMENT,
                  DataTypes.StringType,
                  "Disclosed segment, e.g. Microsoft Intelligent Cloud, AWS, OCI (IaaS)"),
              column(
                  DISCLOSED_METRIC,
                  DataTypes.StringType,
                  "segment_revenue_usd (quarterly segment revenue) or ai_run_rate_usd (annual AI"
                      + " revenue run-rate)"),
              column(
                  DISCLOSED_VALUE,
                  MONEY,
                  "The disclosed value as published, USD (a run-rate is annual)"),
              column(
                  DISCLOSED_SEGMENT_REVENUE,
                  MONEY,
                  "Quarterly revenue equivalent of the disclosure, USD: segment_revenue_usd as is;"
                      + " ai_run_rate_usd / 4"),
              column(
                  DISCLOSED_PERIOD_LABEL,
                  DataTypes.StringType,
                  "The disclosure's own period label (FY26Q1, 2025Q3)"),
              column(
                  DISCLOSED_BASIS,
                  DataTypes.StringType,
                  "Segment basis when the provider re-segmented (e.g. old basis); null = current"),
              column(
                  Columns.SOURCE_URL,
                  DataTypes.StringType,
                  "Page the disclosed figure was reported on"),
              column(
                  Columns.CONFIDENCE,
                  DataTypes.StringType,
                  "Confidence of the disclosure: confirmed, reported or assumed"),
              column(
                  COVERAGE,
                  RATIO,
                  "lab_attributed_revenue / disclosed_segment_revenue (ratio); null when either is"
                      + " null or disclosed <= 0"),
              column(
                  DATA_TOTAL_VS_DISCLOSED,
                  RATIO,
                  "total_revenue_in_data / disclosed_segment_revenue (ratio); null when either is"
                      + " null or disclosed <= 0")));

  private RevenueReconciliationTable() {}
}
