package io.cloudshift.cli;

import io.cloudshift.config.CloudshiftConfig;
import io.cloudshift.io.CatalogTables;
import io.cloudshift.io.DeltaTableWriter;
import io.cloudshift.io.InputNotFoundException;
import io.cloudshift.io.Warehouse;
import io.cloudshift.schema.TableCatalog;
import io.cloudshift.schema.TableSpec;
import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.spark.SparkConf;
import org.apache.spark.SparkContext;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "sql-server",
    mixinStandardHelpOptions = true,
    description = {
      "Serves the warehouse's tables over SQL to Spark Connect clients.",
      "Registers every cloudshift table found under the warehouse as <database>.<table> (database"
          + " cloudshift.catalog.database, default cloudshift), then runs a Spark Connect server"
          + " until stopped (Ctrl-C or SIGTERM). It binds to 127.0.0.1 unless --host says"
          + " otherwise; bound to any other address it requires a token, read only from the"
          + " environment variable "
          + SqlServerCommand.TOKEN_ENV
          + ", which clients send as a bearer token."
    })
final class SqlServerCommand implements Callable<Integer> {
  /** Spark Connect's own variable: the server reads it, and so does PySpark's client. */
  static final String TOKEN_ENV = "SPARK_CONNECT_AUTHENTICATE_TOKEN";

  static final String TOKEN_CONF = "spark.connect.authenticate.token";
  static final String DEFAULT_HOST = "127.0.0.1";
  static final int DEFAULT_PORT = 15002;

  /**
   * Spark Connect is in Spark's distribution (PySpark's jars/ too) but not in the Maven repository
   * this build resolves from, so it is called by name rather than compiled against.
   */
  private static final String CONNECT_SERVICE =
      "org.apache.spark.sql.connect.service.SparkConnectService$";

  /** Spark Connect's gRPC, shaded into its jar. */
  private static final String GRPC_SERVER = "org.sparkproject.connect.grpc.Server";

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Mixin ConfigOptions configuration;

  @Option(
      names = "--host",
      paramLabel = "ADDRESS",
      description = "Address to listen on. Default: ${DEFAULT-VALUE} (this machine only).")
  String host = DEFAULT_HOST;

  @Option(
      names = "--port",
      paramLabel = "PORT",
      description = "Port to listen on. Default: ${DEFAULT-VALUE} (Spark Connect's).")
  int port = DEFAULT_PORT;

  @Override
  public Integer call() {
    CloudshiftConfig config = loadConfig();
    String database = config.catalogDatabase().orElseThrow();
    requireCredentialPolicy(config, System.getenv(TOKEN_ENV) != null);
    SparkSession spark =
        SparkSessions.create(config, "cloudshift sql-server", serverSettings(config));
    try {
      Warehouse root = new Warehouse(config.warehouse());
      DeltaTableWriter tables = new DeltaTableWriter(spark, root, "");
      List<String> present =
          TableCatalog.ALL.stream().map(TableSpec::name).filter(tables::exists).toList();
      if (present.isEmpty()) {
        throw new InputNotFoundException(
            "No cloudshift table under "
                + root.root()
                + ": run `bin/cloudshift run-all` first, or pass the warehouse it wrote with"
                + " --warehouse");
      }
      new CatalogTables(spark, tables, database).register(present);
      InetSocketAddress address = startSparkConnect(spark.sparkContext());
      PrintWriter out = spec.commandLine().getOut();
      out.println(
          "cloudshift sql-server: "
              + present.size()
              + " tables of "
              + root.root()
              + " as "
              + database
              + ".<table>, Spark Connect at sc://"
              + host
              + ":"
              + address.getPort()
              + (System.getenv(TOKEN_ENV) != null
                  ? " (clients send the token of " + TOKEN_ENV + ")"
                  : " (no token: this machine only)"));
      awaitSparkConnect();
      return 0;
    } finally {
      spark.stop();
    }
  }

  /** The jobs' configuration layers; the server always registers, so the database is checked. */
  private CloudshiftConfig loadConfig() {
    return configuration.load(Map.of("catalog.register", "true"));
  }

