package io.cloudshift.stage;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A request to stop the run, made by a signal (SIGTERM from Airflow or Kubernetes, Ctrl-C) on
 * another thread. {@link StageRunner} starts no stage once it is made and records the stage it
 * interrupts as stopped; when the stage does not end in time, the one who asked records it through
 * {@link #recordRunningStage()}.
 */
public final class RunStop {
  private final AtomicReference<String> signal = new AtomicReference<>();
  private volatile Runnable recorder = () -> {};

  /**
   * Asks the run to stop for {@code signalName} (e.g. {@code SIGTERM}); false when it was asked
   * before.
   */
  public boolean request(String signalName) {
    return signal.compareAndSet(null, signalName);
  }

  public boolean requested() {
    return signal.get() != null;
  }

  /** The signal that asked, when one did. */
  public Optional<String> signal() {
    return Optional.ofNullable(signal.get());
  }

  /**
   * What records the running stage as stopped (its job_runs row), set by the runner of the stages.
   */
  void recordWith(Runnable record) {
    this.recorder = record;
  }

  /** Records the running stage as stopped, if one is running and not yet recorded. */
  public void recordRunningStage() {
    recorder.run();
  }
}
