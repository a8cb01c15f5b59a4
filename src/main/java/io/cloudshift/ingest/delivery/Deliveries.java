package io.cloudshift.ingest.delivery;

import io.cloudshift.config.ExportConfig;
import io.cloudshift.io.FocusFile;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Groups an export's files into deliveries and chooses the latest delivery of each billing month.
 */
public final class Deliveries {
  private Deliveries() {}

  /**
   * The export's deliveries, in path order: one per folder or one per file, as the export is
   * configured.
   */
  public static List<Delivery> group(ExportConfig export, List<FocusFile> files) {
    Function<FocusFile, String> location =
        export.delivery() == ExportConfig.Delivery.FOLDER
            ? FocusFile::folder
            : f -> f.path().toString();
    Map<String, List<FocusFile>> byLocation = new TreeMap<>();
    for (FocusFile file : files) {
      byLocation.computeIfAbsent(location.apply(file), k -> new ArrayList<>()).add(file);
    }
    List<Delivery> deliveries = new ArrayList<>();
    byLocation.forEach(
        (where, members) -> {
          Instant modified =
              members.stream()
                  .map(FocusFile::modifiedAt)
                  .max(Comparator.naturalOrder())
                  .orElseThrow();
          // Files of one folder share its billing_period= folder, so the first one speaks for all.
          Optional<YearMonth> month = members.get(0).folderMonth();
          deliveries.add(new Delivery(export.id(), where, members, modified, month));
        });
    return List.copyOf(deliveries);
  }

  /**
   * For each month any delivery holds, the latest delivery holding it ({@link Delivery#RECENCY}).
   */
  public static Map<YearMonth, Delivery> latestPerMonth(Map<Delivery, Set<YearMonth>> monthsOf) {
    Map<YearMonth, Delivery> latest = new TreeMap<>();
    monthsOf.forEach(
        (delivery, months) -> {
          for (YearMonth month : months) {
            latest.merge(month, delivery, (a, b) -> Delivery.RECENCY.compare(a, b) >= 0 ? a : b);
          }
        });
    return latest;
  }

  /** Folder deliveries by the month their folder names; deliveries without one are left out. */
  public static Map<Delivery, Set<YearMonth>> folderMonths(List<Delivery> deliveries) {
    Map<Delivery, Set<YearMonth>> months = new LinkedHashMap<>();
    for (Delivery d : deliveries) {
      d.folderMonth().ifPresent(m -> months.put(d, Set.of(m)));
    }
    return months;
  }
}
