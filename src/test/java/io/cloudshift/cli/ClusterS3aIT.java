package io.cloudshift.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudshift.schema.Tables;
import io.cloudshift.testing.BundledPipeline;
import io.cloudshift.testing.ChildProcess;
import io.cloudshift.testing.TableContents;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What users run: spark-submit of the shaded jar to a Spark standalone cluster (a master and one
 * worker on 127.0.0.1, started from PySpark's distribution) with inputs and tables in object
 * storage through S3A (S3Proxy in its own JVM, a folder behind it; credentials only in the
 * environment, path-style, no TLS). The command line is the README's "Running on a cluster"
 * standalone one; the tables must equal those of the build's bundled run (BundledPipeline), by
 * content.
 */
class ClusterS3aIT {
  private static final String BUCKET = "cloudshift-it";
  private static final Path SPARK_CLASS = Path.of(".venv", "bin", "spark-class");
  private static final Path SPARK_SUBMIT = Path.of(".venv", "bin", "spark-submit");

  /**
   * The C1 compiler alone, with room for its code (its default 48 MB code cache filled in the unit
   * tests' JVM).
   */
  private static final String QUICK_JIT = "-XX:TieredStopAtLevel=1 -XX:ReservedCodeCacheSize=256m";

  @TempDir Path dir;

  @Test
  void runAllOnAStandaloneClusterWithS3aStorageWritesTheTablesOfALocalRun() throws Exception {
    Path local = BundledPipeline.completeWarehouse();
    String accessKey = "cloudshift-it";
    String secretKey = UUID.randomUUID().toString();
    Map<String, String> credentials =
        Map.of("AWS_ACCESS_KEY_ID", accessKey, "AWS_SECRET_ACCESS_KEY", secretKey);
    Path logs = dir.resolve("logs");
    // The cluster runs from PySpark's distribution in .venv, which bin/cloudshift creates on first
    // use: on a fresh clone this may be the first test to need it.
    ChildProcess venv =
        ChildProcess.start(
            "python-venv", List.of("bin/python-venv", ".venv", "requirements.txt"), Map.of(), logs);
    assertThat(venv.waitFor(Duration.ofMinutes(15))).as(venv.stderr()).isZero();
    int s3Port = freePort();
    int masterPort = freePort();
    String endpoint = "http://127.0.0.1:" + s3Port;
    Path objects = dir.resolve("objects");
    Files.createDirectories(objects.resolve(BUCKET));
    Path s3proxyProperties =
        Files.writeString(
            dir.resolve("s3proxy.properties"),
            String.join(
                "\n",
                "s3proxy.endpoint=" + endpoint,
                "s3proxy.authorization=aws-v2-or-v4",
                "s3proxy.identity=" + accessKey,
                "s3proxy.credential=" + secretKey,
                "jclouds.provider=filesystem",
                "jclouds.filesystem.basedir=" + objects));
    // PySpark's scripts find Spark's home through the venv's Python, as after `source
    // .venv/bin/activate`.
    String venvPath =
        Path.of(".venv", "bin").toAbsolutePath() + File.pathSeparator + System.getenv("PATH");
    Map<String, String> local127 =
        Map.of(
            "PATH",
            venvPath,
            "SPARK_LOCAL_IP",
            "127.0.0.1",
            // Small daemons, no REST submission port (a fixed port two test runs would share).
            "SPARK_DAEMON_MEMORY",
            "512m",
            "SPARK_MASTER_OPTS",
            "-Dspark.master.rest.enabled=false");
    Map<String, String> workerEnv = new HashMap<>(local127);
    // Executors inherit the worker's environment: the cluster's credentials, never the job's conf.
    workerEnv.putAll(credentials);

    try (ChildProcess s3proxy =
            ChildProcess.start(
                    "s3proxy",
                    List.of(
                        "java",
                        "-Xmx512m",
                        "-jar",
                        Path.of("target", "it-tools", "s3proxy.jar").toString(),
                        "--properties",
                        s3proxyProperties.toString()),
                    Map.of(),
                    logs)
                .awaitOutput("Started ogsoejs.Server", Duration.ofMinutes(1));
        ChildProcess master =
            ChildProcess.start(
                    "spark-master",
                    List.of(
                        SPARK_CLASS.toString(),
                        "org.apache.spark.deploy.master.Master",
                        "--host",
                        "127.0.0.1",
                        "--port",
                        String.valueOf(masterPort),
                        "--webui-port",
                        "0"),
                    local127,
                    logs)
                .awaitOutput("I have been elected leader", Duration.ofMinutes(2));
        ChildProcess worker =
            ChildProcess.start(
                    "spark-worker",
                    List.of(
                        SPARK_CLASS.toString(),
                        "org.apache.spark.deploy.worker.Worker",
                        "spark://127.0.0.1:" + masterPort,
                        "--host",
                        "127.0.0.1",
                        "--cores",
                        "2",
                        "--memory",
                        "2g",
                        "--webui-port",
                        "0",
                        "--work-dir",
                        dir.resolve("worker").toString()),
                    workerEnv,
                    logs)
                .awaitOutput("Successfully registered with master", Duration.ofMinutes(2))) {
      upload(Path.of("datasets"), "s3a://" + BUCKET + "/inputs", endpoint, accessKey, secretKey);
      Path config =
          Files.writeString(
              dir.resolve("s3a-it.conf"),
              String.join(
                  "\n",
                  "cloudshift {",
                  "  warehouse = \"s3a://" + BUCKET + "/warehouse\"",
                  "  inputs.root = \"s3a://" + BUCKET + "/inputs\"",
                  "  spark.conf {",
                  "    \"spark.hadoop.fs.s3a.endpoint\" = \"" + endpoint + "\"",
                  "    \"spark.hadoop.fs.s3a.endpoint.region\" = \"us-east-1\"",
                  "    \"spark.hadoop.fs.s3a.path.style.access\" = \"true\"",
                  "    \"spark.hadoop.fs.s3a.connection.ssl.enabled\" = \"false\"",
                  "  }",
                  "}"));

      Map<String, String> submitEnv = new HashMap<>(credentials);
      submitEnv.put("PATH", venvPath);
      submitEnv.put("SPARK_LOCAL_IP", "127.0.0.1");
      // The README's standalone command line, and the JIT options below.
      List<String> submit =
          new ArrayList<>(
              List.of(
                  SPARK_SUBMIT.toString(),
                  "--master",
                  "spark://127.0.0.1:" + masterPort,
                  "--class",
                  CloudshiftCli.class.getName(),
                  "--jars",
                  s3aJars(),
                  "--driver-memory",
                  "1g",
                  "--conf",
                  "spark.executor.memory=1g",
                  // For speed alone: the driver and the executor share two cores, and C2's
                  // compiling competed with both (docs/performance.md, "The cluster test's JVMs").
                  "--conf",
                  "spark.driver.defaultJavaOptions=" + QUICK_JIT,
                  "--conf",
                  "spark.executor.defaultJavaOptions=" + QUICK_JIT,
                  Path.of("target", "cloudshift.jar").toString(),
                  "run-all",
                  "--config",
                  "conf/cloudshift.conf",
                  "--config",
                  config.toString(),
                  "--run-id",
                  BundledPipeline.RUN_ID));
      ChildProcess run = ChildProcess.start("spark-submit", submit, submitEnv, logs);
      assertThat(run.waitFor(Duration.ofMinutes(20)))
          .as("spark-submit's exit code; its stderr:%n%s", run.stderr())
          .isZero();
      assertThat(worker.stderr())
          .as("the worker ran the job's executor")
          .contains("Asked to launch executor");
      assertThat(run.stderr()).doesNotContain(secretKey);

      // Tables compared as stored: S3Proxy keeps each object as a file under its folder.
      String localInputs = "file:" + Path.of("datasets").toAbsolutePath();
      Map<String, String> onS3 =
          TableContents.hashes(
              objects.resolve(BUCKET).resolve("warehouse"),
              Set.of(Tables.JOB_RUNS),
              Set.of(),
              row -> row.replace("s3a://" + BUCKET + "/inputs", localInputs));
      assertThat(onS3).isEqualTo(TableContents.hashes(local, Set.of(Tables.JOB_RUNS), Set.of()));
    }
  }

  /** hadoop-aws and the AWS SDK modules `mvn package` copied, as spark-submit's --jars list. */
  private static String s3aJars() throws IOException {
    try (Stream<Path> jars = Files.list(Path.of("target", "s3a"))) {
      return jars.map(Path::toString).sorted().collect(Collectors.joining(","));
    }
  }

  /**
   * Through S3A, like a provider's export landing in a bucket: objects written with S3's PUT carry
   * the ETag S3A checks.
   */
  private static void upload(
      Path folder, String target, String endpoint, String accessKey, String secretKey)
      throws IOException {
    Configuration conf = new Configuration();
    conf.set("fs.s3a.endpoint", endpoint);
    conf.set("fs.s3a.endpoint.region", "us-east-1");
    conf.set("fs.s3a.path.style.access", "true");
    conf.set("fs.s3a.connection.ssl.enabled", "false");
    conf.set("fs.s3a.access.key", accessKey);
    conf.set("fs.s3a.secret.key", secretKey);
    conf.setBoolean("fs.s3a.impl.disable.cache", true);
    try (FileSystem s3 = FileSystem.newInstance(URI.create(target), conf)) {
      s3.copyFromLocalFile(
          false,
          true,
          new org.apache.hadoop.fs.Path(folder.toAbsolutePath().toUri()),
          new org.apache.hadoop.fs.Path(target));
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
