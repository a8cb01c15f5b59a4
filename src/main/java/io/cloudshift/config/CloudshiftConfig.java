package io.cloudshift.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigValue;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The effective, validated configuration. Every value is read and checked when this object is
 * built, so a bad value fails before Spark starts, with one line naming the key.
 */
public final class CloudshiftConfig {
  private final Config config;
  private final String warehouse;
  private final String sparkMaster;
  private final int shufflePartitions;
  private final Map<String, String> sparkConf;
  private final Map<String, ProviderConfig> providers;
  private final List<ExportConfig> exports;
  private final FocusRules focusRules;
  private final AttributionConfig attribution;
  private final LabNames labNames;
  private final double maxRejectRatio;
  private final List<Integer> shareShiftWindows;
  private final int baselineMonths;
  private final int trendMonths;
  private final int placeboMonths;
  private final Optional<HeadlineEvent> headline;
  private final String reportingCurrency;
  private final long smallInputMaxBytes;
  private final Optional<String> catalogDatabase;
  private final java.time.Duration stopGracePeriod;
  private final Optional<java.time.LocalDate> asOf;
  private final MaintenancePolicy maintenance;
  private final LineageConfig lineage;

  CloudshiftConfig(Config config) {
    this.config = config;
    this.warehouse = warehouseRoot("cloudshift.warehouse");
    this.sparkMaster = string("cloudshift.spark.master");
    this.shufflePartitions = positiveInt("cloudshift.spark.shuffle-partitions");
    this.sparkConf = readSparkConf();
    this.providers = readProviders();
    this.exports = readExports();
    this.focusRules = readFocusRules();
    this.attribution = readAttribution();
    this.labNames =
        new LabNames(
            java.util.stream.Stream.concat(
                    attribution.computeAccounts().stream().map(ComputeAccountRule::lab),
                    attribution.resaleRules().stream().map(ResaleRule::lab))
                .toList(),
            "cloudshift.attribution");
    this.maxRejectRatio = fraction("cloudshift.quality.max-reject-ratio");
    this.shareShiftWindows = positiveInts("cloudshift.windows.share-shift-months");
    this.baselineMonths = positiveInt("cloudshift.windows.baseline-months");
    this.trendMonths = positiveInt("cloudshift.windows.trend-months");
    this.placeboMonths = positiveInt("cloudshift.windows.placebo-months");
    this.headline = readHeadline();
    this.reportingCurrency = string("cloudshift.reporting-currency");
    this.smallInputMaxBytes = read("cloudshift.ingest.small-input-max-bytes", config::getBytes);
    this.asOf = readAsOf();
    this.stopGracePeriod = read("cloudshift.stop.grace-period", config::getDuration);
    if (stopGracePeriod.isNegative() || stopGracePeriod.toSeconds() > 3600) {
      throw bad("cloudshift.stop.grace-period", stopGracePeriod + " must be between 0 s and 1 h");
    }
    this.maintenance = readMaintenance();
    this.catalogDatabase =
        bool("cloudshift.catalog.register")
            ? Optional.of(identifier("cloudshift.catalog.database"))
            : Optional.empty();
    this.lineage = readLineage();
    if (!focusRules.currencies().contains(reportingCurrency)) {
      throw bad(
          "cloudshift.reporting-currency",
          "'" + reportingCurrency + "' is not one of cloudshift.focus.currencies");
    }
  }

  public String warehouse() {
    return warehouse;
  }

  public String sparkMaster() {
    return sparkMaster;
  }

  public int shufflePartitions() {
    return shufflePartitions;
  }

  /**
   * Extra Spark / Hadoop settings (e.g. {@code spark.hadoop.fs.s3a.endpoint}); never credentials.
   */
  public Map<String, String> sparkConf() {
    return sparkConf;
  }

  public Map<String, ProviderConfig> providers() {
    return providers;
  }

  public ProviderConfig provider(String id) {
    ProviderConfig provider = providers.get(id);
    if (provider == null) {
      throw new InvalidConfigException(
          "Unknown provider '" + id + "' (known: " + providers.keySet() + ")");
    }
    return provider;
  }

  public List<ExportConfig> exports() {
    return exports;
  }

  public FocusRules focusRules() {
    return focusRules;
  }

  public AttributionConfig attribution() {
    return attribution;
  }

  /** The one spelling of each lab, by which every input's lab names are matched. */
  public LabNames labNames() {
    return labNames;
  }

  public double maxRejectRatio() {
    return maxRejectRatio;
  }

