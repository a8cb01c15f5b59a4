package io.cloudshift.io;

import static io.cloudshift.schema.TableSpec.column;
import static org.assertj.core.api.Assertions.assertThat;

import io.cloudshift.schema.TableSpec;
import io.cloudshift.testing.SparkTestSession;
import io.delta.tables.DeltaTable;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Whole-table replacement: one commit per run, the same table throughout. */
class DeltaTableWriterTest {
  private static final TableSpec SPEC =
      TableSpec.of(
          "gold",
          "A gold table.",
          column("lab", DataTypes.StringType, "The lab."),
          column("n", DataTypes.LongType, "A count."));
  private static final StructType INPUT =
      new StructType().add("lab", DataTypes.StringType).add("n", DataTypes.LongType);

  @TempDir Path dir;

  @Test
  void aReplacementKeepsTheTableIdAndCommentsAndReplacesTheRows() {
    SparkSession spark = SparkTestSession.get();
    DeltaTableWriter writer = new DeltaTableWriter(spark, new Warehouse(dir.toString()), "{}");

    long first =
        writer.replace(
            SPEC,
            spark.createDataFrame(
                List.of(RowFactory.create("OpenAI", 1L), RowFactory.create("Mistral", 2L)), INPUT));
    String id = detail(spark, "id");
    long second =
        writer.replace(
            SPEC, spark.createDataFrame(List.of(RowFactory.create("Anthropic", 3L)), INPUT));

    assertThat(first).isZero();
    assertThat(second).isEqualTo(1L);
    // REPLACE TABLE would give the table a new id (and Delta a warning) on every run.
    assertThat(detail(spark, "id")).isEqualTo(id);
    assertThat(detail(spark, "description")).isEqualTo("A gold table.");
    List<Row> rows = writer.read("gold").collectAsList();
    assertThat(rows).containsExactly(RowFactory.create("Anthropic", 3L));
    assertThat(writer.read("gold").schema().apply("n").metadata().getString("comment"))
        .isEqualTo("A count.");
  }

  /**
   * README: every commit carries {run_id, job, period}, so DESCRIBE HISTORY links each version to
   * its run.
   */
  @Test
  void everyCommitCarriesTheRunsMetadataTheTablesCreationToo() {
    SparkSession spark = SparkTestSession.get();
    String metadata = "{\"run_id\":\"r-1\",\"job\":\"shares\",\"period\":\"2026-09\"}";
    DeltaTableWriter writer = new DeltaTableWriter(spark, new Warehouse(dir.toString()), metadata);

    writer.replace(SPEC, spark.createDataFrame(List.of(RowFactory.create("OpenAI", 1L)), INPUT));
    writer.replace(SPEC, spark.createDataFrame(List.of(RowFactory.create("Mistral", 2L)), INPUT));

    List<Row> history =
        DeltaTable.forPath(spark, dir.resolve("gold").toString())
            .history()
            .select("version", "userMetadata")
            .orderBy("version")
            .collectAsList();
    assertThat(history)
        .containsExactly(RowFactory.create(0L, metadata), RowFactory.create(1L, metadata));
    // Under the writers' lock: another test class's writer may be inside its own commit.
    synchronized (spark.conf()) {
      assertThat(
              spark.conf().getOption("spark.databricks.delta.commitInfo.userMetadata").isDefined())
          .as("no setting left behind")
          .isFalse();
    }
  }

  /**
   * Statistics per column only where they can skip files: none for a table replaced whole (one file
   * read whole), the declared columns for one replaced by range; the row count always.
   */
  @Test
  void filesCarryColumnStatisticsOnlyWhereTheyCanSkipFiles() {
    SparkSession spark = SparkTestSession.get();
    DeltaTableWriter writer = new DeltaTableWriter(spark, new Warehouse(dir.toString()), "{}");
    TableSpec ranged =
        TableSpec.table("ranged", TableSpec.Layer.SILVER, "A table replaced by range.")
            .columns(SPEC.columns().toArray(TableSpec.Column[]::new))
            .statsOn("lab")
            .replacedByRange()
            .build();
    Dataset<Row> rows =
        spark.createDataFrame(
            List.of(RowFactory.create("OpenAI", 1L), RowFactory.create("Mistral", 2L)), INPUT);

    writer.replace(SPEC, rows);
    writer.replaceRange(ranged, rows.coalesce(1), functions.lit(true));

    assertThat(fileStatistics(spark, "gold")).containsExactly("{\"numRecords\":2}");
    assertThat(fileStatistics(spark, "ranged"))
        .containsExactly(
            "{\"numRecords\":2,\"minValues\":{\"lab\":\"Mistral\"},"
                + "\"maxValues\":{\"lab\":\"OpenAI\"},\"nullCount\":{\"lab\":0}}");
  }

  /** The statistics of each file the table's first commit added, as Delta's log holds them. */
  private List<String> fileStatistics(SparkSession spark, String table) {
    return spark
        .read()
        .json(dir.resolve(table).resolve("_delta_log/00000000000000000000.json").toString())
        .where("add IS NOT NULL")
        .select("add.stats")
        .as(Encoders.STRING())
        .collectAsList();
  }

  private String detail(SparkSession spark, String field) {
    return DeltaTable.forPath(spark, dir.resolve("gold").toString())
        .detail()
        .select(field)
        .head()
        .getString(0);
  }
}
