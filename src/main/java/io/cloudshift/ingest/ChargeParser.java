package io.cloudshift.ingest;

import static org.apache.spark.sql.functions.abs;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.date_format;
import static org.apache.spark.sql.functions.date_trunc;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.upper;
import static org.apache.spark.sql.functions.when;

import io.cloudshift.config.FocusRules;
import io.cloudshift.io.FocusReader;
import io.cloudshift.schema.ChargeColumns;
import io.cloudshift.schema.Columns;
import io.cloudshift.schema.FocusColumns;
import io.cloudshift.schema.ReasonCode;
import io.cloudshift.schema.RejectedColumns;
import java.sql.Date;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;

/**
 * Types the normalized rows of every file group (unioned) and decides, per row, whether it is clean
 * or why not (docs/ingest.md, "How ingest reads FOCUS": validator rules that touch money). Tolerant
 * where the meaning is unambiguous: timestamps with a space instead of {@code T} and no zone are
 * UTC, E-notation is a number, enum values in another case are recased. Everything else gets a
 * {@link ReasonCode}. Built in layers (clean text, typed values, then the checks on them), so each
 * value is read once and the plan stays small however many checks there are.
 */
public final class ChargeParser {
  private static final List<String> CHARGE_CATEGORIES =
      List.of("Usage", "Purchase", "Tax", "Credit", "Adjustment");
  private static final String CORRECTION = "Correction";

  /** Costs must be below 10^15 in absolute value (AMOUNT_OUT_OF_RANGE). */
  static final java.math.BigDecimal MAX_ABS_AMOUNT = java.math.BigDecimal.TEN.pow(15);

  private static final String REASON = "_reason";

  /** Prefix of the inputs the checks read, carried from the first layer to the second. */
  private static final String IN = "_in_";

  private final FocusRules rules;

  public ChargeParser(FocusRules rules) {
    this.rules = rules;
  }

