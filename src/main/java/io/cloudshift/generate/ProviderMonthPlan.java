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

  /**
   * A lab compute account's month: total amount, of which {@code commitmentMonthly} is covered by
   * its commitment.
   */
  record ComputeCell(Account account, String lab, BigDecimal amount, BigDecimal commitmentMonthly) {
    BigDecimal onDemandAmount() {
      return amount.subtract(commitmentMonthly);
    }
  }

  /** A lab's models sold by the provider in the month, under one resale rule. */
  record ResaleCell(String lab, ResaleRule rule, BigDecimal amount) {}

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
      BigDecimal amount = plan.amount(provider, month);
      Optional<ResaleRule> rule = rules.resaleRule(provider, plan.lab(), month);
      if (amount.signum() > 0 && rule.isPresent()) {
        resale.add(new ResaleCell(plan.lab(), rule.get(), amount));
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
      BigDecimal amount = calibration.labAmount(lab.getKey(), provider, Stream.COMPUTE, month);
      if (amount.signum() <= 0) {
        continue;
      }
      List<ComputeAccountRule> labAccounts = lab.getValue();
      // Several accounts of one lab share its amount equally; the first takes the odd cents.
      BigDecimal each = amount.divide(BigDecimal.valueOf(labAccounts.size()), 2, RoundingMode.DOWN);
      BigDecimal first =
          amount.subtract(each.multiply(BigDecimal.valueOf(labAccounts.size() - 1L)));
      for (int i = 0; i < labAccounts.size(); i++) {
        BigDecimal share = i == 0 ? first : each;
        BigDecimal commitment =
            i == 0
                ? labCommitment(lab.getKey(), provider, month, calibration, share)
                : BigDecimal.ZERO.setScale(2);
        cells.add(
            new ComputeCell(
                accounts.labAccount(labAccounts.get(i)), lab.getKey(), share, commitment));
      }
    }
    return cells;
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
