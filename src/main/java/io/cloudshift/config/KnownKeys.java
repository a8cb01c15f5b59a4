package io.cloudshift.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigList;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Refuses a configuration that names a key cloudshift does not read: a misspelled {@code
 * quality.max-reject-raito} would otherwise be ignored and the default silently used. The known
 * keys are the built-in defaults' own, the fields of the list entries (exports, attribution rules)
 * and of the open sections (providers, the headline); {@code spark.conf} and an export's {@code
 * provider-values} are free-form, and the scenarios check their own keys (ScenarioConfig).
 */
final class KnownKeys {
  private static final String ROOT = "cloudshift";
  private static final Set<String> NOT_CHECKED_HERE =
      Set.of(
          "cloudshift.spark.conf", "cloudshift.exports[].provider-values", "cloudshift.scenarios");

  /** Fields of list entries and of sections whose keys are the user's own (provider ids). */
  private static final Map<String, Set<String>> FIELDS =
      Map.of(
          "cloudshift.providers.*", Set.of("name", "fiscal-year-start-month", "first-party-names"),
          "cloudshift.exports[]",
              Set.of(
                  "id",
                  "path",
                  "format",
                  "provider",
                  "provider-column",
                  "provider-values",
                  "delivery",
                  "encoding"),
          "cloudshift.attribution.compute-accounts[]",
              Set.of(
                  "provider",
                  "billing-account-id",
                  "sub-account-id",
                  "lab",
                  "valid-from",
                  "valid-to"),
          "cloudshift.attribution.resale-rules[]",
              Set.of("provider", "service-name", "sku-pattern", "lab", "valid-from", "valid-to"),
          "cloudshift.summary.headline", Set.of("lab", "provider", "effective-from"));

  /**
   * Keys a reader may look for that cloudshift refuses on purpose: a credential for the lineage
   * endpoint would sit in a config file, so there is no key for it.
   */
  private static final java.util.regex.Pattern LINEAGE_CREDENTIAL =
      java.util.regex.Pattern.compile("(?i)cloudshift\\.lineage\\..*(key|token|auth|password).*");

  private final Set<String> known = new TreeSet<>();

  KnownKeys(Config defaults) {
    collect(ROOT, defaults.getObject(ROOT));
    FIELDS.forEach((section, fields) -> fields.forEach(f -> known.add(section + "." + f)));
  }

  /** Fails with one line naming the first unknown key and the nearest known one. */
  void check(Config effective) {
    List<String> unknown = new ArrayList<>();
    walk(ROOT, ROOT, effective.getObject(ROOT), unknown);
    if (!unknown.isEmpty()) {
      String key = unknown.get(0);
      if (LINEAGE_CREDENTIAL.matcher(key).matches()) {
        throw new InvalidConfigException(
            "Unknown config key "
                + key
                + " (the lineage endpoint's API key is never configured: cloudshift reads it from"
                + " the environment variable OPENLINEAGE_API_KEY)");
      }
      throw new InvalidConfigException(
          "Unknown config key "
              + key
              + " (did you mean "
              + nearest(key)
              + "? "
              + "cloudshift reads only the keys documented in cloudshift-defaults.conf)");
    }
  }

  /** The shape of a key: list positions become [] and provider ids *. */
  private void walk(String path, String shape, ConfigValue value, List<String> unknown) {
    if (NOT_CHECKED_HERE.contains(shape)) {
      return;
    }
    if (value instanceof ConfigObject object) {
      for (Map.Entry<String, ConfigValue> e : object.entrySet()) {
        String childShape =
            shape.equals("cloudshift.providers")
                ? "cloudshift.providers.*"
                : shape + "." + e.getKey();
        String childPath = path + "." + quoted(e.getKey());
        if (!isKnown(childShape)) {
          unknown.add(childPath);
        } else {
          walk(childPath, childShape, e.getValue(), unknown);
        }
      }
    } else if (value instanceof ConfigList list
        && !list.isEmpty()
        && list.get(0).valueType() == ConfigValueType.OBJECT) {
      for (int i = 0; i < list.size(); i++) {
        walk(path + "[" + i + "]", shape + "[]", list.get(i), unknown);
      }
    }
  }

  private boolean isKnown(String shape) {
    if (known.contains(shape)) {
      return true;
    }
    // A section of the defaults (an object) or a list of objects: its fields are checked one level
    // down.
    return known.stream().anyMatch(k -> k.startsWith(shape + ".") || k.startsWith(shape + "[]."));
  }

  private void collect(String path, ConfigObject object) {
    for (Map.Entry<String, ConfigValue> e : object.entrySet()) {
      String child = path + "." + e.getKey();
      known.add(child);
      if (e.getValue() instanceof ConfigObject nested && !NOT_CHECKED_HERE.contains(child)) {
        collect(child, nested);
      }
    }
  }

  private String nearest(String key) {
    String shape = key.replaceAll("\\[\\d+]", "[]");
    return known.stream()
        .min(Comparator.comparingInt((String k) -> distance(k, shape)))
        .map(k -> k.replace("cloudshift.providers.*", "cloudshift.providers.<id>"))
        .orElse("?");
  }

  private static String quoted(String key) {
    return key.contains(".") ? "\"" + key + "\"" : key;
  }

  /** Levenshtein distance: the number of single-character edits between two keys. */
  static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitute = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitute, Math.min(previous[j] + 1, current[j - 1] + 1));
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
