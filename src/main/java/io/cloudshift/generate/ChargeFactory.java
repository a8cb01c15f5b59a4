package io.cloudshift.generate;

import static io.cloudshift.generate.GeneratedColumns.AVAILABILITY_ZONE;
import static io.cloudshift.generate.GeneratedColumns.BILLING_ACCOUNT_TYPE;
import static io.cloudshift.generate.GeneratedColumns.CHARGE_FREQUENCY;
import static io.cloudshift.generate.GeneratedColumns.CONSUMED_UNIT;
import static io.cloudshift.generate.GeneratedColumns.CONTRACTED_UNIT_PRICE;
import static io.cloudshift.generate.GeneratedColumns.HOST_PROVIDER_NAME;
import static io.cloudshift.generate.GeneratedColumns.LIST_UNIT_PRICE;
import static io.cloudshift.generate.GeneratedColumns.PRICING_CATEGORY;
import static io.cloudshift.generate.GeneratedColumns.PRICING_QUANTITY;
import static io.cloudshift.generate.GeneratedColumns.PRICING_UNIT;
import static io.cloudshift.generate.GeneratedColumns.REGION_NAME;
import static io.cloudshift.generate.GeneratedColumns.RESOURCE_ID;
import static io.cloudshift.generate.GeneratedColumns.RESOURCE_NAME;
import static io.cloudshift.generate.GeneratedColumns.SKU_PRICE_ID;
import static io.cloudshift.generate.GeneratedColumns.SUB_ACCOUNT_TYPE;
import static io.cloudshift.generate.GeneratedColumns.TAGS;

import io.cloudshift.generate.Account.SubAccount;
import io.cloudshift.schema.FocusColumns;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;

/**
 * Fills the columns every row of a file shares (account, periods, provider names, invoice, region)
 * and those of an ordinary usage charge (service, SKU, prices, quantities, resource). Keeps FOCUS's
 * relations: ContractedCost = BilledCost for on-demand usage, ListCost ≥ it, quantities = cost /
 * unit price (rounded to 6 decimals, so only approximately).
 */
final class ChargeFactory {
  private static final String[] TEAMS = {"platform", "data", "web", "ml", "finance"};

  private final ExportMonth file;
  private final Map<Account, Charge> accountCells = new HashMap<>();

  ChargeFactory(ExportMonth file) {
    this.file = file;
  }

  ExportMonth file() {
    return file;
  }

  /** A row of the account in this file's billing period, first-party, with no charge fields yet. */
  Charge forAccount(Account account, ChargeRole role) {
    SubAccount sub = file.pick(account.subAccounts());
    Region region = file.pick(file.profile().regions());
    return accountCells
        .computeIfAbsent(account, this::accountCells)
        .copy(role)
        .set(FocusColumns.SUB_ACCOUNT_ID, sub.id())
        .set(FocusColumns.SUB_ACCOUNT_NAME, sub.name())
        .set(FocusColumns.REGION_ID, region.id())
        .set(REGION_NAME, region.name())
        .set(
            AVAILABILITY_ZONE,
            region.zonePrefix() == null
                ? null
                : region.zonePrefix() + "-" + "abc".charAt(file.random().nextInt(3)))
        .set(TAGS, tags(account, sub));
  }

  /**
   * The cells every row of the account shares in this file, computed once (the invoice id and the
   * billing profile are hashes); each row copies them with its own role.
   */
  private Charge accountCells(Account account) {
    String firstParty = file.firstPartyName();
    Charge cells =
        new Charge(ChargeRole.unattributed())
            .set(FocusColumns.BILLING_ACCOUNT_ID, account.billingAccountId())
            .set(FocusColumns.BILLING_ACCOUNT_NAME, account.billingAccountName())
            .set(BILLING_ACCOUNT_TYPE, file.profile().billingAccountType())
            .set(SUB_ACCOUNT_TYPE, file.profile().subAccountType())
            .set(FocusColumns.BILLING_CURRENCY, account.currency())
            .set(FocusColumns.PRICING_CURRENCY, account.currency())
            .set(FocusColumns.BILLING_PERIOD_START, file.billingPeriodStart())
            .set(FocusColumns.BILLING_PERIOD_END, file.billingPeriodEnd())
            .set(
                FocusColumns.INVOICE_ID,
                file.profile().style().invoiceId(account.billingAccountId(), file.month()))
            .set(FocusColumns.INVOICE_ISSUER_NAME, firstParty)
            .set(FocusColumns.PROVIDER_NAME, firstParty)
            .set(FocusColumns.PUBLISHER_NAME, firstParty)
            .set(FocusColumns.SERVICE_PROVIDER_NAME, firstParty)
            .set(HOST_PROVIDER_NAME, firstParty);
    ExtensionColumns.account(cells, account);
    return cells;
  }

  /**
   * Makes the row an on-demand usage charge of {@code billed} for one day of the billing month.
   * {@code discount} is the negotiated price as a fraction of list (1 = list price); a negotiated
   * price is still PricingCategory Standard (Committed is for commitment-covered usage).
   */
  Charge usage(Charge charge, Sku sku, BigDecimal billed, BigDecimal discount) {
    return usage(charge, sku, billed, discount, file.randomDayOf(file.month()));
  }

