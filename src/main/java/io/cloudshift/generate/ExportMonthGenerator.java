package io.cloudshift.generate;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Generates the rows of one export file (one provider, one billing month): lab compute, resale,
 * other customers, special rows, then a shuffle and the planted bad rows. Everything random comes
 * from the file's own random source, so the file depends only on (seed, export, month, rows).
 */
final class ExportMonthGenerator {
  private final GeneratorOptions options;
  private final Calibration calibration;
  private final AttributionRules rules;
  private final BadRows badRows;
  private final int exportsInRun;
  private final AttributionCheck check;

  ExportMonthGenerator(
      GeneratorOptions options, Calibration calibration, AttributionRules rules, BadRows badRows, int exportsInRun) {
    this.options = options;
    this.calibration = calibration;
    this.rules = rules;
    this.badRows = badRows;
    this.exportsInRun = exportsInRun;
    this.check = new AttributionCheck(rules);
  }

  List<Charge> generate(ExportMonth file, AccountBook accounts) {
    Map<YearMonth, ProviderMonthPlan> plans = new HashMap<>();
    java.util.function.Function<YearMonth, ProviderMonthPlan> planOf =
        month -> plans.computeIfAbsent(month, m -> ProviderMonthPlan.of(file.providerId(), m, calibration, rules, accounts));
    ProviderMonthPlan plan = planOf.apply(file.month());
    RowBudget budget = RowBudget.of(options, exportsInRun, plan, accounts.euroCustomer().isPresent());
    ChargeFactory factory = new ChargeFactory(file);

    List<Charge> rows = new ArrayList<>();
    for (ProviderMonthPlan.ComputeCell cell : plan.compute()) {
      LabComputeCharges.add(factory, cell, budget.perComputeCell(), rows);
    }
    for (ProviderMonthPlan.ResaleCell cell : plan.resale()) {
      ResaleCharges.add(factory, cell, rules, accounts.usdCustomers(), budget.perResaleCell(), rows);
    }
    CustomerCharges.add(factory, plan.customersUsd(), accounts.usdCustomers(), budget.customers(), rows);
    accounts.euroCustomer().ifPresent(euro ->
        CustomerCharges.add(factory, plan.customersEur(), List.of(euro), budget.euro(), rows));
    new SpecialCharges(factory, accounts, planOf).add(rows);

    shuffle(rows, file.random());
    BadRows.plant(badRows.kindsIn(file.export().id(), file.month()), file, rows);
    check.verify(file, rows);
    return rows;
  }

  /** Fisher–Yates with the file's random source, so real-looking order is still reproducible. */
  private static void shuffle(List<Charge> rows, SplittableRandom random) {
    for (int i = rows.size() - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      Charge swap = rows.get(i);
      rows.set(i, rows.get(j));
      rows.set(j, swap);
    }
  }
}
