package io.cloudshift.uplift;

import static io.cloudshift.schema.ExactDecimal.FRACTION;
import static io.cloudshift.schema.ExactDecimal.MONEY;
import static org.apache.spark.sql.functions.ceil;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.when;

import io.cloudshift.schema.ExactDecimal;
import io.cloudshift.shares.ProviderNet;
import io.cloudshift.shares.ShareFormulas;
import java.math.BigDecimal;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF2;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Every formula of docs/methodology.md#uplift Uplift (counterfactual)", in one place, as Spark
 * column functions. Notation of docs/methodology.md: R revenue of provider P from lab L in a stream
 * and month, T the lab's stream total, s = R/T, p the resale share paid to the lab, q the lab's
 * share paid to P with cap C; 0 = old terms / pre-event baseline, 1 = new terms.
 *
 * <p>Arithmetic: money is {@code decimal(38,12)}, fractions {@code decimal(38,18)}. Each product or
 * quotient is exact and rounded once, half even ({@link ExactDecimal}). The decomposition is built
 * from four rounded products — N_act, N_cf, N_pre and R·g0 — and differences of them, so {@code
 * volume + share + margin = N_act − N_pre} and {@code share + margin = U} hold exactly on the
 * stored decimals, and each effect is within 10^-12 of its closed form.
 *
 * <p>Nulls: a null operand gives null (never NaN, never a division error); a null revenue share (p,
 * q) is "none known" and counts as 0.
 */
public final class UpliftFormulas {
  private UpliftFormulas() {}

  /**
   * docs/methodology.md#uplift: g = 1 − p, the fraction of R the provider keeps; g = 1 for compute
   * (no share is paid on the lab's own spend); a null p counts as 0 (g = 1).
   */
  public static Column retainedFraction(Column stream, Column resaleShareToLab) {
    return ProviderNet.retainedFraction(stream, resaleShareToLab).cast(FRACTION);
  }

  /**
   * docs/methodology.md#share-shift: s = R / T over one month or summed over months
   * ("spend-weighted"); null when T ≤ 0 (credits can make a total negative). Baseline s0 = Σ R / Σ
   * T over the baseline months.
   */
  public static Column spendWeightedShare(Column revenue, Column streamTotal) {
    return ShareFormulas.spendWeightedShare(revenue, streamTotal).cast(FRACTION);
  }

  /**
   * docs/methodology.md#terms-in-force: T0, the pre-event monthly stream total = Σ T / n over the n
   * baseline months; null when n = 0.
   */
  public static Column averageMonthlyTotal(Column sumStreamTotal, Column months) {
    return when(
            months.gt(0), ExactDecimal.divide(sumStreamTotal, months.cast("decimal(10,0)"), MONEY))
        .cast(MONEY);
  }

  /**
   * docs/methodology.md#uplift: actual N_act = s·T·g1, written as R·g1 (R = s·T) so that T ≤ 0
   * never divides.
   */
  public static Column netActual(Column revenue, Column retainedNew) {
    return ExactDecimal.times(revenue, retainedNew, MONEY);
  }

  /**
   * docs/methodology.md#uplift: counterfactual N_cf = s0·T·g0 (old terms kept, share frozen at s0,
   * T as observed).
   */
  public static Column netCounterfactual(
      Column baselineShare, Column streamTotal, Column retainedOld) {
    return ExactDecimal.times(baselineShare, streamTotal, retainedOld, MONEY);
  }

  /**
   * docs/methodology.md#inbound-share: U = N_act − N_cf (also the inbound-share difference, I_new −
   * I_old, on inbound rows).
   */
  public static Column uplift(Column netActual, Column netCounterfactual) {
    return ExactDecimal.minus(netActual, netCounterfactual);
  }

  /**
   * docs/methodology.md#uplift: pre-event level N_pre = s0·T0·g0, times f, the fraction of the
   * month after the change (docs/methodology.md#terms-by-the-instant: 1 but in an event month that
   * starts after its first day), so the volume effect compares like with like.
   */
  public static Column netPreEvent(
      Column baselineShare, Column baselineStreamTotal, Column retainedOld, Column monthFraction) {
    return ExactDecimal.times(
        ExactDecimal.times(baselineShare, baselineStreamTotal, retainedOld, MONEY),
        monthFraction,
        MONEY);
  }

  /**
   * s·T·g0 written as R·g0: the actual revenue valued at the old terms, the pivot between the share
   * and the margin effect (docs/methodology.md#uplift decomposition).
   */
  public static Column actualAtOldTerms(Column revenue, Column retainedOld) {
    return ExactDecimal.times(revenue, retainedOld, MONEY);
  }

