package io.cloudshift.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A process an integration test starts (bin/cloudshift, a Spark master or worker, S3Proxy) with its
 * output in files, and stops with everything it started: {@link #close} ends the whole process tree
 * (politely, then by force), so a failing test leaves no JVM behind.
 */
public final class ChildProcess implements AutoCloseable {
  private static final Duration POLITE_STOP = Duration.ofSeconds(20);

  private final String name;
  private final Process process;
  private final Path stdout;
  private final Path stderr;

  private ChildProcess(String name, Process process, Path stdout, Path stderr) {
    this.name = name;
    this.process = process;
    this.stdout = stdout;
    this.stderr = stderr;
  }

  /**
   * Starts {@code command} in the project folder with {@code environment} added; output to {@code
   * logs}/name.{out,err}.
   */
  public static ChildProcess start(
      String name, List<String> command, Map<String, String> environment, Path logs) {
    Path out = logs.resolve(name + ".out");
    Path err = logs.resolve(name + ".err");
    try {
      Files.createDirectories(logs);
      ProcessBuilder builder =
          new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
      builder.environment().putAll(environment);
      return new ChildProcess(name, builder.start(), out, err);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot start " + name + ": " + command, e);
    }
  }

  public String stdout() {
    return read(stdout);
  }

  public String stderr() {
    return read(stderr);
  }

  /**
   * Waits until stdout or stderr holds {@code text}; fails if the process ends first or the time
   * runs out.
   */
  public ChildProcess awaitOutput(String text, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!stdout().contains(text) && !stderr().contains(text)) {
      if (!process.isAlive()) {
        throw new AssertionError(
            name
                + " ended (exit "
                + process.exitValue()
                + ") before printing '"
                + text
                + "':\n"
                + tail());
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError(
            name + " did not print '" + text + "' within " + timeout + ":\n" + tail());
      }
      Thread.sleep(200);
    }
    return this;
  }

  /** Waits for the process to end and returns its exit code; fails after {@code timeout}. */
  public int waitFor(Duration timeout) throws InterruptedException {
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      throw new AssertionError(name + " still running after " + timeout + ":\n" + tail());
    }
    return process.exitValue();
  }

  /** SIGTERM to the process alone, as a scheduler stopping a task sends it. */
  public void terminate() {
    process.destroy();
  }

  /** SIGKILL to the process and everything it started: nothing of theirs runs afterwards. */
  public void kill() throws InterruptedException {
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
    process.waitFor(1, TimeUnit.MINUTES);
  }

  /**
   * SIGTERM to the tree (a Spark worker then stops its executors), SIGKILL to whatever is left
   * after a while.
   */
  @Override
  public void close() throws InterruptedException {
    List<ProcessHandle> tree = process.descendants().toList();
    process.destroy();
    tree.forEach(ProcessHandle::destroy);
    long deadline = System.nanoTime() + POLITE_STOP.toNanos();
    for (ProcessHandle handle : tree) {
      long left = Math.max(0, deadline - System.nanoTime());
      try {
        handle.onExit().get(left, TimeUnit.NANOSECONDS);
      } catch (Exception stillRunning) {
        handle.destroyForcibly();
      }
    }
    if (!process.waitFor(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
      kill();
    }
  }

  private String tail() {
    String all = "--- stdout\n" + stdout() + "\n--- stderr\n" + stderr();
    return all.length() > 6000 ? "…" + all.substring(all.length() - 6000) : all;
  }

  private static String read(Path file) {
    try {
      return Files.exists(file) ? new String(Files.readAllBytes(file), StandardCharsets.UTF_8) : "";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