  /** {@link #usage(Charge, Sku, BigDecimal, BigDecimal)} on a given day (midnight UTC). */
  Charge usage(Charge charge, Sku sku, BigDecimal billed, BigDecimal discount, Instant day) {
    charge
        .set(FocusColumns.CHARGE_CATEGORY, "Usage")
        .set(CHARGE_FREQUENCY, "Usage-Based")
        .set(FocusColumns.CHARGE_PERIOD_START, day)
        .set(FocusColumns.CHARGE_PERIOD_END, day.plus(1, ChronoUnit.DAYS))
        .set(PRICING_CATEGORY, "Standard");
    product(charge, sku);
    BigDecimal listCost = billed.divide(discount, AmountSplitter.SCALE, RoundingMode.HALF_EVEN);
    BigDecimal contractedUnitPrice =
        sku.listUnitPrice()
            .multiply(discount)
            .setScale(AmountSplitter.SCALE, RoundingMode.HALF_EVEN);
    BigDecimal quantity =
        billed.divide(contractedUnitPrice, AmountSplitter.SCALE, RoundingMode.HALF_EVEN);
    return charge
        .set(FocusColumns.BILLED_COST, billed)
        .set(FocusColumns.EFFECTIVE_COST, billed)
        .set(FocusColumns.CONTRACTED_COST, billed)
        .set(FocusColumns.LIST_COST, listCost)
        .set(LIST_UNIT_PRICE, sku.listUnitPrice())
        .set(CONTRACTED_UNIT_PRICE, contractedUnitPrice)
        .set(PRICING_QUANTITY, quantity)
        .set(FocusColumns.CONSUMED_QUANTITY, quantity.multiply(sku.consumedPerPricingUnit()))
        .set(CONSUMED_UNIT, sku.consumedUnit());
  }

  /** Service, SKU and resource columns of a product line, and a description naming it. */
  Charge product(Charge charge, Sku sku) {
    String region = charge.text(REGION_NAME);
    SubAccount sub =
        new SubAccount(
            charge.text(FocusColumns.SUB_ACCOUNT_ID), charge.text(FocusColumns.SUB_ACCOUNT_NAME));
    Region where = new Region(charge.text(FocusColumns.REGION_ID), region, null);
    String resourceId = file.profile().style().resourceId(sub, sku, where, file.random());
    ExtensionColumns.product(charge, sku);
    return charge
        .set(FocusColumns.SERVICE_CATEGORY, sku.serviceCategory())
        .set(FocusColumns.SERVICE_SUBCATEGORY, sku.serviceSubcategory())
        .set(FocusColumns.SERVICE_NAME, sku.serviceName())
        .set(FocusColumns.SKU_ID, sku.skuId())
        .set(FocusColumns.SKU_METER, sku.skuMeter())
        .set(SKU_PRICE_ID, sku.skuId() + "-" + sku.pricingUnit().replace(' ', '-'))
        .set(PRICING_UNIT, sku.pricingUnit())
        .set(FocusColumns.RESOURCE_TYPE, sku.resourceType())
        .set(RESOURCE_ID, resourceId)
        .set(RESOURCE_NAME, resourceId.substring(resourceId.lastIndexOf('/') + 1))
        // Commas inside descriptions are normal in real exports and exercise CSV quoting.
        .set(
            FocusColumns.CHARGE_DESCRIPTION,
            sku.skuMeter()
                + ", "
                + region
                + ", per "
                + (sku.pricingUnit().equals("Hours") ? "hour" : sku.pricingUnit()));
  }

  /**
   * Removes the price and quantity columns FOCUS wants null on Tax, Credit and bulk Correction
   * rows.
   */
  Charge withoutPricing(Charge charge) {
    return charge
        .set(PRICING_QUANTITY, null)
        .set(PRICING_UNIT, null)
        .set(LIST_UNIT_PRICE, null)
        .set(CONTRACTED_UNIT_PRICE, null)
        .set(PRICING_CATEGORY, null)
        .set(FocusColumns.CONSUMED_QUANTITY, null)
        .set(CONSUMED_UNIT, null)
        .set(SKU_PRICE_ID, null);
  }

  /** Sets all four cost columns to the same amount (Credit, Tax, Correction rows). */
  static Charge sameCosts(Charge charge, BigDecimal amount) {
    return charge
        .set(FocusColumns.BILLED_COST, amount)
        .set(FocusColumns.EFFECTIVE_COST, amount)
        .set(FocusColumns.CONTRACTED_COST, amount)
        .set(FocusColumns.LIST_COST, amount);
  }

  private String tags(Account account, SubAccount sub) {
    if (account.lab().isPresent()) {
      String workload = sub.name().endsWith("inference") ? "inference" : "training";
      return "{\"cluster\":\""
          + ProviderStyle.slug(account.lab().get())
          + "-"
          + (1 + file.random().nextInt(6))
          + "\",\"workload\":\""
          + workload
          + "\"}";
    }
    if (file.random().nextInt(4) == 0) {
      return null;
    }
    return "{\"env\":\""
        + (sub.name().endsWith("dev") ? "dev" : "prod")
        + "\",\"team\":\""
        + TEAMS[file.random().nextInt(TEAMS.length)]
        + "\",\"cost-center\":\"cc-"
        + (1000 + file.random().nextInt(9000))
        + "\"}";
  }
}
