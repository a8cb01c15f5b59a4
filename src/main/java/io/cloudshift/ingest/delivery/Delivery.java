package io.cloudshift.ingest.delivery;

import io.cloudshift.io.FocusFile;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * What one run of a provider's export wrote (docs/ingest.md, "Delivery model"): the files of one
 * folder, or one file, and when it was last written. Its billing month is the one its folder names;
 * without such a folder the months of its rows decide.
 */
public record Delivery(
    String exportId,
    String location,
    List<FocusFile> files,
    Instant modifiedAt,
    Optional<YearMonth> folderMonth) {
  /**
   * The later delivery of a month wins; equal times fall back to the location, so reruns choose
   * alike.
   */
  public static final Comparator<Delivery> RECENCY =
      Comparator.comparing(Delivery::modifiedAt).thenComparing(Delivery::location);

  public Delivery {
    files = List.copyOf(files);
  }
}