  /**
   * {@link FocusNormalizer}'s rows → typed silver columns (names of {@link ChargeColumns},
   * attribution columns not yet set) plus {@link RejectedColumns#REASON_CODE} / {@link
   * RejectedColumns#REASON_DETAIL} (null when clean) and {@link FocusNormalizer#RAW}.
   */
  public Dataset<Row> parse(Dataset<Row> normalized) {
    List<Column> cleaned = new ArrayList<>();
    for (String name : normalized.columns()) {
      cleaned.add(
          FocusNormalizer.TEXT.contains(name)
              ? FocusValues.text(col(name), rules.nullLiterals()).as(name)
              : col(name));
    }
    Dataset<Row> text = normalized.select(cleaned.toArray(Column[]::new));

    Map<String, Column> typed = new LinkedHashMap<>();
    typed.put(Columns.EXPORT_ID, col(Columns.EXPORT_ID));
    typed.put(Columns.PROVIDER, col(Columns.PROVIDER));
    typed.put(ChargeColumns.FOCUS_VERSION, col(ChargeColumns.FOCUS_VERSION));
    typed.put(Columns.SOURCE_FILE, col(FocusReader.SOURCE_FILE));
    typed.put(ChargeColumns.BILLING_ACCOUNT_ID, col(FocusColumns.BILLING_ACCOUNT_ID));
    typed.put(ChargeColumns.BILLING_ACCOUNT_NAME, col(FocusColumns.BILLING_ACCOUNT_NAME));
    typed.put(ChargeColumns.SUB_ACCOUNT_ID, col(FocusColumns.SUB_ACCOUNT_ID));
    typed.put(ChargeColumns.SUB_ACCOUNT_NAME, col(FocusColumns.SUB_ACCOUNT_NAME));
    typed.put(ChargeColumns.BILLING_PERIOD_START, col(FocusColumns.BILLING_PERIOD_START));
    typed.put(ChargeColumns.BILLING_PERIOD_END, col(FocusColumns.BILLING_PERIOD_END));
    // The billing month is BillingPeriodStart's month in UTC (the session zone),
    // docs/methodology.md#billing-charges-focus.
    typed.put(
        ChargeColumns.BILLING_MONTH,
        to_date(date_trunc("MONTH", col(FocusColumns.BILLING_PERIOD_START))));
    typed.put(ChargeColumns.CHARGE_PERIOD_START, col(FocusColumns.CHARGE_PERIOD_START));
    typed.put(ChargeColumns.CHARGE_PERIOD_END, col(FocusColumns.CHARGE_PERIOD_END));
    typed.put(
        ChargeColumns.CHARGE_CATEGORY,
        recased(col(FocusColumns.CHARGE_CATEGORY), CHARGE_CATEGORIES));
    // 1.0-preview had no ChargeClass: a Refund subcategory is a correction (as FinOps hubs maps
    // it).
    Column chargeClass =
        when(
                col(FocusColumns.CHARGE_CLASS)
                    .isNull()
                    .and(lower(col(FocusColumns.CHARGE_SUBCATEGORY)).equalTo("refund")),
                lit(CORRECTION))
            .otherwise(col(FocusColumns.CHARGE_CLASS));
    typed.put(ChargeColumns.CHARGE_CLASS, recased(chargeClass, List.of(CORRECTION)));
    typed.put(ChargeColumns.CHARGE_DESCRIPTION, col(FocusColumns.CHARGE_DESCRIPTION));
    typed.put(ChargeColumns.SERVICE_CATEGORY, col(FocusColumns.SERVICE_CATEGORY));
    typed.put(ChargeColumns.SERVICE_SUBCATEGORY, col(FocusColumns.SERVICE_SUBCATEGORY));
    typed.put(ChargeColumns.SERVICE_NAME, col(FocusColumns.SERVICE_NAME));
    typed.put(ChargeColumns.SKU_ID, col(FocusColumns.SKU_ID));
    typed.put(ChargeColumns.SKU_METER, col(FocusColumns.SKU_METER));
    typed.put(ChargeColumns.RESOURCE_TYPE, col(FocusColumns.RESOURCE_TYPE));
    typed.put(ChargeColumns.REGION_ID, col(FocusColumns.REGION_ID));
    // The seller: PublisherName up to 1.2; in 1.3+ ServiceProviderName is the seller (focus.md
    // §1.4).
    typed.put(
        ChargeColumns.SELLER_NAME,
        coalesce(col(FocusColumns.SERVICE_PROVIDER_NAME), col(FocusColumns.PUBLISHER_NAME)));
    typed.put(ChargeColumns.INVOICE_ISSUER_NAME, col(FocusColumns.INVOICE_ISSUER_NAME));
    typed.put(Columns.BILLING_CURRENCY, upper(col(FocusColumns.BILLING_CURRENCY)));
    typed.put(ChargeColumns.BILLED_COST, col(FocusColumns.BILLED_COST));
    typed.put(ChargeColumns.EFFECTIVE_COST, col(FocusColumns.EFFECTIVE_COST));
    // ListCost and ContractedCost are never revenue: an unreadable value is dropped, not
    // quarantined.
    typed.put(ChargeColumns.LIST_COST, col(FocusColumns.LIST_COST));
    typed.put(ChargeColumns.CONTRACTED_COST, col(FocusColumns.CONTRACTED_COST));
    typed.put(FocusNormalizer.RAW, col(FocusNormalizer.RAW));
    // Kept for the checks only.
    List<String> checked =
        new ArrayList<>(
            List.of(
                FocusNormalizer.PROVIDER_VALUE,
                FocusNormalizer.MISSING_COLUMNS,
                FocusNormalizer.DUPLICATE_COLUMNS,
                FocusNormalizer.UNDECODABLE_COLUMN,
                FocusReader.CORRUPT_RECORD,
                FocusColumns.BILLING_ACCOUNT_ID,
                FocusColumns.BILLING_CURRENCY,
                FocusColumns.CHARGE_CATEGORY,
                FocusColumns.CHARGE_CLASS));
    for (String c : FocusColumns.MONEY) {
      checked.add(FocusNormalizer.asRead(c));
    }
    for (String c : FocusColumns.TIMESTAMPS) {
      checked.add(FocusNormalizer.asRead(c));
    }
    List<Column> first = new ArrayList<>();
    typed.forEach((name, value) -> first.add(value.as(name)));
    checked.forEach(c -> first.add(col(c).as(IN + c)));
    Dataset<Row> values = text.select(first.toArray(Column[]::new));

    List<Column> second = new ArrayList<>();
    typed.keySet().forEach(name -> second.add(col(name)));
    second.add(firstFailing(checks()).as(REASON));
    return values
        .select(second.toArray(Column[]::new))
        .withColumn(RejectedColumns.REASON_CODE, col(REASON + ".code"))
        .withColumn(RejectedColumns.REASON_DETAIL, col(REASON + ".detail"))
        .drop(REASON);
  }

