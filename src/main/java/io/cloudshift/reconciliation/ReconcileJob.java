package io.cloudshift.reconciliation;

import io.cloudshift.audit.StageProgress;
import io.cloudshift.io.SparkJobs;
import io.cloudshift.schema.RevenueReconciliationTable;
import io.cloudshift.schema.Tables;
import io.cloudshift.stage.PipelineStage;
import io.cloudshift.stage.StageContext;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The {@code reconcile} stage (docs/methodology.md#outputs {@code revenue_reconciliation}): {@code charges_monthly} (USD
 * rows) against the silver {@code provider_disclosures}, overwritten whole in one commit
 * (comments included).
 */
public final class ReconcileJob extends PipelineStage {
  public ReconcileJob(StageContext context) {
    super(context, "reconcile", List.of(Tables.CHARGES_MONTHLY, Tables.PROVIDER_DISCLOSURES),
        List.of(Tables.REVENUE_RECONCILIATION), false);
  }

  @Override
  public void execute(StageProgress progress) {
    Dataset<Row> chargesMonthly = context.writer().readSmall(Tables.CHARGES_MONTHLY);
    Dataset<Row> disclosures = context.writer().readSmall(Tables.PROVIDER_DISCLOSURES);
    Dataset<Row> rows = RevenueReconciliation.of(chargesMonthly, disclosures, context.config().providers().values());
    progress.wrote(Tables.REVENUE_RECONCILIATION, SparkJobs.described(context.spark(), "cloudshift reconcile: revenue_reconciliation",
        () -> context.writer().replace(RevenueReconciliationTable.SPEC, rows)));
  }
}
