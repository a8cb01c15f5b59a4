package io.cloudshift.ingest;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.date_trunc;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.upper;
import static org.apache.spark.sql.functions.when;

import io.cloudshift.io.FocusReader;
import io.cloudshift.schema.ChargeColumns;
import io.cloudshift.schema.FocusColumns;
import io.cloudshift.schema.ReasonCode;
import io.cloudshift.schema.RejectedColumns;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;

/**
 * Types a normalized FOCUS file group and decides, per row, whether it is clean or why not
 * (reference/focus.md §4.1 validator rules that touch money). Tolerant where the meaning is
 * unambiguous: timestamps with a space instead of {@code T} and no zone are UTC, E-notation is a
 * number, enum values in another case are recased. Everything else gets a {@link ReasonCode}.
 */
public final class ChargeParser {
  /** Costs keep 12 fraction digits (AWS writes 6.123E-7); rounding happens only when reporting. */
  public static final DataType MONEY = DataTypes.createDecimalType(38, 12);

  // The validator's numeric format (reference/focus.md §4.1): no symbols, separators or spaces.
  private static final String NUMBER = "^[+-]?([0-9]*[.])?[0-9]+([eE][+-]?[0-9]+)?$";
  // ISO 8601 date-time with 'T' or a space, optional seconds/fraction, optional zone.
  private static final String DATETIME =
      "^[0-9]{4}-[0-9]{2}-[0-9]{2}([ T][0-9]{2}:[0-9]{2}(:[0-9]{2}([.][0-9]{1,9})?)?)?(Z|[+-][0-9]{2}:?[0-9]{2})?$";
  private static final List<String> CHARGE_CATEGORIES = List.of("Usage", "Purchase", "Tax", "Credit", "Adjustment");
  private static final String CORRECTION = "Correction";

  private final List<String> currencies;

  public ChargeParser(List<String> currencies) {
    this.currencies = List.copyOf(currencies);
  }

  /** Where one file group came from and what its header told us. */
  public record Source(String exportId, Column provider, Column providerValue, String focusVersion, List<String> missingColumns) {}

