package io.dynamo4j.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The packaged launcher, {@code java -jar target/dynamo4j-server.jar}, as a user runs it. */
class LauncherIT {

  private static final Path JAR = Path.of(System.getProperty("dynamo4j.server.jar", "target/dynamo4j-server.jar"));
  private static final Pattern LISTENING = Pattern.compile("listening on (http://[^ ]+)");

  record Run(int status, String stdout, String stderr) {}

  private static Run run(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(javaBin(), "-jar", JAR.toString()));
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).start();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new Run(p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
        new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
  }

  private static String javaBin() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  @Test
  void help_printsUsageAndExitsZero() throws Exception {
    Run r = run("--help");
    assertThat(r.status()).isZero();
    assertThat(r.stdout()).startsWith("Usage: java -jar dynamo4j-server.jar [options]")
        .contains("--port PORT", "--engine memory|disk", "--throttling on|off", "--separate-accounts");
  }

  @Test
  void badOption_saysWhyAndExitsTwo() throws Exception {
    Run r = run("--port", "eighty");
    assertThat(r.status()).isEqualTo(2);
    assertThat(r.stderr()).isEqualTo("dynamo4j-server: --port must be a number from 0 to 65535, not 'eighty'\n");
  }

  @Test
  void diskEngine_withoutData_saysWhyAndExitsTwo() throws Exception {
    Run r = run("--engine", "disk");
    assertThat(r.status()).isEqualTo(2);
    assertThat(r.stderr()).isEqualTo("dynamo4j-server: --engine disk needs --data DIR, the folder that keeps its files\n");
  }

  @Test
  void diskEngine_keepsTablesAndItemsAcrossRestarts() throws Exception {
    Path data = Files.createTempDirectory("launcher-disk");
    String table = "{\"TableName\":\"kept\",\"KeySchema\":[{\"AttributeName\":\"id\",\"KeyType\":\"HASH\"}],"
        + "\"AttributeDefinitions\":[{\"AttributeName\":\"id\",\"AttributeType\":\"S\"}],\"BillingMode\":\"PAY_PER_REQUEST\"}";
    String put = "{\"TableName\":\"kept\",\"Item\":{\"id\":{\"S\":\"a\"},\"n\":{\"N\":\"42\"}}}";
    String get = "{\"TableName\":\"kept\",\"Key\":{\"id\":{\"S\":\"a\"}}}";
    try {
      for (int start = 0; start < 2; start++) {
        Process p = new ProcessBuilder(javaBin(), "-jar", JAR.toString(), "--port", "0", "--engine", "disk",
            "--data", data.toString()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
          String line = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8)).readLine();
          assertThat(line).contains("(engine disk, ");
          Matcher m = LISTENING.matcher(line);
          assertThat(m.find()).as(line).isTrue();
          URI endpoint = URI.create(m.group(1));
          try (RawHttp c = new RawHttp(new InetSocketAddress(endpoint.getHost(), endpoint.getPort()))) {
            if (start == 0) {
              assertThat(c.send(RawHttp.request("CreateTable", table)).read().status()).isEqualTo(200);
              assertThat(c.send(RawHttp.request("PutItem", put)).read().status()).isEqualTo(200);
            }
            RawHttp.Response r = c.send(RawHttp.request("GetItem", get)).read();
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.text()).contains("\"n\":{\"N\":\"42\"}");
          }
          p.destroy(); // SIGTERM: closes the engine
          assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        } finally {
          p.destroyForcibly();
        }
      }
    } finally {
      try (var files = Files.walk(data)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
      }
    }
  }

  @Test
  void exitAfterStart_startsWarmsUpAndExitsZeroQuietly() throws Exception {
    Run r = run("--port", "0", "--exit-after-start");
    assertThat(r.status()).isZero();
    assertThat(r.stdout()).isEmpty();
  }

  @Test
  void classDataArchive_recordedByTheBuild_isUsableByTheJavaOnPath() throws Exception {
    // The build records it with the `java` on PATH (exec-maven-plugin); -Xshare:on fails unless it maps.
    Path archive = Path.of(JAR.toString().replace(".jar", ".jsa"));
    assertThat(archive).exists();
    Process p = new ProcessBuilder("java", "-Xshare:on", "-XX:SharedArchiveFile=" + archive, "-jar", JAR.toString(),
        "--port", "0", "--exit-after-start").redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(output).isZero();
  }

  @Test
  void start_opensNoSocketButItsOwnPort() throws Exception {
    Assumptions.assumeTrue(Files.isDirectory(Path.of("/proc/self/fd")), "needs Linux's /proc");
    Process p = new ProcessBuilder(javaBin(), "-jar", JAR.toString(), "--port", "0").redirectErrorStream(true).start();
    try {
      String line = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8)).readLine();
      Matcher m = LISTENING.matcher(line);
      assertThat(m.find()).as(line).isTrue();
      URI endpoint = URI.create(m.group(1));
      try (RawHttp c = new RawHttp(new InetSocketAddress(endpoint.getHost(), endpoint.getPort()))) {
        assertThat(c.send(RawHttp.request("DescribeTable", "{\"TableName\":\"tbl\"}")).read().status()).isEqualTo(400);
        Thread.sleep(300); // let the warm-up and anything else the launcher might do run
        Set<String> inodes = socketInodes(p.pid());
        List<String> foreign = new ArrayList<>();
        for (String table : List.of("tcp", "tcp6", "udp", "udp6")) {
          List<String> entries = Files.readAllLines(Path.of("/proc/net/" + table));
          for (String entry : entries.subList(1, entries.size())) {
            String[] f = entry.trim().split("\\s+");
            int localPort = Integer.parseInt(f[1].substring(f[1].indexOf(':') + 1), 16);
            if (inodes.contains(f[9]) && (table.startsWith("udp") || localPort != endpoint.getPort())) {
              foreign.add(table + " " + entry.trim());
            }
          }
        }
        assertThat(inodes).as("the launcher's sockets").isNotEmpty();
        assertThat(foreign).as("sockets other than the server's own port").isEmpty();
      }
    } finally {
      p.destroyForcibly();
    }
  }

  private static Set<String> socketInodes(long pid) throws IOException {
    Set<String> inodes = new HashSet<>();
    try (var fds = Files.list(Path.of("/proc/" + pid + "/fd"))) {
      for (Path fd : (Iterable<Path>) fds::iterator) {
        try {
          String target = Files.readSymbolicLink(fd).toString();
          if (target.startsWith("socket:[")) {
            inodes.add(target.substring("socket:[".length(), target.length() - 1));
          }
        } catch (IOException e) {
          // the descriptor closed meanwhile
        }
      }
    }
    return inodes;
  }

  @Test
  void start_answersRequests_thenSigtermStopsItCleanly() throws Exception {
    java.io.File stderr = java.nio.file.Files.createTempFile("launcher", ".err").toFile();
    Process p = new ProcessBuilder(javaBin(), "-jar", JAR.toString(), "--port", "0", "--separate-accounts")
        .redirectError(stderr).start();
    try {
      BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
      String line = out.readLine();
      assertThat(line).startsWith("dynamo4j-server ").contains("one account per access key", "throttling off");
      Matcher m = LISTENING.matcher(line);
      assertThat(m.find()).isTrue();
      URI endpoint = URI.create(m.group(1));
      InetSocketAddress address = new InetSocketAddress(endpoint.getHost(), endpoint.getPort());

      String table = "{\"TableName\":\"tbl\",\"KeySchema\":[{\"AttributeName\":\"id\",\"KeyType\":\"HASH\"}],"
          + "\"AttributeDefinitions\":[{\"AttributeName\":\"id\",\"AttributeType\":\"S\"}],\"BillingMode\":\"PAY_PER_REQUEST\"}";
      try (RawHttp c = new RawHttp(address)) {
        assertThat(c.send(RawHttp.request("CreateTable", table)).read().status()).isEqualTo(200);
        assertThat(c.send(RawHttp.request("DescribeTable", "{\"TableName\":\"tbl\"}")).read().status()).isEqualTo(200);
        // Another access key is another account: it does not see the table.
        String other = new String(RawHttp.request("DescribeTable", "{\"TableName\":\"tbl\"}"), StandardCharsets.UTF_8)
            .replace("AKIDRAW", "AKIDOTHER");
        RawHttp.Response r = c.send(other).read();
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.text()).contains("ResourceNotFoundException");
      }

      p.destroy(); // SIGTERM
      assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
      assertThat(p.exitValue()).isEqualTo(143);
      assertThat(java.nio.file.Files.readString(stderr.toPath())).contains("dynamo4j-server stopped");
    } finally {
      p.destroyForcibly();
      stderr.delete();
    }
  }
}
