package io.cloudshift.config;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The one spelling of each lab: the one its attribution rules use. Every other input (partnership
 * records, lab revenue, the headline, scenarios) names a lab by any spelling that differs only in
 * case or in spaces, and is stored in this one, so a record of {@code openai} joins the charges of
 * {@code OpenAI} instead of silently matching nothing.
 */
public final class LabNames {
  private final Map<String, String> spellingOf;

  /**
   * @param attributed the lab of every attribution rule, in order; two spellings of one lab are a
   *     config error
   */
  LabNames(Collection<String> attributed, String key) {
    Map<String, String> spellings = new LinkedHashMap<>();
    for (String lab : attributed) {
      String earlier = spellings.putIfAbsent(matchKey(lab), lab);
      if (earlier != null && !earlier.equals(lab)) {
        throw new InvalidConfigException(
            "Invalid config "
                + key
                + ": the lab '"
                + earlier
                + "' is also spelled '"
                + lab
                + "' (labs are matched ignoring case and spaces; use one spelling)");
      }
    }
    this.spellingOf = Map.copyOf(spellings);
  }

  /** How names are compared: trimmed, runs of spaces as one, in lower case. */
  public static String matchKey(String name) {
    return name.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
  }

  /** The attribution spelling of {@code name}, when an attribution rule names that lab. */
  public Optional<String> canonical(String name) {
    return Optional.ofNullable(spellingOf.get(matchKey(name)));
  }

  /** Match key → attribution spelling, for matching in Spark. */
  public Map<String, String> byMatchKey() {
    return spellingOf;
  }

  /** The labs the attribution rules name, sorted. */
  public List<String> labs() {
    return List.copyOf(new TreeSet<>(spellingOf.values()));
  }
}
