package io.cloudshift.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The README's prose is a resource; the generator only fills in its placeholders. */
class SyntheticReadmeTest {

  @Test
  void everyPlaceholderIsFilledAndTheRestIsLeftAsWritten() {
    assertThat(
            SyntheticReadme.fill(
                "rows {{rows}}, seed {{seed}}, again {{rows}}; {not} {{ a }} $1 \\",
                Map.of("rows", "30000", "seed", "$7")))
        .isEqualTo("rows 30000, seed $7, again 30000; {not} {{ a }} $1 \\");
  }

  @Test
  void aPlaceholderWithoutAValueOrAValueWithoutAPlaceholderIsABug() {
    assertThatThrownBy(() -> SyntheticReadme.fill("{{rows}} {{seed}}", Map.of("rows", "1")))
        .hasMessageContaining("{{seed}}");
    assertThatThrownBy(() -> SyntheticReadme.fill("{{rows}}", Map.of("rows", "1", "seed", "2")))
        .hasMessageContaining("never uses [seed]");
  }
}
