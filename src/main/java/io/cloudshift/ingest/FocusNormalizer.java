package io.cloudshift.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.hex;
import static org.apache.spark.sql.functions.is_valid_utf8;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.regexp_replace;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.to_json;
import static org.apache.spark.sql.functions.when;

import io.cloudshift.config.ExportConfig;
import io.cloudshift.io.FocusReader;
import io.cloudshift.schema.ChargeColumns;
import io.cloudshift.schema.Columns;
import io.cloudshift.schema.FocusColumns;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;

/**
 * Brings one file group (files sharing a header) to the columns every group has, so the groups of
 * all exports are unioned and parsed, checked and attributed once ({@link ChargeParser}) rather
 * than once per group: renamed columns of older versions are aliased, a header spelled in another
 * case is matched case-insensitively, and what differs between groups becomes a column (export,
 * provider, FOCUS version, missing mandatory columns). Money and date-time cells are typed here,
 * because reading them depends on the file's type (a Parquet decimal, or CSV text); their text is
 * kept beside them for the checks. The row as read is kept as JSON for the quarantine.
 */
public final class FocusNormalizer {
  /** The row as read, JSON keyed by the file's own column names. */
  public static final String RAW = "_raw";

  static final String PROVIDER_VALUE = "_provider_value";
  static final String MISSING_COLUMNS = "_missing_columns";
  static final String DUPLICATE_COLUMNS = "_duplicate_columns";

  /**
   * The first kept column whose text holds U+FFFD: bytes the export's encoding could not decode.
   */
  static final String UNDECODABLE_COLUMN = "_undecodable_column";

  private static final String REPLACEMENT_CHARACTER = "\uFFFD";
  private static final String AS_READ_PREFIX = "_as_read_";

  /**
   * Text columns every group carries (canonical FOCUS names), untrimmed; the parser cleans them
   * once.
   */
  static final List<String> TEXT = textColumns();

  private final List<String> nullLiterals;

  public FocusNormalizer(List<String> nullLiterals) {
    this.nullLiterals = List.copyOf(nullLiterals);
  }

  /** The text of a money or date-time cell as read (null when blank), for checks and messages. */
  static String asRead(String focusColumn) {
    return AS_READ_PREFIX + focusColumn;
  }

  /**
   * One file group in the shared columns; {@code missing} lists the mandatory columns its header
   * lacks.
   */
  public Dataset<Row> normalize(
      Dataset<Row> fileRows,
      List<String> fileColumns,
      ExportConfig export,
      String version,
      List<String> missing) {
    Map<String, String> sourceOf = resolve(fileColumns);
    Dataset<Row> raw =
        export.format() == ExportConfig.Format.PARQUET ? utf8Text(fileRows, sourceOf) : fileRows;
    Map<String, DataType> types = new LinkedHashMap<>();
    for (var field : raw.schema().fields()) {
      types.put(field.name(), field.dataType());
    }
    List<Column> out = new ArrayList<>();
    out.add(lit(export.id()).as(Columns.EXPORT_ID));
    out.add(lit(version).as(ChargeColumns.FOCUS_VERSION));
    out.add(
        lit(missing.isEmpty() ? null : missing.toString())
            .cast(DataTypes.StringType)
            .as(MISSING_COLUMNS));
    List<String> duplicates = duplicates(fileColumns);
    out.add(
        lit(duplicates.isEmpty() ? null : duplicates.toString())
            .cast(DataTypes.StringType)
            .as(DUPLICATE_COLUMNS));
    out.add(undecodable(export, sourceOf, types).as(UNDECODABLE_COLUMN));
    Column providerValue =
        export
            .providerColumn()
            .map(
                c ->
                    sourceOf.containsKey(c.toLowerCase(Locale.ROOT))
                        ? FocusValues.text(
                            col(quote(sourceOf.get(c.toLowerCase(Locale.ROOT)))), nullLiterals)
                        : lit(null).cast(DataTypes.StringType))
            .orElse(lit(export.provider().orElse(null)));
    out.add(providerValue.as(PROVIDER_VALUE));
    out.add(provider(export, providerValue).as(Columns.PROVIDER));
    for (String canonical : TEXT) {
      String source = sourceOf.get(canonical.toLowerCase(Locale.ROOT));
      out.add(
          (source == null ? lit(null) : col(quote(source)))
              .cast(DataTypes.StringType)
              .as(canonical));
    }
    for (String canonical : FocusColumns.MONEY) {
      String source = sourceOf.get(canonical.toLowerCase(Locale.ROOT));
      Column value =
          source == null
              ? lit(null).cast(FocusValues.MONEY)
              : FocusValues.money(quote(source), types.get(source), nullLiterals);
      out.add(value.as(canonical));
      out.add(asReadText(source, types, value).as(asRead(canonical)));
    }
    for (String canonical : FocusColumns.TIMESTAMPS) {
      String source = sourceOf.get(canonical.toLowerCase(Locale.ROOT));
      Column value =
          source == null
              ? lit(null).cast(DataTypes.TimestampType)
              : FocusValues.timestamp(quote(source), types.get(source), nullLiterals);
      out.add(value.as(canonical));
      out.add(asReadText(source, types, value).as(asRead(canonical)));
    }
    out.add(col(FocusReader.SOURCE_FILE));
    out.add(
        types.containsKey(FocusReader.CORRUPT_RECORD)
            ? col(FocusReader.CORRUPT_RECORD)
            : lit(null).cast(DataTypes.StringType).as(FocusReader.CORRUPT_RECORD));
    List<Column> rawFields = new ArrayList<>();
    for (String c : fileColumns) {
      if (types.containsKey(c)) {
        rawFields.add(col(quote(c)));
      }
    }
    out.add(to_json(struct(rawFields.toArray(Column[]::new))).as(RAW));
    return raw.select(out.toArray(Column[]::new));
  }

