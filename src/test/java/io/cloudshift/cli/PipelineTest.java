package io.cloudshift.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudshift.config.BillingPeriodRange;
import io.cloudshift.config.RunContext;
import io.cloudshift.io.InputNotFoundException;
import io.cloudshift.io.Warehouse;
import io.cloudshift.schema.TableCatalog;
import io.cloudshift.schema.TableSpec;
import io.cloudshift.schema.Tables;
import io.cloudshift.stage.PipelineStage;
import io.cloudshift.stage.StageContext;
import io.cloudshift.stage.StageRunner;
import io.cloudshift.testing.SparkTestSession;
import io.cloudshift.testing.TestConfigs;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The stages' declared inputs and outputs make one pipeline: each table written once, read only
 * after it is written.
 */
class PipelineTest {
  /** Declarations only: stages do nothing in their constructors. */
  private static final List<PipelineStage> PIPELINE =
      Stage.pipeline(new StageContext(null, null, null, null));

  @Test
  void eachSubcommandRunsTheStageOfItsName() {
    assertThat(PIPELINE)
        .extracting(PipelineStage::name)
        .containsExactly(Arrays.stream(Stage.values()).map(Stage::command).toArray(String[]::new))
        .containsExactly("ingest", "shares", "uplift", "project", "reconcile");
  }

  @Test
  void everyTableIsWrittenByOneStageAndReadOnlyByLaterOnes() throws IllegalAccessException {
    Set<String> written = new HashSet<>();
    for (PipelineStage stage : PIPELINE) {
      assertThat(written)
          .as(stage.name() + " reads tables an earlier stage wrote")
          .containsAll(names(stage.reads()));
      for (String table : names(stage.writes())) {
        assertThat(written.add(table)).as(table + " written by one stage only").isTrue();
      }
    }
    List<String> tables = new ArrayList<>();
    for (var field : Tables.class.getFields()) {
      if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
        tables.add((String) field.get(null));
      }
    }
    // job_runs is the runner's, appended for every stage.
    tables.remove(Tables.JOB_RUNS);
    assertThat(written).containsExactlyInAnyOrderElementsOf(tables);
    // Every table is in the catalogue, declared once.
    assertThat(TableCatalog.ALL)
        .extracting(TableSpec::name)
        .doesNotHaveDuplicates()
        .containsExactlyInAnyOrderElementsOf(
            java.util.stream.Stream.concat(
                    tables.stream(), java.util.stream.Stream.of(Tables.JOB_RUNS))
                .toList());
  }

  private static List<String> names(List<TableSpec> tables) {
    return tables.stream().map(TableSpec::name).toList();
  }

  @Test
  void onlyIngestProcessesJustTheRunsPeriod() {
    assertThat(PIPELINE)
        .filteredOn(PipelineStage::honoursPeriod)
        .extracting(PipelineStage::name)
        .containsExactly("ingest");
  }

  @Test
  void aStageRunOnAnEmptyWarehouseNamesTheStageToRunFirst(@TempDir Path dir) {
    StageContext context =
        StageContext.of(
            SparkTestSession.get(),
            TestConfigs.bundled(Map.of()),
            new Warehouse(dir.toString()),
            new RunContext("run-1", "uplift", BillingPeriodRange.all()));
    List<PipelineStage> pipeline = Stage.pipeline(context);

    assertThatThrownBy(() -> new StageRunner(context, pipeline).run(Stage.UPLIFT.create(context)))
        .isInstanceOf(InputNotFoundException.class)
        .hasMessage(
            "Cannot run uplift: table lab_provider_monthly does not exist under "
                + dir
                + " (run `cloudshift shares` first)");
  }
}
