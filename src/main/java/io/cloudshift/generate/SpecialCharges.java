package io.cloudshift.generate;

import static io.cloudshift.generate.GeneratedColumns.CHARGE_FREQUENCY;
import static io.cloudshift.generate.GeneratedColumns.COMMITMENT_DISCOUNT_CATEGORY;
import static io.cloudshift.generate.GeneratedColumns.COMMITMENT_DISCOUNT_ID;
import static io.cloudshift.generate.GeneratedColumns.COMMITMENT_DISCOUNT_NAME;
import static io.cloudshift.generate.GeneratedColumns.COMMITMENT_DISCOUNT_TYPE;
import static io.cloudshift.generate.GeneratedColumns.CONSUMED_UNIT;
import static io.cloudshift.generate.GeneratedColumns.CONTRACTED_UNIT_PRICE;
import static io.cloudshift.generate.GeneratedColumns.HOST_PROVIDER_NAME;
import static io.cloudshift.generate.GeneratedColumns.LIST_UNIT_PRICE;
import static io.cloudshift.generate.GeneratedColumns.PRICING_CATEGORY;
import static io.cloudshift.generate.GeneratedColumns.PRICING_QUANTITY;
import static io.cloudshift.generate.GeneratedColumns.PRICING_UNIT;
import static io.cloudshift.generate.GeneratedColumns.RESOURCE_ID;
import static io.cloudshift.generate.GeneratedColumns.RESOURCE_NAME;
import static io.cloudshift.generate.GeneratedColumns.TAGS;

import io.cloudshift.generate.ProviderMonthPlan.ComputeCell;
import io.cloudshift.schema.FocusColumns;
import io.cloudshift.schema.Stream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The special rows of one file, on the schedule of {@link SpecialChargePlan}: credits, corrections
 * of the previous month, negative in-period usage, Tax, marketplace, and commitment Purchase / Used
 * / Unused rows. Rows that count as revenue get deterministic amounts; Tax and marketplace rows
 * (never revenue) get random ones.
 */
final class SpecialCharges {
  private final ChargeFactory factory;
  private final ExportMonth file;
  private final AccountBook accounts;
  private final Function<YearMonth, ProviderMonthPlan> planOf;

  SpecialCharges(
      ChargeFactory factory, AccountBook accounts, Function<YearMonth, ProviderMonthPlan> planOf) {
    this.factory = factory;
    this.file = factory.file();
    this.accounts = accounts;
    this.planOf = planOf;
  }

  void add(Consumer<Charge> out) {
    YearMonth month = file.month();
    YearMonth previous = month.minusMonths(1);
    ProviderMonthPlan plan = planOf.apply(month);
    List<ComputeCell> cells = plan.compute();
    if (!cells.isEmpty()) {
      if (SpecialChargePlan.labCredit(month)) {
        ComputeCell cell = cells.get(SpecialChargePlan.cellIndex(month, 4, cells.size()));
        out.accept(
            credit(
                cell.account(),
                labRole(cell),
                SpecialChargePlan.labCreditAmount(cell.amount()),
                gpu()));
      }
      if (SpecialChargePlan.labNegativeUsage(month)) {
        ComputeCell cell = cells.get(SpecialChargePlan.cellIndex(month, 5, cells.size()));
        // In a month split by a planted change, on a day before it: the part after the change
        // holds exactly its planted amounts.
        Charge reversal =
            factory.usage(
                factory.forAccount(cell.account(), labRole(cell)),
                gpu(),
                SpecialChargePlan.labNegativeUsageAmount(cell.amount()),
                BigDecimal.ONE,
                file.randomDayIn(cell.parts().get(0).part()));
        reversal.set(
            FocusColumns.CHARGE_DESCRIPTION,
            "Reversal of a duplicated meter reading, " + reversal.text(FocusColumns.SKU_METER));
        out.accept(reversal);
      }
      if (SpecialChargePlan.labTax(month)) {
        ComputeCell cell = cells.get(SpecialChargePlan.cellIndex(month, 6, cells.size()));
        out.accept(
            tax(
                cell.account(),
                labRole(cell),
                percentOf(cell.amount(), 0.001, 0.003),
                "US sales tax"));
      }
      if (SpecialChargePlan.labMarketplace(month)) {
        ComputeCell cell = cells.get(SpecialChargePlan.cellIndex(month, 6, cells.size()));
        out.accept(
            marketplace(cell.account(), labRole(cell), percentOf(cell.amount(), 0.0005, 0.001)));
      }
      for (ComputeCell cell : cells) {
        if (cell.commitmentMonthly().signum() > 0) {
          commitment(
              cell.account(),
              labRole(cell),
              cell.commitmentMonthly(),
              SpecialChargePlan.quarterStart(month),
              3,
              SpecialChargePlan.LAB_UNUSED_FRACTION,
              gpu(),
              out);
        }
      }
    }
    if (SpecialChargePlan.labCorrectionOf(previous)) {
      List<ComputeCell> before = planOf.apply(previous).compute();
      if (!before.isEmpty()) {
        ComputeCell cell = before.get(SpecialChargePlan.cellIndex(previous, 3, before.size()));
        boolean stillBilled =
            cells.stream()
                .anyMatch(
                    c -> c.account().billingAccountId().equals(cell.account().billingAccountId()));
        if (stillBilled) {
          out.accept(
              correction(
                  cell.account(),
                  labRole(cell),
                  SpecialChargePlan.labCorrectionAmount(previous, cell.amount()),
                  gpu()));
        }
      }
    }
    customers(plan, previous, out);
  }

