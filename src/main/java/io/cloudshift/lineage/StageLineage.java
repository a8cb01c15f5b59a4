package io.cloudshift.lineage;

import io.cloudshift.audit.InputCount;
import io.cloudshift.audit.JobRun;
import io.cloudshift.config.BillingPeriodRange;
import io.cloudshift.config.ExportConfig;
import io.cloudshift.config.LineageConfig;
import io.cloudshift.schema.TableSpec;
import io.cloudshift.stage.StageContext;
import io.openlineage.client.OpenLineage;
import io.openlineage.client.OpenLineageClient;
import io.openlineage.client.utils.UUIDUtils;
import java.net.URI;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import scala.Tuple2;

/**
 * One OpenLineage job per stage (named as the stage, in cloudshift's namespace), one run each time
 * it runs: a START event naming the tables it declares, and a COMPLETE or FAIL event naming what it
 * really read (export folders and curated files for ingest, with rows and files; tables for the
 * others) and the tables it committed, each with its Delta version, as its job_runs row records
 * them. Events are sent from the driver by the stage runner rather than by the OpenLineage Spark
 * listener, whose events name Spark plans, not stages, and miss most of what cloudshift reads
 * (docs/operations.md#lineage). Lineage never fails a run: an event that cannot be sent is logged.
 */
public final class StageLineage {
  private static final Logger LOG = LoggerFactory.getLogger(StageLineage.class);

  /** Who made the events: a name, not an address (cloudshift has no public repository). */
  private static final URI PRODUCER = URI.create("urn:cloudshift:stage-runner");

  private static final String RUN_FACET = "cloudshift_run";

  private final Optional<OpenLineageClient> client;
  private final String namespace;
  private final Optional<LineageParent> parent;
  private final String warehouse;
  private final Map<String, String> exportPaths;
  private final OpenLineage model = new OpenLineage(PRODUCER);

  private StageLineage(
      Optional<OpenLineageClient> client,
      String namespace,
      Optional<LineageParent> parent,
      String warehouse,
      Map<String, String> exportPaths) {
    this.client = client;
    this.namespace = namespace;
    this.parent = parent;
    this.warehouse = warehouse;
    this.exportPaths = exportPaths;
  }

  /**
   * The lineage of the stages run in {@code context}: configured by its config, the parent run from
   * its Spark session's settings, the API key from the process's environment.
   */
  public static StageLineage of(StageContext context) {
    Map<String, String> settings = new LinkedHashMap<>();
    if (context.config().lineage().enabled()) {
      for (Tuple2<String, String> setting : context.spark().sparkContext().getConf().getAll()) {
        settings.put(setting._1(), setting._2());
      }
    }
    return of(context, settings, System.getenv());
  }

  /** As {@link #of(StageContext)}, with the Spark settings and environment given. */
  public static StageLineage of(
      StageContext context, Map<String, String> sparkSettings, Map<String, String> environment) {
    LineageConfig config = context.config().lineage();
    if (!config.enabled()) {
      return new StageLineage(Optional.empty(), config.namespace(), Optional.empty(), "", Map.of());
    }
    return new StageLineage(
        LineageClients.open(config, environment),
        config.namespace(),
        LineageParent.of(sparkSettings),
        context.writer().root(),
        context.config().exports().stream()
            .collect(Collectors.toMap(ExportConfig::id, ExportConfig::path)));
  }

  /** Sends the START of a run of {@code stage}; returns the run's id for its end. */
  public UUID started(
      String stage,
      List<TableSpec> reads,
      List<TableSpec> writes,
      String runId,
      BillingPeriodRange covered,
      Instant at) {
    UUID run = UUIDUtils.generateNewUUID(at);
    client.ifPresent(
        c ->
            send(
                c,
                stage,
                model
                    .newRunEventBuilder()
                    .eventType(OpenLineage.RunEvent.EventType.START)
                    .eventTime(time(at))
                    .run(model.newRun(run, runFacets(runId, covered.toString(), null)))
                    .job(job(stage))
                    .inputs(reads.stream().map(t -> tableInput(t.name())).toList())
                    .outputs(writes.stream().map(t -> tableOutput(t.name(), null)).toList())
                    .build()));
    return run;
  }

