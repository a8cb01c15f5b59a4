package io.cloudshift.projection;

import io.cloudshift.config.InvalidConfigException;
import io.cloudshift.periods.CalendarQuarter;
import io.cloudshift.projection.ObservedBases.LabStream;
import io.cloudshift.schema.ExactDecimal;
import io.cloudshift.schema.UpliftProjectionTable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs the scenarios (pure Java: a scenario is a few dozen numbers). Each stream is resolved to its
 * base (T_start, s0: configured values win, otherwise the observed ones), projected quarter by
 * quarter with {@link ProjectionFormulas}, and summed into a {@code total} row per quarter. Money
 * is rounded to {@link #MONEY_SCALE} decimals once per quarter (N_act, N_cf, T); U, cumulative U,
 * the totals and the grid sums are then exact decimal sums of those, so U = N_act − N_cf, total =
 * compute + resale and a grid cell = the scenario's own sums hold exactly in the tables.
 */
public final class ScenarioProjector {
  /** Decimal places kept in money columns (micro-dollars). */
  public static final int MONEY_SCALE = 6;

  private ScenarioProjector() {}

  /** The result of every scenario: the quarterly rows and the sensitivity grid. */
  public record Projection(List<ProjectedQuarter> quarters, List<SensitivityCell> grid) {}

  public static Projection project(
      List<Scenario> scenarios, Map<LabStream, StreamObservation> observations) {
    List<ProjectedQuarter> quarters = new ArrayList<>();
    List<SensitivityCell> grid = new ArrayList<>();
    for (Scenario scenario : scenarios) {
      List<List<ProjectedQuarter>> streams = new ArrayList<>();
      for (StreamAssumptions a : scenario.streams()) {
        StreamBase base =
            resolve(
                scenario, a, observations.get(new LabStream(scenario.lab(), a.stream().value())));
        List<ProjectedQuarter> rows = projectStream(scenario, a, base);
        streams.add(rows);
        quarters.addAll(rows);
        grid.addAll(sensitivity(scenario, a, base));
      }
      quarters.addAll(total(scenario, streams));
    }
    return new Projection(List.copyOf(quarters), List.copyOf(grid));
  }

  /**
   * T_start and s0 of a stream: a configured start-total-usd / start-share wins; otherwise the
   * observation of the last complete data quarter. Missing data without configured values is a
   * config error naming the scenario (one line).
   */
  public static StreamBase resolve(
      Scenario scenario, StreamAssumptions a, StreamObservation observation) {
    String stream = a.stream().value();
    boolean observed = observation != null && observation.baseQuarter() != null;
    BigDecimal total;
    String totalSource;
    CalendarQuarter baseQuarter;
    if (a.startTotalUsd() != null) {
      total = BigDecimal.valueOf(a.startTotalUsd());
      totalSource = UpliftProjectionTable.SOURCE_CONFIGURED;
      baseQuarter = scenario.startQuarter().plus(-1);
    } else if (observed && observation.streamTotal().signum() > 0) {
      total = observation.streamTotal();
      totalSource = UpliftProjectionTable.SOURCE_OBSERVED;
      baseQuarter = observation.baseQuarter();
    } else {
      String why =
          !observed
              ? "lab '"
                  + scenario.lab()
                  + "' has no complete quarter of "
                  + stream
                  + " spend (USD) in lab_provider_monthly"
              : "the "
                  + stream
                  + " total (USD) of lab '"
                  + scenario.lab()
                  + "' in "
                  + observation.baseQuarter()
                  + " is not positive";
      throw withoutStartValues(
          scenario, a, why, stream + ".start-total-usd and " + stream + ".start-share");
    }
    BigDecimal share;
    String shareSource;
    if (a.startShare() != null) {
      share = BigDecimal.valueOf(a.startShare());
      shareSource = UpliftProjectionTable.SOURCE_CONFIGURED;
    } else {
      BigDecimal s = observed ? observation.share(scenario.provider()) : null;
      if (s == null) {
        String why =
            observed
                ? "provider '"
                    + scenario.provider()
                    + "' has no observed share of the "
                    + stream
                    + " spend (USD) of lab '"
                    + scenario.lab()
                    + "' in "
                    + observation.baseQuarter()
                    + " in lab_provider_monthly"
                : "lab '"
                    + scenario.lab()
                    + "' has no complete quarter of "
                    + stream
                    + " spend (USD) in lab_provider_monthly";
        throw withoutStartValues(scenario, a, why, stream + ".start-share");
      }
      share = s;
      shareSource = UpliftProjectionTable.SOURCE_OBSERVED;
    }
    if (observed
        && (a.startTotalUsd() == null || a.startShare() == null)
        && !scenario.startQuarter().isAfter(observation.baseQuarter())) {
      throw new InvalidConfigException(
          "Invalid config "
              + scenario.key()
              + ".start-quarter: "
              + scenario.describe()
              + " starts in "
              + scenario.startQuarter()
              + ", which is not after the last complete quarter of data "
              + observation.baseQuarter()
              + " its observed start values come from (start in "
              + observation.baseQuarter().plus(1)
              + " or later)");
    }
    return new StreamBase(baseQuarter, total, totalSource, share, shareSource);
  }

  /** The data cannot give a start value and the scenario does not set it: one line naming both. */
  private static InvalidConfigException withoutStartValues(
      Scenario scenario, StreamAssumptions a, String why, String keysToSet) {
    return new InvalidConfigException(
        "Invalid config "
            + a.key()
            + ": "
            + scenario.describe()
            + ": "
            + why
            + "; set "
            + keysToSet
            + " to project it");
  }

  /**
   * The quarters of one stream under the scenario's assumptions (docs/methodology.md#projection,
   * see ProjectionFormulas).
   */
  public static List<ProjectedQuarter> projectStream(
      Scenario scenario, StreamAssumptions a, StreamBase base) {
    int horizon = scenario.horizonQuarters();
    BigDecimal s0 = base.startShare();
    BigDecimal target = a.targetShare() == null ? s0 : BigDecimal.valueOf(a.targetShare());
    BigDecimal growth = BigDecimal.valueOf(a.growth());
    BigDecimal rate = BigDecimal.valueOf(a.glideRate());
    BigDecimal g0 = a.oldNetFraction();
    BigDecimal g1 = a.newNetFraction();
    BigDecimal breakEven = ProjectionFormulas.breakEvenShare(s0, g0, g1);
    boolean resale = a.stream() == io.cloudshift.schema.Stream.RESALE;
    int offset = base.baseQuarter().quartersUntil(scenario.startQuarter()) - 1;
    List<ProjectedQuarter> rows = new ArrayList<>();
    BigDecimal cumulative = BigDecimal.ZERO.setScale(MONEY_SCALE);
    for (int q = 1; q <= horizon; q++) {
      BigDecimal t = ProjectionFormulas.streamTotal(base.startTotal(), growth, offset + q);
      BigDecimal s = ProjectionFormulas.share(a.glide(), s0, target, q, horizon, rate);
      BigDecimal nAct = money(ProjectionFormulas.actualNet(s, t, g1));
      BigDecimal nCf = money(ProjectionFormulas.counterfactualNet(s0, t, g0));
      BigDecimal u = nAct.subtract(nCf); // ProjectionFormulas.uplift, exact on the rounded amounts
      cumulative = cumulative.add(u);
      rows.add(
          new ProjectedQuarter(
              scenario,
              a.stream().value(),
              q,
              scenario.startQuarter().plus(q - 1),
              base.baseQuarter(),
              money(base.startTotal()),
              base.startTotalSource(),
              a.growth(),
              money(t),
              s,
              s0,
              base.startShareSource(),
              target,
              a.glide(),
              resale ? a.oldResaleShare() : null,
              resale ? a.newResaleShare() : null,
              g0,
              g1,
              nAct,
              nCf,
              u,
              breakEven,
              cumulative));
    }
    return rows;
  }

  /** stream = total: per quarter, the sum of the streams' money columns; per-stream fields null. */
  static List<ProjectedQuarter> total(Scenario scenario, List<List<ProjectedQuarter>> streams) {
    Map<Integer, ProjectedQuarter> byQuarter = new LinkedHashMap<>();
    for (List<ProjectedQuarter> rows : streams) {
      for (ProjectedQuarter r : rows) {
        byQuarter.merge(r.quarterIndex(), asTotal(r), ScenarioProjector::add);
      }
    }
    return List.copyOf(byQuarter.values());
  }

  private static ProjectedQuarter asTotal(ProjectedQuarter r) {
    return new ProjectedQuarter(
        r.scenario(),
        UpliftProjectionTable.TOTAL_STREAM,
        r.quarterIndex(),
        r.quarter(),
        r.baseQuarter(),
        r.startTotal(),
        null,
        null,
        r.streamTotal(),
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        r.netActual(),
        r.netCounterfactual(),
        r.uplift(),
        null,
        r.cumulativeUplift());
  }

  private static ProjectedQuarter add(ProjectedQuarter a, ProjectedQuarter b) {
    // The base quarter is kept only when both streams share it.
    CalendarQuarter base =
        a.baseQuarter() != null && a.baseQuarter().equals(b.baseQuarter()) ? a.baseQuarter() : null;
    return new ProjectedQuarter(
        a.scenario(),
        a.stream(),
        a.quarterIndex(),
        a.quarter(),
        base,
        a.startTotal().add(b.startTotal()),
        null,
        null,
        a.streamTotal().add(b.streamTotal()),
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        a.netActual().add(b.netActual()),
        a.netCounterfactual().add(b.netCounterfactual()),
        a.uplift().add(b.uplift()),
        null,
        a.cumulativeUplift().add(b.cumulativeUplift()));
  }

  /**
   * Every (target share, growth) of the grid: the stream re-run with both replaced, summed over the
   * horizon.
   */
  static List<SensitivityCell> sensitivity(
      Scenario scenario, StreamAssumptions a, StreamBase base) {
    List<SensitivityCell> cells = new ArrayList<>();
    BigDecimal ownTarget =
        a.targetShare() == null ? base.startShare() : BigDecimal.valueOf(a.targetShare());
    for (double target : scenario.gridTargetShares()) {
      for (double growth : scenario.gridGrowths()) {
        StreamAssumptions cell = a.withTargetAndGrowth(target, growth);
        List<ProjectedQuarter> rows = projectStream(scenario, cell, base);
        BigDecimal act =
            rows.stream().map(ProjectedQuarter::netActual).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal cf =
            rows.stream()
                .map(ProjectedQuarter::netCounterfactual)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal u = rows.get(rows.size() - 1).cumulativeUplift();
        cells.add(
            new SensitivityCell(
                scenario,
                cell,
                base,
                target,
                growth,
                act,
                cf,
                u,
                ProjectionFormulas.breakEvenShare(
                    base.startShare(), a.oldNetFraction(), a.newNetFraction()),
                BigDecimal.valueOf(target).compareTo(ownTarget) == 0 && growth == a.growth()));
      }
    }
    return cells;
  }

  /**
   * Money as stored: to the micro-dollar (the growth factor is exact to about 16 digits only),
   * half-even.
   */
  static BigDecimal money(BigDecimal value) {
    return value.setScale(MONEY_SCALE, ExactDecimal.ROUNDING);
  }
}
