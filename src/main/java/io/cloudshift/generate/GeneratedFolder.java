package io.cloudshift.generate;

import io.cloudshift.config.ExportConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The folder {@code generate} writes, which must never hold data generate did not create: a local
 * folder that no configured export is read from, either new, empty, or written by generate before
 * (it holds {@value #MARKER}). The data is written into a new folder beside it and moved into its
 * place when complete, so a failed run leaves the folder as it was.
 */
public final class GeneratedFolder {
  /** Left in every folder generate writes; only a folder holding it may be replaced. */
  public static final String MARKER = ".cloudshift-generated";

  private static final Pattern URI_SCHEME = Pattern.compile("^([a-zA-Z][a-zA-Z0-9+.-]+):");

  private final String output;
  private final Path target;

  private GeneratedFolder(String output, Path target) {
    this.output = output;
    this.target = target;
  }

  /**
   * The folder named by {@code output}, checked against the configured exports.
   *
   * @throws UnsafeOutputException when generate may not write there
   */
  public static GeneratedFolder of(String output, List<ExportConfig> exports) {
    Path target =
        localPath(output)
            .orElseThrow(
                () ->
                    new UnsafeOutputException(
                        "Cannot generate into "
                            + output
                            + ": generate writes only to a local folder (write there, then copy the"
                            + " data)"));
    for (ExportConfig export : exports) {
      localPath(export.path())
          .filter(read -> read.startsWith(target) || target.startsWith(read))
          .ifPresent(
              read -> {
                throw new UnsafeOutputException(
                    "Cannot generate into "
                        + output
                        + ": export '"
                        + export.id()
                        + "' is read from "
                        + export.path()
                        + ", and generate never writes where exports are read (choose another"
                        + " --output)");
              });
    }
    GeneratedFolder folder = new GeneratedFolder(output, target);
    folder.checkReplaceable();
    return folder;
  }

  /** The folder, absolute. */
  public Path path() {
    return target;
  }

  /**
   * Runs {@code write} on a new folder beside the target, marks it, and puts it in the target's
   * place (the target's earlier contents, generate's own, are deleted only then).
   */
  public <T> T write(Function<Path, T> write) {
    Path parent = target.getParent();
    Path staging = parent.resolve("." + target.getFileName() + ".generating-" + UUID.randomUUID());
    try {
      Files.createDirectories(staging);
      T result = write.apply(staging);
      Files.writeString(
          staging.resolve(MARKER),
          "Written by cloudshift generate, which may replace this folder and nothing else.\n");
      checkReplaceable();
      if (Files.exists(target)) {
        Path previous =
            parent.resolve("." + target.getFileName() + ".replaced-" + UUID.randomUUID());
        Files.move(target, previous, StandardCopyOption.ATOMIC_MOVE);
        Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        deleteRecursively(previous);
      } else {
        Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
      }
      return result;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot generate into " + output + ": " + e.getMessage(), e);
    } finally {
      deleteRecursively(staging);
    }
  }

  /** New, an empty folder, or one generate wrote (checked again just before it is replaced). */
  private void checkReplaceable() {
    if (!Files.exists(target)) {
      return;
    }
    if (!Files.isDirectory(target)) {
      throw new UnsafeOutputException(
          "Cannot generate into " + output + ": it is a file, not a folder");
    }
    if (!Files.exists(target.resolve(MARKER)) && !isEmpty(target)) {
      throw new UnsafeOutputException(
          "Cannot generate into "
              + output
              + ": the folder is not empty and was not written by generate (it has no "
              + MARKER
              + " file); choose a new or empty folder");
    }
  }

  /**
   * A plain path or a file: URI, absolute; empty for any other URI scheme (s3a:, abfss:, hdfs:, …).
   */
  private static Optional<Path> localPath(String location) {
    var scheme = URI_SCHEME.matcher(location);
    if (!scheme.find()) {
      return Optional.of(Path.of(location).toAbsolutePath().normalize());
    }
    if (!scheme.group(1).equalsIgnoreCase("file")) {
      return Optional.empty();
    }
    return Optional.of(Path.of(URI.create(location)).toAbsolutePath().normalize());
  }

  private static boolean isEmpty(Path folder) {
    try (Stream<Path> entries = Files.list(folder)) {
      return entries.findAny().isEmpty();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Deletes a folder generate created itself (staging, or the marked folder it replaced). */
  private static void deleteRecursively(Path folder) {
    if (!Files.exists(folder)) {
      return;
    }
    try (Stream<Path> files = Files.walk(folder)) {
      for (Path p : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
        Files.delete(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot delete " + folder + ": " + e.getMessage(), e);
    }
  }
}
