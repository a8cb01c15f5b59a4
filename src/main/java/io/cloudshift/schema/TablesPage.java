package io.cloudshift.schema;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;

/**
 * docs/tables.md, written from the {@link TableCatalog}: every table with its layer, write mode,
 * partitioning and properties, and every column with its type and meaning. The committed page is
 * checked against this rendering by the tests, so it cannot drift from the code. Regenerate it with
 * {@code bin/tables-doc}.
 */
public final class TablesPage {
  /** Where the page lives, from the repository root. */
  public static final Path PAGE = Path.of("docs", "tables.md");

  private TablesPage() {}

  /** Writes the page (to the path given, else {@link #PAGE}). */
  public static void main(String[] args) throws IOException {
    Path page = args.length > 0 ? Path.of(args[0]) : PAGE;
    Files.writeString(page, render(), StandardCharsets.UTF_8);
    System.out.println("Wrote " + page + " (" + TableCatalog.ALL.size() + " tables)");
  }

  public static String render() {
    StringBuilder md = new StringBuilder();
    md.append("# Tables\n\n")
        .append(
            "<!-- Generated from the table catalogue (io.cloudshift.schema.TableCatalog) by"
                + " TablesPage: do not edit by hand. -->\n\n")
        .append(
            "Every table cloudshift writes, as the code declares it. All are Delta tables under"
                + " `<warehouse>/<table>`; ")
        .append(
            "the same comments are in the tables themselves (run `DESCRIBE TABLE EXTENDED` on a"
                + " table). Money is exact ")
        .append(
            "decimal: in the row's `billing_currency` in silver tables and `charges_monthly`"
                + " (whose `_reporting` twins are in its `reporting_currency`), in the row's"
                + " `reporting_currency` in gold tables, unless a column says USD. Each commit's"
                + " `userMetadata` names the run, ")
        .append(
            "the stage and the months it covered ([ingest.md](ingest.md)). How the figures are"
                + " computed: ")
        .append("[methodology.md](methodology.md). ")
        .append(
            "Delta keeps each file's row count for every table. Its statistics per column (minimum,"
                + " maximum, nulls), which let a filtered read skip files, are kept on the columns"
                + " `delta.dataSkippingStatsColumns` names where a table sets it, on none for a"
                + " table replaced whole (one file that every query reads whole), and on the first"
                + " 32 columns (Delta's default) elsewhere.\n\n")
        .append("| table | layer | written |\n|---|---|---|\n");
    for (TableSpec t : TableCatalog.ALL) {
      md.append("| [`")
          .append(t.name())
          .append("`](#")
          .append(t.name())
          .append(") | ")
          .append(t.layer().label())
          .append(" | ")
          .append(t.writeMode().description())
          .append(" |\n");
    }
    for (TableSpec t : TableCatalog.ALL) {
      md.append("\n## ").append(t.name()).append("\n\n").append(t.comment()).append("\n\n");
      md.append("- Layer: ").append(t.layer().label()).append("\n");
      md.append("- Written: ").append(t.writeMode().description());
      if (!t.mergeKeys().isEmpty()) {
        md.append(" (").append(code(String.join(", ", t.mergeKeys()))).append(")");
      }
      md.append("\n");
      if (!t.partitionBy().isEmpty()) {
        md.append("- Partitioned by: ")
            .append(
                t.partitionBy().stream().map(TablesPage::code).collect(Collectors.joining(", ")))
            .append("\n");
      }
      t.properties().entrySet().stream()
          .sorted(java.util.Map.Entry.comparingByKey())
          .forEach(
              p ->
                  md.append("- Table property: ")
                      .append(code(p.getKey() + " = " + p.getValue()))
                      .append("\n"));
      md.append("\n| column | type | null | meaning |\n|---|---|---|---|\n");
      for (TableSpec.Column c : t.columns()) {
        md.append("| ")
            .append(code(c.name()))
            .append(" | ")
            .append(code(c.type().simpleString()))
            .append(" | ")
            .append(c.nullable() ? "yes" : "no")
            .append(" | ")
            .append(c.comment().replace("|", "\\|"))
            .append(" |\n");
      }
    }
    return md.toString();
  }

  private static String code(String text) {
    return "`" + text + "`";
  }
}