  /** Sends the COMPLETE or FAIL of run {@code run} of the stage that {@code record} reports. */
  public void ended(UUID run, List<TableSpec> reads, JobRun record) {
    client.ifPresent(
        c -> {
          boolean succeeded = JobRun.SUCCEEDED.equals(record.status());
          List<OpenLineage.InputDataset> inputs = new ArrayList<>();
          reads.forEach(t -> inputs.add(tableInput(t.name())));
          inputs.addAll(fileInputs(record.inputs()));
          List<OpenLineage.OutputDataset> outputs = new ArrayList<>();
          record
              .tableVersions()
              .forEach((table, version) -> outputs.add(tableOutput(table, version)));
          send(
              c,
              record.job(),
              model
                  .newRunEventBuilder()
                  .eventType(
                      succeeded
                          ? OpenLineage.RunEvent.EventType.COMPLETE
                          : OpenLineage.RunEvent.EventType.FAIL)
                  .eventTime(time(record.finishedAt()))
                  .run(
                      model.newRun(
                          run,
                          runFacets(
                              record.runId(),
                              record.logicalPeriod(),
                              succeeded ? null : String.valueOf(record.message()))))
                  .job(job(record.job()))
                  .inputs(inputs)
                  .outputs(outputs)
                  .build());
        });
  }

  private void send(OpenLineageClient client, String stage, OpenLineage.RunEvent event) {
    try {
      client.emit(event);
    } catch (RuntimeException e) {
      LOG.warn(
          "Lineage: the {} event of stage {} was not sent ({}); the run goes on",
          event.getEventType(),
          stage,
          e.getMessage());
    }
  }

  private OpenLineage.Job job(String stage) {
    return model.newJob(
        namespace,
        stage,
        model
            .newJobFacetsBuilder()
            .jobType(model.newJobTypeJobFacet("BATCH", "SPARK", "JOB", null))
            .build());
  }

  private OpenLineage.RunFacets runFacets(String runId, String period, String error) {
    OpenLineage.RunFacet cloudshift = model.newRunFacet();
    // Links the event to the run's rows: every table's run_id column and its job_runs row.
    cloudshift.getAdditionalProperties().put("run_id", runId);
    cloudshift.getAdditionalProperties().put("period", period);
    OpenLineage.RunFacetsBuilder facets = model.newRunFacetsBuilder().put(RUN_FACET, cloudshift);
    parent.ifPresent(p -> facets.parent(parentFacet(p)));
    if (error != null) {
      facets.errorMessage(model.newErrorMessageRunFacet(error, "JAVA", null));
    }
    return facets.build();
  }

  private OpenLineage.ParentRunFacet parentFacet(LineageParent p) {
    LineageParent.JobRun root = p.root().orElse(p.parent());
    return model.newParentRunFacet(
        model.newParentRunFacetRun(p.parent().runId(), null),
        model.newParentRunFacetJob(p.parent().namespace(), p.parent().name(), null),
        model.newParentRunFacetRoot(
            model.newRootRun(root.runId(), null),
            model.newRootJob(root.namespace(), root.name(), null)));
  }

  private OpenLineage.InputDataset tableInput(String table) {
    LineageDatasets.Name name = LineageDatasets.of(warehouse + "/" + table);
    return model.newInputDataset(name.namespace(), name.name(), deltaFacets(null), null);
  }

  private OpenLineage.OutputDataset tableOutput(String table, Long version) {
    LineageDatasets.Name name = LineageDatasets.of(warehouse + "/" + table);
    return model.newOutputDataset(name.namespace(), name.name(), deltaFacets(version), null);
  }

  private OpenLineage.DatasetFacets deltaFacets(Long version) {
    OpenLineage.DatasetFacetsBuilder facets =
        model.newDatasetFacetsBuilder().storage(model.newStorageDatasetFacet("delta", "parquet"));
    if (version != null) {
      facets.version(model.newDatasetVersionDatasetFacet(String.valueOf(version)));
    }
    return facets.build();
  }

  /**
   * The files a stage read, as datasets: an export is its configured folder (its files change with
   * every delivery; the export does not), with the rows and files read from it; a curated input is
   * its file.
   */
  private List<OpenLineage.InputDataset> fileInputs(List<InputCount> read) {
    Map<String, long[]> rowsAndFiles = new LinkedHashMap<>();
    for (InputCount input : read) {
      String location =
          input.exportId() == null
              ? input.sourceFile()
              : exportPaths.getOrDefault(input.exportId(), input.sourceFile());
      long[] counts = rowsAndFiles.computeIfAbsent(location, l -> new long[2]);
      counts[0] += input.rowsIn();
      counts[1]++;
    }
    List<OpenLineage.InputDataset> inputs = new ArrayList<>();
    rowsAndFiles.forEach(
        (location, counts) -> {
          LineageDatasets.Name name = LineageDatasets.of(location);
          inputs.add(
              model.newInputDataset(
                  name.namespace(),
                  name.name(),
                  null,
                  model
                      .newInputDatasetInputFacetsBuilder()
                      .inputStatistics(
                          model.newInputStatisticsInputDatasetFacet(counts[0], null, counts[1]))
                      .build()));
        });
    return inputs;
  }

  private static ZonedDateTime time(Instant at) {
    return at.atZone(ZoneOffset.UTC);
  }
}
