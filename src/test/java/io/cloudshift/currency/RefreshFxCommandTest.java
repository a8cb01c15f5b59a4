package io.cloudshift.currency;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudshift.testing.ChildProcess;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/refresh-fx}, the documented command that renews the reference rates: it replaces a
 * rates file only with a rates file that reaches at least as far, and never touches anything else.
 */
class RefreshFxCommandTest {
  @TempDir Path dir;

  private Path ratesZip(String name, String... days) throws IOException {
    StringBuilder csv = new StringBuilder("Date,USD,GBP,\n");
    for (String day : days) {
      csv.append(day).append(",1.1000,0.8500,\n");
    }
    return zip(name, "eurofxref-hist.csv", csv.toString());
  }

  private Path zip(String name, String entry, String text) throws IOException {
    Path path = dir.resolve(name);
    try (OutputStream out = Files.newOutputStream(path);
        ZipOutputStream zip = new ZipOutputStream(out)) {
      zip.putNextEntry(new ZipEntry(entry));
      zip.write(text.getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
    }
    return path;
  }

  private record Result(int exit, String stdout, String stderr) {}

  private Result refresh(Path from, Path output, String name) throws InterruptedException {
    try (ChildProcess p =
        ChildProcess.start(
            name,
            List.of(
                "python3",
                "bin/refresh-fx",
                "--from-file",
                from.toString(),
                "--output",
                output.toString()),
            Map.of(),
            dir.resolve("logs"))) {
      int exit = p.waitFor(Duration.ofMinutes(1));
      return new Result(exit, p.stdout(), p.stderr());
    }
  }

  @Test
  void aNewerRatesFileReplacesTheOldOne() throws Exception {
    Path current = ratesZip("current.zip", "2026-10-30", "2026-10-29");
    Path newer = ratesZip("newer.zip", "2026-12-04", "2026-12-03", "2026-10-30");

    Result result = refresh(newer, current, "newer");

    assertThat(result.exit()).as(result.stderr()).isZero();
    assertThat(result.stdout()).contains("rates 2026-10-30 to 2026-12-04");
    assertThat(Files.readAllBytes(current)).isEqualTo(Files.readAllBytes(newer));
  }

  @Test
  void anOlderFileOrOneThatIsNotRatesLeavesTheOldOneAsItWas() throws Exception {
    Path current = ratesZip("current.zip", "2026-10-30", "2026-10-29");
    byte[] before = Files.readAllBytes(current);
    Path older = ratesZip("older.zip", "2026-09-30");
    Path notRates = zip("other.zip", "prices.csv", "Day,Price\n2026-12-01,3\n");
    Path notAZip = Files.writeString(dir.resolve("page.zip"), "<html>Service unavailable</html>");

    Result olderResult = refresh(older, current, "older");
    Result otherResult = refresh(notRates, current, "other");
    Result pageResult = refresh(notAZip, current, "page");

    assertThat(olderResult.exit()).isEqualTo(1);
    assertThat(olderResult.stderr())
        .contains("ends 2026-09-30, before")
        .contains("kept the old one");
    assertThat(otherResult.exit()).isEqualTo(1);
    assertThat(otherResult.stderr()).contains("is not the ECB's euro reference rates");
    assertThat(pageResult.exit()).isEqualTo(1);
    assertThat(pageResult.stderr()).contains("not a zip file");
    assertThat(Files.readAllBytes(current)).isEqualTo(before);
  }

  @Test
  void itRefusesToReplaceAFileThatIsNotARatesFile() throws Exception {
    Path someoneElses = Files.writeString(dir.resolve("notes.zip"), "not mine to overwrite");
    Path newer = ratesZip("newer.zip", "2026-12-04");

    Result result = refresh(newer, someoneElses, "someone-elses");

    assertThat(result.exit()).isEqualTo(1);
    assertThat(result.stderr()).contains("is not a rates file").contains("refusing to replace it");
    assertThat(Files.readString(someoneElses)).isEqualTo("not mine to overwrite");
  }
}
