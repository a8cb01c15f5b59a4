package io.cloudshift.projection;

import static io.cloudshift.schema.UpliftProjectionTable.BASE_QUARTER_LABEL;
import static io.cloudshift.schema.UpliftProjectionTable.CUMULATIVE_UPLIFT;
import static io.cloudshift.schema.UpliftProjectionTable.GLIDE;
import static io.cloudshift.schema.UpliftProjectionTable.GROWTH;
import static io.cloudshift.schema.UpliftProjectionTable.HORIZON_QUARTERS;
import static io.cloudshift.schema.UpliftProjectionTable.NET_ACTUAL;
import static io.cloudshift.schema.UpliftProjectionTable.NET_COUNTERFACTUAL;
import static io.cloudshift.schema.UpliftProjectionTable.NEW_NET_FRACTION;
import static io.cloudshift.schema.UpliftProjectionTable.OLD_NET_FRACTION;
import static io.cloudshift.schema.UpliftProjectionTable.QUARTER_INDEX;
import static io.cloudshift.schema.UpliftProjectionTable.RATE;
import static io.cloudshift.schema.UpliftProjectionTable.SCENARIO_DESCRIPTION;
import static io.cloudshift.schema.UpliftProjectionTable.SCENARIO_ID;
import static io.cloudshift.schema.UpliftProjectionTable.START_SHARE;
import static io.cloudshift.schema.UpliftProjectionTable.START_SHARE_SOURCE;
import static io.cloudshift.schema.UpliftProjectionTable.START_TOTAL;
import static io.cloudshift.schema.UpliftProjectionTable.START_TOTAL_SOURCE;
import static io.cloudshift.schema.UpliftProjectionTable.STREAM_TOTAL;
import static io.cloudshift.schema.UpliftProjectionTable.TARGET_SHARE;
import static io.cloudshift.schema.UpliftProjectionTable.UPLIFT;
import static org.apache.spark.sql.functions.col;

import io.cloudshift.config.ProviderConfig;
import io.cloudshift.periods.FiscalCalendar;
import io.cloudshift.periods.QuarterColumns;
import io.cloudshift.schema.Columns;
import io.cloudshift.schema.ExactDecimal;
import io.cloudshift.schema.QuarterBasis;
import io.cloudshift.schema.TableSpec;
import io.cloudshift.schema.UpliftProjectionSensitivityTable;
import io.cloudshift.schema.UpliftProjectionTable;
import java.math.BigDecimal;
import java.sql.Date;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;

/** Projection results → DataFrames with the documented schemas of the two gold tables. */
public final class ProjectionRows {
  private static final String FIRST_DAY = "_first_day";

  private ProjectionRows() {}

  public static Dataset<Row> quarters(
      SparkSession spark, List<ProjectedQuarter> quarters, Map<String, ProviderConfig> providers) {
    List<Row> rows = new ArrayList<>();
    for (ProjectedQuarter p : quarters) {
      Scenario s = p.scenario();
      Map<String, Object> v = new HashMap<>();
      v.put(SCENARIO_ID, s.id());
      v.put(SCENARIO_DESCRIPTION, s.description());
      v.put(Columns.LAB, s.lab());
      v.put(Columns.PROVIDER, s.provider());
      v.put(Columns.STREAM, p.stream());
      v.put(QUARTER_INDEX, p.quarterIndex());
      v.put(Columns.QUARTER_START, Date.valueOf(p.quarter().firstDay()));
      v.put(HORIZON_QUARTERS, s.horizonQuarters());
      v.put(BASE_QUARTER_LABEL, p.baseQuarter() == null ? null : p.baseQuarter().label());
      v.put(START_TOTAL, p.startTotal());
      v.put(START_TOTAL_SOURCE, p.startTotalSource());
      v.put(GROWTH, decimal(p.growth()));
      v.put(STREAM_TOTAL, p.streamTotal());
      v.put(Columns.SHARE, decimal(p.share()));
      v.put(START_SHARE, decimal(p.startShare()));
      v.put(START_SHARE_SOURCE, p.startShareSource());
      v.put(TARGET_SHARE, decimal(p.targetShare()));
      v.put(GLIDE, p.glide() == null ? null : p.glide().value());
      v.put(Columns.OLD_RESALE_SHARE_TO_LAB, decimal(p.oldResaleShare()));
      v.put(Columns.NEW_RESALE_SHARE_TO_LAB, decimal(p.newResaleShare()));
      v.put(OLD_NET_FRACTION, decimal(p.oldNetFraction()));
      v.put(NEW_NET_FRACTION, decimal(p.newNetFraction()));
      v.put(NET_ACTUAL, p.netActual());
      v.put(NET_COUNTERFACTUAL, p.netCounterfactual());
      v.put(UPLIFT, p.uplift());
      v.put(Columns.BREAK_EVEN_SHARE, decimal(p.breakEvenShare()));
      v.put(CUMULATIVE_UPLIFT, p.cumulativeUplift());
      rows.add(row(UpliftProjectionTable.SPEC, v));
    }
    // The quarter columns are every table's (QuarterColumns), computed from each projected calendar
    // quarter's first day.
    Dataset<Row> projected =
        spark
            .createDataFrame(rows, UpliftProjectionTable.SPEC.schema())
            .drop(
                Columns.QUARTER_BASIS,
                Columns.QUARTER_LABEL,
                Columns.QUARTER_YEAR,
                Columns.QUARTER_NUMBER,
                Columns.QUARTER_END,
                Columns.FISCAL_YEAR,
                Columns.FISCAL_QUARTER_NUMBER,
                Columns.FISCAL_QUARTER_LABEL)
            .withColumnRenamed(Columns.QUARTER_START, FIRST_DAY);
    Column firstDay = col(FIRST_DAY);
    Column fiscalStart = FiscalCalendar.fiscalStartMonth(col(Columns.PROVIDER), providers.values());
    List<Column> quarterColumns =
        new ArrayList<>(
            List.of(QuarterColumns.quarterOf(QuarterBasis.CALENDAR, firstDay, fiscalStart)));
    quarterColumns.addAll(List.of(QuarterColumns.monthOf(firstDay, fiscalStart)));
    return UpliftProjectionTable.SPEC.conform(
        projected.select(QuarterColumns.with(projected, quarterColumns.toArray(Column[]::new))));
  }

