package io.cloudshift.generate;

import io.cloudshift.generate.ProviderMonthPlan.PartAmount;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The usage rows of a cell's month, part by part (two parts when a planted change splits the
 * month): each part gets its share of the rows, its amount split over them exactly, and each row
 * the day it is billed, spread evenly over the part's days. The random draws happen in a fixed
 * order — a part's split, then its rows' own draws — so the files stay byte-identical for given
 * options.
 */
final class PartRows {
  /** Receives one row: its amount and the midnight UTC of the day it is billed. */
  @FunctionalInterface
  interface Row {
    void accept(BigDecimal amount, Instant day);
  }

  private PartRows() {}

  static void forEach(List<PartAmount> parts, int rows, SplittableRandom random, Row row) {
    int[] perPart = RowBudget.perPart(rows, parts.stream().map(PartAmount::part).toList());
    for (int p = 0; p < parts.size(); p++) {
      PartAmount part = parts.get(p);
      if (part.amount().signum() == 0) {
        continue;
      }
      List<BigDecimal> amounts = AmountSplitter.split(part.amount(), perPart[p], random);
      for (int i = 0; i < amounts.size(); i++) {
        row.accept(amounts.get(i), part.part().dayOfRow(i, amounts.size()));
      }
    }
  }
}
