package io.cloudshift.ingest;

import io.cloudshift.audit.InputCount;
import io.cloudshift.audit.JobRun;
import io.cloudshift.audit.JobRunRecorder;
import io.cloudshift.audit.StageResult;
import io.cloudshift.config.CloudshiftConfig;
import io.cloudshift.config.RunContext;
import io.cloudshift.ingest.reference.ReferenceIngest;
import io.cloudshift.ingest.reference.ReferenceIngestResult;
import io.cloudshift.io.DeltaTableWriter;
import io.cloudshift.io.Warehouse;
import io.cloudshift.schema.Tables;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;

/**
 * The {@code ingest} job: FOCUS charges, the attribution rules and the curated inputs
 * (partnerships, lab revenue, provider disclosures) into silver and quarantine tables, then one
 * {@code job_runs} row whether the run succeeded or failed.
 */
public final class IngestJob {
  private final SparkSession spark;
  private final CloudshiftConfig config;
  private final RunContext run;
  private final DeltaTableWriter writer;

  public IngestJob(SparkSession spark, CloudshiftConfig config, Warehouse warehouse, RunContext run) {
    this.spark = spark;
    this.config = config;
    this.run = run;
    this.writer = new DeltaTableWriter(spark, warehouse, run.commitMetadata());
  }

  public JobRun execute() {
    return new JobRunRecorder(spark, config, run, writer).record("ingest", this::ingest);
  }

  private StageResult ingest() {
    List<InputCount> inputs = new ArrayList<>();
    Map<String, Long> versions = new LinkedHashMap<>();
    ChargeIngest.Result charges = new ChargeIngest(spark, config, writer, run.runId(), run.period()).execute();
    inputs.addAll(charges.inputs());
    versions.putAll(charges.tableVersions());

    spark.sparkContext().setJobDescription("cloudshift ingest: attribution rules and curated inputs");
    versions.put(Tables.ATTRIBUTION, writer.overwrite(Tables.ATTRIBUTION, AttributionTable.rows(spark, config.attribution()), List.of()));
    ReferenceIngestResult reference = new ReferenceIngest(spark, config, writer, run.runId()).execute();
    reference.inputs().forEach(i -> inputs.add(
        new InputCount(i.dataset(), null, i.sourceFile(), i.rowsIn(), i.rowsSilver(), i.rowsQuarantine(), 0, 0)));
    versions.putAll(reference.tableVersions());
    return new StageResult(inputs, versions);
  }
}