  public static Dataset<Row> grid(SparkSession spark, List<SensitivityCell> cells) {
    List<Row> rows = new ArrayList<>();
    for (SensitivityCell c : cells) {
      Scenario s = c.scenario();
      Map<String, Object> v = new HashMap<>();
      v.put(UpliftProjectionTable.SCENARIO_ID, s.id());
      v.put(UpliftProjectionTable.SCENARIO_DESCRIPTION, s.description());
      v.put(Columns.LAB, s.lab());
      v.put(Columns.PROVIDER, s.provider());
      v.put(Columns.STREAM, c.assumptions().stream().value());
      v.put(UpliftProjectionTable.TARGET_SHARE, decimal(c.targetShare()));
      v.put(UpliftProjectionTable.GROWTH, decimal(c.growth()));
      v.put(UpliftProjectionTable.HORIZON_QUARTERS, s.horizonQuarters());
      v.put(UpliftProjectionSensitivityTable.FIRST_QUARTER_LABEL, s.startQuarter().label());
      v.put(UpliftProjectionSensitivityTable.LAST_QUARTER_LABEL, s.lastQuarter().label());
      v.put(UpliftProjectionTable.START_TOTAL, ScenarioProjector.money(c.base().startTotal()));
      v.put(UpliftProjectionTable.START_SHARE, decimal(c.base().startShare()));
      v.put(UpliftProjectionTable.GLIDE, c.assumptions().glide().value());
      v.put(UpliftProjectionTable.OLD_NET_FRACTION, decimal(c.assumptions().oldNetFraction()));
      v.put(UpliftProjectionTable.NEW_NET_FRACTION, decimal(c.assumptions().newNetFraction()));
      v.put(UpliftProjectionSensitivityTable.CUMULATIVE_NET_ACTUAL, c.cumulativeNetActual());
      v.put(
          UpliftProjectionSensitivityTable.CUMULATIVE_NET_COUNTERFACTUAL,
          c.cumulativeNetCounterfactual());
      v.put(UpliftProjectionTable.CUMULATIVE_UPLIFT, c.cumulativeUplift());
      v.put(Columns.BREAK_EVEN_SHARE, decimal(c.breakEvenShare()));
      v.put(UpliftProjectionSensitivityTable.IS_SCENARIO_CASE, c.scenarioCase());
      rows.add(row(UpliftProjectionSensitivityTable.SPEC, v));
    }
    return spark.createDataFrame(rows, UpliftProjectionSensitivityTable.SPEC.schema());
  }

  private static Row row(TableSpec spec, Map<String, Object> values) {
    return RowFactory.create(spec.columnNames().stream().map(values::get).toArray());
  }

  /** Decimal places kept in share and rate columns: the exact-decimal policy's fractions. */
  public static final int FRACTION_SCALE = RATE.scale();

  /** A configured share or rate, as the decimal written in the config, at the tables' scale. */
  private static BigDecimal decimal(Double value) {
    return value == null ? null : decimal(BigDecimal.valueOf(value));
  }

  /** A computed share or rate at {@link #FRACTION_SCALE} places, rounded half-even. */
  private static BigDecimal decimal(BigDecimal value) {
    return value == null ? null : value.setScale(FRACTION_SCALE, ExactDecimal.ROUNDING);
  }
}