  private void customers(ProviderMonthPlan plan, YearMonth previous, Consumer<Charge> out) {
    List<Account> customers = accounts.usdCustomers();
    ChargeRole others = ChargeRole.unattributed();
    if (plan.customersUsd().signum() <= 0 || customers.isEmpty()) {
      return;
    }
    for (int i = 0; i < 2; i++) {
      out.accept(
          tax(
              file.pick(customers),
              others,
              percentOf(plan.customersUsd(), 0.0002, 0.0008),
              "US sales tax"));
    }
    accounts
        .euroCustomer()
        .ifPresent(
            euro ->
                out.accept(
                    tax(euro, others, percentOf(plan.customersEur(), 0.17, 0.21), "VAT (DE) 19%")));
    int offers = 1 + file.random().nextInt(2);
    for (int i = 0; i < offers; i++) {
      out.accept(
          marketplace(file.pick(customers), others, percentOf(plan.customersUsd(), 0.0005, 0.002)));
    }
    if (SpecialChargePlan.customerCredit(file.month())) {
      out.accept(
          credit(
              file.pick(customers),
              others,
              SpecialChargePlan.customerCreditAmount(plan.customersUsd()),
              customerSku()));
    }
    if (SpecialChargePlan.customerCorrectionOf(previous)) {
      BigDecimal amount =
          SpecialChargePlan.customerCorrectionAmount(
              previous, planOf.apply(previous).customersUsd());
      if (amount.signum() != 0) {
        out.accept(correction(file.pick(customers), others, amount, customerSku()));
      }
    }
    YearMonth january = YearMonth.of(file.month().getYear(), 1);
    BigDecimal monthly =
        SpecialChargePlan.customerCommitmentMonthly(planOf.apply(january).customersUsd());
    if (monthly.signum() > 0) {
      commitment(
          customers.get(0),
          others,
          monthly,
          january,
          12,
          SpecialChargePlan.CUSTOMER_UNUSED_FRACTION,
          file.profile().customerSkus().get(0),
          out);
    }
  }

  private static ChargeRole labRole(ComputeCell cell) {
    return ChargeRole.revenue(cell.lab(), Stream.COMPUTE);
  }

  private Sku gpu() {
    return file.pick(file.profile().gpuSkusIn(file.month()));
  }

  private Sku customerSku() {
    return file.pick(file.profile().customerSkus());
  }

  private BigDecimal percentOf(BigDecimal amount, double low, double high) {
    return amount.multiply(file.fraction(low, high)).setScale(2, RoundingMode.HALF_EVEN);
  }

