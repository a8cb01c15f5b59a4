package io.cloudshift.generate;

import io.cloudshift.generate.ProviderMonthPlan.ResaleCell;
import io.cloudshift.schema.Stream;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.function.Consumer;

/**
 * Ordinary customers' charges for a lab's models sold by the provider (Azure OpenAI, Bedrock
 * Claude, ...): ServiceName exactly the resale rule's, a model whose name the rule's sku-pattern
 * recognises in SkuId and SkuMeter, ServiceCategory "AI and Machine Learning", and the provider's
 * own first-party publisher, so the rows are not marketplace. Like a lab's compute, each part of
 * the month is billed on its own days, its rows spread evenly over them.
 */
final class ResaleCharges {
  private static final BigDecimal OUTPUT_PRICE_FACTOR = new BigDecimal("4");

  /** A quarter of resale rows are billed at this fraction of the list price. */
  private static final BigDecimal DISCOUNTED_PRICE = new BigDecimal("0.90");

  private ResaleCharges() {}

  static void add(
      ChargeFactory factory,
      ResaleCell cell,
      AttributionRules rules,
      List<Account> customers,
      int rows,
      Consumer<Charge> out) {
    ExportMonth file = factory.file();
    ProviderStyle style = file.profile().style();
    List<ModelCatalog.Model> models =
        ModelCatalog.modelsOf(
            cell.lab(),
            file.month(),
            model ->
                rules.skuMatches(
                    cell.rule(),
                    style.modelSkuId(model.vendor(), model.name(), "Input"),
                    style.modelMeter(model.name(), "Input")));
    if (models.isEmpty()) {
      throw new IllegalStateException(
          "Cannot generate "
              + cell.lab()
              + " resale at "
              + file.providerId()
              + ": no model name matches the sku-pattern "
              + cell.rule().skuPattern().orElse("")
              + " of rule "
              + cell.rule().ruleId()
              + " (adjust the rule)");
    }
    // Both token SKUs of every model, made once per cell rather than per row (no random draws
    // here).
    List<ModelSkus> skus =
        models.stream()
            .map(
                model ->
                    new ModelSkus(
                        tokens(style, cell, model, "Input", file.month()),
                        tokens(style, cell, model, "Output", file.month())))
            .toList();
    ChargeRole role = ChargeRole.revenue(cell.lab(), Stream.RESALE);
    PartRows.forEach(
        cell.parts(),
        rows,
        file.random(),
        (amount, day) -> {
          ModelSkus model = file.pick(skus);
          Sku sku = file.random().nextInt(5) < 2 ? model.output() : model.input();
          Charge charge = factory.forAccount(file.pick(customers), role);
          BigDecimal discount = file.random().nextInt(4) == 0 ? DISCOUNTED_PRICE : BigDecimal.ONE;
          out.accept(factory.usage(charge, sku, amount, discount, day));
        });
  }

  /** The input and output token lines of one model. */
  private record ModelSkus(Sku input, Sku output) {}

  private static Sku tokens(
      ProviderStyle style,
      ResaleCell cell,
      ModelCatalog.Model model,
      String direction,
      YearMonth month) {
    BigDecimal price = new BigDecimal(model.inputPricePerMillion());
    if (direction.equals("Output")) {
      price = price.multiply(OUTPUT_PRICE_FACTOR);
    }
    return new Sku(
        "AI and Machine Learning",
        "Generative AI",
        cell.rule().serviceName(),
        style.modelSkuId(model.vendor(), model.name(), direction),
        style.modelMeter(model.name(), direction),
        "Model deployment",
        "1M Tokens",
        price,
        "Tokens",
        BigDecimal.valueOf(1_000_000L),
        month,
        month);
  }
}
