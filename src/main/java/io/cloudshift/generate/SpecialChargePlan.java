package io.cloudshift.generate;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;

/**
 * When the special rows of focus.md §2 appear and, for those that count as revenue, how large they
 * are. The schedule is a function of the absolute month (months since 2023-01), never of the seed,
 * the row budget or the month range, so the planted truth is the same whatever those are. Amounts
 * are fractions of the planted monthly amount, in cents.
 *
 * <ul>
 *   <li>Credit on one lab compute account every 4th month (−1%), on other customers every 4th month
 *       (−0.2%);
 *   <li>Correction (ChargeClass Correction, billed in M+1, ChargePeriod in M) for every 3rd month
 *       M, alternately −0.5% and +0.3% of one lab compute account's M amount; other customers too;
 *   <li>negative in-period usage (ChargeClass null) on one lab account every 5th month (−0.2%);
 *   <li>Tax and marketplace rows on a lab account every 6th month (never revenue), and on other
 *       customers every month;
 *   <li>a one-year commitment bought every January by one ordinary customer (Purchase billed 12 C,
 *       EffectiveCost 0; Used and Unused rows amortise C a month, 7% unused), and a three-month
 *       commitment of Mistral on AWS bought every quarter (Purchase 3 C; 5% unused; C = 30% of the
 *       quarter's first month), which makes Mistral's AWS billed revenue differ from its effective.
 * </ul>
 */
final class SpecialChargePlan {
  static final YearMonth EPOCH = YearMonth.of(2023, 1);
  static final String LAB_COMMITMENT_LAB = "Mistral";
  static final String LAB_COMMITMENT_PROVIDER = "aws";
  static final BigDecimal CUSTOMER_UNUSED_FRACTION = new BigDecimal("0.07");
  static final BigDecimal LAB_UNUSED_FRACTION = new BigDecimal("0.05");

  private SpecialChargePlan() {}

  static int index(YearMonth month) {
    return (int) EPOCH.until(month, java.time.temporal.ChronoUnit.MONTHS);
  }

  static boolean labCredit(YearMonth month) {
    return Math.floorMod(index(month), 4) == 1;
  }

  static BigDecimal labCreditAmount(BigDecimal monthly) {
    return cents(monthly.multiply(new BigDecimal("-0.01")));
  }

  /** True when usage of {@code chargeMonth} is corrected in the following billing month. */
  static boolean labCorrectionOf(YearMonth chargeMonth) {
    return Math.floorMod(index(chargeMonth), 3) == 2;
  }

  static BigDecimal labCorrectionAmount(YearMonth chargeMonth, BigDecimal monthly) {
    boolean refund = Math.floorMod(Math.floorDiv(index(chargeMonth), 3), 2) == 0;
    return cents(monthly.multiply(new BigDecimal(refund ? "-0.005" : "0.003")));
  }

  static boolean labNegativeUsage(YearMonth month) {
    return Math.floorMod(index(month), 5) == 3;
  }

  static BigDecimal labNegativeUsageAmount(BigDecimal monthly) {
    return cents(monthly.multiply(new BigDecimal("-0.002")));
  }

  static boolean labTax(YearMonth month) {
    return Math.floorMod(index(month), 6) == 0;
  }

  static boolean labMarketplace(YearMonth month) {
    return Math.floorMod(index(month), 6) == 3;
  }

  /**
   * Which of {@code cells} lab compute accounts gets a special row recurring every {@code period}
   * months.
   */
  static int cellIndex(YearMonth month, int period, int cells) {
    return Math.floorMod(Math.floorDiv(index(month), period), cells);
  }

  static boolean customerCredit(YearMonth month) {
    return Math.floorMod(index(month), 4) == 2;
  }

  static BigDecimal customerCreditAmount(BigDecimal monthly) {
    return cents(monthly.multiply(new BigDecimal("-0.002")));
  }

  static boolean customerCorrectionOf(YearMonth chargeMonth) {
    return Math.floorMod(index(chargeMonth), 3) == 0;
  }

  static BigDecimal customerCorrectionAmount(YearMonth chargeMonth, BigDecimal monthly) {
    boolean refund = Math.floorMod(Math.floorDiv(index(chargeMonth), 3), 2) == 1;
    return cents(monthly.multiply(new BigDecimal(refund ? "-0.0015" : "0.001")));
  }

  /** The monthly amortisation C of the customer commitment bought in January of that year. */
  static BigDecimal customerCommitmentMonthly(BigDecimal januaryUnattributed) {
    return cents(januaryUnattributed.multiply(new BigDecimal("0.01")));
  }

  static YearMonth quarterStart(YearMonth month) {
    return YearMonth.of(month.getYear(), ((month.getMonthValue() - 1) / 3) * 3 + 1);
  }

  /**
   * The monthly amortisation C of the lab's quarterly commitment: 30% of the quarter's first month.
   */
  static BigDecimal labCommitmentMonthly(BigDecimal quarterStartAmount) {
    return cents(quarterStartAmount.multiply(new BigDecimal("0.30")));
  }

  static BigDecimal unused(BigDecimal monthly, BigDecimal fraction) {
    return cents(monthly.multiply(fraction));
  }

  private static BigDecimal cents(BigDecimal value) {
    return value.setScale(2, RoundingMode.HALF_EVEN);
  }
}
