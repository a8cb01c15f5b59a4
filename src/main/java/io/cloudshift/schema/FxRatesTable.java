package io.cloudshift.schema;

import static io.cloudshift.schema.TableSpec.required;

import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;

/**
 * {@code fx_rates}: the ECB's euro reference rates, one row per publication day and quoted currency
 * (docs/methodology.md#currencies).
 */
public final class FxRatesTable {
  public static final String RATE_DATE = "rate_date";
  public static final String UNITS_PER_EURO = "units_per_euro";

  /** The ECB quotes at most 7 integer and 6 fraction digits. */
  public static final DecimalType RATE = DataTypes.createDecimalType(20, 8);

  public static final TableSpec SPEC =
      TableSpec.table(
              Tables.FX_RATES,
              TableSpec.Layer.SILVER,
              "The ECB's euro reference rates by publication day (cloudshift.inputs.fx-rates):"
                  + " what one euro buys of each quoted currency. A charge converts to the"
                  + " reporting currency at the last publication on or before its"
                  + " ChargePeriodStart date, through the euro. Replaced every run.")
          .columns(
              required(RATE_DATE, DataTypes.DateType, "ECB publication day"),
              required(
                  Columns.CURRENCY,
                  DataTypes.StringType,
                  "ISO 4217 code of the quoted currency (EUR itself is 1 and not stored)"),
              required(UNITS_PER_EURO, RATE, "Units of the currency per euro on rate_date"))
          .build();

  private FxRatesTable() {}
}
