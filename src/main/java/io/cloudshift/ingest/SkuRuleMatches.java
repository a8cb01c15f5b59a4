package io.cloudshift.ingest;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lower;

import io.cloudshift.config.AttributionConfig;
import io.cloudshift.config.FocusRules;
import io.cloudshift.config.ResaleRule;
import io.cloudshift.schema.ChargeColumns;
import io.cloudshift.schema.Columns;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;

/**
 * Evaluates the configured rules that look at what was bought (AI service categories, GPU SKU
 * patterns, resale rules' service and SKU pattern) once per distinct (provider, service, SKU,
 * description, resource type) instead of once per charge, and joins the answers back as a small
 * broadcast table. Billing rows repeat a few hundred such combinations millions of times; matching
 * two dozen regular expressions on every row dominated the cost of ingest.
 */
public final class SkuRuleMatches {
  /**
   * True when the charge is AI workload (docs/methodology.md#billing-charges-focus): an AI service
   * category or a GPU SKU.
   */
  public static final String AI_WORKLOAD = "_ai_workload";

  private static final String KEY_PREFIX = "_sku_key_";
  private static final List<String> KEYS =
      List.of(
          Columns.PROVIDER,
          ChargeColumns.SERVICE_NAME,
          ChargeColumns.SERVICE_CATEGORY,
          ChargeColumns.SKU_ID,
          ChargeColumns.SKU_METER,
          ChargeColumns.CHARGE_DESCRIPTION,
          ChargeColumns.RESOURCE_TYPE);
  private static final List<String> GPU_MATCH_COLUMNS =
      List.of(
          ChargeColumns.SKU_ID,
          ChargeColumns.SKU_METER,
          ChargeColumns.CHARGE_DESCRIPTION,
          ChargeColumns.RESOURCE_TYPE);
  private static final List<String> RESALE_SKU_COLUMNS =
      List.of(ChargeColumns.SKU_ID, ChargeColumns.SKU_METER, ChargeColumns.CHARGE_DESCRIPTION);

  private final FocusRules focus;
  private final AttributionConfig attribution;

  public SkuRuleMatches(FocusRules focus, AttributionConfig attribution) {
    this.focus = focus;
    this.attribution = attribution;
  }

  /**
   * True when the charge's provider, service and SKU match resale rule {@code index} (validity not
   * yet applied).
   */
  public static String resaleMatch(int index) {
    return "_resale_match_" + index;
  }

  /**
   * {@code charges} with {@link #AI_WORKLOAD} and one {@link #resaleMatch} column per resale rule.
   */
  public Dataset<Row> withMatches(Dataset<Row> charges) {
    return withMatches(charges, charges);
  }

  /**
   * As {@link #withMatches(Dataset)}, with the distinct keys taken from {@code keySource}, a
   * superset of the charges that is cheaper to read (e.g. the rows before the checks that filter
   * them: its key columns need no check to be computed).
   */
  public Dataset<Row> withMatches(Dataset<Row> charges, Dataset<Row> keySource) {
    List<Column> keys = new ArrayList<>();
    for (String k : KEYS) {
      keys.add(col(k).cast(DataTypes.StringType).as(KEY_PREFIX + k));
    }
    List<Column> answers = new ArrayList<>();
    for (String k : KEYS) {
      answers.add(col(KEY_PREFIX + k));
    }
    answers.add(aiWorkload().as(AI_WORKLOAD));
    List<ResaleRule> rules = attribution.resaleRules();
    for (int i = 0; i < rules.size(); i++) {
      answers.add(resale(rules.get(i)).as(resaleMatch(i)));
    }
    Dataset<Row> table =
        keySource
            .select(keys.toArray(Column[]::new))
            .distinct()
            .select(answers.toArray(Column[]::new));
    Column on = lit(true);
    for (String k : KEYS) {
      // Cast: a column of literal nulls (type void) never matches itself in a null-safe hash join.
      on = on.and(col(k).cast(DataTypes.StringType).eqNullSafe(col(KEY_PREFIX + k)));
    }
    Dataset<Row> joined = charges.join(broadcast(table), on, "left");
    for (String k : KEYS) {
      joined = joined.drop(KEY_PREFIX + k);
    }
    return joined;
  }

  private static Column key(String column) {
    return col(KEY_PREFIX + column);
  }

  private Column aiWorkload() {
    Column ai = key(ChargeColumns.SERVICE_CATEGORY).isin(focus.aiServiceCategories().toArray());
    for (String pattern : focus.gpuSkuPatterns()) {
      for (String column : GPU_MATCH_COLUMNS) {
        ai = ai.or(key(column).rlike(pattern));
      }
    }
    return coalesce(ai, lit(false));
  }

  private static Column resale(ResaleRule rule) {
    Column match =
        key(Columns.PROVIDER)
            .equalTo(rule.provider())
            .and(
                lower(key(ChargeColumns.SERVICE_NAME))
                    .equalTo(rule.serviceName().toLowerCase(Locale.ROOT)));
    if (rule.skuPattern().isPresent()) {
      Column sku = lit(false);
      for (String column : RESALE_SKU_COLUMNS) {
        sku = sku.or(coalesce(key(column).rlike(rule.skuPattern().get()), lit(false)));
      }
      match = match.and(sku);
    }
    return coalesce(match, lit(false));
  }
}
