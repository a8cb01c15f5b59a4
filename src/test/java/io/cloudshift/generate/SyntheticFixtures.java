package io.cloudshift.generate;

import io.cloudshift.config.CloudshiftConfig;
import io.cloudshift.config.ConfigLoader;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.apache.hadoop.conf.Configuration;

/**
 * Shared helpers of the generator tests: configs, a CSV-only run, and a plain-Java RFC 4180 reader.
 */
final class SyntheticFixtures {
  static final YearMonth FIRST = YearMonth.of(2025, 11);
  static final YearMonth LAST = YearMonth.of(2026, 4);

  /** The four CSV exports of conf/cloudshift.conf, without the Parquet one. */
  private static final List<String> CSV_PROVIDERS = List.of("azure", "gcp", "oci", "coreweave");

  /** The five synthetic exports of conf/cloudshift.conf. */
  private static final List<String> ALL_PROVIDERS =
      List.of("azure", "aws", "gcp", "oci", "coreweave");

  private SyntheticFixtures() {}

  /**
   * An independent, plain-Java reading of docs/methodology.md#billing-charges-focus-2.2 over one
   * row (column → text): does it count as revenue, and for which lab and stream. Deliberately not
   * the generator's own code.
   */
  static final class ReferenceAttribution {
    private final CloudshiftConfig config;

    ReferenceAttribution(CloudshiftConfig config) {
      this.config = config;
    }

    /**
     * Null when the row is not revenue (unparseable, Tax, marketplace); else "lab|stream" or
     * "|unattributed".
     */
    String classify(String provider, Map<String, String> row) {
      if (!parses(row)) {
        return null;
      }
      if ("Tax".equals(row.get("ChargeCategory"))) {
        return null;
      }
      String seller =
          row.containsKey("ServiceProviderName")
              ? row.get("ServiceProviderName")
              : row.get("PublisherName");
      if (!config.provider(provider).firstPartyNames().contains(seller)) {
        return null;
      }
      for (var rule : config.attribution().computeAccounts()) {
        if (rule.provider().equals(provider)
            && rule.billingAccountId().equals(row.get("BillingAccountId"))) {
          return rule.lab() + "|compute";
        }
      }
      for (var rule : config.attribution().resaleRules()) {
        boolean service =
            rule.provider().equals(provider)
                && rule.serviceName().equalsIgnoreCase(String.valueOf(row.get("ServiceName")));
        boolean sku =
            rule.skuPattern()
                .map(
                    p -> {
                      java.util.regex.Pattern pattern = java.util.regex.Pattern.compile(p);
                      return Stream.of("SkuId", "SkuMeter", "ChargeDescription")
                          .map(row::get)
                          .anyMatch(v -> v != null && pattern.matcher(v).find());
                    })
                .orElse(true);
        if (service && sku) {
          return rule.lab() + "|resale";
        }
      }
      return "|unattributed";
    }

    /**
     * The checks an ingester makes before a row can be revenue: plain decimals, ISO timestamps, ISO
     * currency.
     */
    boolean parses(Map<String, String> row) {
      return isDecimal(row.get("BilledCost"))
          && isDecimal(row.get("EffectiveCost"))
          && isTimestamp(row.get("ChargePeriodStart"))
          && isTimestamp(row.get("BillingPeriodStart"))
          && config.focusRules().currencies().contains(row.get("BillingCurrency"));
    }

    private static boolean isDecimal(String value) {
      return value != null && value.matches("-?[0-9]+(\\.[0-9]+)?");
    }

    private static boolean isTimestamp(String value) {
      return value != null
          && value.matches("[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z");
    }
  }

  static Path projectDir() {
    return Path.of(System.getProperty("cloudshift.project.dir", "."));
  }

  static CloudshiftConfig projectConfig() {
    return ConfigLoader.load(List.of(projectDir().resolve("conf/cloudshift.conf")), Map.of());
  }

  static CloudshiftConfig csvOnlyConfig() {
    return withExports(CSV_PROVIDERS, "csv");
  }

