package io.cloudshift.ingest;

import io.cloudshift.audit.StageProgress;
import io.cloudshift.ingest.reference.ReferenceIngest;
import io.cloudshift.io.SparkJobs;
import io.cloudshift.schema.Tables;
import io.cloudshift.stage.PipelineStage;
import io.cloudshift.stage.StageContext;
import java.util.List;

/**
 * The {@code ingest} stage: FOCUS charges ({@link ChargeIngest}), the attribution rules and the
 * curated inputs (partnerships, lab revenue, provider disclosures: {@link ReferenceIngest}) into
 * silver and quarantine tables and the monthly aggregate. It reads files, not tables, and replaces
 * only the slices of the run's period.
 */
public final class IngestJob extends PipelineStage {
  public IngestJob(StageContext context) {
    super(context, "ingest", List.of(),
        List.of(Tables.REJECTED_CHARGES, Tables.CHARGES, Tables.CHARGES_MONTHLY, Tables.ATTRIBUTION,
            Tables.PARTNERSHIP_TERMS, Tables.REJECTED_PARTNERSHIPS, Tables.LAB_REVENUE, Tables.PROVIDER_DISCLOSURES, Tables.REJECTED_REFERENCE), true);
  }

  @Override
  public void execute(StageProgress progress) {
    ExportsHeldBackException heldBack = null;
    try {
      new ChargeIngest(context).execute(progress);
    } catch (ExportsHeldBackException e) {
      // The other exports are written; so are the rules and the curated inputs, before the stage fails.
      heldBack = e;
    }
    progress.wrote(Tables.ATTRIBUTION, SparkJobs.described(context.spark(), "cloudshift ingest: attribution rules",
        () -> context.writer().replace(Tables.ATTRIBUTION, AttributionTable.rows(context.spark(), context.config().attribution()))));
    new ReferenceIngest(context).execute(progress);
    if (heldBack != null) {
      throw heldBack;
    }
  }
}