  /** A cell as the checks see it: the text of a typed column, the cleaned text of the others. */
  private static Column input(String focusColumn) {
    boolean typed =
        FocusColumns.MONEY.contains(focusColumn) || FocusColumns.TIMESTAMPS.contains(focusColumn);
    return col(IN + (typed ? FocusNormalizer.asRead(focusColumn) : focusColumn));
  }

  /** The checks in order; the first one a row fails names its reason. */
  private List<Check> checks() {
    List<Check> checks = new ArrayList<>();
    checks.add(
        new Check(
            col(IN + FocusReader.CORRUPT_RECORD).isNotNull(),
            ReasonCode.MALFORMED_ROW,
            lit("the CSV record could not be split into columns")));
    checks.add(
        new Check(
            col(IN + FocusNormalizer.UNDECODABLE_COLUMN).isNotNull(),
            ReasonCode.BAD_ENCODING,
            concat(
                col(IN + FocusNormalizer.UNDECODABLE_COLUMN),
                lit(
                    " holds bytes that are not valid in the export's encoding (CSV: set"
                        + " cloudshift.exports[].encoding, e.g. ISO-8859-1 or windows-1252; Parquet"
                        + " text must be UTF-8, raw shows the bytes as \\xNN)"))));
    checks.add(
        new Check(
            col(IN + FocusNormalizer.MISSING_COLUMNS).isNotNull(),
            ReasonCode.MISSING_COLUMN,
            concat(
                lit("file lacks mandatory FOCUS columns "),
                col(IN + FocusNormalizer.MISSING_COLUMNS))));
    checks.add(
        new Check(
            col(IN + FocusNormalizer.DUPLICATE_COLUMNS).isNotNull(),
            ReasonCode.DUPLICATE_COLUMN,
            concat(
                lit("file names FOCUS columns more than once "),
                col(IN + FocusNormalizer.DUPLICATE_COLUMNS))));
    checks.add(
        new Check(
            col(Columns.PROVIDER).isNull(),
            ReasonCode.UNKNOWN_PROVIDER,
            concat(
                lit("provider value '"),
                coalesce(col(IN + FocusNormalizer.PROVIDER_VALUE), lit("null")),
                lit("' maps to no configured provider"))));
    checks.add(
        new Check(
            anyNull(FocusColumns.NOT_NULL),
            ReasonCode.NULL_REQUIRED,
            concat(firstNull(FocusColumns.NOT_NULL), lit(" is null"))));
    checks.add(outOfRange(FocusColumns.BILLED_COST, ChargeColumns.BILLED_COST));
    checks.add(outOfRange(FocusColumns.EFFECTIVE_COST, ChargeColumns.EFFECTIVE_COST));
    checks.add(
        badValue(FocusColumns.BILLED_COST, ChargeColumns.BILLED_COST, ReasonCode.BAD_NUMBER));
    checks.add(
        badValue(FocusColumns.EFFECTIVE_COST, ChargeColumns.EFFECTIVE_COST, ReasonCode.BAD_NUMBER));
    checks.add(
        badValue(
            FocusColumns.BILLING_PERIOD_START,
            ChargeColumns.BILLING_PERIOD_START,
            ReasonCode.BAD_DATETIME));
    checks.add(
        badValue(
            FocusColumns.BILLING_PERIOD_END,
            ChargeColumns.BILLING_PERIOD_END,
            ReasonCode.BAD_DATETIME));
    checks.add(
        badValue(
            FocusColumns.CHARGE_PERIOD_START,
            ChargeColumns.CHARGE_PERIOD_START,
            ReasonCode.BAD_DATETIME));
    checks.add(
        badValue(
            FocusColumns.CHARGE_PERIOD_END,
            ChargeColumns.CHARGE_PERIOD_END,
            ReasonCode.BAD_DATETIME));
    checks.add(
        new Check(
            col(ChargeColumns.BILLING_PERIOD_START).geq(col(ChargeColumns.BILLING_PERIOD_END)),
            ReasonCode.BAD_PERIOD,
            lit("BillingPeriodStart is not before BillingPeriodEnd")));
    checks.add(
        new Check(
            col(ChargeColumns.CHARGE_PERIOD_START).gt(col(ChargeColumns.CHARGE_PERIOD_END)),
            ReasonCode.BAD_PERIOD,
            lit("ChargePeriodStart is after ChargePeriodEnd")));
    Column month = col(ChargeColumns.BILLING_MONTH);
    checks.add(
        new Check(
            month
                .lt(lit(Date.valueOf(rules.earliestBillingMonth().atDay(1))))
                .or(month.gt(lit(Date.valueOf(rules.latestBillingMonth().atDay(1))))),
            ReasonCode.BAD_PERIOD,
            concat(
                lit("billing month "),
                date_format(month, "yyyy-MM"),
                lit(
                    " is outside cloudshift.focus.billing-months ["
                        + rules.earliestBillingMonth()
                        + ", "
                        + rules.latestBillingMonth()
                        + "]"))));
    checks.add(
        new Check(
            col(Columns.BILLING_CURRENCY).isin(rules.currencies().toArray()).equalTo(false),
            ReasonCode.UNKNOWN_CURRENCY,
            concat(
                lit("BillingCurrency '"),
                input(FocusColumns.BILLING_CURRENCY),
                lit("' is not an ISO 4217 national currency"))));
    checks.add(
        new Check(
            col(ChargeColumns.CHARGE_CATEGORY).isin(CHARGE_CATEGORIES.toArray()).equalTo(false),
            ReasonCode.BAD_ENUM,
            concat(
                lit("ChargeCategory '"),
                input(FocusColumns.CHARGE_CATEGORY),
                lit("' is not one of " + CHARGE_CATEGORIES))));
    Column chargeClass = col(ChargeColumns.CHARGE_CLASS);
    checks.add(
        new Check(
            chargeClass.isNotNull().and(chargeClass.notEqual(CORRECTION)),
            ReasonCode.BAD_ENUM,
            concat(
                lit("ChargeClass '"),
                input(FocusColumns.CHARGE_CLASS),
                lit("' is neither null nor Correction"))));
    return checks;
  }

