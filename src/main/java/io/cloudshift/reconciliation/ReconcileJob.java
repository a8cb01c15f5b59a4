package io.cloudshift.reconciliation;

import io.cloudshift.schema.ChargesMonthlyTable;
import io.cloudshift.schema.ProviderDisclosuresTable;
import io.cloudshift.schema.RevenueReconciliationTable;
import io.cloudshift.stage.PipelineStage;
import io.cloudshift.stage.StageContext;
import io.cloudshift.stage.StageTables;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The {@code reconcile} stage (docs/methodology.md#outputs {@code revenue_reconciliation}): {@code
 * charges_monthly} (USD rows) against the silver {@code provider_disclosures}, overwritten whole in
 * one commit (comments included).
 */
public final class ReconcileJob extends PipelineStage {
  public ReconcileJob(StageContext context) {
    super(
        context,
        "reconcile",
        List.of(ChargesMonthlyTable.SPEC, ProviderDisclosuresTable.SPEC),
        List.of(RevenueReconciliationTable.SPEC),
        false);
  }

  @Override
  public void execute(StageTables tables) {
    Dataset<Row> chargesMonthly = tables.readSmall(ChargesMonthlyTable.SPEC);
    Dataset<Row> disclosures = tables.readSmall(ProviderDisclosuresTable.SPEC);
    tables.write(
        RevenueReconciliationTable.SPEC,
        RevenueReconciliation.of(
            chargesMonthly, disclosures, context.config().providers().values()));
  }
}