  public List<Integer> shareShiftWindows() {
    return shareShiftWindows;
  }

  public int baselineMonths() {
    return baselineMonths;
  }

  /**
   * w_t: the pre-event months the trend model fits its line through
   * (docs/methodology.md#counterfactual-models).
   */
  public int trendMonths() {
    return trendMonths;
  }

  /**
   * h: the months over which the share effect per unit of stream total of each placebo, and of the
   * event, is measured (docs/methodology.md#intervals).
   */
  public int placeboMonths() {
    return placeboMonths;
  }

  /** The terms change run-all's summary reports on, when configured. */
  public Optional<HeadlineEvent> headline() {
    return headline;
  }

  /**
   * Charge inputs up to this many bytes are small: parsed once and cached for ingest's passes, and
   * run without Spark's code generation, whose compiling costs more than such inputs' rows.
   */
  public long smallInputMaxBytes() {
    return smallInputMaxBytes;
  }

  /**
   * How long a run stopped by SIGTERM or SIGINT waits for its stage to end (its Spark jobs
   * cancelled, its job_runs row written) before it records the stop itself and exits.
   */
  public java.time.Duration stopGracePeriod() {
    return stopGracePeriod;
  }

  /**
   * The day whose terms are current ({@code partnership_terms.is_current}) when set; otherwise the
   * run uses the day it runs (UTC). Set it for a run that must give the same tables on any day.
   */
  public Optional<java.time.LocalDate> asOf() {
    return asOf;
  }

  private Optional<java.time.LocalDate> readAsOf() {
    String key = "cloudshift.as-of";
    if (!config.hasPath(key) || string(key).isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(java.time.LocalDate.parse(string(key)));
    } catch (DateTimeParseException e) {
      throw bad(
          key,
          "'"
              + string(key)
              + "' is not a date (use yyyy-MM-dd, or leave it empty for the day of the run)");
    }
  }

  /** How long the tables keep their past; every table is created with it (maintain applies it). */
  public MaintenancePolicy maintenance() {
    return maintenance;
  }

  private MaintenancePolicy readMaintenance() {
    String retentionKey = "cloudshift.maintenance.retention";
    String logKey = "cloudshift.maintenance.log-retention";
    java.time.Duration retention = read(retentionKey, config::getDuration);
    java.time.Duration logRetention = read(logKey, config::getDuration);
    if (retention.compareTo(MaintenancePolicy.RETENTION_FLOOR) < 0) {
      throw bad(
          retentionKey,
          string(retentionKey)
              + " is below the floor of "
              + MaintenancePolicy.RETENTION_FLOOR.toDays()
              + " days (docs/operations.md#table-maintenance: VACUUM would delete the files of a"
              + " run still writing)");
    }
    if (logRetention.compareTo(retention) < 0) {
      throw bad(
          logKey,
          string(logKey)
              + " is shorter than "
              + retentionKey
              + " = "
              + string(retentionKey)
              + " (time travel needs the log as long as the files)");
    }
    return new MaintenancePolicy(
        retention, logRetention, positiveInt("cloudshift.maintenance.checkpoint-interval"));
  }

  /** The database every table is registered in, when cloudshift.catalog.register is on. */
  public Optional<String> catalogDatabase() {
    return catalogDatabase;
  }

  /** Where the stages' lineage events go, if anywhere. */
  public LineageConfig lineage() {
    return lineage;
  }

  /** The currency every amount is also converted to (docs/methodology.md#currencies). */
  public String reportingCurrency() {
    return reportingCurrency;
  }

  /** A path under {@code cloudshift.inputs}, e.g. {@code partnerships}. */
  public String input(String name) {
    return string("cloudshift.inputs." + name);
  }

  /** The raw layered config, for stages that read their own section (e.g. scenarios). */
  public Config raw() {
    return config;
  }

  /** Every leaf value as {@code key = value}, sorted, secrets masked: safe to log. */
  public String render() {
    Map<String, String> sorted = new TreeMap<>();
    for (Map.Entry<String, ConfigValue> entry : config.getConfig("cloudshift").entrySet()) {
      String key = "cloudshift." + entry.getKey();
      String value = entry.getValue().render(com.typesafe.config.ConfigRenderOptions.concise());
      sorted.put(key, Secrets.isSecret(key) ? Secrets.MASK : value);
    }
    StringBuilder out = new StringBuilder();
    sorted.forEach((k, v) -> out.append(k).append(" = ").append(v).append('\n'));
    return out.toString();
  }

