package io.cloudshift.lineage;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudshift.config.ExportConfig;
import io.cloudshift.schema.Tables;
import io.cloudshift.testing.BundledPipeline;
import io.cloudshift.testing.SparkTestSession;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Issue 23, item 5: the OpenLineage events of the bundled pipeline's run (BundledPipeline: every
 * stage through StageRunner, lineage to a file, an Airflow task as the parent). Each stage's events
 * name what it read (ingest: the export folders and curated files; the others: tables) and the
 * tables it wrote, at the Delta versions job_runs records.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StageLineageEndToEndTest {
  private static final String NAMESPACE = "cloudshift";

  private BundledPipeline pipeline;

  /** The events of each stage (job name), in the order they were sent. */
  private final Map<String, List<JsonNode>> byStage = new LinkedHashMap<>();

  @BeforeAll
  void readTheEvents() throws IOException {
    pipeline = BundledPipeline.get();
    ObjectMapper json = new ObjectMapper();
    for (String line : pipeline.lineageEvents()) {
      JsonNode event = json.readTree(line);
      assertThat(event.at("/job/namespace").asText()).isEqualTo(NAMESPACE);
      byStage.computeIfAbsent(event.at("/job/name").asText(), s -> new ArrayList<>()).add(event);
    }
  }

  @Test
  void eachStageSendsOneStartAndOneCompleteOfOneRun() {
    assertThat(byStage).containsOnlyKeys("ingest", "shares", "uplift", "project", "reconcile");
    byStage.forEach(
        (stage, events) -> {
          assertThat(events)
              .as(stage)
              .extracting(e -> e.get("eventType").asText())
              .containsExactly("START", "COMPLETE");
          assertThat(events.get(1).at("/run/runId").asText())
              .as(stage + ": the end closes the run the start opened")
              .isEqualTo(events.get(0).at("/run/runId").asText());
          assertThat(events.get(1).at("/run/facets/cloudshift_run/run_id").asText())
              .as(stage + ": the event links to the run's rows and its job_runs row")
              .isEqualTo(BundledPipeline.RUN_ID);
        });
  }

  @Test
  void ingestNamesEveryExportAndCuratedFileItReadAndTheTablesItWrote() {
    JsonNode complete = complete("ingest");
    List<String> exports =
        pipeline.config().exports().stream().map(ExportConfig::path).map(this::file).toList();
    List<String> curated =
        Stream.of("partnerships", "lab-revenue", "provider-disclosures", "fx-rates")
            .map(pipeline.config()::input)
            .map(this::file)
            .toList();
    assertThat(names(complete.get("inputs")))
        .containsExactlyInAnyOrderElementsOf(
            Stream.concat(exports.stream(), curated.stream()).toList());
    for (JsonNode input : complete.get("inputs")) {
      assertThat(input.at("/namespace").asText()).isEqualTo("file");
      assertThat(input.at("/inputFacets/inputStatistics/rowCount").asLong())
          .as(input.get("name").asText())
          .isPositive();
    }
    assertThat(
            input(complete, exports.get(0)).at("/inputFacets/inputStatistics/fileCount").asLong())
        .as("the files of the first export")
        .isEqualTo(
            pipeline.ingest().inputs().stream()
                .filter(i -> pipeline.config().exports().get(0).id().equals(i.exportId()))
                .count());
    assertThat(outputVersions(complete)).isEqualTo(tableVersions("ingest"));
  }

  @Test
  void eachGoldStageNamesTheTablesItReadAndTheTablesItWrote() {
    assertReadsAndWrites(
        "shares",
        List.of(Tables.CHARGES_MONTHLY, Tables.PARTNERSHIP_TERMS),
        List.of(
            Tables.LAB_PROVIDER_MONTHLY,
            Tables.LAB_CONCENTRATION_MONTHLY,
            Tables.PROVIDER_LAB_MIX_QUARTERLY,
            Tables.SHARE_SHIFT_EVENTS));
    assertReadsAndWrites(
        "uplift",
        List.of(
            Tables.LAB_PROVIDER_MONTHLY,
            Tables.CHARGES_MONTHLY,
            Tables.PARTNERSHIP_TERMS,
            Tables.LAB_REVENUE,
            Tables.FX_RATES),
        List.of(Tables.UPLIFT_MONTHLY, Tables.UPLIFT_QUARTERLY, Tables.UPLIFT_ESTIMATES));
    assertReadsAndWrites(
        "project",
        List.of(Tables.LAB_PROVIDER_MONTHLY),
        List.of(Tables.UPLIFT_PROJECTION, Tables.UPLIFT_PROJECTION_SENSITIVITY));
    assertReadsAndWrites(
        "reconcile",
        List.of(Tables.CHARGES_MONTHLY, Tables.PROVIDER_DISCLOSURES),
        List.of(Tables.REVENUE_RECONCILIATION));
  }

  @Test
  void everyEventNamesTheAirflowTaskAsItsParentAndTheDagRunAsItsRoot() {
    byStage.values().stream()
        .flatMap(List::stream)
        .map(e -> e.at("/run/facets/parent"))
        .forEach(
            parent -> {
              assertThat(parent.at("/job/namespace").asText()).isEqualTo("airflow");
              assertThat(parent.at("/job/name").asText()).isEqualTo("cloudshift_monthly.ingest");
              assertThat(parent.at("/run/runId").asText())
                  .isEqualTo(BundledPipeline.AIRFLOW_PARENT.get("spark.openlineage.parentRunId"));
              assertThat(parent.at("/root/job/name").asText()).isEqualTo("cloudshift_monthly");
              assertThat(parent.at("/root/run/runId").asText())
                  .isEqualTo(
                      BundledPipeline.AIRFLOW_PARENT.get("spark.openlineage.rootParentRunId"));
            });
  }

  private void assertReadsAndWrites(String stage, List<String> reads, List<String> writes) {
    JsonNode complete = complete(stage);
    assertThat(names(complete.get("inputs")))
        .as(stage + " reads")
        .containsExactlyInAnyOrderElementsOf(reads.stream().map(this::table).toList());
    assertThat(outputVersions(complete))
        .as(stage + " writes, at the versions job_runs records")
        .isEqualTo(tableVersions(stage))
        .containsOnlyKeys(writes.stream().map(this::table).toList());
  }

  private JsonNode complete(String stage) {
    return byStage.get(stage).stream()
        .filter(e -> e.get("eventType").asText().equals("COMPLETE"))
        .findFirst()
        .orElseThrow();
  }

  private static JsonNode input(JsonNode event, String name) {
    for (JsonNode input : event.get("inputs")) {
      if (input.get("name").asText().equals(name)) {
        return input;
      }
    }
    throw new AssertionError(name + " is not an input");
  }

  private static List<String> names(JsonNode datasets) {
    List<String> names = new ArrayList<>();
    datasets.forEach(d -> names.add(d.get("name").asText()));
    return names;
  }

  /** Each output's name and the Delta version its version facet gives. */
  private static Map<String, Long> outputVersions(JsonNode event) {
    Map<String, Long> versions = new LinkedHashMap<>();
    for (JsonNode output : event.get("outputs")) {
      assertThat(output.at("/facets/storage/storageLayer").asText()).isEqualTo("delta");
      versions.put(
          output.get("name").asText(),
          Long.parseLong(output.at("/facets/version/datasetVersion").asText()));
    }
    return versions;
  }

  /** The table versions the stage's job_runs row of this run records, by the tables' paths. */
  private Map<String, Long> tableVersions(String stage) {
    Row row =
        SparkTestSession.get()
            .read()
            .format("delta")
            .load(pipeline.warehouse().path(Tables.JOB_RUNS))
            .where(col("run_id").equalTo(BundledPipeline.RUN_ID).and(col("job").equalTo(stage)))
            .first();
    Map<String, Long> versions = new LinkedHashMap<>();
    row.<String, Long>getJavaMap(row.fieldIndex("table_versions"))
        .forEach((table, version) -> versions.put(table(table), version));
    return versions;
  }

  private String table(String name) {
    return file(pipeline.warehouse().path(name));
  }

  private String file(String path) {
    return Path.of(path).toAbsolutePath().normalize().toString();
  }
}
