package io.cloudshift.maintenance;

import io.cloudshift.config.MaintenancePolicy;
import io.cloudshift.io.TableMaintenance;
import io.cloudshift.io.TableMaintenance.Footprint;
import io.cloudshift.schema.TableCatalog;
import io.cloudshift.schema.TableSpec;
import io.cloudshift.stage.PipelineStage;
import io.cloudshift.stage.StageContext;
import io.cloudshift.stage.StageTables;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code maintain} command's work (docs/operations.md#table-maintenance), for every table of
 * the catalogue the warehouse holds: the maintenance policy's properties set where missing,
 * compaction of each partition's small files, VACUUM at the policy's retention (the files of
 * replaced versions older than it, and those of killed runs), and a checkpoint of the log, which
 * lets Delta drop log entries older than the log retention. Each step is skipped where it could
 * change nothing (docs/operations.md#table-maintenance). The rows are unchanged; every version
 * within the retention stays readable.
 */
public final class MaintainJob extends PipelineStage {
  private static final Logger LOG = LoggerFactory.getLogger(MaintainJob.class);

  private final MaintenancePolicy policy;
  private final List<TableReport> report = new ArrayList<>();

  /** One table before and after, and the files its compaction replaced. */
  public record TableReport(
      String table, Footprint before, Footprint after, long filesCompacted, long filesWritten) {}

  /** Maintains the warehouse as the configuration's {@code cloudshift.maintenance} says. */
  public MaintainJob(StageContext context) {
    this(context, context.config().maintenance());
  }

  /**
   * With another policy than the configuration's: the tests' short retention, below the floor a
   * configuration may set.
   */
  public MaintainJob(StageContext context, MaintenancePolicy policy) {
    super(context, "maintain", List.of(), TableCatalog.ALL, false);
    this.policy = policy;
  }

  @Override
  public void execute(StageTables tables) {
    report.clear();
    for (TableSpec spec : writes()) {
      if (!tables.exists(spec)) {
        LOG.info("Table {}: not in this warehouse yet, nothing to maintain", spec.name());
        continue;
      }
      TableMaintenance table = tables.maintenance(spec);
      Footprint before = table.footprint();
      table.setProperties(policy.tableProperties());
      TableMaintenance.Compaction compaction = table.compact();
      if (!table.vacuum(policy.retention())) {
        LOG.info(
            "Table {}: no data file older than the retention {}, nothing to VACUUM",
            spec.name(),
            policy.retention());
      }
      if (!table.checkpoint(policy.logRetention())) {
        LOG.info(
            "Table {}: no log entry older than the log retention {}, no checkpoint",
            spec.name(),
            policy.logRetention());
      }
      Footprint after = table.footprint();
      tables.progress().wrote(spec.name(), after.version());
      report.add(
          new TableReport(
              spec.name(), before, after, compaction.filesRemoved(), compaction.filesAdded()));
      LOG.info(
          "Table {}: version {} -> {}, live files {} -> {}, stored files {} -> {} ({} -> {} bytes),"
              + " log files {} -> {}",
          spec.name(),
          before.version(),
          after.version(),
          before.liveFiles(),
          after.liveFiles(),
          before.storedFiles(),
          after.storedFiles(),
          before.storedBytes(),
          after.storedBytes(),
          before.logFiles(),
          after.logFiles());
    }
    long freed =
        report.stream().mapToLong(r -> r.before().storedBytes() - r.after().storedBytes()).sum();
    tables
        .progress()
        .note(
            report.size()
                + " table(s) maintained at retention "
                + policy.retention()
                + ": "
                + report.stream().mapToLong(r -> r.before().storedFiles()).sum()
                + " -> "
                + report.stream().mapToLong(r -> r.after().storedFiles()).sum()
                + " stored data files, "
                + freed
                + " bytes freed");
  }

  /** Each table maintained by the last {@link #execute}, in catalogue order. */
  public List<TableReport> report() {
    return List.copyOf(report);
  }
}
