package io.cloudshift.cli;

import io.cloudshift.config.HeadlineEvent;
import io.cloudshift.schema.CounterfactualModel;
import io.cloudshift.uplift.HeadlineRow;
import java.math.BigDecimal;
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

  /** U per model (sum over streams; unknown when a stream's U is), and whether the sign holds. */
  private static void appendModels(
      StringBuilder out, List<HeadlineRow> allModels, String currency) {
    Map<String, BigDecimal> totals = new LinkedHashMap<>();
    for (HeadlineRow r : allModels) {
      if (r.uplift() == null) {
        totals.put(r.model(), null);
      } else if (!totals.containsKey(r.model()) || totals.get(r.model()) != null) {
        totals.merge(r.model(), r.uplift(), BigDecimal::add);
      }
    }
    if (totals.size() < 2) {
      return;
    }
    out.append(String.format("  U by counterfactual model, %s millions:", currency));
    totals.forEach((model, u) -> out.append(String.format("  %s %s", model, millions(u))));
    out.append(String.format("%n"));
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

  private static String millions(BigDecimal value) {
    return value == null ? "-" : String.format("%,.1f", value.doubleValue() / 1e6);
  }

  private static String percent(BigDecimal share) {
    return String.format("%.1f%%", share.doubleValue() * 100);
  }
}
