package io.cloudshift.generate;

import io.cloudshift.generate.ProviderMonthPlan.ComputeCell;
import io.cloudshift.schema.Stream;
import java.util.List;
import java.util.function.Consumer;

/**
 * The on-demand rows of one lab compute account in a month: mostly GPU nodes of the generations on
 * sale (Compute / Virtual Machines or Containers), some managed AI service time (AI and Machine
 * Learning) and some storage, at a negotiated discount of 20–45% off list. Each part of the month
 * (two when a planted change splits it) is billed on its own days, its rows spread evenly over
 * them.
 */
final class LabComputeCharges {
  private LabComputeCharges() {}

  static void add(ChargeFactory factory, ComputeCell cell, int rows, Consumer<Charge> out) {
    ExportMonth file = factory.file();
    List<Sku> gpus = file.profile().gpuSkusIn(file.month());
    ChargeRole role = ChargeRole.revenue(cell.lab(), Stream.COMPUTE);
    PartRows.forEach(
        cell.onDemandParts(),
        rows,
        file.random(),
        (amount, day) -> {
          double line = file.random().nextDouble();
          Sku sku;
          if (line < 0.78 || (line < 0.90 && file.profile().labAiSku().isEmpty())) {
            sku = file.pick(gpus);
          } else if (line < 0.90) {
            sku = file.profile().labAiSku().get();
          } else {
            sku = file.profile().labStorageSku();
          }
          Charge charge = factory.forAccount(cell.account(), role);
          out.accept(factory.usage(charge, sku, amount, file.fraction(0.55, 0.80), day));
        });
  }
}
