package io.cloudshift.generate;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Splits a monthly amount over rows with random weights. Each part is rounded to 6 decimals and the
 * last part takes the remainder, so the parts always sum to the amount exactly: the planted truth
 * does not depend on how many rows carry it, nor on the seed.
 */
final class AmountSplitter {
  static final int SCALE = 6;

  private AmountSplitter() {}

  static List<BigDecimal> split(BigDecimal total, int parts, SplittableRandom random) {
    if (parts < 1) {
      throw new IllegalArgumentException("cannot split into " + parts + " parts");
    }
    double[] weights = new double[parts];
    double sum = 0;
    for (int i = 0; i < parts; i++) {
      // 0.2 .. 1.8: uneven but never tiny, so no part rounds to zero or flips sign.
      weights[i] = 0.2 + 1.6 * random.nextDouble();
      sum += weights[i];
    }
    List<BigDecimal> result = new ArrayList<>(parts);
    BigDecimal assigned = BigDecimal.ZERO;
    for (int i = 0; i < parts - 1; i++) {
      BigDecimal part =
          total
              .multiply(BigDecimal.valueOf(weights[i] / sum))
              .setScale(SCALE, RoundingMode.HALF_EVEN);
      result.add(part);
      assigned = assigned.add(part);
    }
    result.add(total.subtract(assigned).setScale(SCALE, RoundingMode.UNNECESSARY));
    return result;
  }
}
