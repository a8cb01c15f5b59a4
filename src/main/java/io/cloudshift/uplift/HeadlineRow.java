package io.cloudshift.uplift;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One line of the uplift headline (for the CLI summary): an event's figures for one counterfactual
 * model and stream in the latest calendar quarter of {@code uplift_quarterly}. Money in {@code
 * currency}, exact decimals as stored; a value the table holds as null is null here.
 *
 * @param model frozen, trend or control (docs/methodology.md#counterfactual-models)
 * @param stream compute, resale or inbound
 * @param currency ISO 4217 code of the amounts
 * @param quarter calendar quarter label, e.g. 2026Q3
 * @param monthsInQuarter months summed (fewer than 3 in the event's quarter or the last quarter of
 *     data)
 * @param lastMonth the quarter's last month summed (first day)
 * @param uplift U = N_act − N_cf summed over the quarter
 * @param volumeEffect volume effect summed (null for inbound)
 * @param shareEffect share effect summed (null for inbound)
 * @param marginEffect margin effect summed (null for inbound)
 * @param netActual N_act summed
 * @param netCounterfactual N_cf summed
 * @param latestShare s in {@code lastMonth} (null for inbound or when that month's T ≤ 0)
 * @param breakEvenShare s* = s_cf·g0/g1 in {@code lastMonth} (null for inbound, when g1 = 0 or
 *     without a counterfactual share)
 * @param upliftLow lower end of U's 90 % interval from placebo events (null without an interval)
 * @param upliftHigh upper end of that interval
 * @param placeboPValue the placebo p-value of the event × stream × model (null without one)
 * @param placebos the number of placebos behind the interval and p-value (null for inbound)
 */
public record HeadlineRow(
    String model,
    String stream,
    String currency,
    String quarter,
    int monthsInQuarter,
    LocalDate lastMonth,
    BigDecimal uplift,
    BigDecimal volumeEffect,
    BigDecimal shareEffect,
    BigDecimal marginEffect,
    BigDecimal netActual,
    BigDecimal netCounterfactual,
    BigDecimal latestShare,
    BigDecimal breakEvenShare,
    BigDecimal upliftLow,
    BigDecimal upliftHigh,
    BigDecimal placeboPValue,
    Integer placebos) {

  /**
   * True when the provider's latest share is at or above the break-even share (null when either is
   * unknown).
   */
  public Boolean aboveBreakEven() {
    return latestShare == null || breakEvenShare == null
        ? null
        : latestShare.compareTo(breakEvenShare) >= 0;
  }
}
