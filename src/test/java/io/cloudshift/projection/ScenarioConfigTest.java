package io.cloudshift.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudshift.config.InvalidConfigException;
import io.cloudshift.periods.CalendarQuarter;
import io.cloudshift.schema.Stream;
import io.cloudshift.testing.TestConfigs;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code cloudshift.scenarios}: the bundled scenarios, and one-line errors naming the key. */
class ScenarioConfigTest {
  static final String RESALE =
      "resale { growth = 1.0, target-share = 0.75, old-resale-share = 0.2, new-resale-share = 0 }";

  /** A one-scenario list; {@code body} replaces the stream sections. */
  static String scenario(String id, String extra, String body) {
    return "[{ id = "
        + id
        + ", description = \"test\", lab = OpenAI, provider = azure, start-quarter = \"2026Q4\", "
        + "horizon-quarters = 8"
        + (extra.isEmpty() ? "" : ", " + extra)
        + (body.isEmpty() ? "" : ", " + body)
        + " }]";
  }

  static List<Scenario> read(String scenariosHocon) {
    return ScenarioConfig.read(TestConfigs.bundled(Map.of("scenarios", scenariosHocon)));
  }

  @Test
  void theBundledConfHasTheThreeOpenAiAzureScenarios() {
    List<Scenario> scenarios = ScenarioConfig.read(TestConfigs.bundled(Map.of()));
    assertThat(scenarios).extracting(Scenario::id).containsExactly("base", "bear", "bull");
    for (Scenario s : scenarios) {
      assertThat(s.lab()).isEqualTo("OpenAI");
      assertThat(s.provider()).isEqualTo("azure");
      assertThat(s.startQuarter()).isEqualTo(new CalendarQuarter(2026, 4));
      assertThat(s.horizonQuarters()).isEqualTo(8);
      assertThat(s.lastQuarter().label()).isEqualTo("2028Q3");
      assertThat(s.gridTargetShares()).containsExactly(0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0);
      assertThat(s.gridGrowths()).containsExactly(0.4, 0.8, 1.2);
      StreamAssumptions compute = s.streams().get(0);
      StreamAssumptions resale = s.streams().get(1);
      assertThat(compute.stream()).isEqualTo(Stream.COMPUTE);
      assertThat(compute.growth()).isEqualTo(0.8);
      assertThat(compute.oldNetFraction()).isEqualByComparingTo("1");
      assertThat(resale.growth()).isEqualTo(1.0);
      assertThat(resale.oldResaleShare()).isEqualTo(0.2);
      assertThat(resale.newResaleShare()).isEqualTo(0.0);
      assertThat(compute.startShare()).as("observed").isNull();
      assertThat(compute.startTotalUsd()).as("observed").isNull();
    }
    assertThat(scenarios.get(0).streams())
        .extracting(StreamAssumptions::targetShare)
        .containsExactly(0.55, 0.75);
    assertThat(scenarios.get(1).streams())
        .extracting(StreamAssumptions::targetShare)
        .containsExactly(0.35, 0.5);
    assertThat(scenarios.get(2).streams())
        .extracting(StreamAssumptions::targetShare)
        .as("held")
        .containsExactly(null, null);
    assertThat(scenarios.get(0).streams())
        .extracting(StreamAssumptions::glide)
        .containsExactly(Glide.LINEAR, Glide.LINEAR);
  }

  @Test
  void theDefaultsHaveNoScenario() {
    assertThat(ScenarioConfig.read(io.cloudshift.config.ConfigLoader.load(List.of(), Map.of())))
        .isEmpty();
  }

  @Test
  void aNegativeHorizonIsRefusedNamingTheKey() {
    String hocon =
        scenario("s", "", "compute { growth = 0.8 }")
            .replace("horizon-quarters = 8", "horizon-quarters = -2");
    assertThatThrownBy(() -> read(hocon))
        .isInstanceOf(InvalidConfigException.class)
        .hasMessage(
            "Invalid config cloudshift.scenarios[0].horizon-quarters: -2 must be a positive whole"
                + " number of quarters");
  }

