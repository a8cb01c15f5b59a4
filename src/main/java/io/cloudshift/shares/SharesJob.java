package io.cloudshift.shares;

import io.cloudshift.audit.StageProgress;
import io.cloudshift.io.SparkJobs;
import io.cloudshift.schema.LabConcentrationMonthlyTable;
import io.cloudshift.schema.LabProviderMonthlyTable;
import io.cloudshift.schema.ProviderLabMixQuarterlyTable;
import io.cloudshift.schema.ShareShiftEventsTable;
import io.cloudshift.schema.TableSpec;
import io.cloudshift.schema.Tables;
import io.cloudshift.stage.PipelineStage;
import io.cloudshift.stage.StageContext;
import io.cloudshift.terms.TermEvents;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The {@code shares} stage (docs/methodology.md#outputs, docs/methodology.md#revenue-and-shares), the I/O edge around the pure transformations of this
 * package: from {@code charges_monthly} (written by ingest; never the silver charges) and
 * {@code partnership_terms}, the gold tables {@code lab_provider_monthly},
 * {@code lab_concentration_monthly}, {@code provider_lab_mix_quarterly} and {@code share_shift_events}.
 * Every table is recomputed whole and replaced in one Delta commit, so a rerun on the same silver
 * tables writes identical tables.
 */
public final class SharesJob extends PipelineStage {
  public SharesJob(StageContext context) {
    super(context, "shares", List.of(Tables.CHARGES_MONTHLY, Tables.PARTNERSHIP_TERMS),
        List.of(Tables.LAB_PROVIDER_MONTHLY, Tables.LAB_CONCENTRATION_MONTHLY, Tables.PROVIDER_LAB_MIX_QUARTERLY, Tables.SHARE_SHIFT_EVENTS), false);
  }

  @Override
  public void execute(StageProgress progress) {
    var providers = context.config().providers().values();
    Dataset<Row> monthly = context.writer().readSmall(Tables.CHARGES_MONTHLY).persist();
    Dataset<Row> terms = context.writer().readSmall(Tables.PARTNERSHIP_TERMS).persist();
    // The tables below read lab_provider_monthly as it is stored (its types, its complete grid).
    Dataset<Row> grid = LabProviderMonthly.of(monthly, terms, providers).persist();
    try {
      write(progress, LabProviderMonthlyTable.SPEC, grid);
      write(progress, LabConcentrationMonthlyTable.SPEC, LabConcentration.of(grid));
      write(progress, ProviderLabMixQuarterlyTable.SPEC, ProviderLabMix.of(monthly, providers));
      write(progress, ShareShiftEventsTable.SPEC, ShareShiftEvents.of(grid, TermEvents.of(terms), context.config().shareShiftWindows()));
    } finally {
      grid.unpersist();
      terms.unpersist();
      monthly.unpersist();
    }
  }

  private void write(StageProgress progress, TableSpec spec, Dataset<Row> rows) {
    progress.wrote(spec.name(), SparkJobs.described(context.spark(), "cloudshift shares: " + spec.name(), () -> context.writer().replace(spec, rows)));
  }
}