  /**
   * docs/methodology.md#uplift: volume = s0·(T − T0)·g0, computed as N_cf − N_pre (= s0·T·g0 −
   * s0·T0·g0).
   */
  public static Column volumeEffect(Column netCounterfactual, Column netPreEvent) {
    return ExactDecimal.minus(netCounterfactual, netPreEvent);
  }

  /**
   * docs/methodology.md#uplift: share = (s − s0)·T·g0, computed as R·g0 − N_cf (= (R − s0·T)·g0).
   */
  public static Column shareEffect(Column actualAtOldTerms, Column netCounterfactual) {
    return ExactDecimal.minus(actualAtOldTerms, netCounterfactual);
  }

  /**
   * docs/methodology.md#uplift: margin = s·T·(g1 − g0), computed as N_act − R·g0 (= R·(g1 − g0)).
   * Null when the counterfactual is null (no baseline): the decomposition is all or nothing, so its
   * identities never mix a known and an unknown term.
   */
  public static Column marginEffect(
      Column netActual, Column actualAtOldTerms, Column netCounterfactual) {
    return when(netCounterfactual.isNotNull(), ExactDecimal.minus(netActual, actualAtOldTerms))
        .cast(MONEY);
  }

  /**
   * docs/methodology.md#break-even-share: break-even share s* = s0·g0/g1, the share P must keep to
   * be no worse off than under the old terms (s0 = 1, p0 = 0.20, p1 = 0 gives 0.80); null when g1 =
   * 0 (P keeps nothing: no share is enough) or s0 is null.
   */
  public static Column breakEvenShare(
      Column baselineShare, Column retainedOld, Column retainedNew) {
    return when(
            retainedNew.notEqual(0),
            ExactDecimal.timesDivide(baselineShare, retainedOld, retainedNew, FRACTION))
        .cast(FRACTION);
  }

  /**
   * docs/methodology.md#terms-by-the-instant: what the terms ask for the part of a month they are
   * in force, q·LabRevenue(L,m)·fraction (the revenue of a month spread evenly over its time).
   */
  public static Column inboundDueFor(
      Column labShareToProvider, Column labRevenue, Column monthFraction) {
    return ExactDecimal.times(inboundDue(labShareToProvider, labRevenue), monthFraction, MONEY);
  }

  /**
   * docs/methodology.md#inbound-share inbound share, what the terms ask before the cap:
   * q·LabRevenue(L,m) (null q = 0; null revenue = null).
   */
  public static Column inboundDue(Column labShareToProvider, Column labRevenue) {
    Column q = coalesce(labShareToProvider.cast(FRACTION), lit(BigDecimal.ZERO).cast(FRACTION));
    return ExactDecimal.times(q, labRevenue, MONEY);
  }

  /**
   * docs/methodology.md#inbound-share "paid so far" through a month: the running sum of
   * q·LabRevenue, stopped at the cap C (no cap = unlimited). Because q·LabRevenue ≥ 0, paying
   * min(q·LabRevenue, C − paid so far) every month adds up to exactly min(Σ q·LabRevenue, C).
   */
  public static Column inboundPaidThrough(Column cumulativeDue, Column cap) {
    Column cum = cumulativeDue.cast(MONEY);
    return when(cap.isNull(), cum)
        .otherwise(greatest(least(cum, cap.cast(MONEY)), lit(BigDecimal.ZERO).cast(MONEY)))
        .cast(MONEY);
  }

  /**
   * docs/methodology.md#inbound-share: I = min(q·LabRevenue, C − paid so far), 0 when no cap is
   * left; no cap = unlimited; null when the lab's revenue for the month is unknown.
   */
  public static Column inboundShare(Column due, Column paidBefore, Column cap) {
    Column left = greatest(ExactDecimal.minus(cap, paidBefore), lit(BigDecimal.ZERO).cast(MONEY));
    // least() skips nulls, so an unknown month is handled first.
    return when(due.isNull(), lit(null).cast(MONEY))
        .when(cap.isNull(), due.cast(MONEY))
        .otherwise(least(due.cast(MONEY), left))
        .cast(MONEY);
  }

  /**
   * The cap left after a month's payment: C − paid through the month; null when there is no cap.
   */
  public static Column capRemaining(Column cap, Column paidThrough) {
    return ExactDecimal.minus(cap, paidThrough);
  }

  /** The trend model needs at least this many pre-event months with T > 0 (SPEC: 4). */
  public static final int TREND_MIN_MONTHS = 4;