  private Charge credit(Account account, ChargeRole role, BigDecimal amount, Sku sku) {
    Charge charge = factory.product(factory.forAccount(account, role), sku);
    wholeMonth(charge)
        .set(FocusColumns.CHARGE_CATEGORY, "Credit")
        .set(CHARGE_FREQUENCY, "One-Time")
        .set(FocusColumns.CHARGE_DESCRIPTION, "Promotional credit, " + sku.serviceName());
    return ChargeFactory.sameCosts(factory.withoutPricing(charge), amount);
  }

  /**
   * A correction billed now for usage of the previous month (FOCUS ChargeClass = Correction,
   * signed, bulk).
   */
  private Charge correction(Account account, ChargeRole role, BigDecimal amount, Sku sku) {
    YearMonth corrected = file.month().minusMonths(1);
    Instant day = file.randomDayOf(corrected);
    Charge charge = factory.product(factory.forAccount(account, role), sku);
    charge
        .set(FocusColumns.CHARGE_CATEGORY, "Usage")
        .set(FocusColumns.CHARGE_CLASS, "Correction")
        .set(CHARGE_FREQUENCY, "Usage-Based")
        .set(FocusColumns.CHARGE_PERIOD_START, day)
        .set(FocusColumns.CHARGE_PERIOD_END, day.plus(1, ChronoUnit.DAYS))
        .set(
            FocusColumns.CHARGE_DESCRIPTION,
            "Correction of " + sku.skuMeter() + " usage of " + corrected);
    return ChargeFactory.sameCosts(factory.withoutPricing(charge), amount);
  }

  private Charge tax(Account account, ChargeRole role, BigDecimal amount, String description) {
    Charge charge = factory.forAccount(account, role.as(ChargeRole.Kind.TAX));
    wholeMonth(charge)
        .set(FocusColumns.CHARGE_CATEGORY, "Tax")
        .set(CHARGE_FREQUENCY, "Recurring")
        .set(FocusColumns.SERVICE_CATEGORY, "Other")
        .set(FocusColumns.SERVICE_SUBCATEGORY, "Other (Other)")
        .set(FocusColumns.SERVICE_NAME, "Tax")
        .set(FocusColumns.CHARGE_DESCRIPTION, description)
        .set(FocusColumns.REGION_ID, null)
        .set(GeneratedColumns.REGION_NAME, null)
        .set(GeneratedColumns.AVAILABILITY_ZONE, null)
        .set(TAGS, null);
    return ChargeFactory.sameCosts(factory.withoutPricing(charge), amount);
  }

  /**
   * A third party's product invoiced by the provider: PublisherName (1.3: ServiceProviderName) is
   * the seller.
   */
  private Charge marketplace(Account account, ChargeRole role, BigDecimal amount) {
    MarketplaceOffer offer = file.pick(file.profile().marketplaceOffers());
    Charge charge =
        factory.usage(
            factory.forAccount(account, role.as(ChargeRole.Kind.MARKETPLACE)),
            offer.sku(),
            amount,
            BigDecimal.ONE);
    return charge
        .set(FocusColumns.PUBLISHER_NAME, offer.publisher())
        .set(FocusColumns.SERVICE_PROVIDER_NAME, offer.publisher())
        .set(HOST_PROVIDER_NAME, file.firstPartyName());
  }

