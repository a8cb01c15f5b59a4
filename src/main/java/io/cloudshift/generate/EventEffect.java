package io.cloudshift.generate;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The planted effect of one change of terms on one lab stream, kept apart from the trend that the
 * counterfactual share paths carry on through the change: from 00:00 UTC of {@code from} each
 * gainer's share is its counterfactual share plus its gain, and the event's provider (the plan's
 * remainder provider) loses their sum. In the month holding {@code from} only the part from that
 * day on has the effect, so a change inside a month splits it into two planted parts. What was
 * planted is written to _truth/planted_effects.csv.
 *
 * @param eventId the partnership record of the change (e.g. P13)
 * @param provider the provider whose share the effect takes (the plan's remainder provider)
 * @param from the day the change takes effect (its effective_from)
 * @param gains per gaining provider, its extra share as a path of steps and ramps starting in the
 *     month of {@code from}
 * @param source the public fact or assumption the effect rests on
 */
record EventEffect(
    String eventId, String provider, LocalDate from, Map<String, SharePath> gains, String source) {

  EventEffect {
    gains = Collections.unmodifiableMap(new LinkedHashMap<>(gains));
    if (gains.isEmpty() || gains.containsKey(provider)) {
      throw new IllegalArgumentException(
          eventId + ": an effect moves share from " + provider + " to at least one other provider");
    }
    for (Map.Entry<String, SharePath> gain : gains.entrySet()) {
      YearMonth first = gain.getValue().segments().get(0).from();
      if (!first.equals(YearMonth.from(from))) {
        throw new IllegalArgumentException(
            eventId
                + ": the gain of "
                + gain.getKey()
                + " must start in the month of the change ("
                + YearMonth.from(from)
                + "), not "
                + first);
      }
    }
  }

  /** Whether the effect is in force over the whole of {@code part}. */
  boolean appliesTo(MonthPart part) {
    return !part.startDate().isBefore(from);
  }

  /** The month the change splits: the month holding {@code from} unless it is its first day. */
  Optional<YearMonth> splitMonth() {
    return from.getDayOfMonth() == 1 ? Optional.empty() : Optional.of(YearMonth.from(from));
  }

  /** A gainer's extra share in {@code part} (zero before the change and for other providers). */
  BigDecimal gain(String gainer, MonthPart part) {
    SharePath path = gains.get(gainer);
    return path == null || !appliesTo(part) ? BigDecimal.ZERO : path.at(part.month());
  }
}