  /**
   * docs/methodology.md#counterfactual-models trend: s_cf(m) = clip(a + b·min(k, w_t), 0, 1), the
   * unweighted least-squares line through {@code points} (structs x = months from d, y = share), at
   * k = months from d; null with fewer than {@link #TREND_MIN_MONTHS} points.
   */
  public static Column trendShare(Column points, Column monthsFromEvent, int trendMonths) {
    UDF2<scala.collection.Seq<Row>, Integer, BigDecimal> f =
        (p, k) -> trendShare(p == null ? null : CollectionConverters.asJava(p), k, trendMonths);
    return udf(f, FRACTION).withName("trend_share").apply(points, monthsFromEvent);
  }

  static BigDecimal trendShare(List<Row> points, Integer monthsFromEvent, int trendMonths) {
    if (points == null || monthsFromEvent == null || points.size() < TREND_MIN_MONTHS) {
      return null;
    }
    BigDecimal n = BigDecimal.valueOf(points.size());
    BigDecimal sx = BigDecimal.ZERO;
    BigDecimal sy = BigDecimal.ZERO;
    BigDecimal sxx = BigDecimal.ZERO;
    BigDecimal sxy = BigDecimal.ZERO;
    for (Row point : points) {
      BigDecimal x = BigDecimal.valueOf(point.getInt(0));
      BigDecimal y = point.getDecimal(1);
      sx = sx.add(x);
      sy = sy.add(y);
      sxx = sxx.add(x.multiply(x));
      sxy = sxy.add(x.multiply(y));
    }
    BigDecimal slope =
        n.multiply(sxy)
            .subtract(sx.multiply(sy))
            .divide(n.multiply(sxx).subtract(sx.multiply(sx)), 30, ExactDecimal.ROUNDING);
    BigDecimal intercept = sy.subtract(slope.multiply(sx)).divide(n, 30, ExactDecimal.ROUNDING);
    BigDecimal at =
        intercept.add(slope.multiply(BigDecimal.valueOf(Math.min(monthsFromEvent, trendMonths))));
    return at.max(BigDecimal.ZERO)
        .min(BigDecimal.ONE)
        .setScale(FRACTION.scale(), ExactDecimal.ROUNDING);
  }

  /**
   * docs/methodology.md#counterfactual-models control: Δc(m) = the control labs' spend-weighted
   * share of P in month m minus the same over the baseline months; null when either total is <= 0.
   */
  public static Column controlShift(
      Column monthRevenue, Column monthTotal, Column baselineRevenue, Column baselineTotal) {
    return ExactDecimal.minus(
        spendWeightedShare(monthRevenue, monthTotal),
        spendWeightedShare(baselineRevenue, baselineTotal));
  }

  /** docs/methodology.md#counterfactual-models control: s_cf(m) = clip(s0 + Δc(m), 0, 1). */
  public static Column controlShare(Column baselineShare, Column controlShift) {
    Column moved = ExactDecimal.plus(baselineShare, controlShift);
    // greatest and least skip nulls: no shift must stay no share, not 0.
    return when(
            moved.isNotNull(), least(greatest(moved, lit(BigDecimal.ZERO)), lit(BigDecimal.ONE)))
        .cast(FRACTION);
  }

  /**
   * docs/methodology.md#intervals: a month's share gap (s − s_cf)·T, written as R − s_cf·T so that
   * T ≤ 0 never divides; summed over months it is the share effect before the factor g0.
   */
  public static Column shareGap(Column revenue, Column counterfactualShare, Column streamTotal) {
    return ExactDecimal.minus(revenue, ExactDecimal.times(counterfactualShare, streamTotal, MONEY));
  }

  /**
   * docs/methodology.md#intervals: ε = Σ (s − s_cf)·T / Σ T, the share effect per unit of stream
   * total over a set of months; null when Σ T ≤ 0.
   */
  public static Column shareEffectPerTotal(Column sumShareGap, Column sumStreamTotal) {
    return when(sumStreamTotal.gt(0), ExactDecimal.divide(sumShareGap, sumStreamTotal, FRACTION))
        .cast(FRACTION);
  }

  /**
   * docs/methodology.md#intervals: a bound of U over a horizon, U − ε·ΣT·g0 with ε a percentile of
   * the placebos' effects: the 95th gives the lower bound, the 5th the upper one.
   */
  public static Column upliftBound(
      Column uplift, Column placeboEffect, Column sumStreamTotal, Column retainedOld) {
    return ExactDecimal.minus(
        uplift, ExactDecimal.times(placeboEffect, sumStreamTotal, retainedOld, MONEY));
  }

  /**
   * docs/methodology.md#intervals: the {@code percent}th percentile by nearest rank of {@code n}
   * values sorted ascending: the value at rank ⌈percent/100 · n⌉ (1-based); null when n = 0.
   */
  public static Column nearestRank(Column sortedValues, Column n, int percent) {
    Column rank = ceil(n.multiply(percent).divide(100)).cast("int");
    return when(n.gt(0), element_at(sortedValues, rank));
  }
}
