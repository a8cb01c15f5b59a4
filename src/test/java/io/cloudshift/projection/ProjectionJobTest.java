package io.cloudshift.projection;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.assertj.core.api.Assertions.assertThat;

import io.cloudshift.config.CloudshiftConfig;
import io.cloudshift.io.DeltaTableWriter;
import io.cloudshift.io.Warehouse;
import io.cloudshift.schema.Columns;
import io.cloudshift.schema.LabProviderMonthlyTable;
import io.cloudshift.schema.TableSpec;
import io.cloudshift.schema.Tables;
import io.cloudshift.schema.UpliftProjectionSensitivityTable;
import io.cloudshift.schema.UpliftProjectionTable;
import io.cloudshift.testing.SparkTestSession;
import io.cloudshift.testing.TestConfigs;
import io.cloudshift.testing.TestStages;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Date;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The project job end to end on a hand-made lab_provider_monthly. */
class ProjectionJobTest {
  @TempDir Path dir;

  private CloudshiftConfig config(String scenarios) {
    return TestConfigs.bundled(
        Map.of("warehouse", dir.resolve("warehouse").toString(), "scenarios", scenarios));
  }

  private DeltaTableWriter writer(CloudshiftConfig config) {
    return new DeltaTableWriter(
        SparkTestSession.get(), new Warehouse(config.warehouse()), "{\"test\":true}");
  }

  /**
   * The rows of ScenarioProjectorTest.points() as lab_provider_monthly (other columns null), plus a
   * row reported in EUR.
   */
  static Dataset<Row> labProviderMonthly(SparkSession spark) {
    StructType schema =
        new StructType()
            .add(Columns.LAB, DataTypes.StringType)
            .add(Columns.PROVIDER, DataTypes.StringType)
            .add(Columns.STREAM, DataTypes.StringType)
            .add(Columns.MONTH, DataTypes.DateType)
            .add(Columns.REPORTING_CURRENCY, DataTypes.StringType)
            .add(Columns.BILLED_REVENUE, LabProviderMonthlyTable.MONEY)
            .add(Columns.LAB_STREAM_TOTAL, LabProviderMonthlyTable.MONEY);
    List<Row> rows = new ArrayList<>();
    for (ObservedBases.MonthlyPoint p : ScenarioProjectorTest.points()) {
      rows.add(
          RowFactory.create(
              p.lab(),
              p.provider(),
              p.stream(),
              Date.valueOf(p.month()),
              "USD",
              p.revenue(),
              p.streamTotal()));
    }
    // The projection is in USD: a large month reported in EUR would change azure's share if it
    // were read.
    rows.add(
        RowFactory.create(
            "OpenAI",
            "azure",
            "compute",
            Date.valueOf("2026-05-01"),
            "EUR",
            new BigDecimal("100000"),
            new BigDecimal("100000")));
    return withAllColumns(spark.createDataFrame(rows, schema), LabProviderMonthlyTable.SPEC);
  }

  static Dataset<Row> withAllColumns(Dataset<Row> rows, TableSpec spec) {
    Dataset<Row> result = rows;
    for (TableSpec.Column c : spec.columns()) {
      if (!List.of(rows.columns()).contains(c.name())) {
        result = result.withColumn(c.name(), lit(null).cast(c.type()));
      }
    }
    return result;
  }

  private static Row row(Dataset<Row> table, String stream, int q) {
    return table
        .where(
            col(Columns.STREAM)
                .equalTo(stream)
                .and(col(UpliftProjectionTable.QUARTER_INDEX).equalTo(q)))
        .head();
  }

