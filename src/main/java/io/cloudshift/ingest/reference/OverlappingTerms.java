package io.cloudshift.ingest.reference;

import static io.cloudshift.schema.PartnershipColumns.EFFECTIVE_TO;
import static io.cloudshift.schema.PartnershipColumns.RECORD_ID;
import static org.apache.spark.sql.functions.array_join;
import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.date_format;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import io.cloudshift.schema.Columns;
import io.cloudshift.schema.ReasonCode;
import io.cloudshift.schema.RejectedColumns;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Finds partnership records that would be in force at the same time for one lab × provider, which
 * docs/methodology.md#outputs forbids ("non-overlapping validity intervals"). Two records conflict
 * when they start on the same day, or when the earlier one has an explicit effective_to after the
 * later one's start (a record without effective_to simply ends where the next begins, so it cannot
 * overlap). Both records of a conflicting pair are quarantined (OVERLAPPING_TERMS): the file does
 * not say which is right.
 *
 * <p>Every pair is checked, not only neighbours: an explicit end that runs past several later
 * starts conflicts with each of them. If the end overlaps a later record it always overlaps the
 * next one, so this is the "record vs next record" rule, applied to every record it reaches.
 */
final class OverlappingTerms {
  private static final String A = "a_";
  private static final String B = "b_";
  private static final String OTHER = "_other";
  private static final String SAME_START = "_same_start";

  private OverlappingTerms() {}

  /**
   * The conflicting records of {@code typed} (output of {@link PartnershipRecords#typed}): one row
   * per record, {@link RowValidator#ROW_ID} and a detail naming every record it conflicts with.
   */
  static Dataset<Row> conflicts(Dataset<Row> typed) {
    Dataset<Row> a = side(typed, A);
    Dataset<Row> b = side(typed, B);
    Column sameStart = col(A + Columns.EFFECTIVE_FROM).equalTo(col(B + Columns.EFFECTIVE_FROM));
    Column endsAfterNextStart =
        col(A + Columns.EFFECTIVE_FROM)
            .lt(col(B + Columns.EFFECTIVE_FROM))
            .and(col(A + EFFECTIVE_TO).gt(col(B + Columns.EFFECTIVE_FROM)));
    Dataset<Row> pairs =
        a.join(
                b,
                col(A + Columns.LAB)
                    .equalTo(col(B + Columns.LAB))
                    .and(col(A + Columns.PROVIDER).equalTo(col(B + Columns.PROVIDER)))
                    .and(col(A + RowValidator.ROW_ID).notEqual(col(B + RowValidator.ROW_ID)))
                    .and(sameStart.or(endsAfterNextStart)))
            .withColumn(SAME_START, sameStart);

    // Both records of a pair are blamed, each naming the other. A same-start pair matches in both
    // orders, so the first side covers both its records; an end-past-start pair matches once (a is
    // the earlier record), so its later record is blamed from the second side.
    Dataset<Row> blamedFirst =
        pairs.select(
            col(A + RowValidator.ROW_ID).as(RowValidator.ROW_ID),
            when(
                    col(SAME_START),
                    concat(
                        lit("same effective_from "),
                        day(B + Columns.EFFECTIVE_FROM),
                        lit(" as record "),
                        col(B + RECORD_ID)))
                .otherwise(
                    concat(
                        lit("effective_to "),
                        day(A + EFFECTIVE_TO),
                        lit(" runs past the start "),
                        day(B + Columns.EFFECTIVE_FROM),
                        lit(" of record "),
                        col(B + RECORD_ID)))
                .as(OTHER));
    Dataset<Row> blamedSecond =
        pairs
            .filter(col(SAME_START).equalTo(lit(false)))
            .select(
                col(B + RowValidator.ROW_ID).as(RowValidator.ROW_ID),
                concat(
                        lit("starts "),
                        day(B + Columns.EFFECTIVE_FROM),
                        lit(" before record "),
                        col(A + RECORD_ID),
                        lit(" ends (its effective_to "),
                        day(A + EFFECTIVE_TO),
                        lit(")"))
                    .as(OTHER));

    return blamedFirst
        .unionByName(blamedSecond)
        .groupBy(RowValidator.ROW_ID)
        .agg(
            concat(
                    lit("overlaps another record of the same lab and provider: "),
                    array_join(array_sort(collect_set(col(OTHER))), "; "))
                .as(RejectedColumns.REASON_DETAIL))
        .withColumn(RejectedColumns.REASON_CODE, lit(ReasonCode.OVERLAPPING_TERMS.name()));
  }

  private static Dataset<Row> side(Dataset<Row> typed, String prefix) {
    return typed.select(
        col(RowValidator.ROW_ID).as(prefix + RowValidator.ROW_ID),
        col(RECORD_ID).as(prefix + RECORD_ID),
        col(Columns.LAB).as(prefix + Columns.LAB),
        col(Columns.PROVIDER).as(prefix + Columns.PROVIDER),
        col(Columns.EFFECTIVE_FROM).as(prefix + Columns.EFFECTIVE_FROM),
        col(EFFECTIVE_TO).as(prefix + EFFECTIVE_TO));
  }

  private static Column day(String column) {
    return date_format(col(column), "yyyy-MM-dd");
  }
}
