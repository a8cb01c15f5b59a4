package io.cloudshift.generate;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What each planted {@link EventEffect} is worth, from the calibration alone (so it depends on
 * neither the seed nor the row count): per part of a month, the counterfactual share s_cf of the
 * event's provider (its share paths without the effect), its planted share s, the lab's planted
 * stream total T and the share effect (s − s_cf) · T (docs/methodology.md#counterfactual-models,
 * before g0); then per calendar quarter and in total after the change. The months before the change
 * (the trend window of the trend model, and the event month's part before the change) are listed
 * too, with s = s_cf.
 *
 * <p>T is the planted total of the lab's stream (the part after the change of the event month: the
 * month's total × its days after ÷ its days, to the cent); the billed total differs from it by the
 * special rows (credits, corrections), which are not part of the effect.
 */
final class PlantedEffects {
  /** Pre-event months listed: the trend model's default window (windows.trend-months). */
  static final int PRE_EVENT_MONTHS = 12;

  static final String PRE = "pre";
  static final String POST = "post";
  static final String TOTAL = "total";

  /**
   * One line of the truth: a part of a month ({@code shares} present) or a sum over the post-change
   * parts of a quarter or of the whole range ({@code shares} empty).
   */
  record Line(
      String eventId,
      String lab,
      String provider,
      String stream,
      String side,
      String period,
      LocalDate periodStart,
      LocalDate periodEnd,
      Optional<BigDecimal> counterfactualShare,
      Optional<BigDecimal> plantedShare,
      BigDecimal streamTotal,
      BigDecimal shareEffect) {

    /** (s − s_cf) × 100, empty for sums. */
    Optional<BigDecimal> effectPoints() {
      return plantedShare.map(
          s -> s.subtract(counterfactualShare.get()).multiply(BigDecimal.valueOf(100)));
    }
  }

  private PlantedEffects() {}

  /** Every planted effect's lines over the generated months, plan by plan as calibrated. */
  static List<Line> of(Calibration calibration, YearMonth first, YearMonth last) {
    List<Line> lines = new ArrayList<>();
    for (LabStreamPlan plan : calibration.plans()) {
      plan.effect().ifPresent(effect -> lines.addAll(of(plan, effect, first, last)));
    }
    return lines;
  }

  private static List<Line> of(
      LabStreamPlan plan, EventEffect effect, YearMonth first, YearMonth last) {
    YearMonth d = YearMonth.from(effect.from());
    List<Line> pre = new ArrayList<>();
    List<Line> post = new ArrayList<>();
    for (YearMonth m = d.minusMonths(PRE_EVENT_MONTHS); !m.isAfter(last); m = m.plusMonths(1)) {
      if (m.isBefore(first)) {
        continue;
      }
      for (MonthPart part : plan.parts(m)) {
        boolean after = effect.appliesTo(part);
        BigDecimal cf = plan.counterfactualShare(effect.provider(), m);
        BigDecimal s = plan.share(effect.provider(), part);
        BigDecimal total = plan.total(part);
        Line line =
            line(
                plan,
                effect,
                after ? POST : PRE,
                m.toString(),
                part.startDate(),
                part.endDate(),
                Optional.of(cf),
                Optional.of(s),
                total,
                s.subtract(cf).multiply(total));
        (after ? post : pre).add(line);
      }
    }
    List<Line> lines = new ArrayList<>(pre);
    lines.addAll(post);
    Map<String, List<Line>> quarters = new LinkedHashMap<>();
    for (Line line : post) {
      YearMonth m = YearMonth.parse(line.period());
      quarters
          .computeIfAbsent(
              m.getYear() + "Q" + ((m.getMonthValue() - 1) / 3 + 1), q -> new ArrayList<>())
          .add(line);
    }
    quarters.forEach((quarter, months) -> lines.add(sum(plan, effect, quarter, months)));
    if (!post.isEmpty()) {
      lines.add(sum(plan, effect, TOTAL, post));
    }
    return lines;
  }

  private static Line sum(LabStreamPlan plan, EventEffect effect, String period, List<Line> parts) {
    BigDecimal total = BigDecimal.ZERO;
    BigDecimal shareEffect = BigDecimal.ZERO;
    for (Line part : parts) {
      total = total.add(part.streamTotal());
      shareEffect = shareEffect.add(part.shareEffect());
    }
    return line(
        plan,
        effect,
        POST,
        period,
        parts.get(0).periodStart(),
        parts.get(parts.size() - 1).periodEnd(),
        Optional.empty(),
        Optional.empty(),
        total,
        shareEffect);
  }

  private static Line line(
      LabStreamPlan plan,
      EventEffect effect,
      String side,
      String period,
      LocalDate start,
      LocalDate end,
      Optional<BigDecimal> cf,
      Optional<BigDecimal> s,
      BigDecimal total,
      BigDecimal shareEffect) {
    return new Line(
        effect.eventId(),
        plan.lab(),
        effect.provider(),
        plan.stream().value(),
        side,
        period,
        start,
        end,
        cf,
        s,
        total,
        shareEffect);
  }
}
