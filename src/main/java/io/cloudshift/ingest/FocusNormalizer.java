package io.cloudshift.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.to_json;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.when;

import io.cloudshift.io.FocusReader;
import io.cloudshift.schema.FocusColumns;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;

/**
 * Brings one file group's text columns to canonical FOCUS names: renamed columns of older versions
 * are aliased, a header spelled in another case is matched case-insensitively, null literals and
 * blank cells become null, and the row as read is kept as JSON for the quarantine.
 */
public final class FocusNormalizer {
  /** The row as read, JSON keyed by the file's own column names. */
  public static final String RAW = "_raw";

  private final List<String> nullLiterals;

  public FocusNormalizer(List<String> nullLiterals) {
    this.nullLiterals = List.copyOf(nullLiterals);
  }

  /** Canonical columns of {@link FocusColumns#KEPT} (plus {@code extra}), {@code _source_file}, {@code _corrupt_record}, {@link #RAW}. */
  public Dataset<Row> normalize(Dataset<Row> raw, List<String> fileColumns, List<String> extra) {
    Map<String, String> sourceOf = resolve(fileColumns);
    List<Column> rawFields = new ArrayList<>();
    for (String c : fileColumns) {
      if (hasColumn(raw, c)) {
        rawFields.add(col(quote(c)));
      }
    }
    List<Column> out = new ArrayList<>();
    List<String> wanted = new ArrayList<>(FocusColumns.KEPT);
    wanted.add(FocusColumns.CHARGE_SUBCATEGORY);
    extra.stream().filter(e -> !wanted.contains(e)).forEach(wanted::add);
    for (String canonical : wanted) {
      String source = sourceOf.get(canonical.toLowerCase(Locale.ROOT));
      Column value = source == null ? lit(null).cast(DataTypes.StringType) : nullIfBlank(col(quote(source)));
      out.add(value.as(canonical));
    }
    out.add(col(FocusReader.SOURCE_FILE));
    out.add(hasColumn(raw, FocusReader.CORRUPT_RECORD) ? col(FocusReader.CORRUPT_RECORD) : lit(null).cast(DataTypes.StringType).as(FocusReader.CORRUPT_RECORD));
    out.add(to_json(struct(rawFields.toArray(Column[]::new))).as(RAW));
    Dataset<Row> canonical = raw.select(out.toArray(Column[]::new));
    // 1.0-preview had no ChargeClass: a Refund subcategory is a correction (as FinOps hubs maps it).
    return canonical
        .withColumn(
            FocusColumns.CHARGE_CLASS,
            when(col(FocusColumns.CHARGE_CLASS).isNull().and(lower(col(FocusColumns.CHARGE_SUBCATEGORY)).equalTo("refund")), lit("Correction"))
                .otherwise(col(FocusColumns.CHARGE_CLASS)))
        .drop(FocusColumns.CHARGE_SUBCATEGORY);
  }

  /** Mandatory FOCUS columns the file lacks under any accepted spelling. */
  public static List<String> missingMandatory(List<String> fileColumns) {
    Map<String, String> sourceOf = resolve(fileColumns);
    return FocusColumns.MANDATORY.stream().filter(m -> !sourceOf.containsKey(m.toLowerCase(Locale.ROOT))).toList();
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

  private Column nullIfBlank(Column c) {
    Column trimmed = trim(c);
    return when(trimmed.equalTo("").or(trimmed.isin(nullLiterals.toArray())), lit(null).cast(DataTypes.StringType)).otherwise(trimmed);
  }

  private static boolean hasColumn(Dataset<Row> df, String name) {
    for (String c : df.columns()) {
      if (c.equals(name)) {
        return true;
      }
    }
    return false;
  }

  private static String quote(String name) {
    return "`" + name.replace("`", "``") + "`";
  }
}
