package io.cloudshift.io;

import java.util.Collection;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registers the warehouse's tables in the session's catalog as external Delta tables ({@code
 * database.table} at the table's folder), so analysts on the cluster query them by name. The
 * catalog holds only the name and location: the rows stay where the pipeline writes them, and a
 * name that already points to the same folder is left as it is.
 */
public final class CatalogTables {
  private static final Logger LOG = LoggerFactory.getLogger(CatalogTables.class);

  private final SparkSession spark;
  private final DeltaTableWriter writer;
  private final String database;

  public CatalogTables(SparkSession spark, DeltaTableWriter writer, String database) {
    this.spark = spark;
    this.writer = writer;
    this.database = database;
  }

  /**
   * Registers each of {@code tables} that exists; refuses one whose name points to another folder.
   */
  public void register(Collection<String> tables) {
    List<String> present = tables.stream().filter(writer::exists).toList();
    if (present.isEmpty()) {
      return;
    }
    spark.sql("CREATE DATABASE IF NOT EXISTS " + quoted(database));
    for (String table : present) {
      String name = quoted(database) + "." + quoted(table);
      String location = writer.qualifiedPath(table);
      if (spark.catalog().tableExists(database, table)) {
        String registered = registeredLocation(name);
        if (!sameFolder(registered, location)) {
          throw new InputException(
              "Cannot register "
                  + database
                  + "."
                  + table
                  + " for "
                  + location
                  + ": the catalog already has it at "
                  + registered
                  + " (another warehouse); drop it, or set cloudshift.catalog.database to another"
                  + " database");
        }
        continue;
      }
      spark.sql(
          "CREATE TABLE "
              + name
              + " USING DELTA LOCATION '"
              + location.replace("\\", "\\\\").replace("'", "\\'")
              + "'");
      LOG.info("Registered {}.{} in the catalog at {}", database, table, location);
    }
  }

  private String registeredLocation(String name) {
    return spark.sql("DESCRIBE TABLE EXTENDED " + name).collectAsList().stream()
        .filter(row -> "Location".equals(row.getString(0)))
        .map((Row row) -> row.getString(1))
        .findFirst()
        .orElse("");
  }

  /** Catalogs may store file:/x or file:///x for the same folder. */
  private static boolean sameFolder(String a, String b) {
    return normalized(a).equals(normalized(b));
  }

  private static String normalized(String location) {
    return location.replaceFirst("^file:/+", "file:/").replaceAll("/+$", "");
  }

  private static String quoted(String identifier) {
    return "`" + identifier.replace("`", "``") + "`";
  }
}
