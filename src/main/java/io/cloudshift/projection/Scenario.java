package io.cloudshift.projection;

import io.cloudshift.periods.CalendarQuarter;
import java.util.List;

/**
 * One projection scenario (conf {@code cloudshift.scenarios[i]}, docs/methodology.md#projection).
 *
 * @param key the config key ({@code cloudshift.scenarios[0]}), for messages
 * @param startQuarter first projected calendar quarter (q = 1)
 * @param horizonQuarters H, the number of projected quarters
 * @param streams the configured streams, compute before resale
 * @param gridTargetShares sensitivity grid: target shares (empty = no grid)
 * @param gridGrowths sensitivity grid: annual growths (empty = no grid)
 */
public record Scenario(
    String key,
    String id,
    String description,
    String lab,
    String provider,
    CalendarQuarter startQuarter,
    int horizonQuarters,
    List<StreamAssumptions> streams,
    List<Double> gridTargetShares,
    List<Double> gridGrowths) {

  public Scenario {
    streams = List.copyOf(streams);
    gridTargetShares = List.copyOf(gridTargetShares);
    gridGrowths = List.copyOf(gridGrowths);
  }

  public CalendarQuarter lastQuarter() {
    return startQuarter.plus(horizonQuarters - 1);
  }

  /** "scenario 'base' (cloudshift.scenarios[0])": how messages name it. */
  public String describe() {
    return "scenario '" + id + "' (" + key + ")";
  }
}
