package io.cloudshift.ingest.reference;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.spark.sql.Column;

/**
 * How the rows of one curated input are validated: its columns, the parser of each typed column,
 * any helper columns derived from parsed values, and the checks, in reason-code priority order.
 * Each parsed value is computed once per row (see {@link RowValidator}) and shared by the checks
 * and the silver projection.
 */
record Rules(
    List<String> columns,
    Map<String, Function<Column, Column>> parsers,
    Map<String, Column> derived,
    List<Check> checks) {

  Rules {
    columns = List.copyOf(columns);
    parsers = Collections.unmodifiableMap(new LinkedHashMap<>(parsers));
    derived = Collections.unmodifiableMap(new LinkedHashMap<>(derived));
    checks = List.copyOf(checks);
  }

  static Builder forColumns(List<String> columns) {
    return new Builder(columns);
  }

  /** Collects the rules of one input; used once, while the transform is built. */
  static final class Builder {
    private final List<String> columns;
    private final Map<String, Function<Column, Column>> parsers = new LinkedHashMap<>();
    private final Map<String, Column> derived = new LinkedHashMap<>();
    private final List<Check> checks = new ArrayList<>();

    private Builder(List<String> columns) {
      this.columns = columns;
    }

    /** Parses {@code column}'s trimmed text into {@link RowValidator#typed(String)}. */
    Builder parse(String column, Function<Column, Column> parser) {
      parsers.put(column, parser);
      return this;
    }

    Builder parse(List<String> columns, Function<Column, Column> parser) {
      columns.forEach(c -> parse(c, parser));
      return this;
    }

    /** A helper column computed from parsed values, for checks that need it more than once. */
    Builder derive(String name, Column value) {
      derived.put(name, value);
      return this;
    }

    Builder check(Check check) {
      checks.add(check);
      return this;
    }

    Builder checkEach(List<String> columns, Function<String, Check> check) {
      columns.forEach(c -> checks.add(check.apply(c)));
      return this;
    }

    Rules build() {
      return new Rules(columns, parsers, derived, checks);
    }
  }
}