  /**
   * One commitment of {@code months} months bought at {@code start} by the account: the Purchase
   * row (BilledCost = months × monthly, EffectiveCost 0) in the start month, and in every month of
   * the term a Used row and an Unused row (BilledCost 0) whose EffectiveCosts add up to monthly.
   */
  private void commitment(
      Account account,
      ChargeRole role,
      BigDecimal monthly,
      YearMonth start,
      int months,
      BigDecimal unusedFraction,
      Sku sku,
      Consumer<Charge> out) {
    ProviderProfile profile = file.profile();
    String id = commitmentId(account, start);
    String name = profile.commitmentType() + " " + start + " (" + months + " months)";
    if (file.month().equals(start)) {
      BigDecimal price = monthly.multiply(BigDecimal.valueOf(months));
      Charge purchase = factory.product(factory.forAccount(account, role), sku);
      purchase
          .set(FocusColumns.CHARGE_CATEGORY, "Purchase")
          .set(CHARGE_FREQUENCY, "One-Time")
          .set(FocusColumns.CHARGE_PERIOD_START, ExportMonth.startOf(start))
          .set(FocusColumns.CHARGE_PERIOD_END, ExportMonth.startOf(start.plusMonths(months)))
          .set(FocusColumns.CHARGE_DESCRIPTION, name + " purchase")
          .set(PRICING_CATEGORY, "Committed")
          .set(PRICING_QUANTITY, BigDecimal.valueOf(months))
          .set(PRICING_UNIT, "Months")
          .set(LIST_UNIT_PRICE, monthly)
          .set(CONTRACTED_UNIT_PRICE, monthly)
          .set(FocusColumns.CONSUMED_QUANTITY, null)
          .set(CONSUMED_UNIT, null)
          .set(RESOURCE_ID, id)
          .set(RESOURCE_NAME, name)
          .set(FocusColumns.BILLED_COST, price)
          .set(FocusColumns.EFFECTIVE_COST, BigDecimal.ZERO)
          .set(FocusColumns.CONTRACTED_COST, price)
          .set(FocusColumns.LIST_COST, price);
      out.accept(commitmentFields(purchase, id, name, null));
    }
    BigDecimal unused = SpecialChargePlan.unused(monthly, unusedFraction);
    BigDecimal used = monthly.subtract(unused);
    out.accept(amortised(account, role, sku, used, id, name, "Used"));
    Charge idle = amortised(account, role, sku, unused, id, name, "Unused");
    idle.set(FocusColumns.CONSUMED_QUANTITY, null)
        .set(CONSUMED_UNIT, null)
        .set(FocusColumns.CHARGE_DESCRIPTION, name + ", unused part");
    out.accept(idle);
  }

  private Charge amortised(
      Account account,
      ChargeRole role,
      Sku sku,
      BigDecimal effective,
      String id,
      String name,
      String status) {
    Charge charge =
        factory.usage(factory.forAccount(account, role), sku, effective, new BigDecimal("0.80"));
    wholeMonth(charge)
        .set(PRICING_CATEGORY, "Committed")
        .set(FocusColumns.BILLED_COST, BigDecimal.ZERO)
        .set(FocusColumns.CONTRACTED_COST, charge.get(FocusColumns.LIST_COST));
    return commitmentFields(charge, id, name, status);
  }

  private Charge commitmentFields(Charge charge, String id, String name, String status) {
    return charge
        .set(COMMITMENT_DISCOUNT_ID, id)
        .set(COMMITMENT_DISCOUNT_NAME, name)
        .set(COMMITMENT_DISCOUNT_TYPE, file.profile().commitmentType())
        .set(COMMITMENT_DISCOUNT_CATEGORY, file.profile().commitmentCategory())
        .set(FocusColumns.COMMITMENT_DISCOUNT_STATUS, status);
  }

  private String commitmentId(Account account, YearMonth start) {
    String key = account.billingAccountId() + "|" + start;
    return switch (file.profile().style()) {
      case AWS ->
          "arn:aws:savingsplans::"
              + account.billingAccountId()
              + ":savingsplan/"
              + StableHash.hex(key, 12);
      case AZURE ->
          "/providers/Microsoft.Capacity/reservationOrders/"
              + StableHash.hex(key, 12)
              + "/reservations/"
              + StableHash.hex(key + "r", 12);
      default ->
          ProviderStyle.slug(file.profile().commitmentType()) + "-" + StableHash.hex(key, 12);
    };
  }

  private Charge wholeMonth(Charge charge) {
    return charge
        .set(FocusColumns.CHARGE_PERIOD_START, file.billingPeriodStart())
        .set(FocusColumns.CHARGE_PERIOD_END, file.billingPeriodEnd());
  }
}
