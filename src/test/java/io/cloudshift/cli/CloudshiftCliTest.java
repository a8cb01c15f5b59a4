package io.cloudshift.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/**
 * The command line in this JVM, for what it decides before Spark starts: help, and mistakes that
 * give one line and exit code 2. LauncherIT runs the real bin/cloudshift for the rest.
 */
class CloudshiftCliTest {
  private record Result(int exitCode, String stdout, String stderr) {}

  private static Result cloudshift(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exitCode = CloudshiftCli.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
    return new Result(exitCode, out.toString(), err.toString());
  }

  @Test
  void helpListsTheSubcommandsAndTheirOptions() {
    Result help = cloudshift("--help");
    assertThat(help.exitCode()).isZero();
    assertThat(help.stdout()).contains("ingest", "generate", "run-all");
    assertThat(cloudshift("ingest", "--help").stdout()).contains("--period", "--config", "--set", "--run-id");
  }

  @Test
  void mistakesGiveOneLineAndExitCodeTwo() {
    Result flag = cloudshift("ingest", "--bogus");
    assertThat(flag.exitCode()).isEqualTo(2);
    assertThat(flag.stderr().strip()).isEqualTo("ingest: Unknown option: '--bogus' (see 'cloudshift ingest --help')");

    Result period = cloudshift("ingest", "--period", "2024-13");
    assertThat(period.exitCode()).isEqualTo(2);
    assertThat(period.stderr().strip()).startsWith("cloudshift ingest: Invalid --period: '2024-13' is not a month or a range").doesNotContain("\n");

    Result config = cloudshift("ingest", "--set", "quality.max-reject-ratio=7");
    assertThat(config.exitCode()).isEqualTo(2);
    assertThat(config.stderr().strip())
        .isEqualTo("cloudshift ingest: Invalid config cloudshift.quality.max-reject-ratio: 7.0 must be a fraction between 0 and 1");

    Result rows = cloudshift("generate", "--rows", "0");
    assertThat(rows.exitCode()).isEqualTo(2);
    assertThat(rows.stderr().strip()).isEqualTo("cloudshift generate: Invalid --rows 0: must be a positive number");
  }
}