  @Test
  void aShareAboveOneIsRefusedNamingTheKey() {
    assertThatThrownBy(
            () ->
                read(
                    scenario(
                        "s",
                        "",
                        "resale { growth = 1.0, target-share = 1.2, old-resale-share = 0.2,"
                            + " new-resale-share = 0 }")))
        .isInstanceOf(InvalidConfigException.class)
        .hasMessage(
            "Invalid config cloudshift.scenarios[0].resale.target-share: 1.2 must be a fraction"
                + " between 0 and 1");
    assertThatThrownBy(() -> read(scenario("s", "", "compute { growth = 0.8, start-share = 1.5 }")))
        .hasMessageStartingWith("Invalid config cloudshift.scenarios[0].compute.start-share: 1.5");
    assertThatThrownBy(
            () ->
                read(
                    scenario(
                        "s",
                        "sensitivity { target-shares = [0.5, 2], growths = [0.8] }",
                        "compute { growth = 0.8 }")))
        .hasMessageStartingWith(
            "Invalid config cloudshift.scenarios[0].sensitivity.target-shares: 2.0");
  }

  @Test
  void anUnknownGlideIsRefusedNamingTheKey() {
    assertThatThrownBy(
            () ->
                read(
                    scenario(
                        "s", "", "compute { growth = 0.8, target-share = 0.5, glide = curvy }")))
        .isInstanceOf(InvalidConfigException.class)
        .hasMessage(
            "Invalid config cloudshift.scenarios[0].compute.glide: 'curvy' is not one of [linear,"
                + " step, exponential]");
  }

  @Test
  void otherMistakesAreOneLineErrorsNamingTheKey() {
    assertThatThrownBy(
            () -> read(scenario("s", "", "compute { growth = 0.8, target_share = 0.5 }")))
        .hasMessageStartingWith(
            "Invalid config cloudshift.scenarios[0].compute.target_share: unknown key");
    assertThatThrownBy(() -> read(scenario("s", "", "compute { growth = -1 }")))
        .hasMessageStartingWith(
            "Invalid config cloudshift.scenarios[0].compute.growth: -1.0 must be an annual growth"
                + " rate greater than -1");
    assertThatThrownBy(
            () -> read(scenario("s", "", "compute { growth = 0.8, old-resale-share = 0.2 }")))
        .hasMessageStartingWith(
            "Invalid config cloudshift.scenarios[0].compute.old-resale-share: compute has no resale"
                + " share");
    assertThatThrownBy(() -> read(scenario("s", "", "resale { growth = 1.0 }")))
        .hasMessage(
            "Invalid config cloudshift.scenarios[0].resale.old-resale-share: missing (it is"
                + " required)");
    assertThatThrownBy(() -> read(scenario("s", "", "")))
        .hasMessageStartingWith(
            "Invalid config cloudshift.scenarios[0]: scenario 's' configures no stream");
    assertThatThrownBy(
            () -> read(scenario("s", "", "compute { growth = 0.8 }").replace("2026Q4", "2026-10")))
        .hasMessage(
            "Invalid config cloudshift.scenarios[0].start-quarter: '2026-10' is not a calendar"
                + " quarter (use yyyyQn, e.g. 2026Q4)");
    assertThatThrownBy(
            () ->
                read(
                    scenario("s", "", "compute { growth = 0.8 }")
                        .replace("provider = azure", "provider = ibm")))
        .hasMessageStartingWith(
            "Invalid config cloudshift.scenarios[0].provider: unknown provider 'ibm'");
    assertThatThrownBy(
            () ->
                read(
                    scenario(
                        "s", "", "compute { growth = 0.8, glide = linear, glide-rate = 0.3 }")))
        .hasMessageStartingWith(
            "Invalid config cloudshift.scenarios[0].compute.glide-rate: applies only to glide ="
                + " exponential");
    assertThatThrownBy(() -> read(scenario("s", "", "compute { growth = fast }")))
        .hasMessageStartingWith(
            "Invalid config cloudshift.scenarios[0].compute.growth: has the wrong type");
    String twice = scenario("s", "", "compute { growth = 0.8 }");
    assertThatThrownBy(
            () -> read(twice.substring(0, twice.length() - 1) + ", " + twice.substring(1)))
        .hasMessage(
            "Invalid config cloudshift.scenarios[1].id: scenario id 's' is used twice (ids must be"
                + " unique)");
  }

  @Test
  void optionalKeysHaveTheirDocumentedDefaults() {
    Scenario s = read(scenario("s", "", "compute { growth = 0.8, glide = exponential }")).get(0);
    StreamAssumptions compute = s.streams().get(0);
    assertThat(compute.glideRate()).isEqualTo(ScenarioConfig.DEFAULT_GLIDE_RATE);
    assertThat(compute.targetShare()).as("held at the start share").isNull();
    assertThat(s.gridTargetShares()).isEmpty();
    assertThat(read(scenario("s", "", "compute { growth = 0.8 }")).get(0).streams().get(0).glide())
        .isEqualTo(Glide.LINEAR);
  }
}
