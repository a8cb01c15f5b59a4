package io.cloudshift.projection;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import io.cloudshift.config.CloudshiftConfig;
import io.cloudshift.config.InvalidConfigException;
import io.cloudshift.periods.CalendarQuarter;
import io.cloudshift.schema.Stream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads and validates {@code cloudshift.scenarios} (a list; the defaults have none). Every value is
 * checked here, before any data is read, and a bad one fails with one line {@code Invalid config
 * <key>: <reason>}. Unknown keys are rejected too, so a typo such as {@code target_share} cannot be
 * silently ignored.
 *
 * <pre>
 * scenarios = [{
 *   id = base                       # unique, required
 *   description = "…"               # required
 *   lab = OpenAI                    # as in lab_provider_monthly.lab
 *   provider = azure                # a provider declared under cloudshift.providers
 *   start-quarter = "2026Q4"        # first projected calendar quarter (after the data)
 *   horizon-quarters = 8            # positive
 *   compute { growth = 0.8, target-share = 0.55, glide = linear }
 *   resale  { growth = 1.0, target-share = 0.75, glide = linear,
 *             old-resale-share = 0.20, new-resale-share = 0 }
 *   sensitivity { target-shares = [0.3, …, 1.0], growths = [0.4, 0.8, 1.2] }   # optional
 * }]
 * </pre>
 *
 * Per stream (at least one of compute, resale): {@code growth} (required, annual, &gt; −1), {@code
 * start-share} (optional fraction; default observed), {@code start-total-usd} (optional, &gt; 0,
 * USD per quarter; default observed), {@code target-share} (optional fraction; default = start
 * share, i.e. held), {@code glide} (linear | step | exponential; default linear), {@code
 * glide-rate} (exponential only, in (0, 1), default 0.5), and for resale only {@code
 * old-resale-share} p0 and {@code new-resale-share} p1 (required fractions; compute keeps all its
 * revenue, g = 1, so the keys are refused there).
 */
public final class ScenarioConfig {
  public static final String KEY = "cloudshift.scenarios";
  public static final double DEFAULT_GLIDE_RATE = 0.5;

  private static final Set<String> SCENARIO_KEYS =
      Set.of(
          "id",
          "description",
          "lab",
          "provider",
          "start-quarter",
          "horizon-quarters",
          "compute",
          "resale",
          "sensitivity");
  private static final Set<String> STREAM_KEYS =
      Set.of(
          "growth",
          "start-share",
          "start-total-usd",
          "target-share",
          "glide",
          "glide-rate",
          "old-resale-share",
          "new-resale-share");
  private static final Set<String> RESALE_ONLY_KEYS =
      Set.of("old-resale-share", "new-resale-share");
  private static final Set<String> GRID_KEYS = Set.of("target-shares", "growths");

  private ScenarioConfig() {}

