package io.cloudshift.projection;

import io.cloudshift.schema.LabProviderMonthlyTable;
import io.cloudshift.schema.UpliftProjectionSensitivityTable;
import io.cloudshift.schema.UpliftProjectionTable;
import io.cloudshift.stage.PipelineStage;
import io.cloudshift.stage.StageContext;
import io.cloudshift.stage.StageTables;
import java.util.List;
import java.util.TreeSet;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code project} stage (docs/methodology.md#projection): the scenarios of {@code
 * cloudshift.scenarios} projected from the last complete quarter of {@code lab_provider_monthly}
 * (USD rows) into {@code uplift_projection} and {@code uplift_projection_sensitivity}, both
 * overwritten whole (one commit each, comments included). With no scenario configured both tables
 * are written empty, so readers always find them.
 */
public final class ProjectionJob extends PipelineStage {
  private static final Logger LOG = LoggerFactory.getLogger(ProjectionJob.class);

  public ProjectionJob(StageContext context) {
    super(
        context,
        "project",
        List.of(LabProviderMonthlyTable.SPEC),
        List.of(UpliftProjectionTable.SPEC, UpliftProjectionSensitivityTable.SPEC),
        false);
  }

  @Override
  public void execute(StageTables tables) {
    List<Scenario> scenarios = ScenarioConfig.read(context.config());
    Dataset<Row> labProviderMonthly = tables.readSmall(LabProviderMonthlyTable.SPEC);
    TreeSet<String> labs = new TreeSet<>();
    scenarios.forEach(s -> labs.add(s.lab()));
    var observations = ObservedBases.read(labProviderMonthly, labs);
    ScenarioProjector.Projection projection = ScenarioProjector.project(scenarios, observations);
    tables.write(
        UpliftProjectionTable.SPEC,
        ProjectionRows.quarters(
            context.spark(), projection.quarters(), context.config().providers()));
    tables.write(
        UpliftProjectionSensitivityTable.SPEC,
        ProjectionRows.grid(context.spark(), projection.grid()));
    LOG.info(
        "Projected {} scenario(s): {} quarter rows, {} sensitivity cells",
        scenarios.size(),
        projection.quarters().size(),
        projection.grid().size());
  }
}