  /**
   * Parquet text as valid UTF-8. Parquet strings are bytes that no reader decodes, and a binary
   * column (BYTE_ARRAY without the string annotation) may hold anything: a value that is not valid
   * UTF-8 would reach silver, the quarantine's reason_detail and raw, and break every reader that
   * decodes text (delta-rs, pandas). Such a value becomes {@code \xNN} escapes of its bytes, and
   * the first kept column holding one is named in {@link #UNDECODABLE_COLUMN}, so the row is
   * quarantined as for CSV bytes the export's encoding cannot decode. Binary columns become text.
   */
  private static Dataset<Row> utf8Text(Dataset<Row> raw, Map<String, String> sourceOf) {
    Map<String, Column> text = new LinkedHashMap<>();
    Map<String, Column> invalid = new LinkedHashMap<>();
    for (var field : raw.schema().fields()) {
      if (field.name().equals(FocusReader.SOURCE_FILE)
          || !(field.dataType().equals(DataTypes.StringType)
              || field.dataType().equals(DataTypes.BinaryType))) {
        continue;
      }
      Column bytes = col(quote(field.name())).cast(DataTypes.StringType);
      Column valid = is_valid_utf8(bytes);
      text.put(
          field.name(),
          when(valid.or(bytes.isNull()), bytes)
              .otherwise(
                  regexp_replace(
                      hex(col(quote(field.name())).cast(DataTypes.BinaryType)),
                      lit("(..)"),
                      lit("\\\\x$1"))));
      invalid.put(field.name(), not(valid));
    }
    Column first = null;
    for (String canonical : FocusColumns.KEPT) {
      String source = sourceOf.get(canonical.toLowerCase(Locale.ROOT));
      if (source != null && invalid.containsKey(source)) {
        first =
            first == null
                ? when(invalid.get(source), lit(source))
                : first.when(invalid.get(source), lit(source));
      }
    }
    return raw.withColumn(
            UNDECODABLE_COLUMN, first == null ? lit(null).cast(DataTypes.StringType) : first)
        .withColumns(text);
  }

