package io.cloudshift.generate;

import static io.cloudshift.generate.FocusColumn.Type.DECIMAL;
import static io.cloudshift.generate.FocusColumn.Type.STRING;
import static io.cloudshift.generate.FocusColumn.Type.TIMESTAMP;

import io.cloudshift.generate.FocusColumn.Type;
import io.cloudshift.schema.FocusColumns;
import java.util.ArrayList;
import java.util.List;

/**
 * The FOCUS versions the generator writes, so the ingester's version handling is exercised
 * (docs/ingest.md, "How ingest reads FOCUS"): 1.0 lacks the 1.1/1.2 additions (ServiceSubcategory,
 * SkuMeter, InvoiceId, PricingCurrency, ...); 1.3 adds ServiceProviderName and HostProviderName
 * beside the deprecated ProviderName and PublisherName.
 */
enum GeneratedFocusVersion {
  V1_0("1.0"),
  V1_2("1.2"),
  V1_3("1.3");

  private final String label;

  GeneratedFocusVersion(String label) {
    this.label = label;
  }

  String label() {
    return label;
  }

  /**
   * The FOCUS columns of this version in the order the generator writes them (x_ columns come
   * after).
   */
  List<FocusColumn> columns() {
    List<FocusColumn> result = new ArrayList<>();
    for (FocusColumn column : Catalog.ALL) {
      if (column.since().ordinal() <= ordinal()) {
        result.add(column);
      }
    }
    return List.copyOf(result);
  }

  /** Every FOCUS column the generator can write, whatever the version. */
  static List<FocusColumn> catalog() {
    return Catalog.ALL;
  }

  /**
   * Every column the generator can write, roughly in the specification's alphabetical order. The
   * "since" of each is the first version among 1.0 / 1.2 / 1.3 that has it (1.1 additions count as
   * 1.2 here, because no export is written as 1.1).
   */
  private static final class Catalog {
    private static final List<FocusColumn> ALL =
        List.of(
            c(GeneratedColumns.AVAILABILITY_ZONE, STRING, V1_0),
            c(FocusColumns.BILLED_COST, DECIMAL, V1_0),
            c(FocusColumns.BILLING_ACCOUNT_ID, STRING, V1_0),
            c(FocusColumns.BILLING_ACCOUNT_NAME, STRING, V1_0),
            c(GeneratedColumns.BILLING_ACCOUNT_TYPE, STRING, V1_2),
            c(FocusColumns.BILLING_CURRENCY, STRING, V1_0),
            c(FocusColumns.BILLING_PERIOD_END, TIMESTAMP, V1_0),
            c(FocusColumns.BILLING_PERIOD_START, TIMESTAMP, V1_0),
            c(FocusColumns.CHARGE_CATEGORY, STRING, V1_0),
            c(FocusColumns.CHARGE_CLASS, STRING, V1_0),
            c(FocusColumns.CHARGE_DESCRIPTION, STRING, V1_0),
            c(GeneratedColumns.CHARGE_FREQUENCY, STRING, V1_0),
            c(FocusColumns.CHARGE_PERIOD_END, TIMESTAMP, V1_0),
            c(FocusColumns.CHARGE_PERIOD_START, TIMESTAMP, V1_0),
            c(GeneratedColumns.COMMITMENT_DISCOUNT_CATEGORY, STRING, V1_0),
            c(GeneratedColumns.COMMITMENT_DISCOUNT_ID, STRING, V1_0),
            c(GeneratedColumns.COMMITMENT_DISCOUNT_NAME, STRING, V1_0),
            c(FocusColumns.COMMITMENT_DISCOUNT_STATUS, STRING, V1_0),
            c(GeneratedColumns.COMMITMENT_DISCOUNT_TYPE, STRING, V1_0),
            c(FocusColumns.CONSUMED_QUANTITY, DECIMAL, V1_0),
            c(GeneratedColumns.CONSUMED_UNIT, STRING, V1_0),
            c(FocusColumns.CONTRACTED_COST, DECIMAL, V1_0),
            c(GeneratedColumns.CONTRACTED_UNIT_PRICE, DECIMAL, V1_0),
            c(FocusColumns.EFFECTIVE_COST, DECIMAL, V1_0),
            c(FocusColumns.INVOICE_ID, STRING, V1_2),
            c(FocusColumns.INVOICE_ISSUER_NAME, STRING, V1_0),
            c(FocusColumns.LIST_COST, DECIMAL, V1_0),
            c(GeneratedColumns.LIST_UNIT_PRICE, DECIMAL, V1_0),
            c(GeneratedColumns.PRICING_CATEGORY, STRING, V1_0),
            c(FocusColumns.PRICING_CURRENCY, STRING, V1_2),
            c(GeneratedColumns.PRICING_QUANTITY, DECIMAL, V1_0),
            c(GeneratedColumns.PRICING_UNIT, STRING, V1_0),
            c(FocusColumns.PROVIDER_NAME, STRING, V1_0),
            c(FocusColumns.PUBLISHER_NAME, STRING, V1_0),
            c(FocusColumns.SERVICE_PROVIDER_NAME, STRING, V1_3),
            c(GeneratedColumns.HOST_PROVIDER_NAME, STRING, V1_3),
            c(FocusColumns.REGION_ID, STRING, V1_0),
            c(GeneratedColumns.REGION_NAME, STRING, V1_0),
            c(GeneratedColumns.RESOURCE_ID, STRING, V1_0),
            c(GeneratedColumns.RESOURCE_NAME, STRING, V1_0),
            c(FocusColumns.RESOURCE_TYPE, STRING, V1_0),
            c(FocusColumns.SERVICE_CATEGORY, STRING, V1_0),
            c(FocusColumns.SERVICE_NAME, STRING, V1_0),
            c(FocusColumns.SERVICE_SUBCATEGORY, STRING, V1_2),
            c(FocusColumns.SKU_ID, STRING, V1_0),
            c(FocusColumns.SKU_METER, STRING, V1_2),
            c(GeneratedColumns.SKU_PRICE_ID, STRING, V1_0),
            c(FocusColumns.SUB_ACCOUNT_ID, STRING, V1_0),
            c(FocusColumns.SUB_ACCOUNT_NAME, STRING, V1_0),
            c(GeneratedColumns.SUB_ACCOUNT_TYPE, STRING, V1_2),
            c(GeneratedColumns.TAGS, STRING, V1_0));

    private static FocusColumn c(String name, Type type, GeneratedFocusVersion since) {
      return new FocusColumn(name, type, since);
    }
  }
}
