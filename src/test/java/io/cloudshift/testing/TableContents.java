package io.cloudshift.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;

/**
 * What a warehouse holds, computed by the tests and not by cloudshift: per Delta table, its row
 * count and the SHA-256 of its rows as JSON, sorted, without the columns a test leaves out (run_id
 * when runs differ).
 */
public final class TableContents {
  private TableContents() {}

  /** Every table under {@code warehouse} but {@code skipTables}, as "N rows <sha-256>". */
  public static Map<String, String> hashes(
      Path warehouse, Set<String> skipTables, Set<String> skipColumns) {
    return hashes(warehouse, skipTables, skipColumns, UnaryOperator.identity());
  }

  /**
   * {@link #hashes}, each row's JSON passed through {@code rewrite} first (e.g. one input root for
   * another).
   */
  public static Map<String, String> hashes(
      Path warehouse,
      Set<String> skipTables,
      Set<String> skipColumns,
      UnaryOperator<String> rewrite) {
    Map<String, String> hashes = new TreeMap<>();
    try (Stream<Path> tables = Files.list(warehouse)) {
      for (Path table :
          tables
              .filter(t -> Files.isDirectory(t.resolve("_delta_log")))
              .filter(t -> !skipTables.contains(t.getFileName().toString()))
              .toList()) {
        Dataset<Row> rows = SparkTestSession.get().read().format("delta").load(table.toString());
        Column[] kept =
            Arrays.stream(rows.columns())
                .filter(c -> !skipColumns.contains(c))
                .map(functions::col)
                .toArray(Column[]::new);
        List<String> json =
            rows
                .select(functions.to_json(functions.struct(kept)))
                .as(Encoders.STRING())
                .collectAsList()
                .stream()
                .map(rewrite)
                .toList();
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        json.stream()
            .sorted()
            .forEach(line -> sha.update((line + "\n").getBytes(StandardCharsets.UTF_8)));
        hashes.put(
            table.getFileName().toString(),
            json.size() + " rows " + HexFormat.of().formatHex(sha.digest()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    return hashes;
  }
}
