package io.cloudshift.io;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.ChecksumFs;
import org.apache.hadoop.fs.DelegateToFileSystem;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.hadoop.fs.permission.FsPermission;

/**
 * Hadoop's local file system, with permissions set and symlinks read through java.nio. Without
 * Hadoop's native library (PySpark's distribution has none) the stock one forks a {@code chmod} for
 * every file and folder it creates and a {@code readlink} for every rename: a thousand processes
 * for one ingest of the bundled data, about half of its time. Installed for {@code file:} paths by
 * {@code cloudshift}'s Spark session (fs.file.impl, fs.AbstractFileSystem.file.impl); everything
 * else is the stock implementation.
 */
public final class NioLocalFileSystem extends LocalFileSystem {
  public NioLocalFileSystem() {
    super(new Raw());
  }

  /** The raw (checksum-free) layer, where the forks happen. */
  static final class Raw extends RawLocalFileSystem {
    @Override
    public void setPermission(Path p, FsPermission permission) throws IOException {
      Files.setPosixFilePermissions(pathToFile(p).toPath(), posix(permission));
    }

    @Override
    public FileStatus getFileLinkStatus(Path f) throws IOException {
      // Only a real symlink needs the stock code (and its readlink); anything else is its own
      // status.
      return Files.isSymbolicLink(pathToFile(f).toPath())
          ? super.getFileLinkStatus(f)
          : getFileStatus(f);
    }

    private static Set<PosixFilePermission> posix(FsPermission permission) {
      PosixFilePermission[] order = {
        PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE,
            PosixFilePermission.OTHERS_READ,
        PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.GROUP_WRITE,
            PosixFilePermission.GROUP_READ,
        PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE,
            PosixFilePermission.OWNER_READ
      };
      Set<PosixFilePermission> result = EnumSet.noneOf(PosixFilePermission.class);
      short bits = permission.toShort();
      for (int i = 0; i < order.length; i++) {
        if ((bits & (1 << i)) != 0) {
          result.add(order[i]);
        }
      }
      return result;
    }
  }

  /** The same for Hadoop's FileContext API, which Delta's log store renames commits with. */
  public static final class Fs extends ChecksumFs {
    public Fs(URI uri, Configuration conf) throws IOException, URISyntaxException {
      super(new RawFs(uri, conf));
    }
  }

  private static final class RawFs extends DelegateToFileSystem {
    RawFs(URI uri, Configuration conf) throws IOException, URISyntaxException {
      super(uri, new Raw(), conf, "file", false);
    }

    @Override
    public int getUriDefaultPort() {
      return -1; // file: URIs have no port
    }

    @Override
    public boolean isValidName(String src) {
      return true; // local paths may hold ':' and other characters HDFS forbids
    }
  }
}
