package io.cloudshift.terms;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.trunc;

import io.cloudshift.schema.Columns;
import io.cloudshift.schema.PartnershipColumns;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/**
 * The partnership terms in force for a lab and provider in a month
 * (docs/methodology.md#terms-in-force Terms in force at m"). Months are the unit of analysis, so
 * the terms of a month are those of the latest version that starts in or before that month and has
 * not ended before its first day: a change on 27 April governs April. A month with no version in
 * force gets nulls (no terms: no revenue shares).
 */
public final class TermsInForce {
  public static final String VALID_FROM = "terms_valid_from";

  public static final List<String> COLUMNS =
      List.of(
          Columns.TERMS_RECORD_ID,
          VALID_FROM,
          Columns.EXCLUSIVITY,
          Columns.RESALE_SHARE_TO_LAB,
          Columns.LAB_SHARE_TO_PROVIDER,
          PartnershipColumns.LAB_SHARE_CAP_USD);

  private TermsInForce() {}

  /**
   * Adds {@link #COLUMNS} to {@code rows}, which must have {@code labColumn}, {@code
   * providerColumn} and {@code monthColumn} (first day of a month). Row count and order of the
   * other columns are kept.
   */
  public static Dataset<Row> join(
      Dataset<Row> rows,
      Dataset<Row> terms,
      String labColumn,
      String providerColumn,
      String monthColumn) {
    Dataset<Row> t =
        terms.select(
            col(Columns.LAB).as("_t_lab"),
            col(Columns.PROVIDER).as("_t_provider"),
            col(PartnershipColumns.RECORD_ID).as(Columns.TERMS_RECORD_ID),
            col(PartnershipColumns.VALID_FROM).as(VALID_FROM),
            col(PartnershipColumns.VALID_TO).as("_t_valid_to"),
            col(Columns.EXCLUSIVITY).as(Columns.EXCLUSIVITY),
            col(Columns.RESALE_SHARE_TO_LAB).as(Columns.RESALE_SHARE_TO_LAB),
            col(Columns.LAB_SHARE_TO_PROVIDER).as(Columns.LAB_SHARE_TO_PROVIDER),
            col(PartnershipColumns.LAB_SHARE_CAP_USD).as(PartnershipColumns.LAB_SHARE_CAP_USD));
    // Resolve terms once per distinct (lab, provider, month), then join back, so duplicate keys in
    // rows (several streams or currencies) all get the same terms and no row is lost.
    Dataset<Row> keys =
        rows.select(
                col(labColumn).as("_k_lab"),
                col(providerColumn).as("_k_provider"),
                col(monthColumn).as("_k_month"))
            .distinct();
    Column inForce =
        keys.col("_k_lab")
            .equalTo(t.col("_t_lab"))
            .and(keys.col("_k_provider").equalTo(t.col("_t_provider")))
            .and(trunc(t.col(VALID_FROM), "month").leq(keys.col("_k_month")))
            .and(t.col("_t_valid_to").isNull().or(t.col("_t_valid_to").gt(keys.col("_k_month"))));
    Dataset<Row> perKey =
        keys.join(t, inForce, "left")
            .withColumn(
                "_rank",
                row_number()
                    .over(
                        Window.partitionBy(col("_k_lab"), col("_k_provider"), col("_k_month"))
                            .orderBy(col(VALID_FROM).desc_nulls_last())))
            .where(col("_rank").equalTo(1))
            .drop("_rank", "_t_lab", "_t_provider", "_t_valid_to");
    Column sameKey =
        rows.col(labColumn)
            .eqNullSafe(perKey.col("_k_lab"))
            .and(rows.col(providerColumn).eqNullSafe(perKey.col("_k_provider")))
            .and(rows.col(monthColumn).eqNullSafe(perKey.col("_k_month")));
    return rows.join(perKey, sameKey, "left").drop("_k_lab", "_k_provider", "_k_month");
  }
}
