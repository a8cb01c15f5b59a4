package io.cloudshift.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudshift.config.ExportConfig;
import io.cloudshift.testing.TestConfigs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * generate's output folder: what it refuses, and that it replaces only complete data of its own.
 */
class GeneratedFolderTest {
  @TempDir Path dir;

  private List<ExportConfig> exportsReadFrom(Path path) {
    return TestConfigs.singleCsvExport("azure-real", "azure", path).exports();
  }

  private static List<String> contents(Path folder) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void aConfiguredExportPathAnythingInsideItAndAnythingHoldingItAreRefused() {
    Path export = dir.resolve("exports/azure");
    List<ExportConfig> exports = exportsReadFrom(export);

    for (Path output : List.of(export, export.resolve("month"), dir.resolve("exports"), dir)) {
      assertThatThrownBy(() -> GeneratedFolder.of(output.toString(), exports))
          .isInstanceOf(UnsafeOutputException.class)
          .hasMessage(
              "Cannot generate into "
                  + output
                  + ": export 'azure-real' is read from "
                  + export
                  + ", and generate never writes where exports are read (choose another --output)");
    }
    assertThat(GeneratedFolder.of(dir.resolve("exports-synthetic").toString(), exports).path())
        .isEqualTo(dir.resolve("exports-synthetic"));
  }

  @Test
  void aFolderGenerateDidNotWriteAFileAndARemoteUriAreRefusedAndLeftAlone() throws IOException {
    Path theirs = Files.createDirectories(dir.resolve("theirs"));
    Files.writeString(theirs.resolve("invoice.csv"), "a,b\n");
    Path file = Files.writeString(dir.resolve("notes.txt"), "x");
    List<ExportConfig> exports = exportsReadFrom(dir.resolve("elsewhere"));

    assertThatThrownBy(() -> GeneratedFolder.of(theirs.toString(), exports))
        .isInstanceOf(UnsafeOutputException.class)
        .hasMessage(
            "Cannot generate into "
                + theirs
                + ": the folder is not empty and was not written by generate (it has no "
                + ".cloudshift-generated file); choose a new or empty folder");
    assertThatThrownBy(() -> GeneratedFolder.of(file.toString(), exports))
        .isInstanceOf(UnsafeOutputException.class)
        .hasMessage("Cannot generate into " + file + ": it is a file, not a folder");
    assertThatThrownBy(() -> GeneratedFolder.of("s3a://billing/focus", exports))
        .isInstanceOf(UnsafeOutputException.class)
        .hasMessage(
            "Cannot generate into s3a://billing/focus: generate writes only to a local folder"
                + " (write there, then copy the data)");
    assertThat(contents(theirs)).containsExactly("invoice.csv");
    assertThat(Files.readString(file)).isEqualTo("x");
  }

  @Test
  void itsOwnFolderIsReplacedWholeOnlyOnceTheNewDataIsComplete() throws IOException {
    Path output = dir.resolve("synthetic");
    List<ExportConfig> exports = exportsReadFrom(dir.resolve("elsewhere"));
    GeneratedFolder.of(output.toString(), exports).write(staging -> write(staging, "old.csv"));
    assertThat(contents(output)).containsExactly(".cloudshift-generated", "old.csv");

    assertThatThrownBy(
            () ->
                GeneratedFolder.of(output.toString(), exports)
                    .write(
                        staging -> {
                          write(staging, "half.csv");
                          throw new IllegalStateException("generator failed");
                        }))
        .hasMessage("generator failed");
    assertThat(contents(output)).containsExactly(".cloudshift-generated", "old.csv");

    GeneratedFolder.of(output.toString(), exports).write(staging -> write(staging, "new.csv"));
    assertThat(contents(output)).containsExactly(".cloudshift-generated", "new.csv");
    // No staging or replaced folder is left beside it.
    assertThat(contents(dir)).containsExactly("synthetic");
  }

  @Test
  void anEmptyFolderMayBeWritten() throws IOException {
    Path empty = Files.createDirectories(dir.resolve("empty"));
    GeneratedFolder.of(empty.toString(), exportsReadFrom(dir.resolve("elsewhere")))
        .write(staging -> write(staging, "a.csv"));
    assertThat(contents(empty)).containsExactly(".cloudshift-generated", "a.csv");
  }

  private static Void write(Path folder, String name) {
    try {
      Files.writeString(folder.resolve(name), "row\n");
      return null;
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
