package io.cloudshift.ingest;

import io.cloudshift.audit.InputCount;
import io.cloudshift.audit.JobRun;
import io.cloudshift.audit.JobRunRecorder;
import io.cloudshift.audit.StageProgress;
import io.cloudshift.config.CloudshiftConfig;
import io.cloudshift.config.RunContext;
import io.cloudshift.ingest.reference.ReferenceIngest;
import io.cloudshift.ingest.reference.ReferenceIngestResult;
import io.cloudshift.io.DeltaTableWriter;
import io.cloudshift.io.SparkJobs;
import io.cloudshift.io.Warehouse;
import io.cloudshift.schema.Tables;
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

  private void ingest(StageProgress progress) {
    new ChargeIngest(spark, config, writer, run.runId(), run.period()).execute(progress);
    progress.wrote(Tables.ATTRIBUTION, SparkJobs.described(spark, "cloudshift ingest: attribution rules",
        () -> writer.replace(Tables.ATTRIBUTION, AttributionTable.rows(spark, config.attribution()))));
    ReferenceIngestResult reference = new ReferenceIngest(spark, config, writer, run.runId()).execute();
    reference.inputs().forEach(i -> progress.read(
        new InputCount(i.dataset(), null, i.sourceFile(), i.rowsIn(), i.rowsSilver(), i.rowsQuarantine(), 0, 0, 0)));
    progress.wroteAll(reference.tableVersions());
  }
}