  @Test
  void writesTheProjectionAndTheGridFromTheLastCompleteQuarter() {
    CloudshiftConfig config =
        config(
            ScenarioProjectorTest.scenario(
                "sensitivity { target-shares = [0.5, 0.9], growths = [0.8] }",
                ScenarioProjectorTest.STREAMS));
    DeltaTableWriter writer = writer(config);
    SparkSession spark = SparkTestSession.get();
    writer.replace(LabProviderMonthlyTable.SPEC, labProviderMonthly(spark));

    Map<String, Long> versions =
        TestStages.execute(new ProjectionJob(TestStages.context(config, writer)));
    assertThat(versions)
        .containsOnlyKeys(Tables.UPLIFT_PROJECTION, Tables.UPLIFT_PROJECTION_SENSITIVITY);

    Dataset<Row> table = writer.read(Tables.UPLIFT_PROJECTION);
    assertThat(table.columns()).containsExactlyElementsOf(UpliftProjectionTable.SPEC.columnNames());
    assertThat(table.count()).isEqualTo(12); // (compute, resale, total) × 4 quarters
    Row c1 = row(table, "compute", 1);
    // Hand values (ScenarioProjectorTest.quarterOneByHand): T_1 = 300·1.8^(1/4), s_1 = 0.8, s0 =
    // 0.9
    assertThat(c1.<String>getAs(Columns.QUARTER_LABEL)).isEqualTo("2026Q3");
    assertThat(c1.<Date>getAs(Columns.QUARTER_START)).isEqualTo(Date.valueOf("2026-07-01"));
    // Microsoft's fiscal year starts in July: Jul–Sep 2026 is FY27 Q1.
    assertThat(c1.<Integer>getAs(Columns.FISCAL_YEAR)).isEqualTo(2027);
    assertThat(c1.<Integer>getAs(Columns.FISCAL_QUARTER_NUMBER)).isEqualTo(1);
    assertThat(c1.<String>getAs(UpliftProjectionTable.BASE_QUARTER_LABEL)).isEqualTo("2026Q2");
    assertThat(c1.<BigDecimal>getAs(UpliftProjectionTable.START_TOTAL)).isEqualByComparingTo("300");
    assertThat(c1.<BigDecimal>getAs(UpliftProjectionTable.START_SHARE))
        .as("EUR row ignored")
        .isEqualByComparingTo("0.9");
    assertThat(c1.<BigDecimal>getAs(Columns.SHARE)).isEqualByComparingTo("0.8");
    assertThat(c1.<BigDecimal>getAs(UpliftProjectionTable.STREAM_TOTAL))
        .isEqualByComparingTo("347.487656");
    assertThat(c1.<BigDecimal>getAs(UpliftProjectionTable.NET_ACTUAL))
        .isEqualByComparingTo("277.990124");
    assertThat(c1.<BigDecimal>getAs(UpliftProjectionTable.NET_COUNTERFACTUAL))
        .isEqualByComparingTo("312.738890");
    assertThat(c1.<BigDecimal>getAs(UpliftProjectionTable.UPLIFT))
        .isEqualByComparingTo("-34.748766");
    Row r1 = row(table, "resale", 1);
    assertThat(r1.<BigDecimal>getAs(UpliftProjectionTable.OLD_NET_FRACTION))
        .isEqualByComparingTo("0.8");
    assertThat(r1.<BigDecimal>getAs(UpliftProjectionTable.NEW_NET_FRACTION))
        .isEqualByComparingTo("1");
    assertThat(r1.<BigDecimal>getAs(Columns.BREAK_EVEN_SHARE))
        .isEqualByComparingTo("0.64"); // 0.8·0.8
    Row t1 = row(table, "total", 1);
    assertThat(t1.<BigDecimal>getAs(UpliftProjectionTable.UPLIFT))
        .isEqualByComparingTo("-13.899507"); // −34.748766 + 20.849259
    assertThat(t1.<Object>getAs(Columns.SHARE)).isNull();

    Dataset<Row> grid = writer.read(Tables.UPLIFT_PROJECTION_SENSITIVITY);
    assertThat(grid.count()).isEqualTo(2 * 2 * 1); // streams × targets × growths
    // The compute cell (0.5, 0.8) is the scenario's own case: its sum of U equals the table's
    // cumulative U at q = 4.
    Row own =
        grid.where(
                col(Columns.STREAM)
                    .equalTo("compute")
                    .and(col(UpliftProjectionSensitivityTable.IS_SCENARIO_CASE)))
            .head();
    assertThat(own.<BigDecimal>getAs(UpliftProjectionTable.TARGET_SHARE))
        .isEqualByComparingTo("0.5");
    assertThat(own.<BigDecimal>getAs(UpliftProjectionTable.CUMULATIVE_UPLIFT))
        .isEqualByComparingTo(
            row(table, "compute", 4).<BigDecimal>getAs(UpliftProjectionTable.CUMULATIVE_UPLIFT));
    // The compute cell (0.9, 0.8) holds the start share: U = 0 in every quarter.
    Row held =
        grid.where(
                col(Columns.STREAM)
                    .equalTo("compute")
                    .and(col(UpliftProjectionTable.TARGET_SHARE).equalTo(0.9)))
            .head();
    assertThat(held.<BigDecimal>getAs(UpliftProjectionTable.CUMULATIVE_UPLIFT))
        .isEqualByComparingTo("0");
    // Column comments are in the Delta schema.
    assertThat(table.schema().apply(UpliftProjectionTable.UPLIFT).metadata().getString("comment"))
        .contains("N_act - N_cf");
  }
}
