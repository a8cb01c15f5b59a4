package io.cloudshift.ingest.reference;

import io.cloudshift.schema.FxRatesTable;
import io.cloudshift.schema.RejectedColumns;
import java.math.BigDecimal;
import java.sql.Date;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The parsed rates file → silver {@code fx_rates} rows (one per publication day and quoted
 * currency, in day and currency order) and rejected lines as (reason_code, reason_detail, raw).
 */
final class FxRatesTransform {
  private static final StructType REJECTED =
      new StructType()
          .add(RejectedColumns.REASON_CODE, DataTypes.StringType)
          .add(RejectedColumns.REASON_DETAIL, DataTypes.StringType)
          .add(RejectedColumns.RAW, DataTypes.StringType);

  private FxRatesTransform() {}

  static Outcome apply(SparkSession spark, EcbRatesFile.Parsed parsed) {
    List<Row> silver = new ArrayList<>();
    parsed
        .rates()
        .byDay()
        .forEach(
            (day, rates) -> {
              Date date = Date.valueOf(day);
              for (Map.Entry<String, BigDecimal> rate : new TreeMap<>(rates).entrySet()) {
                silver.add(RowFactory.create(date, rate.getKey(), rate.getValue()));
              }
            });
    List<Row> rejected = new ArrayList<>();
    for (EcbRatesFile.RejectedLine line : parsed.rejected()) {
      rejected.add(
          RowFactory.create(
              line.reason().name(), "line " + line.line() + ": " + line.detail(), line.raw()));
    }
    // Rows built on the driver travel inside every task that reads them, even from a cache: the
    // whole rates history is about 16 MB, and it was deserialized by each task that counted or
    // wrote it. Checkpointed, later tasks read the stored rows and carry none.
    return new Outcome(
        spark.createDataFrame(silver, FxRatesTable.SPEC.schema()).coalesce(1).localCheckpoint(),
        spark.createDataFrame(rejected, REJECTED));
  }
}
