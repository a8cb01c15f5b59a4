package io.cloudshift.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import io.cloudshift.config.BillingPeriodRange;
import io.cloudshift.config.ExportConfig;
import io.cloudshift.io.FocusFile;
import io.cloudshift.io.FocusFileLister;
import io.cloudshift.io.FocusReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads one export's files into parsed rows. Files are grouped by header, so each FOCUS version
 * (and each set of missing columns) is detected and parsed on its own, then the groups are unioned.
 */
public final class ExportLoader {
  private static final Logger LOG = LoggerFactory.getLogger(ExportLoader.class);

  private final FocusFileLister lister;
  private final FocusReader reader;
  private final FocusNormalizer normalizer;
  private final ChargeParser parser;

  public ExportLoader(SparkSession spark, FocusNormalizer normalizer, ChargeParser parser) {
    this.lister = new FocusFileLister(spark);
    this.reader = new FocusReader(spark);
    this.normalizer = normalizer;
    this.parser = parser;
  }

  /** The export's parsed rows and the files they came from; empty when no file is in the period. */
  public record Loaded(ExportConfig export, List<FocusFile> files, Dataset<Row> rows) {}

  public Loaded load(ExportConfig export, BillingPeriodRange period) {
    List<FocusFile> files = lister.list(export, period);
    Map<List<String>, List<String>> byHeader = new LinkedHashMap<>();
    for (FocusFile f : files) {
      byHeader.computeIfAbsent(f.columns(), k -> new ArrayList<>()).add(f.path());
    }
    Dataset<Row> union = null;
    for (Map.Entry<List<String>, List<String>> group : byHeader.entrySet()) {
      List<String> columns = group.getKey();
      String version = FocusVersion.detect(new java.util.HashSet<>(columns));
      List<String> missing = FocusNormalizer.missingMandatory(columns);
      LOG.info("Export {}: {} file(s) of FOCUS {}{}", export.id(), group.getValue().size(), version,
          missing.isEmpty() ? "" : ", missing mandatory columns " + missing + " (rows will be quarantined)");
      List<String> extra = export.providerColumn().map(List::of).orElse(List.of());
      Dataset<Row> normalized = normalizer.normalize(reader.read(group.getValue(), columns, export.format()), columns, extra);
      Dataset<Row> parsed = parser.parse(normalized, source(export, version, missing));
      union = union == null ? parsed : union.unionByName(parsed);
    }
    return new Loaded(export, files, union);
  }

  private static ChargeParser.Source source(ExportConfig export, String version, List<String> missing) {
    if (export.provider().isPresent()) {
      Column fixed = lit(export.provider().get());
      return new ChargeParser.Source(export.id(), fixed, fixed, version, missing);
    }
    Column value = col(export.providerColumn().orElseThrow());
    Column provider = lit(null).cast(DataTypes.StringType);
    for (Map.Entry<String, String> e : export.providerValues().entrySet()) {
      provider = when(value.equalTo(e.getKey()), lit(e.getValue())).otherwise(provider);
    }
    return new ChargeParser.Source(export.id(), provider, value, version, missing);
  }
}
