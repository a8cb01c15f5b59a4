package io.cloudshift.generate;

import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Generates the rows of one export file (one provider, one billing month): lab compute, resale,
 * other customers, special rows, then a shuffle and the planted bad rows. Everything random comes
 * from the file's own random source, so the file depends only on (seed, export, month, rows). Each
 * row is checked against the attribution rules and counted in the file's share of the truth as it
 * is made, then kept only in encoded form.
 */
final class ExportMonthGenerator {
  /** One generated file: its rows in write order, and the revenue they carry. */
  record GeneratedFile(FileRows rows, RevenueLedger ledger) {}

  private final GeneratorOptions options;
  private final Calibration calibration;
  private final AttributionRules rules;
  private final BadRows badRows;
  private final int exportsInRun;

  ExportMonthGenerator(
      GeneratorOptions options,
      Calibration calibration,
      AttributionRules rules,
      BadRows badRows,
      int exportsInRun) {
    this.options = options;
    this.calibration = calibration;
    this.rules = rules;
    this.badRows = badRows;
    this.exportsInRun = exportsInRun;
  }

  GeneratedFile generate(ExportMonth file, AccountBook accounts) {
    Map<YearMonth, ProviderMonthPlan> plans = new HashMap<>();
    Function<YearMonth, ProviderMonthPlan> planOf =
        month ->
            plans.computeIfAbsent(
                month,
                m -> ProviderMonthPlan.of(file.providerId(), m, calibration, rules, accounts));
    ProviderMonthPlan plan = planOf.apply(file.month());
    RowBudget budget =
        RowBudget.of(options, exportsInRun, plan, accounts.euroCustomer().isPresent());
    ChargeFactory factory = new ChargeFactory(file);

    FileRows rows = new FileRows(file.layout().columns());
    RevenueLedger ledger = new RevenueLedger(calibration::changeInstant);
    Consumer<Charge> out =
        new AttributionCheck(rules, file)
            .andThen(row -> ledger.record(file.providerId(), file.month(), row))
            .andThen(rows::add);
    for (ProviderMonthPlan.ComputeCell cell : plan.compute()) {
      LabComputeCharges.add(factory, cell, budget.perComputeCell(), out);
    }
    for (ProviderMonthPlan.ResaleCell cell : plan.resale()) {
      ResaleCharges.add(factory, cell, rules, accounts.usdCustomers(), budget.perResaleCell(), out);
    }
    CustomerCharges.add(
        factory, plan.customersUsd(), accounts.usdCustomers(), budget.customers(), out);
    accounts
        .euroCustomer()
        .ifPresent(
            euro ->
                CustomerCharges.add(
                    factory, plan.customersEur(), List.of(euro), budget.euro(), out));
    new SpecialCharges(factory, accounts, planOf).add(out);

    rows.shuffle(file.random());
    BadRows.plant(badRows.kindsIn(file.export().id(), file.month()), file, rows);
    return new GeneratedFile(rows, ledger);
  }
}