  /**
   * CSV text is decoded with the export's encoding; bytes that are not valid in it come out as
   * U+FFFD. A row holding one in a kept column is quarantined rather than stored altered (two ids
   * differing only in an accented letter would otherwise merge). Parquet text was checked by {@link
   * #utf8Text}.
   */
  private static Column undecodable(
      ExportConfig export, Map<String, String> sourceOf, Map<String, DataType> types) {
    if (export.format() != ExportConfig.Format.CSV) {
      return col(UNDECODABLE_COLUMN);
    }
    Column first = null;
    for (String canonical : FocusColumns.KEPT) {
      String source = sourceOf.get(canonical.toLowerCase(Locale.ROOT));
      if (source != null && DataTypes.StringType.equals(types.get(source))) {
        Column hit = col(quote(source)).contains(REPLACEMENT_CHARACTER);
        first = first == null ? when(hit, lit(source)) : first.when(hit, lit(source));
      }
    }
    return first == null ? lit(null).cast(DataTypes.StringType) : first;
  }

  /** FOCUS columns the header names more than once, in any case: which one to read is ambiguous. */
  static List<String> duplicates(List<String> fileColumns) {
    Map<String, Integer> seen = new LinkedHashMap<>();
    for (String c : fileColumns) {
      seen.merge(c.toLowerCase(Locale.ROOT), 1, Integer::sum);
    }
    List<String> duplicates = new ArrayList<>();
    for (String canonical : FocusColumns.KEPT) {
      if (seen.getOrDefault(canonical.toLowerCase(Locale.ROOT), 0) > 1) {
        duplicates.add(canonical);
      }
    }
    return duplicates;
  }

  /**
   * A typed cell's text is needed only when it is null (NULL_REQUIRED) or could not be read (its
   * message quotes it): for a value read fine it is an empty placeholder, so millions of Parquet
   * decimals and timestamps are not formatted as text for nothing.
   */
  private Column asReadText(String source, Map<String, DataType> types, Column value) {
    if (source == null) {
      return lit(null).cast(DataTypes.StringType);
    }
    Column text = FocusValues.text(col(quote(source)), nullLiterals);
    return DataTypes.StringType.equals(types.get(source))
        ? text
        : when(value.isNotNull(), lit("")).otherwise(text);
  }

  /**
   * The export's fixed provider, or a multi-provider file's provider column mapped to configured
   * ids (null: unknown).
   */
  private static Column provider(ExportConfig export, Column providerValue) {
    if (export.provider().isPresent()) {
      return lit(export.provider().get());
    }
    Column provider = null;
    for (Map.Entry<String, String> e : export.providerValues().entrySet()) {
      Column match = providerValue.equalTo(e.getKey());
      provider =
          provider == null
              ? when(match, lit(e.getValue()))
              : provider.when(match, lit(e.getValue()));
    }
    return provider == null ? lit(null).cast(DataTypes.StringType) : provider;
  }

  /** Mandatory FOCUS columns the file lacks under any accepted spelling. */
  public static List<String> missingMandatory(List<String> fileColumns) {
    Map<String, String> sourceOf = resolve(fileColumns);
    return FocusColumns.MANDATORY.stream()
        .filter(m -> !sourceOf.containsKey(m.toLowerCase(Locale.ROOT)))
        .toList();
  }

  /**
   * Lower-cased canonical name → the file's column. Precedence, lowest first: a name in another
   * case (the spec's own examples spell {@code SkuPriceid}), a renamed alias of an older version,
   * the exact canonical spelling.
   */
  static Map<String, String> resolve(List<String> fileColumns) {
    Map<String, String> result = new LinkedHashMap<>();
    for (String c : fileColumns) {
      result.putIfAbsent(c.toLowerCase(Locale.ROOT), c);
    }
    for (String c : fileColumns) {
      String target = FocusColumns.RENAMES.get(c);
      if (target != null) {
        result.put(target.toLowerCase(Locale.ROOT), c);
      }
    }
    for (String c : fileColumns) {
      if (FocusColumns.KEPT.contains(c)) {
        result.put(c.toLowerCase(Locale.ROOT), c);
      }
    }
    return result;
  }

  private static List<String> textColumns() {
    List<String> text = new ArrayList<>();
    for (String c : FocusColumns.KEPT) {
      if (!FocusColumns.MONEY.contains(c) && !FocusColumns.TIMESTAMPS.contains(c)) {
        text.add(c);
      }
    }
    // 1.0-preview had no ChargeClass: its Refund subcategory marks a correction.
    text.add(FocusColumns.CHARGE_SUBCATEGORY);
    return List.copyOf(text);
  }

  private static String quote(String name) {
    return "`" + name.replace("`", "``") + "`";
  }
}
