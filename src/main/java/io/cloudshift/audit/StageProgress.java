package io.cloudshift.audit;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a stage has read and written so far. The stage reports each input and each commit as it
 * happens, so {@code job_runs} records them whether the stage ends well or fails half-way (a run
 * failed by the reject ratio has committed rejected_charges, and says so).
 */
public final class StageProgress {
  private static final Logger LOG = LoggerFactory.getLogger(StageProgress.class);
  private final Map<String, InputCount> inputs = new LinkedHashMap<>();
  private final List<DeliveryOutcome> deliveries = new ArrayList<>();
  private final Map<String, Long> versions = new LinkedHashMap<>();
  private final Set<String> notes = new LinkedHashSet<>();

  /** Records (or updates) the accounting of one input file, keyed by dataset and file. */
  public synchronized void read(InputCount input) {
    inputs.put(input.dataset() + "\u0000" + input.sourceFile(), input);
  }

  public synchronized void readAll(Collection<InputCount> read) {
    read.forEach(this::read);
  }

  public synchronized void delivered(Collection<DeliveryOutcome> outcomes) {
    deliveries.addAll(outcomes);
  }

  public synchronized void wrote(String table, long version) {
    LOG.info("Wrote {} (Delta version {})", table, version);
    versions.put(table, version);
  }

  /**
   * Something the stage did not fail for but a reader of job_runs must know (a link skipped, a name
   * that matches no other input): logged as a warning and kept for the stage's job_runs message.
   */
  public synchronized void note(String note) {
    if (notes.add(note)) {
      LOG.warn(note);
    }
  }

  public synchronized List<String> notes() {
    return List.copyOf(notes);
  }

  public synchronized List<InputCount> inputs() {
    return List.copyOf(inputs.values());
  }

  public synchronized List<DeliveryOutcome> deliveries() {
    return List.copyOf(deliveries);
  }

  public synchronized Map<String, Long> tableVersions() {
    return Map.copyOf(versions);
  }

  /** Table versions in the order they were written. */
  public synchronized Map<String, Long> tableVersionsInOrder() {
    return new LinkedHashMap<>(versions);
  }
}
