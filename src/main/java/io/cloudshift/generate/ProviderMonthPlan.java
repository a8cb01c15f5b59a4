package io.cloudshift.generate;

import io.cloudshift.config.ComputeAccountRule;
import io.cloudshift.config.ResaleRule;
import io.cloudshift.schema.Stream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The planted money of one provider in one month, per cell: each lab compute account, each lab
 * whose models the provider resells, and the other customers (USD, plus EUR where the provider has
 * a EUR customer). Labs get money only where the configuration has their account or resale rule.
 */
record ProviderMonthPlan(
    YearMonth month,
    List<ComputeCell> compute,
    List<ResaleCell> resale,
    BigDecimal customersUsd,
    BigDecimal customersEur) {

  /** Money planted in one part of the month (the whole month unless a planted change splits it). */
  record PartAmount(MonthPart part, BigDecimal amount) {}

  /**
   * A lab compute account's month: the amount of each part, of which {@code commitmentMonthly} is
   * covered by its commitment.
   */
  record ComputeCell(
      Account account, String lab, List<PartAmount> parts, BigDecimal commitmentMonthly) {
    ComputeCell {
      parts = List.copyOf(parts);
      if (commitmentMonthly.signum() != 0 && parts.size() != 1) {
        throw new IllegalStateException(
            lab + ": a commitment in a month split by a planted change is not supported");
      }
    }

    BigDecimal amount() {
      return sum(parts);
    }

    /** The on-demand money of each part (what the commitment does not cover). */
    List<PartAmount> onDemandParts() {
      if (commitmentMonthly.signum() == 0) {
        return parts;
      }
      PartAmount whole = parts.get(0);
      return List.of(new PartAmount(whole.part(), whole.amount().subtract(commitmentMonthly)));
    }
  }

  /** A lab's models sold by the provider in the month, under one resale rule, per part. */
  record ResaleCell(String lab, ResaleRule rule, List<PartAmount> parts) {
    ResaleCell {
      parts = List.copyOf(parts);
    }

    BigDecimal amount() {
      return sum(parts);
    }
  }

  private static BigDecimal sum(List<PartAmount> parts) {
    BigDecimal sum = BigDecimal.ZERO.setScale(2);
    for (PartAmount part : parts) {
      sum = sum.add(part.amount());
    }
    return sum;
  }

  static ProviderMonthPlan of(
      String provider,
      YearMonth month,
      Calibration calibration,
      AttributionRules rules,
      AccountBook accounts) {
    List<ComputeCell> compute = computeCells(provider, month, calibration, rules, accounts);
    List<ResaleCell> resale = new ArrayList<>();
    for (LabStreamPlan plan : calibration.plans()) {
      if (plan.stream() != Stream.RESALE) {
        continue;
      }
      List<PartAmount> parts = parts(plan, provider, month);
      Optional<ResaleRule> rule = rules.resaleRule(provider, plan.lab(), month);
      if (sum(parts).signum() > 0 && rule.isPresent()) {
        resale.add(new ResaleCell(plan.lab(), rule.get(), parts));
      }
    }
    BigDecimal others = calibration.unattributedAmount(provider, month);
    BigDecimal euroUsd =
        accounts.euroCustomer().isPresent()
            ? others
                .multiply(calibration.euroCustomerFraction())
                .setScale(2, RoundingMode.HALF_EVEN)
            : BigDecimal.ZERO.setScale(2);
    BigDecimal euro = euroUsd.multiply(calibration.eurPerUsd()).setScale(2, RoundingMode.HALF_EVEN);
    return new ProviderMonthPlan(
        month, List.copyOf(compute), List.copyOf(resale), others.subtract(euroUsd), euro);
  }

  private static List<ComputeCell> computeCells(
      String provider,
      YearMonth month,
      Calibration calibration,
      AttributionRules rules,
      AccountBook accounts) {
    Map<String, List<ComputeAccountRule>> byLab = new LinkedHashMap<>();
    for (ComputeAccountRule rule : rules.computeAccounts(provider, month)) {
      byLab.computeIfAbsent(rule.lab(), lab -> new ArrayList<>()).add(rule);
    }
    List<ComputeCell> cells = new ArrayList<>();
    for (Map.Entry<String, List<ComputeAccountRule>> lab : byLab.entrySet()) {
      Optional<LabStreamPlan> plan = calibration.plan(lab.getKey(), Stream.COMPUTE);
      if (plan.isEmpty()) {
        continue;
      }
      List<PartAmount> parts = parts(plan.get(), provider, month);
      if (sum(parts).signum() <= 0) {
        continue;
      }
      List<ComputeAccountRule> labAccounts = lab.getValue();
      int count = labAccounts.size();
      // Several accounts of one lab share each part equally; the first takes the odd cents.
      List<List<PartAmount>> perAccount = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        perAccount.add(new ArrayList<>());
      }
      for (PartAmount part : parts) {
        BigDecimal each = part.amount().divide(BigDecimal.valueOf(count), 2, RoundingMode.DOWN);
        BigDecimal first = part.amount().subtract(each.multiply(BigDecimal.valueOf(count - 1L)));
        for (int i = 0; i < count; i++) {
          perAccount.get(i).add(new PartAmount(part.part(), i == 0 ? first : each));
        }
      }
      for (int i = 0; i < count; i++) {
        BigDecimal commitment =
            i == 0
                ? labCommitment(lab.getKey(), provider, month, calibration, sum(perAccount.get(i)))
                : BigDecimal.ZERO.setScale(2);
        cells.add(
            new ComputeCell(
                accounts.labAccount(labAccounts.get(i)),
                lab.getKey(),
                perAccount.get(i),
                commitment));
      }
    }
    return cells;
  }

  /** The plan's money at the provider in each part of the month. */
  private static List<PartAmount> parts(LabStreamPlan plan, String provider, YearMonth month) {
    List<PartAmount> parts = new ArrayList<>();
    for (MonthPart part : plan.parts(month)) {
      parts.add(new PartAmount(part, plan.amount(provider, part)));
    }
    return parts;
  }

  /**
   * The monthly amortisation of the one lab commitment (Mistral on AWS), at most half the month's
   * amount.
   */
  private static BigDecimal labCommitment(
      String lab, String provider, YearMonth month, Calibration calibration, BigDecimal amount) {
    if (!lab.equals(SpecialChargePlan.LAB_COMMITMENT_LAB)
        || !provider.equals(SpecialChargePlan.LAB_COMMITMENT_PROVIDER)) {
      return BigDecimal.ZERO.setScale(2);
    }
    BigDecimal quarterStart =
        calibration.labAmount(lab, provider, Stream.COMPUTE, SpecialChargePlan.quarterStart(month));
    BigDecimal monthly = SpecialChargePlan.labCommitmentMonthly(quarterStart);
    return monthly.min(amount.divide(BigDecimal.valueOf(2), 2, RoundingMode.DOWN));
  }
}