  /** The validated scenarios, in conf order; empty when none are configured. */
  public static List<Scenario> read(CloudshiftConfig config) {
    Config raw = config.raw();
    if (!raw.hasPath(KEY)) {
      return List.of();
    }
    List<? extends Config> list = get(KEY, k -> raw.getConfigList(k));
    List<Scenario> result = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < list.size(); i++) {
      Scenario s = scenario(list.get(i), KEY + "[" + i + "]", config);
      if (!ids.add(s.id())) {
        throw bad(
            s.key() + ".id", "scenario id '" + s.id() + "' is used twice (ids must be unique)");
      }
      result.add(s);
    }
    return List.copyOf(result);
  }

  private static Scenario scenario(Config c, String key, CloudshiftConfig config) {
    rejectUnknown(c, key, SCENARIO_KEYS);
    String id = text(c, key, "id");
    String description = text(c, key, "description");
    // In the attribution rules' spelling when they name the lab; a lab without data may still be
    // projected from explicit start values, and one with neither is reported by the projector.
    String lab = config.labNames().canonical(text(c, key, "lab")).orElse(text(c, key, "lab"));
    String provider = text(c, key, "provider");
    if (!config.providers().containsKey(provider)) {
      throw bad(
          key + ".provider",
          "unknown provider '"
              + provider
              + "' (declare it under cloudshift.providers; known: "
              + new java.util.TreeSet<>(config.providers().keySet())
              + ")");
    }
    String quarterText = text(c, key, "start-quarter");
    CalendarQuarter start;
    try {
      start = CalendarQuarter.parse(quarterText);
    } catch (IllegalArgumentException e) {
      throw bad(key + ".start-quarter", e.getMessage());
    }
    int horizon = integer(c, key, "horizon-quarters");
    if (horizon <= 0) {
      throw bad(
          key + ".horizon-quarters", horizon + " must be a positive whole number of quarters");
    }
    List<StreamAssumptions> streams = new ArrayList<>();
    for (Stream stream : List.of(Stream.COMPUTE, Stream.RESALE)) {
      if (c.hasPath(stream.value())) {
        streams.add(stream(section(c, key, stream.value()), key + "." + stream.value(), stream));
      }
    }
    if (streams.isEmpty()) {
      throw bad(
          key,
          "scenario '" + id + "' configures no stream (add a compute and/or a resale section)");
    }
    List<Double> targets = List.of();
    List<Double> growths = List.of();
    if (c.hasPath("sensitivity")) {
      String g = key + ".sensitivity";
      Config grid = section(c, key, "sensitivity");
      rejectUnknown(grid, g, GRID_KEYS);
      targets = grid.hasPath("target-shares") ? doubles(grid, g, "target-shares") : List.of();
      growths = grid.hasPath("growths") ? doubles(grid, g, "growths") : List.of();
      for (double t : targets) {
        requireFraction(t, g + ".target-shares");
      }
      for (double gr : growths) {
        requireGrowth(gr, g + ".growths");
      }
      if (targets.isEmpty() != growths.isEmpty()) {
        throw bad(g, "needs both target-shares and growths (or neither)");
      }
    }
    return new Scenario(
        key, id, description, lab, provider, start, horizon, streams, targets, growths);
  }

  private static StreamAssumptions stream(Config c, String key, Stream stream) {
    rejectUnknown(c, key, STREAM_KEYS);
    if (stream == Stream.COMPUTE) {
      for (String k : RESALE_ONLY_KEYS) {
        if (c.hasPath(k)) {
          throw bad(
              key + "." + k,
              "compute has no resale share (the provider keeps all compute revenue, g = 1,"
                  + " docs/methodology.md#projection); remove the key");
        }
      }
    }
    double growth = number(c, key, "growth");
    requireGrowth(growth, key + ".growth");
    Double startShare = optionalNumber(c, key, "start-share");
    if (startShare != null) {
      requireFraction(startShare, key + ".start-share");
    }
    Double startTotal = optionalNumber(c, key, "start-total-usd");
    if (startTotal != null && !(startTotal > 0)) {
      throw bad(
          key + ".start-total-usd", startTotal + " must be a positive amount in USD per quarter");
    }
    Double target = optionalNumber(c, key, "target-share");
    if (target != null) {
      requireFraction(target, key + ".target-share");
    }
    Glide glide = Glide.LINEAR;
    if (c.hasPath("glide")) {
      String value = text(c, key, "glide");
      try {
        glide = Glide.valueOf(value.trim().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw bad(key + ".glide", "'" + value + "' is not one of [linear, step, exponential]");
      }
    }
    double rate = DEFAULT_GLIDE_RATE;
    if (c.hasPath("glide-rate")) {
      if (glide != Glide.EXPONENTIAL) {
        throw bad(
            key + ".glide-rate",
            "applies only to glide = exponential (this stream's glide is " + glide.value() + ")");
      }
      rate = number(c, key, "glide-rate");
      if (!(rate > 0 && rate < 1)) {
        throw bad(
            key + ".glide-rate",
            rate
                + " must be a fraction strictly between 0 and 1 (share of the remaining gap closed"
                + " per quarter)");
      }
    }
    double p0 = 0;
    double p1 = 0;
    if (stream == Stream.RESALE) {
      p0 = number(c, key, "old-resale-share");
      requireFraction(p0, key + ".old-resale-share");
      p1 = number(c, key, "new-resale-share");
      requireFraction(p1, key + ".new-resale-share");
    }
    return new StreamAssumptions(
        stream, key, growth, startShare, startTotal, target, glide, rate, p0, p1);
  }

  private static void rejectUnknown(Config c, String key, Set<String> known) {
    for (String k : c.root().keySet()) {
      if (!known.contains(k)) {
        throw bad(key + "." + k, "unknown key (known: " + new java.util.TreeSet<>(known) + ")");
      }
    }
  }

  private static void requireFraction(double value, String key) {
    if (!(value >= 0 && value <= 1)) {
      throw bad(key, value + " must be a fraction between 0 and 1");
    }
  }

  private static void requireGrowth(double value, String key) {
    if (!(value > -1) || Double.isInfinite(value)) {
      throw bad(key, value + " must be an annual growth rate greater than -1 (0.8 = +80 %/yr)");
    }
  }

  private static Config section(Config c, String key, String field) {
    return get(key + "." + field, k -> c.getConfig(field));
  }

  private static String text(Config c, String key, String field) {
    if (!c.hasPath(field)) {
      throw bad(key + "." + field, "missing (it is required)");
    }
    String value = get(key + "." + field, k -> c.getString(field));
    if (value.isBlank()) {
      throw bad(key + "." + field, "is blank");
    }
    return value;
  }

  private static int integer(Config c, String key, String field) {
    if (!c.hasPath(field)) {
      throw bad(key + "." + field, "missing (it is required)");
    }
    return get(key + "." + field, k -> c.getInt(field));
  }

  private static double number(Config c, String key, String field) {
    if (!c.hasPath(field)) {
      throw bad(key + "." + field, "missing (it is required)");
    }
    return get(key + "." + field, k -> c.getDouble(field));
  }

  private static Double optionalNumber(Config c, String key, String field) {
    return c.hasPath(field) ? number(c, key, field) : null;
  }

  private static List<Double> doubles(Config c, String key, String field) {
    return List.copyOf(get(key + "." + field, k -> c.getDoubleList(field)));
  }

  private static <T> T get(String key, Function<String, T> getter) {
    try {
      return getter.apply(key);
    } catch (ConfigException.WrongType e) {
      throw bad(key, "has the wrong type: " + e.getMessage());
    } catch (ConfigException.Missing e) {
      throw bad(key, "missing (it is required)");
    }
  }

  static InvalidConfigException bad(String key, String reason) {
    return new InvalidConfigException("Invalid config " + key + ": " + reason);
  }
}