  /**
   * Typed silver columns (names of {@link ChargeColumns}, attribution columns not yet set) plus
   * {@link RejectedColumns#REASON_CODE} / {@link RejectedColumns#REASON_DETAIL} (null when clean) and
   * {@link FocusNormalizer#RAW}.
   */
  public Dataset<Row> parse(Dataset<Row> normalized, Source source) {
    Column bps = timestamp(FocusColumns.BILLING_PERIOD_START);
    Column bpe = timestamp(FocusColumns.BILLING_PERIOD_END);
    Column cps = timestamp(FocusColumns.CHARGE_PERIOD_START);
    Column cpe = timestamp(FocusColumns.CHARGE_PERIOD_END);
    Column billed = money(FocusColumns.BILLED_COST);
    Column effective = money(FocusColumns.EFFECTIVE_COST);
    Column category = recased(FocusColumns.CHARGE_CATEGORY, CHARGE_CATEGORIES);
    Column chargeClass = recased(FocusColumns.CHARGE_CLASS, List.of(CORRECTION));
    Column currency = upper(col(FocusColumns.BILLING_CURRENCY));

    List<Check> checks = new ArrayList<>();
    checks.add(new Check(col(FocusReader.CORRUPT_RECORD).isNotNull(), ReasonCode.MALFORMED_ROW, lit("the CSV record could not be split into columns")));
    if (!source.missingColumns().isEmpty()) {
      checks.add(new Check(lit(true), ReasonCode.MISSING_COLUMN, lit("file lacks mandatory FOCUS columns " + source.missingColumns())));
    }
    checks.add(new Check(source.provider().isNull(), ReasonCode.UNKNOWN_PROVIDER,
        concat(lit("provider value '"), coalesce(source.providerValue(), lit("null")), lit("' maps to no configured provider"))));
    checks.add(new Check(anyNull(FocusColumns.NOT_NULL), ReasonCode.NULL_REQUIRED, concat(firstNull(FocusColumns.NOT_NULL), lit(" is null"))));
    checks.add(badValue(FocusColumns.BILLED_COST, billed, ReasonCode.BAD_NUMBER));
    checks.add(badValue(FocusColumns.EFFECTIVE_COST, effective, ReasonCode.BAD_NUMBER));
    checks.add(badValue(FocusColumns.BILLING_PERIOD_START, bps, ReasonCode.BAD_DATETIME));
    checks.add(badValue(FocusColumns.BILLING_PERIOD_END, bpe, ReasonCode.BAD_DATETIME));
    checks.add(badValue(FocusColumns.CHARGE_PERIOD_START, cps, ReasonCode.BAD_DATETIME));
    checks.add(badValue(FocusColumns.CHARGE_PERIOD_END, cpe, ReasonCode.BAD_DATETIME));
    checks.add(new Check(bps.geq(bpe), ReasonCode.BAD_PERIOD, lit("BillingPeriodStart is not before BillingPeriodEnd")));
    checks.add(new Check(cps.gt(cpe), ReasonCode.BAD_PERIOD, lit("ChargePeriodStart is after ChargePeriodEnd")));
    checks.add(new Check(currency.isin(currencies.toArray()).equalTo(false), ReasonCode.UNKNOWN_CURRENCY,
        concat(lit("BillingCurrency '"), col(FocusColumns.BILLING_CURRENCY), lit("' is not an ISO 4217 national currency"))));
    checks.add(new Check(category.isin(CHARGE_CATEGORIES.toArray()).equalTo(false), ReasonCode.BAD_ENUM,
        concat(lit("ChargeCategory '"), col(FocusColumns.CHARGE_CATEGORY), lit("' is not one of " + CHARGE_CATEGORIES))));
    checks.add(new Check(chargeClass.isNotNull().and(chargeClass.notEqual(CORRECTION)), ReasonCode.BAD_ENUM,
        concat(lit("ChargeClass '"), col(FocusColumns.CHARGE_CLASS), lit("' is neither null nor Correction"))));

    Column reasonCode = lit(null).cast(DataTypes.StringType);
    Column reasonDetail = lit(null).cast(DataTypes.StringType);
    // Folded from the last check to the first so the first failing check names the reason.
    for (int i = checks.size() - 1; i >= 0; i--) {
      Check check = checks.get(i);
      Column fails = coalesce(check.fails(), lit(false));
      reasonCode = when(fails, lit(check.code().name())).otherwise(reasonCode);
      reasonDetail = when(fails, check.detail()).otherwise(reasonDetail);
    }

    Map<String, Column> typed = new java.util.LinkedHashMap<>();
    typed.put(ChargeColumns.EXPORT_ID, lit(source.exportId()));
    typed.put(ChargeColumns.PROVIDER, source.provider());
    typed.put(ChargeColumns.FOCUS_VERSION, lit(source.focusVersion()));
    typed.put(ChargeColumns.SOURCE_FILE, col(FocusReader.SOURCE_FILE));
    typed.put(ChargeColumns.BILLING_ACCOUNT_ID, col(FocusColumns.BILLING_ACCOUNT_ID));
    typed.put(ChargeColumns.BILLING_ACCOUNT_NAME, col(FocusColumns.BILLING_ACCOUNT_NAME));
    typed.put(ChargeColumns.SUB_ACCOUNT_ID, col(FocusColumns.SUB_ACCOUNT_ID));
    typed.put(ChargeColumns.SUB_ACCOUNT_NAME, col(FocusColumns.SUB_ACCOUNT_NAME));
    typed.put(ChargeColumns.BILLING_PERIOD_START, bps);
    typed.put(ChargeColumns.BILLING_PERIOD_END, bpe);
    // The billing month is BillingPeriodStart's month in UTC (the session zone), SPEC §2.1.
    typed.put(ChargeColumns.BILLING_MONTH, to_date(date_trunc("MONTH", bps)));
    typed.put(ChargeColumns.CHARGE_PERIOD_START, cps);
    typed.put(ChargeColumns.CHARGE_PERIOD_END, cpe);
    typed.put(ChargeColumns.CHARGE_CATEGORY, category);
    typed.put(ChargeColumns.CHARGE_CLASS, chargeClass);
    typed.put(ChargeColumns.CHARGE_DESCRIPTION, col(FocusColumns.CHARGE_DESCRIPTION));
    typed.put(ChargeColumns.SERVICE_CATEGORY, col(FocusColumns.SERVICE_CATEGORY));
    typed.put(ChargeColumns.SERVICE_SUBCATEGORY, col(FocusColumns.SERVICE_SUBCATEGORY));
    typed.put(ChargeColumns.SERVICE_NAME, col(FocusColumns.SERVICE_NAME));
    typed.put(ChargeColumns.SKU_ID, col(FocusColumns.SKU_ID));
    typed.put(ChargeColumns.SKU_METER, col(FocusColumns.SKU_METER));
    typed.put(ChargeColumns.RESOURCE_TYPE, col(FocusColumns.RESOURCE_TYPE));
    typed.put(ChargeColumns.REGION_ID, col(FocusColumns.REGION_ID));
    // The seller: PublisherName up to 1.2; in 1.3+ ServiceProviderName is the seller (focus.md §1.4).
    typed.put(ChargeColumns.SELLER_NAME, coalesce(col(FocusColumns.SERVICE_PROVIDER_NAME), col(FocusColumns.PUBLISHER_NAME)));
    typed.put(ChargeColumns.INVOICE_ISSUER_NAME, col(FocusColumns.INVOICE_ISSUER_NAME));
    typed.put(ChargeColumns.BILLING_CURRENCY, currency);
    typed.put(ChargeColumns.BILLED_COST, billed);
    typed.put(ChargeColumns.EFFECTIVE_COST, effective);
    // ListCost and ContractedCost are never revenue: an unreadable value is dropped, not quarantined.
    typed.put(ChargeColumns.LIST_COST, money(FocusColumns.LIST_COST));
    typed.put(ChargeColumns.CONTRACTED_COST, money(FocusColumns.CONTRACTED_COST));
    typed.put(RejectedColumns.REASON_CODE, reasonCode);
    typed.put(RejectedColumns.REASON_DETAIL, reasonDetail);
    typed.put(FocusNormalizer.RAW, col(FocusNormalizer.RAW));

    List<Column> projection = new ArrayList<>();
    typed.forEach((name, value) -> projection.add(value.as(name)));
    return normalized.select(projection.toArray(Column[]::new));
  }

