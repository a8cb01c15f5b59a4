package io.cloudshift.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * docs/tables.md is the catalogue's rendering, and the catalogue documents every table and column.
 */
class TablesPageTest {
  @Test
  void theCommittedPageIsTheCataloguesRendering() throws IOException {
    Path page = Path.of(System.getProperty("cloudshift.project.dir", ".")).resolve(TablesPage.PAGE);
    assertThat(Files.readString(page, StandardCharsets.UTF_8))
        .as("docs/tables.md is stale: regenerate it with bin/tables-doc")
        .isEqualTo(TablesPage.render());
  }

  @Test
  void everyTableAndColumnOfTheCatalogueHasAComment() {
    for (TableSpec table : TableCatalog.ALL) {
      assertThat(table.comment()).as(table.name()).isNotBlank();
      assertThat(table.columns())
          .as(table.name())
          .isNotEmpty()
          .allSatisfy(c -> assertThat(c.comment()).as(table.name() + "." + c.name()).isNotBlank());
    }
  }
}
