package io.cloudshift.generate;

import org.apache.hadoop.fs.Path;

/** Writes the rows of one export file in the export's format, to exactly {@code target}. */
interface ExportFileWriter {
  void write(Path target, FileRows rows);
}
