package io.cloudshift.generate;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.apache.hadoop.fs.Path;

/**
 * Gzipped CSV as providers deliver it: UTF-8 without BOM, a header row, LF line ends, RFC 4180
 * quoting, empty cells for nulls. The bytes depend only on the rows: the gzip header carries no
 * file name and a zero modification time, so the same seed gives byte-identical files.
 */
final class CsvExportWriter implements ExportFileWriter {
  private final OutputFiles files;

  CsvExportWriter(OutputFiles files) {
    this.files = files;
  }

  @Override
  public void write(Path target, List<FocusColumn> columns, List<Charge> rows) {
    try (OutputStream raw = files.create(target);
        GZIPOutputStream gzip = new GZIPOutputStream(raw, 1 << 16);
        Writer out = new BufferedWriter(new OutputStreamWriter(gzip, StandardCharsets.UTF_8), 1 << 16)) {
      List<String> header = new ArrayList<>(columns.size());
      for (FocusColumn column : columns) {
        header.add(column.name());
      }
      out.write(CsvFormat.line(header));
      List<String> cells = new ArrayList<>(columns.size());
      for (Charge row : rows) {
        cells.clear();
        for (FocusColumn column : columns) {
          cells.add(column.name().equals(row.corruptedColumn()) ? row.corruptedText() : CsvFormat.text(row.get(column.name())));
        }
        out.write(CsvFormat.line(cells));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write " + target + ": " + e.getMessage(), e);
    }
  }
}
