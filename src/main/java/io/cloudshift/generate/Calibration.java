package io.cloudshift.generate;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import io.cloudshift.schema.Stream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The planted "true" monthly spend: per lab × stream a total and per-provider share paths, and per
 * provider the total cloud revenue from which the other customers' (unattributed) revenue is
 * derived. The figures live in the resource {@value #RESOURCE} next to this class, each naming the
 * id of the public fact it is calibrated on or saying that it is an assumption. Amounts are USD per
 * month; curves are straight lines between anchors (see {@link MonthlyCurve}).
 *
 * <p>Share shifts are planted at the month that contains each agreement's effective date, which is
 * the event month d of docs/methodology.md#terms-in-force. In particular the OpenAI–Microsoft
 * amendment of 27 April 2026 (P13) is planted in April 2026, not May, and by the instant: its share
 * paths are the counterfactual (a slide that carries on through the change), and its {@link
 * EventEffect} moves a known share from 00:00 UTC of 27 April on, April being planted in two parts
 * (docs/methodology.md#terms-by-the-instant).
 */
final class Calibration {
  static final String RESOURCE = "calibration.conf";

  private static final ConfigParseOptions STRICT =
      ConfigParseOptions.defaults().setAllowMissing(false);

  private final BigDecimal eurPerUsd;
  private final BigDecimal minUnattributedFraction;
  private final BigDecimal euroCustomerFraction;
  private final List<LabStreamPlan> plans;
  private final Map<String, MonthlyCurve> providerRevenue;

  private Calibration(
      BigDecimal eurPerUsd,
      BigDecimal minUnattributedFraction,
      BigDecimal euroCustomerFraction,
      List<LabStreamPlan> plans,
      Map<String, MonthlyCurve> providerRevenue) {
    this.eurPerUsd = eurPerUsd;
    this.minUnattributedFraction = minUnattributedFraction;
    this.euroCustomerFraction = euroCustomerFraction;
    this.plans = List.copyOf(plans);
    this.providerRevenue = Collections.unmodifiableMap(new LinkedHashMap<>(providerRevenue));
  }

  /** Fixed conversion for the one EUR-billed account. */
  BigDecimal eurPerUsd() {
    return eurPerUsd;
  }

  /** Other customers keep at least this fraction of a provider's revenue. */
  BigDecimal minUnattributedFraction() {
    return minUnattributedFraction;
  }

  /** Share of the other customers' revenue billed to the EUR customer. */
  BigDecimal euroCustomerFraction() {
    return euroCustomerFraction;
  }

  List<LabStreamPlan> plans() {
    return plans;
  }

  Map<String, MonthlyCurve> providerRevenue() {
    return providerRevenue;
  }

  Optional<LabStreamPlan> plan(String lab, Stream stream) {
    return plans.stream().filter(p -> p.lab().equals(lab) && p.stream() == stream).findFirst();
  }

  /**
   * The instant (00:00 UTC) a planted {@link EventEffect} of the lab takes effect inside {@code
   * month}, if one does: that month is planted in two parts, and the pipeline counts only the part
   * after it for the change (docs/methodology.md#terms-by-the-instant), in every stream of the lab.
   */
  Optional<Instant> changeInstant(String lab, YearMonth month) {
    return plans.stream()
        .filter(p -> p.lab().equals(lab))
        .flatMap(p -> p.effect().stream())
        .filter(e -> e.splitMonth().filter(month::equals).isPresent())
        .map(e -> e.from().atStartOfDay().toInstant(ZoneOffset.UTC))
        .findFirst();
  }

  /** A lab's planted monthly spend at a provider in a stream (zero when nothing is planted). */
  BigDecimal labAmount(String lab, String provider, Stream stream, YearMonth month) {
    return plan(lab, stream)
        .map(p -> p.amount(provider, month))
        .orElse(BigDecimal.ZERO.setScale(2));
  }

  /**
   * The provider's revenue from customers that are not AI labs: its calibrated total minus every
   * planted lab amount there, but never below {@link #minUnattributedFraction()} of the total. Not
   * scaled down: amounts are full-size USD so lab shares of provider revenue look realistic.
   */
  BigDecimal unattributedAmount(String provider, YearMonth month) {
    MonthlyCurve curve = providerRevenue.get(provider);
    if (curve == null) {
      return BigDecimal.ZERO.setScale(2);
    }
    BigDecimal total = curve.at(month);
    BigDecimal labs = BigDecimal.ZERO;
    for (LabStreamPlan plan : plans) {
      labs = labs.add(plan.amount(provider, month));
    }
    BigDecimal floor = total.multiply(minUnattributedFraction).setScale(2, RoundingMode.HALF_EVEN);
    return total.subtract(labs).max(floor);
  }

  /**
   * The calibration of this project, from its sourced public facts: the resource {@value
   * #RESOURCE}, where every anchor names the fact it rests on.
   */
  static Calibration publicFacts() {
    Config config = ConfigFactory.parseResources(Calibration.class, RESOURCE, STRICT).resolve();
    try {
      List<LabStreamPlan> plans = new ArrayList<>();
      for (Config lab : config.getConfigList("labs")) {
        plans.add(labStreamPlan(lab));
      }
      Map<String, MonthlyCurve> revenue = new LinkedHashMap<>();
      for (Config provider : config.getConfigList("provider-revenue")) {
        revenue.put(provider.getString("provider"), curve(provider));
      }
      return new Calibration(
          decimal(config, "eur-per-usd"),
          decimal(config, "min-unattributed-fraction"),
          decimal(config, "euro-customer-fraction"),
          plans,
          revenue);
    } catch (ConfigException | IllegalArgumentException e) {
      throw new IllegalStateException("Malformed " + RESOURCE + ": " + e.getMessage(), e);
    }
  }

  private static LabStreamPlan labStreamPlan(Config lab) {
    Map<String, SharePath> shares = new LinkedHashMap<>();
    List<? extends Config> explicit =
        lab.hasPath("shares") ? lab.getConfigList("shares") : List.of();
    for (Config provider : explicit) {
      shares.put(provider.getString("provider"), sharePath(provider.getConfigList("path")));
    }
    return new LabStreamPlan(
        lab.getString("lab"),
        Stream.valueOf(lab.getString("stream").toUpperCase(Locale.ROOT)),
        curve(lab),
        shares,
        lab.getString("keeps-the-rest"),
        lab.hasPath("effect") ? Optional.of(effect(lab.getConfig("effect"))) : Optional.empty());
  }

  /** A planted effect: the change, the provider losing share and each gainer's extra share. */
  private static EventEffect effect(Config effect) {
    Map<String, SharePath> gains = new LinkedHashMap<>();
    for (Config provider : effect.getConfigList("gains")) {
      gains.put(provider.getString("provider"), sharePath(provider.getConfigList("path")));
    }
    return new EventEffect(
        effect.getString("event"),
        effect.getString("provider"),
        LocalDate.parse(effect.getString("from")),
        gains,
        effect.getString("source"));
  }

  /** A curve that is zero before {@code starts} when given, else extends its first anchor back. */
  private static MonthlyCurve curve(Config owner) {
    MonthlyCurve.Builder curve =
        owner.hasPath("starts")
            ? MonthlyCurve.startingAt(owner.getString("starts"))
            : MonthlyCurve.always();
    for (Config anchor : owner.getConfigList("usd-millions-per-month")) {
      curve.at(anchor.getString("month"), anchor.getDouble("value"), anchor.getString("source"));
    }
    return curve.build();
  }

  private static SharePath sharePath(List<? extends Config> segments) {
    SharePath path = SharePath.zero();
    for (Config segment : segments) {
      String source = segment.getString("source");
      path =
          segment.hasPath("step")
              ? path.step(segment.getString("step"), segment.getDouble("share"), source)
              : path.ramp(
                  segment.getString("ramp-from"),
                  segment.getDouble("share"),
                  segment.getString("ramp-to"),
                  segment.getDouble("end-share"),
                  source);
    }
    return path;
  }

  /** Read as written (0.92 stays 0.92), not through a double. */
  private static BigDecimal decimal(Config config, String path) {
    return new BigDecimal(config.getString(path));
  }
}