  private record Check(Column fails, ReasonCode code, Column detail) {}

  private static Check badValue(String column, Column parsed, ReasonCode code) {
    return new Check(
        col(column).isNotNull().and(parsed.isNull()),
        code,
        concat(lit(column + " '"), col(column), lit("' is not " + (code == ReasonCode.BAD_NUMBER ? "a plain decimal number" : "an ISO 8601 date-time"))));
  }

  static Column money(String column) {
    Column text = col(column);
    return when(text.rlike(NUMBER), text.try_cast(MONEY));
  }

  static Column timestamp(String column) {
    Column text = col(column);
    return when(text.rlike(DATETIME), text.try_cast(DataTypes.TimestampType));
  }

  /** FOCUS enums are case-sensitive; a value equal but for case is unambiguous, so recase it. */
  private static Column recased(String column, List<String> allowed) {
    Column value = col(column);
    Column result = value;
    for (int i = allowed.size() - 1; i >= 0; i--) {
      String a = allowed.get(i);
      result = when(lower(value).equalTo(a.toLowerCase(java.util.Locale.ROOT)), lit(a)).otherwise(result);
    }
    return result;
  }

  private static Column anyNull(List<String> columns) {
    Column any = lit(false);
    for (String c : columns) {
      any = any.or(col(c).isNull());
    }
    return any;
  }

  private static Column firstNull(List<String> columns) {
    Column[] candidates = columns.stream().map(c -> when(col(c).isNull(), lit(c))).toArray(Column[]::new);
    return coalesce(candidates);
  }
}