  /** SHA-256 of the rendered (masked) config: equal hashes mean runs used the same settings. */
  public String hash() {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(render().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  private LineageConfig readLineage() {
    String k = "cloudshift.lineage.";
    LineageConfig.Transport transport =
        parseEnum(LineageConfig.Transport.class, string(k + "transport"), k + "transport");
    String namespace = string(k + "namespace");
    if (namespace.isBlank()) {
      throw bad(
          k + "namespace", "is empty (name the namespace of cloudshift's jobs, e.g. cloudshift)");
    }
    String file = string(k + "file.location");
    if (transport == LineageConfig.Transport.FILE && file.isBlank()) {
      throw bad(
          k + "file.location", "is empty (transport file needs the file to append events to)");
    }
    Optional<java.net.URI> url = lineageUrl(k + "http.url", transport);
    String endpoint = string(k + "http.endpoint");
    if (!endpoint.startsWith("/")) {
      throw bad(k + "http.endpoint", "'" + endpoint + "' must be a path starting with /");
    }
    java.time.Duration timeout = read(k + "http.timeout", config::getDuration);
    if (timeout.isNegative() || timeout.isZero() || timeout.toSeconds() > 300) {
      throw bad(k + "http.timeout", timeout + " must be between 1 ms and 5 min");
    }
    return new LineageConfig(
        transport,
        namespace,
        file.isBlank() ? Optional.empty() : Optional.of(file),
        url,
        endpoint,
        timeout);
  }

  private Optional<java.net.URI> lineageUrl(String key, LineageConfig.Transport transport) {
    String value = string(key);
    if (value.isBlank()) {
      if (transport == LineageConfig.Transport.HTTP) {
        throw bad(key, "is empty (transport http needs the endpoint, e.g. http://marquez:5000)");
      }
      return Optional.empty();
    }
    try {
      java.net.URI url = new java.net.URI(value);
      if (!"http".equals(url.getScheme()) && !"https".equals(url.getScheme())
          || url.getHost() == null) {
        throw bad(key, "'" + value + "' is not an http:// or https:// URL");
      }
      if (url.getUserInfo() != null) {
        throw bad(
            key,
            "must not carry credentials (the API key is read from the environment variable"
                + " OPENLINEAGE_API_KEY)");
      }
      return Optional.of(url);
    } catch (java.net.URISyntaxException e) {
      throw bad(key, "'" + value + "' is not a URL: " + e.getReason());
    }
  }

  private Map<String, String> readSparkConf() {
    Map<String, String> result = new TreeMap<>();
    // Keys contain dots, so they are quoted in HOCON and read back from the object's entries.
    section("cloudshift.spark.conf")
        .root()
        .forEach((k, v) -> result.put(k, String.valueOf(v.unwrapped())));
    return Map.copyOf(result);
  }

  private Map<String, ProviderConfig> readProviders() {
    Map<String, ProviderConfig> result = new LinkedHashMap<>();
    Config section = section("cloudshift.providers");
    for (String id : section.root().keySet()) {
      String key = "cloudshift.providers." + id;
      int fiscalStart = positiveInt(key + ".fiscal-year-start-month");
      if (fiscalStart > 12) {
        throw bad(key + ".fiscal-year-start-month", fiscalStart + " is not a month (use 1-12)");
      }
      List<String> firstParty =
          config.hasPath(key + ".first-party-names")
              ? strings(key + ".first-party-names")
              : List.of();
      result.put(id, new ProviderConfig(id, string(key + ".name"), fiscalStart, firstParty));
    }
    return Map.copyOf(result);
  }

  private List<ExportConfig> readExports() {
    List<ExportConfig> result = new ArrayList<>();
    List<? extends Config> list = configList("cloudshift.exports");
    java.util.Set<String> ids = new java.util.HashSet<>();
    for (int i = 0; i < list.size(); i++) {
      Config e = list.get(i);
      String where = "cloudshift.exports[" + i + "]";
      String id = text(e, where, "id");
      if (!ids.add(id)) {
        throw bad(where + ".id", "export id '" + id + "' is used twice (ids must be unique)");
      }
      ExportConfig.Format format =
          parseEnum(ExportConfig.Format.class, text(e, where, "format"), where + ".format");
      Optional<String> provider =
          e.hasPath("provider") ? Optional.of(text(e, where, "provider")) : Optional.empty();
      Optional<String> column =
          e.hasPath("provider-column")
              ? Optional.of(text(e, where, "provider-column"))
              : Optional.empty();
      Map<String, String> values = new LinkedHashMap<>();
      if (e.hasPath("provider-values")) {
        e.getConfig("provider-values")
            .root()
            .forEach((k, v) -> values.put(k, String.valueOf(v.unwrapped())));
      }
      if (provider.isPresent() == column.isPresent()) {
        throw bad(where, "export '" + id + "' needs exactly one of provider or provider-column");
      }
      provider.ifPresent(p -> requireProvider(p, where + ".provider"));
      values.values().forEach(p -> requireProvider(p, where + ".provider-values"));
      if (column.isPresent() && values.isEmpty()) {
        throw bad(
            where + ".provider-values",
            "export '" + id + "' reads provider-column but maps no values");
      }
      ExportConfig.Delivery delivery =
          e.hasPath("delivery")
              ? parseEnum(
                  ExportConfig.Delivery.class, text(e, where, "delivery"), where + ".delivery")
              : ExportConfig.Delivery.FOLDER;
      result.add(
          new ExportConfig(
              id,
              text(e, where, "path"),
              format,
              provider,
              column,
              Map.copyOf(values),
              delivery,
              charset(
                  e.hasPath("encoding") ? text(e, where, "encoding") : "UTF-8",
                  where + ".encoding")));
    }
    requireSeparatePaths(result);
    return List.copyOf(result);
  }

  /**
   * Two exports reading the same files (the same path, or one inside the other) would ingest every
   * charge twice under two export ids: a mistake in the config, never a layout to guess about.
   */
  private static void requireSeparatePaths(List<ExportConfig> exports) {
    for (int i = 0; i < exports.size(); i++) {
      for (int j = i + 1; j < exports.size(); j++) {
        ExportConfig a = exports.get(i);
        ExportConfig b = exports.get(j);
        String pathA = comparablePath(a.path());
        String pathB = comparablePath(b.path());
        String relation =
            pathA.equals(pathB)
                ? "the same path"
                : pathB.startsWith(pathA + "/")
                    ? b.path() + " lies inside " + a.path()
                    : pathA.startsWith(pathB + "/") ? a.path() + " lies inside " + b.path() : null;
        if (relation != null) {
          throw bad(
              "cloudshift.exports",
              "exports '"
                  + a.id()
                  + "' and '"
                  + b.id()
                  + "' read the same files ("
                  + relation
                  + "); give each export a folder of its own");
        }
      }
    }
  }

  /**
   * A path as the file system sees it: a URI normalized, a local path absolute, normalized and
   * through its symlinks.
   */
  private static String comparablePath(String path) {
    String comparable;
    if (path.contains("://") || path.startsWith("file:")) {
      try {
        comparable = java.net.URI.create(path).normalize().toString();
      } catch (IllegalArgumentException e) {
        comparable = path;
      }
    } else {
      Path local = Path.of(path).toAbsolutePath().normalize();
      try {
        local = local.toRealPath();
      } catch (java.io.IOException e) {
        // Not there (yet): compared as written; ingest reports a missing export.
      }
      comparable = local.toString();
    }
    return comparable.endsWith("/") && comparable.length() > 1
        ? comparable.substring(0, comparable.length() - 1)
        : comparable;
  }

  private FocusRules readFocusRules() {
    String k = "cloudshift.focus.";
    List<String> patterns = strings(k + "gpu-sku-patterns");
    for (String p : patterns) {
      compile(p, k + "gpu-sku-patterns");
    }
    List<String> currencies = strings(k + "currencies");
    for (String c : currencies) {
      if (!c.matches("[A-Z]{3}")) {
        throw bad(k + "currencies", "'" + c + "' is not an ISO 4217 code (three capital letters)");
      }
    }
    YearMonth earliest =
        month(section("cloudshift.focus"), "cloudshift.focus", "billing-months.earliest")
            .orElseThrow(() -> bad(k + "billing-months.earliest", "missing (it is required)"));
    YearMonth latest =
        month(section("cloudshift.focus"), "cloudshift.focus", "billing-months.latest")
            .orElseThrow(() -> bad(k + "billing-months.latest", "missing (it is required)"));
    if (latest.isBefore(earliest)) {
      throw bad(k + "billing-months", "latest " + latest + " is before earliest " + earliest);
    }
    return new FocusRules(
        strings(k + "null-literals"),
        bool(k + "tax-counts-as-revenue"),
        bool(k + "marketplace-counts-as-revenue"),
        strings(k + "ai-service-categories"),
        patterns,
        currencies,
        earliest,
        latest);
  }

  private AttributionConfig readAttribution() {
    String k = "cloudshift.attribution.";
    List<ComputeAccountRule> compute = new ArrayList<>();
    List<? extends Config> accounts = configList(k + "compute-accounts");
    for (int i = 0; i < accounts.size(); i++) {
      Config r = accounts.get(i);
      String where = k + "compute-accounts[" + i + "]";
      String provider = requireProvider(text(r, where, "provider"), where + ".provider");
      compute.add(
          new ComputeAccountRule(
              "compute-" + (i + 1),
              provider,
              text(r, where, "billing-account-id"),
              optionalText(r, "sub-account-id"),
              text(r, where, "lab"),
              month(r, where, "valid-from"),
              month(r, where, "valid-to")));
    }
    List<ResaleRule> resale = new ArrayList<>();
    List<? extends Config> rules = configList(k + "resale-rules");
    for (int i = 0; i < rules.size(); i++) {
      Config r = rules.get(i);
      String where = k + "resale-rules[" + i + "]";
      Optional<String> sku = optionalText(r, "sku-pattern");
      sku.ifPresent(p -> compile(p, where + ".sku-pattern"));
      resale.add(
          new ResaleRule(
              "resale-" + (i + 1),
              requireProvider(text(r, where, "provider"), where + ".provider"),
              text(r, where, "service-name"),
              sku,
              text(r, where, "lab"),
              month(r, where, "valid-from"),
              month(r, where, "valid-to")));
    }
    return new AttributionConfig(string(k + "version"), List.copyOf(compute), List.copyOf(resale));
  }

  private Optional<HeadlineEvent> readHeadline() {
    if (!config.hasPath("cloudshift.summary.headline")) {
      return Optional.empty();
    }
    String k = "cloudshift.summary.headline.";
    String day = string(k + "effective-from");
    try {
      return Optional.of(
          new HeadlineEvent(
              requireLab(string(k + "lab"), k + "lab"),
              requireProvider(string(k + "provider"), k + "provider"),
              java.time.LocalDate.parse(day)));
    } catch (DateTimeParseException e) {
      throw bad(k + "effective-from", "'" + day + "' is not a date (use yyyy-MM-dd)");
    }
  }

  /**
   * A configured provider id, matched ignoring case (partnership records match theirs the same
   * way).
   */
  private String requireProvider(String id, String key) {
    return providers.keySet().stream()
        .filter(p -> p.equalsIgnoreCase(id.strip()))
        .findFirst()
        .orElseThrow(
            () ->
                bad(
                    key,
                    "unknown provider '"
                        + id
                        + "' (declare it under cloudshift.providers; known: "
                        + new java.util.TreeSet<>(providers.keySet())
                        + ")"));
  }

  /**
   * A lab the attribution rules name, in their spelling: a headline about a lab no rule attributes
   * a charge to would silently report nothing.
   */
  private String requireLab(String name, String key) {
    return labNames
        .canonical(name)
        .orElseThrow(
            () ->
                bad(
                    key,
                    "'"
                        + name
                        + "' is not a lab the attribution rules name (known: "
                        + labNames.labs()
                        + "; names are matched ignoring case)"));
  }

  private static void compile(String regex, String key) {
    try {
      Pattern.compile(regex);
    } catch (PatternSyntaxException e) {
      throw bad(key, "'" + regex + "' is not a valid regular expression: " + e.getDescription());
    }
  }

  private static Charset charset(String name, String key) {
    try {
      return Charset.forName(name);
    } catch (IllegalArgumentException e) {
      throw bad(
          key,
          "'"
              + name
              + "' is not a character set this JVM knows (e.g. UTF-8, ISO-8859-1, windows-1252)");
    }
  }

  private static <E extends Enum<E>> E parseEnum(Class<E> type, String value, String key) {
    try {
      return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw bad(
          key,
          "'"
              + value
              + "' is not one of "
              + java.util.Arrays.toString(type.getEnumConstants()).toLowerCase(Locale.ROOT));
    }
  }

  private static Optional<YearMonth> month(Config c, String where, String field) {
    if (!c.hasPath(field)) {
      return Optional.empty();
    }
    String value = c.getString(field);
    try {
      return Optional.of(YearMonth.parse(value));
    } catch (DateTimeParseException e) {
      throw bad(where + "." + field, "'" + value + "' is not a month (use yyyy-MM)");
    }
  }

  private static String text(Config c, String where, String field) {
    if (!c.hasPath(field)) {
      throw bad(where + "." + field, "missing (it is required)");
    }
    return c.getString(field);
  }

  private static Optional<String> optionalText(Config c, String field) {
    return c.hasPath(field) ? Optional.of(c.getString(field)) : Optional.empty();
  }

  private String string(String key) {
    return read(key, config::getString);
  }

  /** A name Spark SQL takes unquoted in every catalog: letters, digits, underscores. */
  private String identifier(String key) {
    String value = string(key);
    if (!value.matches("[A-Za-z_][A-Za-z0-9_]*")) {
      throw bad(
          key,
          "'"
              + value
              + "' is not a database name (letters, digits and _, not starting with a digit)");
    }
    return value;
  }

  private boolean bool(String key) {
    return read(key, config::getBoolean);
  }

  private List<String> strings(String key) {
    return List.copyOf(read(key, config::getStringList));
  }

  private Config section(String key) {
    return read(key, config::getConfig);
  }

  private List<? extends Config> configList(String key) {
    return read(key, config::getConfigList);
  }

  private int positiveInt(String key) {
    int value = read(key, config::getInt);
    if (value <= 0) {
      throw bad(key, value + " must be a positive whole number");
    }
    return value;
  }

  private List<Integer> positiveInts(String key) {
    List<Integer> values = read(key, config::getIntList);
    if (values.isEmpty() || values.stream().anyMatch(v -> v <= 0)) {
      throw bad(key, values + " must be a non-empty list of positive whole numbers");
    }
    return List.copyOf(values);
  }

  private double fraction(String key) {
    double value = read(key, config::getDouble);
    if (value < 0 || value > 1) {
      throw bad(key, value + " must be a fraction between 0 and 1");
    }
    return value;
  }

  private <T> T read(String key, Function<String, T> getter) {
    try {
      return getter.apply(key);
    } catch (ConfigException.Missing e) {
      throw bad(key, "missing (set it in conf/ or with --set " + key + "=...)");
    } catch (ConfigException.WrongType e) {
      throw bad(key, "has the wrong type: " + e.getMessage());
    }
  }

  /**
   * The warehouse: a folder every table is written under, so never empty (a table path would become
   * {@code /<table>}) and never the root of a file system (the tables would sit beside everything
   * else on it).
   */
  private String warehouseRoot(String key) {
    String value = string(key);
    if (value.isBlank()) {
      throw bad(
          key,
          "is empty (give the folder the tables go in, e.g. warehouse or s3a://bucket/warehouse)");
    }
    if (isFileSystemRoot(value)) {
      throw bad(
          key,
          "'"
              + value
              + "' is the root of its file system (give a folder under it, e.g. /data/cloudshift or"
              + " s3a://bucket/warehouse)");
    }
    return localFolderOrUri(key);
  }

  private static boolean isFileSystemRoot(String value) {
    if (value.contains("://") || value.startsWith("file:")) {
      try {
        String path = java.net.URI.create(value).getPath();
        return path == null || path.matches("/*");
      } catch (IllegalArgumentException e) {
        throw bad("cloudshift.warehouse", "'" + value + "' is not a valid URI: " + e.getMessage());
      }
    }
    return Path.of(value).toAbsolutePath().normalize().getParent() == null;
  }

  /**
   * A path that must be a folder the run can write: a local one that is a regular file, lies under
   * one, or is (or would be created in) a folder that is not writable is a mistake in the config,
   * found before Spark starts (Delta would fail on it with a stack trace). URIs are checked by the
   * file system they name, when the job uses them.
   */
  private String localFolderOrUri(String key) {
    String value = string(key);
    if (value.contains("://") || value.startsWith("file:")) {
      return value;
    }
    Path path = Path.of(value).toAbsolutePath();
    Path existing = path;
    while (existing != null && !Files.exists(existing)) {
      existing = existing.getParent();
    }
    if (existing != null && !Files.isDirectory(existing)) {
      throw bad(
          key,
          existing.equals(path)
              ? value + " is a file, not a folder"
              : value + " cannot be created: " + existing + " is a file");
    }
    if (existing != null && !Files.isWritable(existing)) {
      throw bad(
          key,
          value + " is not writable" + (existing.equals(path) ? "" : ": " + existing + " is not"));
    }
    return value;
  }

  private static InvalidConfigException bad(String key, String reason) {
    return new InvalidConfigException("Invalid config " + key + ": " + reason);
  }
}
