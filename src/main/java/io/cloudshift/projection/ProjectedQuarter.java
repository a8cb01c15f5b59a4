package io.cloudshift.projection;

import io.cloudshift.periods.CalendarQuarter;
import java.math.BigDecimal;

/**
 * One row of {@code uplift_projection}: a scenario × stream × quarter. For stream {@code total} the
 * per-stream fields (shares, rates, growth, sources, glide) are null.
 */
public record ProjectedQuarter(
    Scenario scenario,
    String stream,
    int quarterIndex,
    CalendarQuarter quarter,
    CalendarQuarter baseQuarter,
    BigDecimal startTotal,
    String startTotalSource,
    Double growth,
    BigDecimal streamTotal,
    BigDecimal share,
    BigDecimal startShare,
    String startShareSource,
    BigDecimal targetShare,
    Glide glide,
    Double oldResaleShare,
    Double newResaleShare,
    BigDecimal oldNetFraction,
    BigDecimal newNetFraction,
    BigDecimal netActual,
    BigDecimal netCounterfactual,
    BigDecimal uplift,
    BigDecimal breakEvenShare,
    BigDecimal cumulativeUplift) {}
