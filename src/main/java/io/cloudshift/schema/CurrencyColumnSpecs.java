package io.cloudshift.schema;

import static io.cloudshift.schema.TableSpec.column;

import org.apache.spark.sql.types.DataTypes;

/**
 * The declaration of the currency column every gold table shares (docs/methodology.md#currencies).
 */
public final class CurrencyColumnSpecs {
  private CurrencyColumnSpecs() {}

  /** The currency of a gold table's amounts: every billing currency converted into it. */
  public static TableSpec.Column reportingCurrency() {
    return column(
        Columns.REPORTING_CURRENCY,
        DataTypes.StringType,
        "ISO 4217 currency of every amount in the row (cloudshift.reporting-currency): charges in"
            + " every billing currency converted at the ECB reference rate of their day");
  }
}
