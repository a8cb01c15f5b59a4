package io.cloudshift.projection;

import io.cloudshift.config.CloudshiftConfig;
import io.cloudshift.io.DeltaTableWriter;
import io.cloudshift.schema.Tables;
import io.cloudshift.schema.UpliftProjectionSensitivityTable;
import io.cloudshift.schema.UpliftProjectionTable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code project} stage (SPEC §4 "Projection"): the scenarios of {@code cloudshift.scenarios}
 * projected from the last complete quarter of {@code lab_provider_monthly} (USD rows) into
 * {@code uplift_projection} and {@code uplift_projection_sensitivity}, both overwritten whole (one
 * commit each, plus one when a table comment changes). With no scenario configured both tables are
 * written empty, so readers always find them.
 */
public final class ProjectionJob {
  private static final Logger LOG = LoggerFactory.getLogger(ProjectionJob.class);

  private final SparkSession spark;
  private final CloudshiftConfig config;
  private final DeltaTableWriter writer;

  public ProjectionJob(SparkSession spark, CloudshiftConfig config, DeltaTableWriter writer) {
    this.spark = spark;
    this.config = config;
    this.writer = writer;
  }

  /** Writes both tables; returns the Delta version written per table. */
  public Map<String, Long> execute() {
    List<Scenario> scenarios = ScenarioConfig.read(config);
    Dataset<Row> labProviderMonthly = writer.readSmall(Tables.LAB_PROVIDER_MONTHLY, "project uplift", "shares");
    TreeSet<String> labs = new TreeSet<>();
    scenarios.forEach(s -> labs.add(s.lab()));
    var observations = ObservedBases.read(labProviderMonthly, labs);
    ScenarioProjector.Projection projection = ScenarioProjector.project(scenarios, observations);
    Map<String, Long> versions = new LinkedHashMap<>();
    versions.put(Tables.UPLIFT_PROJECTION, writer.replace(UpliftProjectionTable.SPEC,
        ProjectionRows.quarters(spark, projection.quarters(), config.providers())));
    versions.put(Tables.UPLIFT_PROJECTION_SENSITIVITY, writer.replace(UpliftProjectionSensitivityTable.SPEC,
        ProjectionRows.grid(spark, projection.grid())));
    LOG.info("Projected {} scenario(s): {} quarter rows, {} sensitivity cells", scenarios.size(),
        projection.quarters().size(), projection.grid().size());
    return versions;
  }
}
