package io.cloudshift.generate;

import java.math.BigDecimal;
import java.time.YearMonth;

/**
 * A billable product line: FOCUS service fields, SKU fields, pricing unit and list unit price, and
 * the months it is sold in (GPU generations and models appear over time).
 */
record Sku(
    String serviceCategory,
    String serviceSubcategory,
    String serviceName,
    String skuId,
    String skuMeter,
    String resourceType,
    String pricingUnit,
    BigDecimal listUnitPrice,
    String consumedUnit,
    BigDecimal consumedPerPricingUnit,
    YearMonth availableFrom,
    YearMonth availableTo) {

  static final YearMonth ALWAYS_FROM = YearMonth.of(2000, 1);
  static final YearMonth ALWAYS_TO = YearMonth.of(2999, 12);

  boolean availableIn(YearMonth month) {
    return !month.isBefore(availableFrom) && !month.isAfter(availableTo);
  }

  /** A line sold by the hour (VMs, GPU nodes): consumed hours equal priced hours. */
  static Sku hourly(
      String category,
      String subcategory,
      String service,
      String skuId,
      String meter,
      String resourceType,
      String pricePerHour,
      String availableFrom) {
    return new Sku(
        category,
        subcategory,
        service,
        skuId,
        meter,
        resourceType,
        "Hours",
        new BigDecimal(pricePerHour),
        "Hours",
        BigDecimal.ONE,
        YearMonth.parse(availableFrom),
        ALWAYS_TO);
  }

  /** Any other metered line, always sold. */
  static Sku metered(
      String category,
      String subcategory,
      String service,
      String skuId,
      String meter,
      String resourceType,
      String unit,
      String unitPrice) {
    return new Sku(
        category,
        subcategory,
        service,
        skuId,
        meter,
        resourceType,
        unit,
        new BigDecimal(unitPrice),
        unit,
        BigDecimal.ONE,
        ALWAYS_FROM,
        ALWAYS_TO);
  }
}
