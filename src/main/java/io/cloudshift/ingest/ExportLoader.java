package io.cloudshift.ingest;

import io.cloudshift.config.ExportConfig;
import io.cloudshift.io.FocusFile;
import io.cloudshift.io.FocusFileLister;
import io.cloudshift.io.FocusReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads some of an export's files into the columns every file group shares ({@link
 * FocusNormalizer}). Files are grouped by header, so each FOCUS version (and each set of missing
 * columns) is detected on its own, then the groups are unioned. Headers are read once per file and
 * remembered, since a run reads its files in several passes.
 */
public final class ExportLoader {
  private static final Logger LOG = LoggerFactory.getLogger(ExportLoader.class);

  private final FocusFileLister lister;
  private final FocusReader reader;
  private final FocusNormalizer normalizer;
  private final Map<FocusFile, FocusFileLister.FileHeader> headers = new HashMap<>();

  public ExportLoader(SparkSession spark, FocusFileLister lister, FocusNormalizer normalizer) {
    this.lister = lister;
    this.reader = new FocusReader(spark);
    this.normalizer = normalizer;
  }

  /**
   * The files' rows, normalized ({@link FocusNormalizer#normalize}); empty when {@code files} is.
   */
  public Optional<Dataset<Row>> load(ExportConfig export, List<FocusFile> files) {
    Map<String, List<FocusFile>> bySignature = new LinkedHashMap<>();
    Map<String, List<String>> columnsOf = new LinkedHashMap<>();
    for (FocusFile f : files) {
      FocusFileLister.FileHeader header =
          headers.computeIfAbsent(f, file -> lister.header(export, file));
      if (header.columns().isEmpty()) {
        LOG.info("Export {}: {} is blank: no header, no records", export.id(), f.path());
        continue;
      }
      bySignature.computeIfAbsent(header.signature(), k -> new ArrayList<>()).add(f);
      columnsOf.putIfAbsent(header.signature(), header.columns());
    }
    Dataset<Row> union = null;
    for (Map.Entry<String, List<FocusFile>> group : bySignature.entrySet()) {
      List<String> columns = columnsOf.get(group.getKey());
      String version = FocusVersion.detect(new HashSet<>(columns));
      List<String> missing = FocusNormalizer.missingMandatory(columns);
      LOG.info(
          "Export {}: {} file(s) of FOCUS {}{}",
          export.id(),
          group.getValue().size(),
          version,
          missing.isEmpty()
              ? ""
              : ", missing mandatory columns " + missing + " (rows will be quarantined)");
      List<String> paths = group.getValue().stream().map(f -> f.path().toString()).toList();
      Dataset<Row> normalized =
          normalizer.normalize(
              reader.read(paths, columns, export), columns, export, version, missing);
      union = union == null ? normalized : union.unionByName(normalized);
    }
    return Optional.ofNullable(union);
  }
}
