package io.cloudshift.audit;

import java.util.List;
import java.util.Map;

/** What one stage read (per input file) and wrote (Delta version per table). */
public record StageResult(List<InputCount> inputs, Map<String, Long> tableVersions) {
  public static StageResult wrote(Map<String, Long> tableVersions) {
    return new StageResult(List.of(), tableVersions);
  }
}
