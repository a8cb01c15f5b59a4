package io.cloudshift.generate;

import io.cloudshift.config.ExportConfig;
import io.cloudshift.schema.Stream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The README written beside the synthetic data: that it is synthetic, how it was made, the
 * calibration with its public-facts ids, every assumption, the planted events, the special and bad
 * rows, and how tests use the truth. Generated from the same objects as the data, so it cannot
 * drift from it; contains no time stamps, so it is as reproducible as the data.
 */
final class SyntheticReadme {
  private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000L);

  private final GeneratorOptions options;
  private final Calibration calibration;
  private final RevenueLedger ledger;
  private final List<ExportSummary> exports;
  private final List<TruthFiles.BadRow> badRows;

  SyntheticReadme(
      GeneratorOptions options,
      Calibration calibration,
      RevenueLedger ledger,
      List<ExportSummary> exports,
      List<TruthFiles.BadRow> badRows) {
    this.options = options;
    this.calibration = calibration;
    this.ledger = ledger;
    this.exports = exports;
    this.badRows = badRows;
  }

  String render() {
    StringBuilder md = new StringBuilder();
    md.append("# SYNTHETIC FOCUS billing exports (not real billing data)\n\n")
        .append(
            "> **SYNTHETIC.** Every row in this folder was made up by `cloudshift generate`."
                + " Account ids, customers,\n")
        .append(
            "> resources and prices are fictional. Monthly totals are *calibrated* on public"
                + " figures\n")
        .append(
            "> (the project's sourced fact sheet, see `datasets/README.md`) but the split of any"
                + " lab's spend across clouds is an assumption: no\n")
        .append("> provider discloses it. Do not cite these numbers as facts.\n\n");
    howMade(md);
    files(md);
    calibrationTables(md);
    annualTotals(md);
    events(md);
    specialRows(md);
    truth(md);
    assumptions(md);
    return md.toString();
  }

  private void howMade(StringBuilder md) {
    md.append("## How it was made\n\n")
        .append("```\ncloudshift generate --seed ")
        .append(options.seed())
        .append(" --rows ")
        .append(options.rows())
        .append(" --from ")
        .append(options.firstMonth())
        .append(" --to ")
        .append(options.lastMonth())
        .append(" --output ")
        .append(options.outputRoot())
        .append("\n```\n\n")
        .append(
            "`generate` writes only to a local folder that is new, empty or its own (it leaves a `")
        .append(GeneratedFolder.MARKER)
        .append(
            "` file there),\n"
                + "never where the configuration reads exports from: to renew this sample, generate"
                + " into a new folder\n")
        .append("and replace this one with it.\n\n")
        .append(
            "Java entry point: `io.cloudshift.generate.GenerateJob` (`GeneratorOptions.defaults()`"
                + " for the committed\n")
        .append(
            "sample). The generator is deterministic: the same options give byte-identical CSV"
                + " files and identical\n")
        .append(
            "truth files. Each file draws from its own `SplittableRandom` seeded from (seed, export"
                + " id, month), so one\n")
        .append("export never depends on another. `--rows` (about ")
        .append(options.rows())
        .append(" rows over all files here) and `--seed` change only how the\n")
        .append(
            "money is spread over rows: each planted monthly amount is split with random weights,"
                + " every row rounded to\n")
        .append(
            "6 decimals and the last row taking the remainder, so the monthly truth is exactly the"
                + " same for any seed\n")
        .append("and any row count.\n\n");
  }

  private void files(StringBuilder md) {
    md.append("## Files\n\n")
        .append(
            "One file per export and billing month:"
                + " `<export>/billing_period=YYYY-MM/<export>-YYYY-MM.csv.gz` (gzip, UTF-8,\n")
        .append(
            "header row, LF, RFC 4180 quoting with `\"\"`, empty cell = null, timestamps"
                + " `yyyy-MM-ddTHH:mm:ssZ`, costs as\n")
        .append(
            "plain decimals with up to 6 fraction digits) or `.parquet` (decimal(38,6) costs and"
                + " quantities, timestamp\n")
        .append(
            "periods). The billing period is the calendar month [first day, first day of next"
                + " month) in UTC.\n\n")
        .append("| export | provider | format | FOCUS | x_ columns | files | rows | bad rows |\n")
        .append("|---|---|---|---|---|---|---|---|\n");
    for (ExportSummary e : exports) {
      md.append("| ")
          .append(e.exportId())
          .append(" | ")
          .append(e.providerId())
          .append(" | ")
          .append(e.format() == ExportConfig.Format.PARQUET ? "Parquet" : "CSV (gzip)")
          .append(" | ")
          .append(e.layout().version().label())
          .append(" | ")
          .append(
              e.layout().extensionColumns().isEmpty()
                  ? "none"
                  : String.join(", ", e.layout().extensionColumns()))
          .append(" | ")
          .append(e.files())
          .append(" | ")
          .append(e.rows())
          .append(" | ")
          .append(e.badRows())
          .append(" |\n");
    }
    md.append(
            "\n"
                + "FOCUS 1.0 (oci-focus) has no ServiceSubcategory, SkuMeter, InvoiceId,"
                + " PricingCurrency, BillingAccountType or\n")
        .append(
            "SubAccountType; FOCUS 1.3 (coreweave-focus) adds ServiceProviderName and"
                + " HostProviderName next to the\n")
        .append(
            "deprecated ProviderName and PublisherName (on marketplace rows ServiceProviderName is"
                + " the third-party seller).\n")
        .append("The provider of a row is the export's (configuration), never a row column.\n\n");
  }

  private void calibrationTables(StringBuilder md) {
    md.append("## Calibration (planted monthly spend, USD)\n\n")
        .append(
            "Each lab × stream has a monthly total (straight lines between anchor months, flat"
                + " outside them) and per\n")
        .append(
            "provider a share path of explicit steps and linear ramps; one provider per plan takes"
                + " the remainder\n")
        .append(
            "(1 − the others). A provider's amount = total × share, rounded to cents. Labs get rows"
                + " only where\n")
        .append(
            "`conf/cloudshift.conf` has their compute account (stream compute) or a resale rule"
                + " (stream resale).\n\n");
    for (LabStreamPlan plan : calibration.plans()) {
      md.append("### ")
          .append(plan.lab())
          .append(" — ")
          .append(plan.stream().value())
          .append("\n\n");
      plan.total()
          .start()
          .ifPresent(start -> md.append("Starts ").append(start).append(" (zero before).\n\n"));
      md.append(
          "| anchor month | $M / month | source (public-facts id or assumption) |\n"
              + "|---|---|---|\n");
      for (MonthlyCurve.Anchor anchor : plan.total().anchors()) {
        md.append("| ")
            .append(anchor.month())
            .append(" | ")
            .append(millions(anchor.usdPerMonth()))
            .append(" | ")
            .append(anchor.source())
            .append(" |\n");
      }
      md.append("\n| provider | share path | source |\n|---|---|---|\n");
      md.append("| ").append(plan.remainderProvider()).append(" | remainder: 1 − the others | |\n");
      for (Map.Entry<String, SharePath> share : plan.shares().entrySet()) {
        for (SharePath.Segment segment : share.getValue().segments()) {
          md.append("| ")
              .append(share.getKey())
              .append(" | ")
              .append(
                  segment.isStep()
                      ? "from " + segment.from() + ": " + percent(segment.endShare())
                      : segment.from()
                          + " → "
                          + segment.to()
                          + ": "
                          + percent(segment.startShare())
                          + " → "
                          + percent(segment.endShare()))
              .append(" | ")
              .append(segment.source())
              .append(" |\n");
        }
      }
      md.append('\n');
    }
    md.append("### Other customers (unattributed)\n\n")
        .append(
            "Per provider: its calibrated total cloud revenue minus every planted lab amount there,"
                + " never below ")
        .append(percent(Calibration.MIN_UNATTRIBUTED_FRACTION))
        .append(" of the total.\n")
        .append(
            "Not scaled down: full-size USD, so lab shares of provider revenue look realistic. ")
        .append(percent(ProviderMonthPlan.EURO_CUSTOMER_FRACTION))
        .append(" of Azure's is billed in EUR to one customer (\"")
        .append(AccountBook.EURO_CUSTOMER)
        .append("\") at a fixed ")
        .append(Calibration.EUR_PER_USD)
        .append(" EUR per USD.\n\n")
        .append("| provider | anchor month | $M / month | source |\n|---|---|---|---|\n");
    for (Map.Entry<String, MonthlyCurve> provider : calibration.providerRevenue().entrySet()) {
      for (MonthlyCurve.Anchor anchor : provider.getValue().anchors()) {
        md.append("| ")
            .append(provider.getKey())
            .append(" | ")
            .append(anchor.month())
            .append(" | ")
            .append(millions(anchor.usdPerMonth()))
            .append(" | ")
            .append(anchor.source())
            .append(" |\n");
      }
    }
    md.append('\n');
  }

  private void annualTotals(StringBuilder md) {
    md.append("## Planted lab revenue by year ($M, billed, from `_truth/monthly_revenue.csv`)\n\n")
        .append(
            "Check against the calibration facts: OpenAI on Azure (compute) should be about $3,700M"
                + " in 2024 and\n")
        .append("$8,700M in January–September 2025 (L12).\n\n")
        .append("| lab | stream | provider | year | $M |\n|---|---|---|---|---|\n");
    Map<String, BigDecimal> sums = new TreeMap<>();
    BigDecimal openAiAzure2025NineMonths = BigDecimal.ZERO;
    for (Map.Entry<RevenueLedger.LabCell, RevenueLedger.Sums> entry : ledger.labs().entrySet()) {
      RevenueLedger.LabCell cell = entry.getKey();
      String key =
          cell.lab()
              + " | "
              + cell.stream()
              + " | "
              + cell.provider()
              + " | "
              + cell.month().getYear();
      sums.merge(key, entry.getValue().billed(), BigDecimal::add);
      if (cell.lab().equals("OpenAI")
          && cell.provider().equals("azure")
          && cell.stream().equals(Stream.COMPUTE.value())
          && cell.month().getYear() == 2025
          && cell.month().getMonthValue() <= 9) {
        openAiAzure2025NineMonths = openAiAzure2025NineMonths.add(entry.getValue().billed());
      }
    }
    sums.forEach(
        (key, value) ->
            md.append("| ").append(key).append(" | ").append(millions(value)).append(" |\n"));
    md.append("\nOpenAI on Azure, compute, January–September 2025: $")
        .append(millions(openAiAzure2025NineMonths))
        .append("M (L12: $8,700M). Partial years cover only the generated months (")
        .append(options.firstMonth())
        .append(" .. ")
        .append(options.lastMonth())
        .append(").\n\n");
  }

  private void events(StringBuilder md) {
    md.append("## Planted share shifts\n\n")
        .append(
            "Planted at the month holding each agreement's effective date (the event month d of"
                + " docs/methodology.md#terms-in-force). The OpenAI–\n")
        .append(
            "Microsoft amendment of 27 April 2026 (P13) is planted in **April 2026** (not May), so"
                + " the share-shift\n")
        .append(
            "windows [d−w, d) and [d, d+w) separate the old and new terms exactly."
                + " `_truth/events.csv` has the\n")
        .append(
            "spend-weighted share of the event's provider over 6 months before and after, for both"
                + " streams.\n\n")
        .append(
            "| lab | provider | event month | fact | planted change |\n|---|---|---|---|---|\n");
    for (PlantedEvent event : PlantedEvent.all()) {
      md.append("| ")
          .append(event.lab())
          .append(" | ")
          .append(event.provider())
          .append(" | ")
          .append(event.eventMonth())
          .append(" | ")
          .append(event.factId())
          .append(" | ")
          .append(event.plantedChange())
          .append(" |\n");
    }
    md.append('\n');
  }

  private void specialRows(StringBuilder md) {
    md.append("## Special rows (docs/ingest.md, How ingest reads FOCUS)\n\n")
        .append(
            "The schedule depends only on the calendar month (months since 2023-01), never on the"
                + " seed or `--rows`.\n\n")
        .append("| row | where / when | counts as revenue? |\n|---|---|---|\n")
        .append(
            "| Tax (ChargeCategory Tax) | two customers every month, EUR VAT every month, a lab"
                + " account every 6th month | no |\n")
        .append(
            "| Marketplace (PublisherName a third party, e.g. \"Red Hat Inc.\"; InvoiceIssuerName"
                + " the provider) | 1–2 customers every month, a lab account every 6th month | no"
                + " |\n")
        .append(
            "| Credit (negative BilledCost = EffectiveCost) | a lab account every 4th month (−1%),"
                + " a customer every 4th month (−0.2%) | yes, signed |\n")
        .append(
            "| Correction (ChargeClass Correction, billed in M+1, ChargePeriod in M, signed) | a"
                + " lab account for every 3rd month M (−0.5% / +0.3% alternately), a customer too |"
                + " yes, in the billing month |\n")
        .append(
            "| Negative in-period usage (Usage, ChargeClass null, negative) | a lab account every"
                + " 5th month (−0.2%) | yes |\n")
        .append(
            "| Commitment Purchase (BilledCost X, EffectiveCost 0) | each January (1-year, one"
                + " customer per provider); each quarter (3 months, Mistral on AWS) | billed yes,"
                + " effective 0 |\n")
        .append(
            "| Commitment Used (BilledCost 0, EffectiveCost > 0) and Unused"
                + " (CommitmentDiscountStatus Unused) | every month of the term | effective only"
                + " |\n")
        .append(
            "| EUR-billed account | Azure, every month | yes, in EUR (never summed with USD) |\n\n")
        .append("Bad rows (")
        .append(badRows.size())
        .append(", about ")
        .append(BadRows.FRACTION * 100)
        .append(
            "% of rows, CSV exports only; listed with file and line in `_truth/bad_rows.csv`):\n")
        .append(
            "BilledCost `12,50` → BAD_NUMBER, ChargePeriodStart `5/1/25` → BAD_DATETIME,"
                + " BillingCurrency `XXX` →\n")
        .append(
            "UNKNOWN_CURRENCY. Each is a copy of an ordinary row with one cell spoiled; none is in"
                + " the truth.\n\n");
  }

  private void truth(StringBuilder md) {
    md.append("## Planted truth (`_truth/`) and how tests use it\n\n")
        .append("| file | columns | meaning |\n|---|---|---|\n")
        .append(
            "| monthly_revenue.csv | lab, provider, stream, billing_month, billing_currency,"
                + " billed_revenue, effective_revenue, share | R_k(L,P,m) of"
                + " docs/methodology.md#revenue-and-shares: Σ BilledCost (and Σ EffectiveCost) of"
                + " the lab's rows that count as revenue — Tax, marketplace and bad rows excluded,"
                + " credits and corrections included in the month billed; share = billed / Σ over"
                + " providers, empty when that total ≤ 0 |\n")
        .append(
            "| events.csv | lab, provider, event_month, stream, window_months, pre_share,"
                + " post_share, delta_pp, fact_id, planted_change | spend-weighted share of the"
                + " provider over [d−6, d) and [d, d+6), clipped to the generated months; empty"
                + " when the lab's total there is ≤ 0 |\n")
        .append(
            "| provider_monthly_revenue.csv | provider, billing_month, billing_currency, stream,"
                + " billed_revenue, effective_revenue | every revenue row per provider, incl. other"
                + " customers (stream unattributed), per currency |\n")
        .append(
            "| bad_rows.csv | export, file, line, column, value, reason_code | rows the ingester"
                + " must quarantine |\n")
        .append(
            "| row_counts.csv | export, file, rows | data rows per file (header excluded, bad rows"
                + " included) |\n\n")
        .append(
            "Tests ingest these exports and compare: silver + quarantine row counts with"
                + " row_counts.csv (conservation);\n")
        .append(
            "quarantine rows and reason codes with bad_rows.csv; gold `lab_provider_monthly`"
                + " revenue and shares with\n")
        .append(
            "monthly_revenue.csv exactly (decimal, to the cent and beyond); `share_shift_events`"
                + " (6-month window)\n")
        .append(
            "with events.csv; per-provider totals with provider_monthly_revenue.csv. File paths in"
                + " the truth are\n")
        .append("relative to the export directory.\n\n");
  }

  private void assumptions(StringBuilder md) {
    md.append("## Assumptions\n\n")
        .append(
            "- No provider discloses a lab's spend split across clouds (public-facts Gaps §10):"
                + " every share path is an\n")
        .append(
            "  assumption shaped by the dated contract events; only the timing of the events is"
                + " factual.\n")
        .append(
            "- OpenAI compute is sized so the planted Azure sums match L12 (inference spend leaked,"
                + " disputed by Microsoft);\n")
        .append("  OpenAI's training spend is folded into the same totals.\n")
        .append(
            "- Azure OpenAI resale is derived from L10/L11/L01b/L04/P07c, assuming Azure OpenAI is"
                + " 75% of the\n")
        .append(
            "  \"Bing + Azure OpenAI\" revenue Microsoft shares 20% of; after P13 OpenAI models are"
                + " also sold on Bedrock\n")
        .append("  (8% at once, 15% by 2026-09: assumed).\n")
        .append(
            "- Anthropic: compute assumed 80% of run-rate revenue/12 at end-2025, resale through"
                + " clouds 12% of it;\n")
        .append(
            "  Claude on Vertex AI from 2024-03 at 25% and Azure AI Foundry from 2025-11 are"
                + " assumed.\n")
        .append(
            "- Mistral, xAI, Cohere and Meta are simple, steady plans (values mostly undisclosed:"
                + " assumptions).\n")
        .append(
            "- Provider totals: Azure dollar revenue is only disclosed for FY25; Google Cloud"
                + " includes Workspace; Oracle\n")
        .append(
            "  quarters are placed at their middle calendar month; 2026 months beyond the last"
                + " disclosure are\n")
        .append("  extrapolated. Other customers keep at least ")
        .append(percent(Calibration.MIN_UNATTRIBUTED_FRACTION))
        .append(" of a provider's revenue (binds at CoreWeave).\n")
        .append("- One EUR customer on Azure at a fixed ")
        .append(Calibration.EUR_PER_USD)
        .append(" EUR/USD.\n")
        .append(
            "- Product names, SKUs, list prices, discounts (labs 20–45% off list), regions and"
                + " model release months are\n")
        .append(
            "  illustrative. ListUnitPrice × PricingQuantity equals ListCost only to 6-decimal"
                + " rounding.\n")
        .append(
            "- Bad rows are only in CSV exports (a typed Parquet column cannot hold `12,50`).\n");
  }

  private static String millions(BigDecimal usd) {
    return usd.divide(MILLION, 1, RoundingMode.HALF_EVEN).toPlainString();
  }

  private static String percent(BigDecimal share) {
    return share.multiply(BigDecimal.valueOf(100)).stripTrailingZeros().toPlainString() + "%";
  }
}
