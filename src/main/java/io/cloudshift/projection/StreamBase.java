package io.cloudshift.projection;

import io.cloudshift.periods.CalendarQuarter;
import java.math.BigDecimal;

/**
 * The resolved starting point of a scenario's stream.
 *
 * @param baseQuarter quarter k = 0 of the growth path (T_start is its total)
 * @param startTotal T_start, USD per quarter
 * @param startTotalSource observed or configured
 * @param startShare s0
 * @param startShareSource observed or configured
 */
public record StreamBase(
    CalendarQuarter baseQuarter,
    BigDecimal startTotal,
    String startTotalSource,
    BigDecimal startShare,
    String startShareSource) {}
