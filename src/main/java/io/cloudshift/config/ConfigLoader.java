package io.cloudshift.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigValueFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Layers the configuration: built-in defaults &lt; conf files (in the order given) &lt; key=value
 * overrides. Substitutions such as {@code ${cloudshift.inputs.root}} resolve after all layers, so
 * an override of the root moves every path built from it.
 */
public final class ConfigLoader {
  static final String DEFAULTS_RESOURCE = "cloudshift-defaults.conf";
  private static final String ROOT = "cloudshift.";

  private ConfigLoader() {}

  /**
   * The effective configuration. A mistake fails with one line naming the key; no message shows the
   * value of a secret key, whether it came from a file or a flag and whether or not it parsed.
   */
  public static CloudshiftConfig load(List<Path> confFiles, Map<String, String> overrides) {
    Set<String> secretValues = new HashSet<>();
    overrides.forEach(
        (key, value) -> {
          if (Secrets.isSecret(qualified(key))) {
            secretValues.add(value);
          }
        });
    try {
      return load(confFiles, overrides, secretValues);
    } catch (InvalidConfigException e) {
      throw new InvalidConfigException(Secrets.scrub(e.getMessage(), secretValues));
    }
  }

  private static CloudshiftConfig load(
      List<Path> confFiles, Map<String, String> overrides, Set<String> secretValues) {
    Config defaults = ConfigFactory.parseResources(ConfigLoader.class, "/" + DEFAULTS_RESOURCE);
    Config layered = defaults;
    for (Path file : confFiles) {
      if (!Files.isRegularFile(file)) {
        throw new InvalidConfigException(
            "Cannot read config file " + file + ": no such file (pass an existing --config path)");
      }
      try {
        layered =
            ConfigFactory.parseFile(
                    file.toFile(), ConfigParseOptions.defaults().setAllowMissing(false))
                .withFallback(layered);
      } catch (ConfigException e) {
        throw new InvalidConfigException(
            "Cannot parse config file " + file + ": " + e.getMessage());
      }
    }
    for (Map.Entry<String, String> override : overrides.entrySet()) {
      String key = qualified(override.getKey());
      layered = layered.withValue(key, parseOverrideValue(key, override.getValue()));
    }
    Config resolved;
    try {
      resolved = layered.resolve();
    } catch (ConfigException e) {
      throw new InvalidConfigException("Cannot resolve configuration: " + e.getMessage());
    }
    secretValues.addAll(Secrets.valuesIn(resolved));
    new KnownKeys(defaults.resolve()).check(resolved);
    try {
      return new CloudshiftConfig(resolved);
    } catch (ConfigException e) {
      throw new InvalidConfigException("Invalid configuration: " + e.getMessage());
    }
  }

  private static String qualified(String key) {
    return key.startsWith(ROOT) ? key : ROOT + key;
  }

  /**
   * Lists, objects, numbers, booleans and null (which unsets an optional key, e.g. {@code
   * summary.headline=null}) are parsed as HOCON ({@code [3,6]}, {@code 0.1}); anything else is
   * taken as literal text, so {@code s3a://bucket/x} is not cut at HOCON's {@code //} comment.
   */
  private static com.typesafe.config.ConfigValue parseOverrideValue(String key, String raw) {
    String trimmed = raw.trim();
    boolean structured =
        trimmed.startsWith("[")
            || trimmed.startsWith("{")
            || trimmed.matches("-?[0-9]+(\\.[0-9]+)?")
            || trimmed.equals("true")
            || trimmed.equals("false");
    if (trimmed.equals("null")) {
      return ConfigValueFactory.fromAnyRef(null, "--set " + key);
    }
    if (structured) {
      try {
        return ConfigFactory.parseString("v = " + trimmed).getValue("v");
      } catch (ConfigException e) {
        // The parser's message quotes the text it choked on: for a secret key, that is the secret.
        String shown =
            Secrets.isSecret(key)
                ? Secrets.MASK + ": not a valid list, object or number"
                : raw + ": " + e.getMessage();
        throw new InvalidConfigException(
            "Cannot parse --set " + key + "=" + shown + " (quote it as text or fix the syntax)");
      }
    }
    return ConfigValueFactory.fromAnyRef(raw, "--set " + key);
  }
}
