package io.cloudshift.generate;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;

/**
 * A part of a billing month: the days [{@code firstDay}, {@code endDay}) (1-based, end exclusive),
 * the whole month unless a planted change of terms splits it at 00:00 UTC of a day inside it
 * (docs/methodology.md#terms-by-the-instant). Money planted in a part is billed on its days only.
 */
record MonthPart(YearMonth month, int firstDay, int endDay) {
  MonthPart {
    if (firstDay < 1 || endDay <= firstDay || endDay > month.lengthOfMonth() + 1) {
      throw new IllegalArgumentException(
          "not a part of " + month + ": days " + firstDay + " .. " + endDay);
    }
  }

  static MonthPart whole(YearMonth month) {
    return new MonthPart(month, 1, month.lengthOfMonth() + 1);
  }

  /** The part of {@code day}'s month before it and the part from it on; day must not be the 1st. */
  static MonthPart before(LocalDate day) {
    return new MonthPart(YearMonth.from(day), 1, day.getDayOfMonth());
  }

  static MonthPart from(LocalDate day) {
    YearMonth month = YearMonth.from(day);
    return new MonthPart(month, day.getDayOfMonth(), month.lengthOfMonth() + 1);
  }

  int days() {
    return endDay - firstDay;
  }

  boolean isWhole() {
    return days() == month.lengthOfMonth();
  }

  LocalDate startDate() {
    return month.atDay(firstDay);
  }

  /** The first day after the part (the next month's first day for the month's last part). */
  LocalDate endDate() {
    return month.atDay(1).plusDays(endDay - 1L);
  }

  Instant start() {
    return startDate().atStartOfDay().toInstant(ZoneOffset.UTC);
  }

  /**
   * Midnight UTC of the day of row {@code row} of {@code rows} spread evenly over the part: every
   * day gets ⌊rows / days⌋ or ⌈rows / days⌉ rows, so no day of the part is left without a charge
   * when there are at least as many rows as days.
   */
  Instant dayOfRow(int row, int rows) {
    int day = firstDay + (int) ((long) row * days() / rows);
    return month.atDay(day).atStartOfDay().toInstant(ZoneOffset.UTC);
  }

  @Override
  public String toString() {
    return isWhole() ? month.toString() : startDate() + " .. " + endDate();
  }
}
