package io.cloudshift.ingest.reference;

import static io.cloudshift.schema.PartnershipColumns.EFFECTIVE_TO;
import static io.cloudshift.schema.PartnershipColumns.IS_CURRENT;
import static io.cloudshift.schema.PartnershipColumns.VALID_FROM;
import static io.cloudshift.schema.PartnershipColumns.VALID_TO;
import static io.cloudshift.schema.PartnershipColumns.VERSION;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lead;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;

import io.cloudshift.schema.Columns;
import io.cloudshift.schema.PartnershipTermsTable;
import java.sql.Date;
import java.time.LocalDate;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;

/**
 * Builds the SCD2 history of {@code partnership_terms} (docs/methodology.md#partnership-records,
 * docs/methodology.md#outputs): per lab × provider, records in effective_from order become versions
 * 1..n with validity {@code [valid_from, valid_to)}. A version ends at its explicit effective_to
 * when the record has one (leaving a gap with no terms in force until the next record, if any),
 * else where the next version starts, else it stays open (null). is_current marks the version in
 * force on the run's as-of date (valid_from ≤ as-of < valid_to): none when that day falls in a gap
 * or before the first record. The as-of date is the run's (the day it runs unless cloudshift.as-of
 * sets it), never a clock read here, so a run is reproducible.
 */
final class TermsHistory {
  private TermsHistory() {}

  /**
   * @param records typed, mutually non-overlapping records (output of {@link
   *     PartnershipRecords#typed} minus {@link OverlappingTerms#conflicts}): unique on (lab,
   *     provider, effective_from)
   * @return rows of {@link PartnershipTermsTable#SPEC}
   */
  static Dataset<Row> build(Dataset<Row> records, LocalDate asOf) {
    WindowSpec chain =
        Window.partitionBy(Columns.LAB, Columns.PROVIDER).orderBy(Columns.EFFECTIVE_FROM);
    Column nextStart = lead(col(Columns.EFFECTIVE_FROM), 1).over(chain);
    Dataset<Row> versions =
        records
            .withColumn(VALID_FROM, col(Columns.EFFECTIVE_FROM))
            .withColumn(VALID_TO, coalesce(col(EFFECTIVE_TO), nextStart))
            .withColumn(IS_CURRENT, inForceOn(asOf))
            .withColumn(VERSION, row_number().over(chain));
    return PartnershipTermsTable.SPEC.conform(versions);
  }

  /** Whether the version's validity [valid_from, valid_to) holds the day. */
  private static Column inForceOn(LocalDate day) {
    Column date = lit(Date.valueOf(day));
    return col(VALID_FROM).leq(date).and(col(VALID_TO).isNull().or(date.lt(col(VALID_TO))));
  }
}
