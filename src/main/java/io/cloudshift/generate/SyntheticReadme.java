package io.cloudshift.generate;

import io.cloudshift.config.ExportConfig;
import io.cloudshift.schema.Stream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The README written beside the synthetic data: that it is synthetic, how it was made, the
 * calibration with its public-facts ids, every assumption, the planted events, the special and bad
 * rows, and how tests use the truth. The prose is the resource {@value #TEMPLATE}; its tables and
 * figures are filled in from the same objects as the data, so they cannot drift from it. It
 * contains no time stamps, so it is as reproducible as the data.
 */
final class SyntheticReadme {
  static final String TEMPLATE = "synthetic-readme.md";
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([a-z0-9-]+)}}");
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
    Map<String, String> values = new LinkedHashMap<>();
    values.put("seed", String.valueOf(options.seed()));
    values.put("rows", String.valueOf(options.rows()));
    values.put("first-month", options.firstMonth().toString());
    values.put("last-month", options.lastMonth().toString());
    values.put("output", options.outputRoot().toString());
    values.put("marker", GeneratedFolder.MARKER);
    values.put("export-rows", exportRows());
    values.put("lab-plans", labPlans());
    values.put("min-unattributed-share", percent(calibration.minUnattributedFraction()));
    values.put("euro-customer-share", percent(calibration.euroCustomerFraction()));
    values.put("euro-customer", AccountBook.EURO_CUSTOMER);
    values.put("eur-per-usd", calibration.eurPerUsd().toString());
    values.put("provider-revenue-rows", providerRevenueRows());
    values.put("annual-rows", annualRows());
    values.put("openai-azure-9m-2025", millions(openAiOnAzureNineMonths2025()));
    values.put("event-rows", eventRows());
    values.put("planted-effect-rows", plantedEffectRows());
    values.put("bad-rows", String.valueOf(badRows.size()));
    values.put("bad-row-percent", String.valueOf(BadRows.FRACTION * 100));
    return fill(template(), values);
  }

  /** Replaces every {@code {{key}}}; a key without a value, or a value without a key, is a bug. */
  static String fill(String template, Map<String, String> values) {
    Matcher placeholder = PLACEHOLDER.matcher(template);
    StringBuilder filled = new StringBuilder();
    Set<String> unused = new TreeSet<>(values.keySet());
    while (placeholder.find()) {
      String key = placeholder.group(1);
      String value = values.get(key);
      if (value == null) {
        throw new IllegalStateException(TEMPLATE + " has {{" + key + "}}, which has no value");
      }
      unused.remove(key);
      placeholder.appendReplacement(filled, Matcher.quoteReplacement(value));
    }
    if (!unused.isEmpty()) {
      throw new IllegalStateException(TEMPLATE + " never uses " + unused);
    }
    return placeholder.appendTail(filled).toString();
  }

  private static String template() {
    try (InputStream in = SyntheticReadme.class.getResourceAsStream(TEMPLATE)) {
      if (in == null) {
        throw new IllegalStateException("Missing resource " + TEMPLATE + " beside the generator");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private String exportRows() {
    List<String> rows = new ArrayList<>();
    for (ExportSummary e : exports) {
      rows.add(
          row(
              e.exportId(),
              e.providerId(),
              e.format() == ExportConfig.Format.PARQUET ? "Parquet" : "CSV (gzip)",
              e.layout().version().label(),
              e.layout().extensionColumns().isEmpty()
                  ? "none"
                  : String.join(", ", e.layout().extensionColumns()),
              e.files(),
              e.rows(),
              e.badRows()));
    }
    return String.join("\n", rows);
  }

  /** One section per lab × stream: its total's anchors, then its share path segments. */
  private String labPlans() {
    StringBuilder md = new StringBuilder();
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
        md.append(row(anchor.month(), millions(anchor.usdPerMonth()), anchor.source()))
            .append('\n');
      }
      md.append("\n| provider | share path | source |\n|---|---|---|\n");
      md.append(row(plan.remainderProvider(), "remainder: 1 − the others", "")).append('\n');
      for (Map.Entry<String, SharePath> share : plan.shares().entrySet()) {
        for (SharePath.Segment segment : share.getValue().segments()) {
          md.append(row(share.getKey(), path(segment, ""), segment.source())).append('\n');
        }
      }
      plan.effect()
          .ifPresent(
              effect -> {
                md.append("\nPlanted effect of ")
                    .append(effect.eventId())
                    .append(" from ")
                    .append(effect.from())
                    .append(
                        " 00:00 UTC, on top of the paths above (which are its counterfactual): ")
                    .append(effect.provider())
                    .append(" loses what these gain (")
                    .append(effect.source())
                    .append(").\n\n| provider | gain | source |\n|---|---|---|\n");
                effect
                    .gains()
                    .forEach(
                        (gainer, path) -> {
                          for (SharePath.Segment segment : path.segments()) {
                            md.append(row(gainer, path(segment, "+"), segment.source()))
                                .append('\n');
                          }
                        });
              });
      md.append('\n');
    }
    return md.substring(0, md.length() - 1);
  }

  /** A share path segment in words: a step or a ramp, each share prefixed by {@code sign}. */
  private static String path(SharePath.Segment segment, String sign) {
    return segment.isStep()
        ? "from " + segment.from() + ": " + sign + percent(segment.endShare())
        : segment.from()
            + " → "
            + segment.to()
            + ": "
            + sign
            + percent(segment.startShare())
            + " → "
            + sign
            + percent(segment.endShare());
  }

  /** The post-change lines of _truth/planted_effects.csv, in $M. */
  private String plantedEffectRows() {
    List<String> rows = new ArrayList<>();
    for (PlantedEffects.Line line :
        PlantedEffects.of(calibration, options.firstMonth(), options.lastMonth())) {
      if (!line.side().equals(PlantedEffects.POST)) {
        continue;
      }
      rows.add(
          row(
              line.eventId(),
              line.lab() + " × " + line.provider(),
              line.stream(),
              line.period(),
              line.periodStart() + " .. " + line.periodEnd().minusDays(1),
              line.counterfactualShare().map(SyntheticReadme::percent).orElse(""),
              line.plantedShare().map(SyntheticReadme::percent).orElse(""),
              line.effectPoints().map(pp -> pp.stripTrailingZeros().toPlainString()).orElse(""),
              millions(line.streamTotal()),
              millions(line.shareEffect())));
    }
    return String.join("\n", rows);
  }

  private String providerRevenueRows() {
    List<String> rows = new ArrayList<>();
    for (Map.Entry<String, MonthlyCurve> provider : calibration.providerRevenue().entrySet()) {
      for (MonthlyCurve.Anchor anchor : provider.getValue().anchors()) {
        rows.add(
            row(
                provider.getKey(),
                anchor.month(),
                millions(anchor.usdPerMonth()),
                anchor.source()));
      }
    }
    return String.join("\n", rows);
  }

  private String annualRows() {
    Map<String, BigDecimal> sums = new TreeMap<>();
    for (Map.Entry<RevenueLedger.LabCell, RevenueLedger.Sums> entry : ledger.labs().entrySet()) {
      RevenueLedger.LabCell cell = entry.getKey();
      String cells = row(cell.lab(), cell.stream(), cell.provider(), cell.month().getYear());
      sums.merge(cells, entry.getValue().billed(), BigDecimal::add);
    }
    List<String> rows = new ArrayList<>();
    sums.forEach((cells, value) -> rows.add(cells + " " + millions(value) + " |"));
    return String.join("\n", rows);
  }

  /** The planted figure to hold against L12's $8.7B. */
  private BigDecimal openAiOnAzureNineMonths2025() {
    BigDecimal sum = BigDecimal.ZERO;
    for (Map.Entry<RevenueLedger.LabCell, RevenueLedger.Sums> entry : ledger.labs().entrySet()) {
      RevenueLedger.LabCell cell = entry.getKey();
      if (cell.lab().equals("OpenAI")
          && cell.provider().equals("azure")
          && cell.stream().equals(Stream.COMPUTE.value())
          && cell.month().getYear() == 2025
          && cell.month().getMonthValue() <= 9) {
        sum = sum.add(entry.getValue().billed());
      }
    }
    return sum;
  }

  private static String eventRows() {
    List<String> rows = new ArrayList<>();
    for (PlantedEvent event : PlantedEvent.all()) {
      rows.add(
          row(
              event.lab(),
              event.provider(),
              event.eventMonth(),
              event.factId(),
              event.plantedChange()));
    }
    return String.join("\n", rows);
  }

  /** A Markdown table row: {@code | a | b | c |}. */
  private static String row(Object... cells) {
    StringBuilder row = new StringBuilder("|");
    for (Object cell : cells) {
      String text = cell.toString();
      row.append(text.isEmpty() ? " " : " " + text + " ").append('|');
    }
    return row.toString();
  }

  private static String millions(BigDecimal usd) {
    return usd.divide(MILLION, 1, RoundingMode.HALF_EVEN).toPlainString();
  }

  private static String percent(BigDecimal share) {
    return share.multiply(BigDecimal.valueOf(100)).stripTrailingZeros().toPlainString() + "%";
  }
}
