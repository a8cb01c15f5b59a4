package io.cloudshift.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigValue;
import java.util.Collection;
import java.util.Comparator;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Which configuration values must never be shown, and the one way they are masked: in the logged
 * configuration, in its hash, and in every error message about a config value (a value that fails
 * to parse is as secret as one that parses).
 */
final class Secrets {
  static final String MASK = "********";

  private static final Pattern SECRET_KEY =
      Pattern.compile(
          "(?i).*(secret|password|token|credential|access\\.key|secret\\.key|session).*");
  private static final String SPARK_CONF_PREFIX = "cloudshift.spark.conf.";

  /**
   * The {@code spark.conf} keys whose values are safe to show. Every other value of that section is
   * masked: it also reaches Hadoop, and a list of words that look secret always misses one (an
   * Azure account key, an S3 encryption key, a password inside extraJavaOptions).
   */
  private static final Pattern HARMLESS_SPARK_KEY =
      Pattern.compile(
          String.join(
              "|",
              "spark\\.(sql|eventLog|ui|shuffle|memory|dynamicAllocation|databricks\\.delta|"
                  + "delta)\\..+",
              "spark\\.(master|app\\.name|default\\.parallelism|speculation|serializer|"
                  + "local\\.dir)",
              "spark\\.(driver|executor)\\.(memory|cores|instances|memoryOverhead|maxResultSize)",
              "spark\\.hadoop\\.fs\\.s3a\\.(endpoint|endpoint\\.region|path\\.style\\.access|"
                  + "connection\\.ssl\\.enabled|impl"
                  + "|aws\\.credentials\\.provider|committer\\.[a-z.]+|fast\\.upload[a-z.]*|"
                  + "multipart\\.[a-z.]+)"));

  private Secrets() {}

  /**
   * A full key ({@code cloudshift.…}) whose value is masked: one that looks secret, or a spark.conf
   * key not known to be harmless.
   */
  static boolean isSecret(String key) {
    if (SECRET_KEY.matcher(key).matches()) {
      return true;
    }
    if (!key.startsWith(SPARK_CONF_PREFIX)) {
      return false;
    }
    String sparkKey = key.substring(SPARK_CONF_PREFIX.length()).replace("\"", "");
    return !HARMLESS_SPARK_KEY.matcher(sparkKey).matches();
  }

  /** The values of the secret keys of a resolved configuration, as text. */
  static Set<String> valuesIn(Config resolved) {
    Set<String> values = new TreeSet<>();
    if (resolved.hasPath("cloudshift")) {
      for (Map.Entry<String, ConfigValue> entry : resolved.getConfig("cloudshift").entrySet()) {
        if (isSecret("cloudshift." + entry.getKey())) {
          values.add(String.valueOf(entry.getValue().unwrapped()));
        }
      }
    }
    return values;
  }

  /**
   * {@code text} with every occurrence of a secret value masked, longest first so no part of one
   * survives.
   */
  static String scrub(String text, Collection<String> secretValues) {
    String scrubbed = text;
    for (String value :
        secretValues.stream()
            .filter(v -> !v.isBlank())
            .sorted(Comparator.comparingInt(String::length).reversed())
            .toList()) {
      scrubbed = scrubbed.replace(value, MASK);
    }
    return scrubbed;
  }
}
