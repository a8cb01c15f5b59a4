package io.cloudshift.ingest;

import io.cloudshift.audit.InputCount;
import io.cloudshift.audit.JobRun;
import io.cloudshift.audit.JobRunLog;
import io.cloudshift.config.CloudshiftConfig;
import io.cloudshift.config.RunContext;
import io.cloudshift.ingest.reference.ReferenceIngest;
import io.cloudshift.ingest.reference.ReferenceIngestResult;
import io.cloudshift.io.DeltaTableWriter;
import io.cloudshift.io.Warehouse;
import io.cloudshift.schema.Tables;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code ingest} job: FOCUS charges, the attribution rules and the curated inputs
 * (partnerships, lab revenue, provider disclosures) into silver and quarantine tables, then one
 * {@code job_runs} row whether the run succeeded or failed.
 */
public final class IngestJob {
  private static final Logger LOG = LoggerFactory.getLogger(IngestJob.class);

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
    Instant started = Instant.now();
    List<InputCount> inputs = new ArrayList<>();
    Map<String, Long> versions = new LinkedHashMap<>();
    try {
      spark.sparkContext().setJobGroup(run.runId(), "cloudshift ingest " + run.period() + ": FOCUS charges", false);
      ChargeIngest.Result charges = new ChargeIngest(spark, config, writer, run.runId(), run.period()).execute();
      inputs.addAll(charges.inputs());
      versions.putAll(charges.tableVersions());

      spark.sparkContext().setJobGroup(run.runId(), "cloudshift ingest: attribution rules and curated inputs", false);
      versions.put(Tables.ATTRIBUTION, writer.overwrite(Tables.ATTRIBUTION, AttributionTable.rows(spark, config.attribution()), List.of()));
      ReferenceIngestResult reference = new ReferenceIngest(spark, config, writer, run.runId()).execute();
      reference.inputs().forEach(i -> inputs.add(
          new InputCount(i.dataset(), null, i.sourceFile(), i.rowsIn(), i.rowsSilver(), i.rowsQuarantine(), 0, 0)));
      versions.putAll(reference.tableVersions());
    } catch (RuntimeException e) {
      finish(started, inputs, versions, JobRun.FAILED, e.getMessage());
      throw e;
    }
    return finish(started, inputs, versions, JobRun.SUCCEEDED, null);
  }

  private JobRun finish(Instant started, List<InputCount> inputs, Map<String, Long> versions, String status, String message) {
    spark.sparkContext().clearJobGroup();
    JobRun record = new JobRun(run.runId(), run.job(), status, run.period().toString(), started, Instant.now(),
        config.hash(), List.copyOf(inputs), Map.copyOf(versions), message);
    new JobRunLog(spark, writer).record(record);
    LOG.info("Run {} {} in {} s: {} rows in, {} silver, {} quarantined",
        run.runId(), status, (record.finishedAt().toEpochMilli() - started.toEpochMilli()) / 1000.0,
        record.rowsIn(), record.rowsSilver(), record.rowsQuarantine());
    return record;
  }
}