  /**
   * One flat CASE: the first failing check's code and detail as a struct, null when the row is
   * clean.
   */
  private static Column firstFailing(List<Check> checks) {
    Column reason = null;
    for (Check check : checks) {
      Column value =
          struct(
              lit(check.code().name()).as("code"),
              check.detail().cast(DataTypes.StringType).as("detail"));
      reason = reason == null ? when(check.fails(), value) : reason.when(check.fails(), value);
    }
    return reason;
  }

  private record Check(Column fails, ReasonCode code, Column detail) {}

  private static Check badValue(String focusColumn, String parsedColumn, ReasonCode code) {
    Column text = input(focusColumn);
    return new Check(
        text.isNotNull().and(col(parsedColumn).isNull()),
        code,
        concat(
            lit(focusColumn + " '"),
            text,
            lit(
                "' is not "
                    + (code == ReasonCode.BAD_NUMBER
                        ? "a plain decimal number"
                        : "an ISO 8601 date-time"))));
  }

  /**
   * A cost whose magnitude no real charge line has: a number too large for decimal(38,12) ({@code
   * 1e400}), or one it holds but of which sums of a few overflow the aggregates (every later run
   * would fail until the row is deleted by hand); below the bound, a sum overflows only past 10^11
   * rows in one group.
   */
  private static Check outOfRange(String focusColumn, String parsedColumn) {
    Column parsed = col(parsedColumn);
    Column tooLargeToHold = parsed.isNull().and(FocusValues.isNumberText(input(focusColumn)));
    return new Check(
        tooLargeToHold.or(abs(parsed).geq(lit(MAX_ABS_AMOUNT))),
        ReasonCode.AMOUNT_OUT_OF_RANGE,
        concat(
            lit(focusColumn + " '"),
            input(focusColumn),
            lit("' is not below " + MAX_ABS_AMOUNT.toPlainString() + " in absolute value")));
  }

  /** FOCUS enums are case-sensitive; a value equal but for case is unambiguous, so recase it. */
  private static Column recased(Column value, List<String> allowed) {
    Column lowered = lower(value);
    Column result = null;
    for (String a : allowed) {
      Column match = lowered.equalTo(a.toLowerCase(java.util.Locale.ROOT));
      result = result == null ? when(match, lit(a)) : result.when(match, lit(a));
    }
    return result.otherwise(value);
  }

  private static Column anyNull(List<String> columns) {
    Column any = lit(false);
    for (String c : columns) {
      any = any.or(input(c).isNull());
    }
    return any;
  }

  private static Column firstNull(List<String> columns) {
    Column[] candidates =
        columns.stream().map(c -> when(input(c).isNull(), lit(c))).toArray(Column[]::new);
    return coalesce(candidates);
  }
}
