package io.cloudshift.testing;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.permission.FsPermission;
import org.apache.hadoop.util.Progressable;

/**
 * A test's way to freeze a run in the middle of a table write, so that it can be killed there:
 * Hadoop's local file system, except that the N-th Parquet data file whose path contains a given
 * text ({@code cloudshift.test.stall-on}, {@code cloudshift.test.stall-at}, default 1) is written
 * and closed, then the writing thread prints {@code STALLED <path>} to stderr and sleeps forever:
 * the file is on disk, no Delta commit names it. Installed with {@code --conf
 * spark.hadoop.fs.file.impl=io.cloudshift.testing.StallingFileSystem} and the test classes on the
 * driver's class path (local mode: the tasks run in the driver). That class path is the JVM's, not
 * the application jar's loader, so this class uses nothing of cloudshift's.
 */
public final class StallingFileSystem extends LocalFileSystem {
  public static final String STALL_ON = "cloudshift.test.stall-on";
  public static final String STALL_AT = "cloudshift.test.stall-at";
  public static final String STALLED = "STALLED ";

  /**
   * Per JVM: cloudshift turns Hadoop's file-system cache off for file:, so every use is a new
   * instance.
   */
  private static final AtomicInteger MATCHING_FILES = new AtomicInteger();

  @Override
  public FSDataOutputStream create(
      Path file,
      FsPermission permission,
      boolean overwrite,
      int bufferSize,
      short replication,
      long blockSize,
      Progressable progress)
      throws IOException {
    FSDataOutputStream out =
        super.create(file, permission, overwrite, bufferSize, replication, blockSize, progress);
    String stallOn = getConf().get(STALL_ON);
    if (stallOn == null
        || !file.getName().endsWith(".parquet")
        || !file.toString().contains(stallOn)
        || MATCHING_FILES.incrementAndGet() != getConf().getInt(STALL_AT, 1)) {
      return out;
    }
    return new FSDataOutputStream(out, null) {
      @Override
      public void close() throws IOException {
        super.close();
        System.err.println(STALLED + file);
        System.err.flush();
        try {
          Thread.sleep(Long.MAX_VALUE);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IOException("interrupted while stalled", e);
        }
      }
    };
  }
}
