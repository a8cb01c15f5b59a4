package io.cloudshift.schema;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.MetadataBuilder;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * One table of the data contract ({@link TableCatalog} lists them all): its name and layer, what it
 * answers, each column's type and meaning (with the unit), how it is partitioned, the Delta table
 * properties it is created with, and how a run writes it. The comments are written into Delta
 * (column comments and the table comment), so {@code DESCRIBE TABLE EXTENDED delta.`path`} explains
 * the table to an analyst, and docs/tables.md is generated from the same declaration.
 */
public record TableSpec(
    String name,
    Layer layer,
    String comment,
    List<Column> columns,
    List<String> partitionBy,
    Map<String, String> properties,
    WriteMode writeMode,
    List<String> mergeKeys) {

  /** Where a table sits in the pipeline. */
  public enum Layer {
    SILVER("silver"),
    QUARANTINE("quarantine"),
    GOLD("gold"),
    AUDIT("audit");

    private final String label;

    Layer(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  /** How a run writes the table; each is one atomic Delta commit. */
  public enum WriteMode {
    /** The rows of the run's range (its slices) are replaced, the rest kept. */
    REPLACE_RANGE("replaces the rows of the run's range (its slices), keeps the rest"),
    /** Replaced whole: recomputed or re-read in full every run. */
    OVERWRITE("replaced whole every run"),
    /** Made equal to the run's rows by one MERGE on the key: only changed rows are rewritten. */
    MERGE("made equal to the run's rows by one MERGE on its key"),
    /** Rows are only ever added. */
    APPEND("append-only");

    private final String description;

    WriteMode(String description) {
      this.description = description;
    }

    public String description() {
      return description;
    }
  }

  private static final String STATS_COLUMNS = "delta.dataSkippingStatsColumns";
  private static final String INDEXED_COLUMNS = "delta.dataSkippingNumIndexedCols";

  /** One column: name, type, its meaning with the unit, and whether it may be null. */
  public record Column(String name, DataType type, String comment, boolean nullable) {}

  public TableSpec {
    columns = List.copyOf(columns);
    partitionBy = List.copyOf(partitionBy);
    properties = Map.copyOf(properties);
    mergeKeys = List.copyOf(mergeKeys);
    if ((writeMode == WriteMode.MERGE) == mergeKeys.isEmpty()) {
      throw new IllegalArgumentException(
          "Table " + name + ": a MERGE needs its key, and only a MERGE has one");
    }
  }

  public static Column column(String name, DataType type, String comment) {
    return new Column(name, type, comment, true);
  }

  /** A column that is never null. */
  public static Column required(String name, DataType type, String comment) {
    return new Column(name, type, comment, false);
  }

  /** Columns and arrays of columns (a group shared by several tables), flattened in order. */
  public static Column[] join(Object... parts) {
    List<Column> columns = new java.util.ArrayList<>();
    for (Object part : parts) {
      if (part instanceof Column c) {
        columns.add(c);
      } else {
        columns.addAll(Arrays.asList((Column[]) part));
      }
    }
    return columns.toArray(Column[]::new);
  }

  /** A gold table: recomputed whole every run, unpartitioned. */
  public static TableSpec of(String name, String comment, Column... columns) {
    return table(name, Layer.GOLD, comment).columns(columns).build();
  }

  public static Builder table(String name, Layer layer, String comment) {
    return new Builder(name, layer, comment);
  }

  /**
   * Declares a table step by step; unpartitioned, without properties and overwritten unless said
   * otherwise.
   */
  public static final class Builder {
    private final String name;
    private final Layer layer;
    private final String comment;
    private List<Column> columns = List.of();
    private List<String> partitionBy = List.of();
    private final Map<String, String> properties = new LinkedHashMap<>();
    private WriteMode writeMode = WriteMode.OVERWRITE;
    private List<String> mergeKeys = List.of();

    private Builder(String name, Layer layer, String comment) {
      this.name = name;
      this.layer = layer;
      this.comment = comment;
    }

    public Builder columns(Column... columns) {
      this.columns = Arrays.asList(columns);
      return this;
    }

    public Builder partitionedBy(String... columns) {
      this.partitionBy = Arrays.asList(columns);
      return this;
    }

    public Builder property(String key, String value) {
      properties.put(key, value);
      return this;
    }

    /**
     * Delta's data-skipping statistics (minimum, maximum, null count per file) on these columns
     * only, rather than on the first 32: the columns the table's ranges and its readers filter on.
     */
    public Builder statsOn(String... columns) {
      return property(STATS_COLUMNS, String.join(",", columns));
    }

    public Builder replacedByRange() {
      this.writeMode = WriteMode.REPLACE_RANGE;
      return this;
    }

    public Builder appended() {
      this.writeMode = WriteMode.APPEND;
      return this;
    }

    public Builder mergedOn(String... keys) {
      this.writeMode = WriteMode.MERGE;
      this.mergeKeys = Arrays.asList(keys);
      return this;
    }

    public TableSpec build() {
      Map<String, String> declared = new LinkedHashMap<>(properties);
      if (writeMode == WriteMode.OVERWRITE && !declared.containsKey(STATS_COLUMNS)) {
        // A table replaced whole is written as one file that every query reads whole, so
        // statistics per column would skip nothing; gathering them was 8 % of a bundled run's
        // samples (docs/performance.md#spark-settings-that-matter). Row counts are always kept.
        declared.putIfAbsent(INDEXED_COLUMNS, "0");
      }
      return new TableSpec(
          name, layer, comment, columns, partitionBy, declared, writeMode, mergeKeys);
    }
  }

  public List<String> columnNames() {
    return columns.stream().map(Column::name).toList();
  }

  /**
   * {@code rows} projected onto the spec's columns in order, cast to their types and carrying their
   * comments: exactly what the table stores, so a stage can reuse it without reading the table
   * back.
   */
  public Dataset<Row> conform(Dataset<Row> rows) {
    return Conform.to(rows, schema());
  }

  /** The schema with each column's comment in its metadata. */
  public StructType schema() {
    StructType schema = new StructType();
    for (Column c : columns) {
      Metadata comment = new MetadataBuilder().putString("comment", c.comment()).build();
      schema = schema.add(new StructField(c.name(), c.type(), c.nullable(), comment));
    }
    return schema;
  }
}
