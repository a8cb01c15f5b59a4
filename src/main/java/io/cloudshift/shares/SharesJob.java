package io.cloudshift.shares;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import io.cloudshift.config.InvalidConfigException;
import io.cloudshift.io.SmallFrames;
import io.cloudshift.schema.ChargesMonthlyTable;
import io.cloudshift.schema.Columns;
import io.cloudshift.schema.LabConcentrationMonthlyTable;
import io.cloudshift.schema.LabProviderMonthlyTable;
import io.cloudshift.schema.PartnershipTermsTable;
import io.cloudshift.schema.ProviderLabMixQuarterlyTable;
import io.cloudshift.schema.ShareShiftEventsTable;
import io.cloudshift.stage.PipelineStage;
import io.cloudshift.stage.StageContext;
import io.cloudshift.stage.StageTables;
import io.cloudshift.terms.TermEvents;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;

/**
 * The {@code shares} stage (docs/methodology.md#outputs, docs/methodology.md#revenue-and-shares),
 * the I/O edge around the pure transformations of this package: from {@code charges_monthly}
 * (written by ingest; never the silver charges) and {@code partnership_terms}, the gold tables
 * {@code lab_provider_monthly}, {@code lab_concentration_monthly}, {@code
 * provider_lab_mix_quarterly} and {@code share_shift_events}. Every table is recomputed whole and
 * replaced in one Delta commit, so a rerun on the same silver tables writes identical tables.
 */
public final class SharesJob extends PipelineStage {
  public SharesJob(StageContext context) {
    super(
        context,
        "shares",
        List.of(ChargesMonthlyTable.SPEC, PartnershipTermsTable.SPEC),
        List.of(
            LabProviderMonthlyTable.SPEC,
            LabConcentrationMonthlyTable.SPEC,
            ProviderLabMixQuarterlyTable.SPEC,
            ShareShiftEventsTable.SPEC),
        false);
  }

  @Override
  public void execute(StageTables tables) {
    var providers = context.config().providers().values();
    Dataset<Row> monthly = tables.readSmall(ChargesMonthlyTable.SPEC).persist();
    Dataset<Row> terms = tables.readSmall(PartnershipTermsTable.SPEC).persist();
    String reportingCurrency = context.config().reportingCurrency();
    requireConvertedInto(monthly, reportingCurrency);
    try {
      // Computed once: lab_provider_monthly itself and the two tables computed from it.
      Dataset<Row> grid =
          SmallFrames.computedOnce(
              LabProviderMonthly.of(monthly, terms, providers, reportingCurrency));
      tables.write(LabProviderMonthlyTable.SPEC, grid);
      tables.write(LabConcentrationMonthlyTable.SPEC, LabConcentration.of(grid));
      tables.write(ProviderLabMixQuarterlyTable.SPEC, ProviderLabMix.of(monthly, providers));
      tables.write(
          ShareShiftEventsTable.SPEC,
          ShareShiftEvents.of(
              grid,
              monthly,
              SmallFrames.computedOnce(TermEvents.of(terms)),
              context.config().shareShiftWindows()));
    } finally {
      terms.unpersist();
      monthly.unpersist();
    }
  }

  /**
   * charges_monthly holds amounts converted at ingest: a reporting currency changed since then
   * would label them with a currency they are not in.
   */
  private static void requireConvertedInto(Dataset<Row> chargesMonthly, String reportingCurrency) {
    List<String> found =
        chargesMonthly
            .select(col(Columns.REPORTING_CURRENCY))
            .distinct()
            .where(col(Columns.REPORTING_CURRENCY).notEqual(lit(reportingCurrency)))
            .as(Encoders.STRING())
            .collectAsList();
    if (!found.isEmpty()) {
      throw new InvalidConfigException(
          "charges_monthly holds amounts converted into "
              + String.join(", ", found)
              + ", not into cloudshift.reporting-currency = "
              + reportingCurrency
              + ": ingest every month again after changing the reporting currency, or set it"
              + " back");
    }
  }
}
