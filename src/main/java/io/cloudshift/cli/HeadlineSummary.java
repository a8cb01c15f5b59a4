package io.cloudshift.cli;

import io.cloudshift.config.HeadlineEvent;
import io.cloudshift.schema.CounterfactualModel;
import io.cloudshift.uplift.HeadlineRow;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The human lines run-all ends with (issue: headline event): uplift by stream and in total for the
 * latest quarter, its volume / share / margin effects, and the provider's current compute share
 * against the break-even share.
 */
final class HeadlineSummary {

  private HeadlineSummary() {}

  /**
   * The headline in {@code currency}, the reporting currency of every uplift row: the frozen
   * model's streams and effects, then U under each counterfactual model side by side and whether
   * its sign holds under all of them.
   */
  static String render(HeadlineEvent event, List<HeadlineRow> allModels, String currency) {
    List<HeadlineRow> rows =
        allModels.stream()
            .filter(r -> r.model().equals(CounterfactualModel.FROZEN.value()))
            .toList();
    StringBuilder out = new StringBuilder();
    out.append(
        String.format(
            "Headline: %s x %s, terms change of %s, in %s%n",
            event.lab(), event.provider(), event.effectiveFrom(), currency));
    if (rows.isEmpty()) {
      return out.append(
              String.format(
                  "  no %s uplift rows for this event (is it in partnership_terms, with spend after"
                      + " it?)%n",
                  currency))
          .toString();
    }
    HeadlineRow first = rows.get(0);
    out.append(
        String.format(
            "  latest quarter %s (%d month(s) of data, through %s), %s millions:%n",
            first.quarter(),
            first.monthsInQuarter(),
            first.lastMonth().toString().substring(0, 7),
            currency));
    out.append(
        String.format(
            "  %-8s %-4s %10s %10s %10s %10s %12s %12s%n",
            "stream", "ccy", "uplift U", "volume", "share", "margin", "N actual", "N counterf."));
    BigDecimal total = BigDecimal.ZERO;
    for (HeadlineRow r : rows) {
      out.append(
          String.format(
              "  %-8s %-4s %10s %10s %10s %10s %12s %12s%n",
              r.stream(),
              r.currency(),
              millions(r.uplift()),
              millions(r.volumeEffect()),
              millions(r.shareEffect()),
              millions(r.marginEffect()),
              millions(r.netActual()),
              millions(r.netCounterfactual())));
      if (r.uplift() != null) {
        total = total.add(r.uplift());
      }
    }
    out.append(
        String.format(
            "  %-8s %-4s %10s   (sum over streams, inbound included)%n",
            "total", currency, millions(total)));
    appendModels(out, allModels, currency);
    rows.stream()
        .filter(
            r ->
                r.stream().equals("compute")
                    && r.latestShare() != null
                    && r.breakEvenShare() != null)
        .findFirst()
        .ifPresent(
            r ->
                out.append(
                    String.format(
                        "  %s's compute share of %s in %s: %s vs break-even %s (%s)%n",
                        event.provider(),
                        event.lab(),
                        r.lastMonth().toString().substring(0, 7),
                        percent(r.latestShare()),
                        percent(r.breakEvenShare()),
                        r.aboveBreakEven()
                            ? "above: better off than under the old terms"
                            : "below: worse off than under the old terms")));
    return out.toString();
  }

  /**
   * U per model (sum over streams; unknown when a stream's U is), each stream's U with its 90 %
   * interval from placebo events and its p-value, and whether the sign of U holds.
   */
  private static void appendModels(
      StringBuilder out, List<HeadlineRow> allModels, String currency) {
    Map<String, List<HeadlineRow>> byModel = new LinkedHashMap<>();
    allModels.forEach(r -> byModel.computeIfAbsent(r.model(), m -> new ArrayList<>()).add(r));
    if (byModel.size() < 2) {
      return;
    }
    out.append(
        String.format(
            "  U by counterfactual model, %s millions: total, then per stream U [90%% interval"
                + " from placebo events] p-value (placebos)%n",
            currency));
    Map<String, BigDecimal> totals = new LinkedHashMap<>();
    byModel.forEach(
        (model, rows) -> {
          BigDecimal total =
              rows.stream().anyMatch(r -> r.uplift() == null)
                  ? null
                  : rows.stream().map(HeadlineRow::uplift).reduce(BigDecimal.ZERO, BigDecimal::add);
          totals.put(model, total);
          StringBuilder line =
              new StringBuilder(String.format("    %-8s %10s ", model, millions(total)));
          for (HeadlineRow r : rows) {
            line.append(String.format("  %s %s%s", r.stream(), millions(r.uplift()), interval(r)));
          }
          out.append(line).append(String.format("%n"));
        });
    List<Integer> signs =
        totals.values().stream().filter(u -> u != null).map(BigDecimal::signum).distinct().toList();
    long unknown = totals.values().stream().filter(u -> u == null).count();
    out.append(
        String.format(
            "  %s%n",
            signs.size() > 1
                ? "the sign of U differs between the models: the answer depends on the model"
                : signs.isEmpty()
                    ? "no model has a counterfactual for this quarter"
                    : "the sign of U holds under "
                        + (unknown == 0 ? "all models" : "every model that has a counterfactual")));
  }

  /** " [low, high] p 0.04 (156)", or what is missing: inbound rows have no placebos. */
  private static String interval(HeadlineRow r) {
    if (r.placebos() == null) {
      return "";
    }
    String bounds =
        r.upliftLow() == null
            ? " [no interval]"
            : String.format(" [%s, %s]", millions(r.upliftLow()), millions(r.upliftHigh()));
    String p =
        r.placeboPValue() == null ? "" : String.format(" p %.2f", r.placeboPValue().doubleValue());
    return String.format("%s%s (%d)", bounds, p, r.placebos());
  }

  private static String millions(BigDecimal value) {
    return value == null ? "-" : String.format("%,.1f", value.doubleValue() / 1e6);
  }

  private static String percent(BigDecimal share) {
    return String.format("%.1f%%", share.doubleValue() * 100);
  }
}