  /** conf/cloudshift.conf with its five synthetic exports all in one format (csv or parquet). */
  static CloudshiftConfig allExportsAs(String format) {
    return withExports(ALL_PROVIDERS, format);
  }

  /**
   * conf/cloudshift.conf with only the exports &lt;provider&gt;-focus of these providers, in one
   * format.
   */
  private static CloudshiftConfig withExports(List<String> providers, String format) {
    String exports =
        providers.stream()
            .map(
                p ->
                    "{id = "
                        + p
                        + "-focus, provider = "
                        + p
                        + ", format = "
                        + format
                        + ", path = \"unused/"
                        + p
                        + "-focus\"}")
            .collect(java.util.stream.Collectors.joining(",", "[", "]"));
    return ConfigLoader.load(
        List.of(projectDir().resolve("conf/cloudshift.conf")), Map.of("exports", exports));
  }

  static GeneratorOptions options(long seed, int rows, Path root) {
    return new GeneratorOptions(seed, rows, FIRST, LAST, root.toString());
  }

  /** Generates the four CSV exports, two files at a time. */
  static GenerateResult generateCsv(GeneratorOptions options) {
    return generate(csvOnlyConfig(), options, 2);
  }

  /** Generates the exports of a configuration on the local file system (no Spark is involved). */
  static GenerateResult generate(CloudshiftConfig config, GeneratorOptions options, int threads) {
    return new SyntheticDatasetWriter(
            config, options, new OutputFiles(new Configuration()), threads)
        .write(new org.apache.hadoop.fs.Path(options.outputRoot()));
  }

  /** Every regular file under the root, by path relative to it, sorted. */
  static Map<String, byte[]> files(Path root) {
    Map<String, byte[]> result = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path path : walk.filter(Files::isRegularFile).toList()) {
        result.put(root.relativize(path).toString(), Files.readAllBytes(path));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return result;
  }

  static String text(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A CSV (gzipped if the name ends in .gz) as rows of column → value; empty cells become null. */
  static List<Map<String, String>> readCsv(Path file) {
    try (BufferedReader reader =
        new BufferedReader(
            new InputStreamReader(
                file.toString().endsWith(".gz")
                    ? new GZIPInputStream(Files.newInputStream(file))
                    : Files.newInputStream(file),
                StandardCharsets.UTF_8))) {
      List<List<String>> records = parse(reader);
      List<String> header = records.get(0);
      List<Map<String, String>> rows = new ArrayList<>();
      for (List<String> record : records.subList(1, records.size())) {
        if (record.size() != header.size()) {
          throw new IllegalStateException(
              file + ": a record has " + record.size() + " fields, the header " + header.size());
        }
        Map<String, String> row = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
          row.put(header.get(i), record.get(i).isEmpty() ? null : record.get(i));
        }
        rows.add(row);
      }
      return rows;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<String> header(Path file) {
    try (BufferedReader reader =
        new BufferedReader(
            new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(file)), StandardCharsets.UTF_8))) {
      return parse(new BufferedReader(new java.io.StringReader(reader.readLine() + "\n"))).get(0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * RFC 4180: fields separated by commas, optionally quoted, "" inside quotes is one quote; LF ends
   * a record.
   */
  private static List<List<String>> parse(BufferedReader reader) throws IOException {
    List<List<String>> records = new ArrayList<>();
    List<String> record = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    int c;
    while ((c = reader.read()) != -1) {
      char ch = (char) c;
      if (quoted) {
        if (ch == '"') {
          reader.mark(1);
          int next = reader.read();
          if (next == '"') {
            field.append('"');
          } else {
            quoted = false;
            if (next != -1) {
              reader.reset();
            }
          }
        } else {
          field.append(ch);
        }
      } else if (ch == '"') {
        quoted = true;
      } else if (ch == ',') {
        record.add(field.toString());
        field.setLength(0);
      } else if (ch == '\n') {
        record.add(field.toString());
        field.setLength(0);
        records.add(record);
        record = new ArrayList<>();
      } else {
        field.append(ch);
      }
    }
    if (!record.isEmpty() || field.length() > 0) {
      record.add(field.toString());
      records.add(record);
    }
    return records;
  }
}
