package io.cloudshift.ingest.reference;

import io.cloudshift.currency.ReferenceRates;
import io.cloudshift.schema.ReasonCode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * The ECB's euro reference rates file (docs/ingest.md#reference-rates): {@code eurofxref-hist.zip}
 * as the ECB publishes it, or the CSV inside it. A header {@code Date,USD,JPY,…} and one line per
 * publication day, each cell the units of that currency per euro, {@code N/A} where the day does
 * not quote it. Small (a few MB for all days since 1999), so it is read on the driver, from any
 * Hadoop file system.
 *
 * <p>A line with a date that is not {@code yyyy-MM-dd}, a rate that is not a positive number, or a
 * date already seen is rejected whole, with its reason; a header that is not of this format makes
 * the file unusable.
 */
public final class EcbRatesFile {
  private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
  private static final String NOT_QUOTED = "N/A";

  private EcbRatesFile() {}

  /** A line not taken into the rates, with its 1-based line number in the CSV. */
  public record RejectedLine(long line, ReasonCode reason, String detail, String raw) {}

  /** The rates of the file, the lines rejected, and the file's data lines (header excluded). */
  public record Parsed(
      String path, ReferenceRates rates, List<RejectedLine> rejected, long lines) {}

  /** Reads and parses {@code path}; a missing or unreadable file is an input error. */
  public static Parsed read(String path, Configuration hadoopConf) {
    Path file = new Path(path);
    try {
      FileSystem fs = file.getFileSystem(hadoopConf);
      if (!fs.exists(file)) {
        throw new InvalidReferenceInputException(
            "Cannot read reference rates: "
                + path
                + " does not exist (cloudshift.inputs.fx-rates)");
      }
      try (InputStream in = fs.open(file)) {
        return parse(path, lines(path, in));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read reference rates " + path, e);
    }
  }

  private static List<String> lines(String path, InputStream in) throws IOException {
    if (!path.toLowerCase(java.util.Locale.ROOT).endsWith(".zip")) {
      return readLines(in);
    }
    ZipInputStream zip = new ZipInputStream(in, StandardCharsets.UTF_8);
    for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
      if (!entry.isDirectory()
          && entry.getName().toLowerCase(java.util.Locale.ROOT).endsWith(".csv")) {
        return readLines(zip);
      }
    }
    throw new InvalidReferenceInputException(
        "Cannot read reference rates: " + path + " holds no .csv file");
  }

  private static List<String> readLines(InputStream in) throws IOException {
    BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    List<String> lines = new ArrayList<>();
    for (String line = reader.readLine(); line != null; line = reader.readLine()) {
      lines.add(line);
    }
    return lines;
  }

  /** Parses the CSV's lines (the header first); blank lines are not data lines. */
  static Parsed parse(String path, List<String> lines) {
    if (lines.isEmpty()) {
      throw new InvalidReferenceInputException(
          "Cannot read reference rates: " + path + " is empty");
    }
    List<String> currencies = header(path, lines.get(0));
    Map<LocalDate, Map<String, BigDecimal>> byDay = new TreeMap<>();
    List<RejectedLine> rejected = new ArrayList<>();
    long dataLines = 0;
    for (int i = 1; i < lines.size(); i++) {
      String raw = lines.get(i);
      if (raw.isBlank()) {
        continue;
      }
      dataLines++;
      long lineNumber = i + 1L;
      String[] cells = raw.split(",", -1);
      LocalDate day;
      try {
        day = LocalDate.parse(cells[0].trim());
      } catch (DateTimeParseException e) {
        rejected.add(
            new RejectedLine(
                lineNumber,
                ReasonCode.BAD_DATE,
                "Date '" + cells[0].trim() + "' is not yyyy-MM-dd",
                raw));
        continue;
      }
      if (byDay.containsKey(day)) {
        rejected.add(
            new RejectedLine(
                lineNumber,
                ReasonCode.DUPLICATE_DATE,
                "Date " + day + " appears on an earlier line",
                raw));
        continue;
      }
      Map<String, BigDecimal> rates = new LinkedHashMap<>();
      String bad = null;
      for (int c = 1; c < cells.length && bad == null; c++) {
        String cell = cells[c].trim();
        if (cell.isEmpty() || cell.equals(NOT_QUOTED)) {
          continue;
        }
        if (c > currencies.size() || currencies.get(c - 1) == null) {
          bad = "a value in column " + (c + 1) + ", which has no currency in the header";
          continue;
        }
        BigDecimal rate = positiveNumber(cell);
        if (rate == null) {
          bad = currencies.get(c - 1) + " rate '" + cell + "' is not a positive number";
        } else {
          rates.put(currencies.get(c - 1), rate);
        }
      }
      if (bad != null) {
        rejected.add(new RejectedLine(lineNumber, ReasonCode.BAD_NUMBER, bad, raw));
      } else {
        byDay.put(day, rates);
      }
    }
    return new Parsed(path, ReferenceRates.of(byDay), List.copyOf(rejected), dataLines);
  }

  /** The currency of each column after Date (null for the empty column of a trailing comma). */
  private static List<String> header(String path, String line) {
    String[] cells = line.split(",", -1);
    if (!cells[0].trim().replace("\uFEFF", "").equals("Date")) {
      throw new InvalidReferenceInputException(
          "Cannot read reference rates: "
              + path
              + " does not start with the header 'Date,USD,JPY,…' of the ECB's euro reference"
              + " rates (first cell: '"
              + cells[0].trim()
              + "')");
    }
    List<String> currencies = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (int c = 1; c < cells.length; c++) {
      String code = cells[c].trim();
      if (code.isEmpty() && c == cells.length - 1) {
        currencies.add(null);
        continue;
      }
      if (!CURRENCY.matcher(code).matches() || !seen.add(code)) {
        throw new InvalidReferenceInputException(
            "Cannot read reference rates: "
                + path
                + " has header cell '"
                + code
                + "' in column "
                + (c + 1)
                + ", which is not a currency code (three capital letters) seen once");
      }
      currencies.add(code);
    }
    if (seen.isEmpty()) {
      throw new InvalidReferenceInputException(
          "Cannot read reference rates: " + path + " has no currency column");
    }
    return currencies;
  }

  private static BigDecimal positiveNumber(String cell) {
    try {
      BigDecimal value = new BigDecimal(cell);
      return value.signum() > 0 ? value : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