  /**
   * Off loopback the server must authenticate, and the token must come from the environment only: a
   * --conf or config file value would sit in process listings, shell history or a repository.
   */
  void requireCredentialPolicy(CloudshiftConfig config, boolean tokenInEnvironment) {
    if (new SparkConf().contains(TOKEN_CONF) || config.sparkConf().containsKey(TOKEN_CONF)) {
      throw new UsageException(
          TOKEN_CONF
              + " is set in the Spark or cloudshift configuration: the token is read only from the"
              + " environment variable "
              + TOKEN_ENV
              + "; remove it there");
    }
    if (port < 1 || port > 65535) {
      throw new UsageException("--port " + port + " is not a port (1 to 65535)");
    }
    if (!isLoopback(host) && !tokenInEnvironment) {
      throw new UsageException(
          "--host "
              + host
              + " is reachable from other machines: set a token in the environment variable "
              + TOKEN_ENV
              + " (clients send it as a bearer token), or leave --host at "
              + DEFAULT_HOST);
    }
  }

  private static boolean isLoopback(String host) {
    try {
      return InetAddress.getByName(host).isLoopbackAddress();
    } catch (UnknownHostException e) {
      throw new UsageException("--host " + host + " is not an address of this machine");
    }
  }

  /**
   * Where Spark Connect listens (it would take every interface by default), and nothing else
   * listening beyond this machine unless the operator asks: the Spark UI has no authentication, and
   * a local driver's own ports need not leave loopback.
   */
  Map<String, String> serverSettings(CloudshiftConfig config) {
    SparkConf submitted = new SparkConf();
    Map<String, String> settings = new LinkedHashMap<>();
    settings.put("spark.connect.grpc.binding.address", host);
    settings.put("spark.connect.grpc.binding.port", String.valueOf(port));
    if (!submitted.contains("spark.ui.enabled")
        && !config.sparkConf().containsKey("spark.ui.enabled")) {
      settings.put("spark.ui.enabled", "false");
    }
    String master = submitted.get("spark.master", config.sparkMaster());
    if (master.startsWith("local") && !submitted.contains("spark.driver.bindAddress")) {
      settings.put("spark.driver.bindAddress", "127.0.0.1");
      settings.put("spark.driver.host", "127.0.0.1");
    }
    return settings;
  }

  private static InetSocketAddress startSparkConnect(SparkContext context) {
    Object service = connectService();
    invoke(service, method(CONNECT_SERVICE, "start", SparkContext.class), context);
    return (InetSocketAddress) invoke(service, method(CONNECT_SERVICE, "bindingAddress"));
  }

  /** Returns when the gRPC server ends; a signal ends the JVM first, through Spark's hooks. */
  private static void awaitSparkConnect() {
    Object server = invoke(connectService(), method(CONNECT_SERVICE, "server"));
    invoke(server, method(GRPC_SERVER, "awaitTermination"));
  }

  private static Object connectService() {
    try {
      return Class.forName(CONNECT_SERVICE).getField("MODULE$").get(null);
    } catch (ClassNotFoundException e) {
      throw new UsageException(
          "Spark Connect is not on the class path: run with Spark 4.1's distribution (PySpark's"
              + " spark-submit, as bin/cloudshift does), which carries spark-connect_2.13");
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("Cannot reach " + CONNECT_SERVICE + " (this is a bug)", e);
    }
  }

  /** Looked up on the public class: the objects' own classes (gRPC's ServerImpl) are not. */
  private static Method method(String className, String name, Class<?>... parameters) {
    try {
      return Class.forName(className).getMethod(name, parameters);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(
          className + " has no " + name + ": not the Spark Connect of Spark 4.1", e);
    }
  }

  private static Object invoke(Object target, Method method, Object... arguments) {
    try {
      return method.invoke(target, arguments);
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof RuntimeException failure) {
        throw failure;
      }
      throw new IllegalStateException(method.getName() + " failed: " + e.getCause(), e.getCause());
    } catch (IllegalAccessException e) {
      throw new IllegalStateException("Cannot call " + method.getName() + " (this is a bug)", e);
    }
  }
}
