package io.cloudshift.ingest;

import io.cloudshift.ingest.reference.EcbRatesFile;
import io.cloudshift.ingest.reference.ReferenceDataset;
import io.cloudshift.ingest.reference.ReferenceIngest;
import io.cloudshift.schema.AttributionRulesTable;
import io.cloudshift.schema.ChargesMonthlyTable;
import io.cloudshift.schema.ChargesTable;
import io.cloudshift.schema.FxRatesTable;
import io.cloudshift.schema.LabRevenueTable;
import io.cloudshift.schema.PartnershipTermsTable;
import io.cloudshift.schema.ProviderDisclosuresTable;
import io.cloudshift.schema.QuarantineTables;
import io.cloudshift.schema.RestatementsTable;
import io.cloudshift.stage.PipelineStage;
import io.cloudshift.stage.StageContext;
import io.cloudshift.stage.StageTables;
import java.util.List;

/**
 * The {@code ingest} stage: FOCUS charges ({@link ChargeIngest}), the attribution rules and the
 * curated inputs (partnerships, lab revenue, provider disclosures, reference rates: {@link
 * ReferenceIngest}) into silver and quarantine tables and the monthly aggregate. It reads files,
 * not tables, and replaces only the slices of the run's period.
 */
public final class IngestJob extends PipelineStage {
  public IngestJob(StageContext context) {
    super(
        context,
        "ingest",
        List.of(),
        List.of(
            QuarantineTables.REJECTED_CHARGES,
            ChargesTable.SPEC,
            ChargesMonthlyTable.SPEC,
            RestatementsTable.SPEC,
            AttributionRulesTable.SPEC,
            PartnershipTermsTable.SPEC,
            QuarantineTables.REJECTED_PARTNERSHIPS,
            LabRevenueTable.SPEC,
            ProviderDisclosuresTable.SPEC,
            FxRatesTable.SPEC,
            QuarantineTables.REJECTED_REFERENCE),
        true);
  }

  @Override
  public void execute(StageTables tables) {
    // Read first: a missing or malformed rates file fails the run before anything is written.
    EcbRatesFile.Parsed fxRates =
        EcbRatesFile.read(
            context.config().input(ReferenceDataset.FX_RATES.id()),
            context.spark().sparkContext().hadoopConfiguration());
    ExportsHeldBackException heldBack = null;
    try {
      new ChargeIngest(context, fxRates.rates()).execute(tables);
    } catch (ExportsHeldBackException e) {
      // The other exports are written; so are the rules and the curated inputs, before the stage
      // fails.
      heldBack = e;
    }
    tables.write(
        AttributionRulesTable.SPEC,
        AttributionTable.rows(context.spark(), context.config().attribution()));
    new ReferenceIngest(context, fxRates).execute(tables);
    if (heldBack != null) {
      throw heldBack;
    }
  }
}
