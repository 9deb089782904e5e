package io.dynamo4j.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LaunchOptionsTest {

  @Test
  void parse_nothing_defaultsAsDynamoDbLocal() {
    LaunchOptions o = LaunchOptions.parse();
    assertThat(o).isEqualTo(new LaunchOptions("127.0.0.1", 8000, "memory", null, false, false, List.of("*"), false, false));
  }

  @Test
  void parse_everyOption_spacedOrWithEquals() {
    LaunchOptions o = LaunchOptions.parse("--host", "0.0.0.0", "--port=0", "--engine", "disk", "--data=/tmp/d",
        "--throttling", "on", "--separate-accounts", "--cors", "http://a,http://b", "--exit-after-start", "--help");
    assertThat(o).isEqualTo(new LaunchOptions("0.0.0.0", 0, "disk", Path.of("/tmp/d"), true, true,
        List.of("http://a", "http://b"), true, true));
    assertThat(LaunchOptions.parse("--cors", "off").corsOrigins()).isEmpty();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "--port x|--port must be a number from 0 to 65535, not 'x'",
    "--port 70000|--port must be a number from 0 to 65535, not '70000'",
    "--engine sqlite|--engine must be memory or disk, not 'sqlite'",
    "--throttling yes|--throttling must be on or off, not 'yes'",
    "--data /tmp/x|--data applies to --engine disk; the memory engine keeps nothing on disk",
    "--engine disk|--engine disk needs --data DIR, the folder that keeps its files",
    "--verbose|unknown option --verbose (see --help)",
    "--port|--port needs a value (see --help)",
    "--cors a,,b|--cors takes origins separated by commas, or off; 'a,,b' has an empty one"
  })
  void parse_mistake_saysWhatIsWrong(String args, String message) {
    assertThatThrownBy(() -> LaunchOptions.parse(args.split(" ")))
        .isInstanceOf(IllegalArgumentException.class).hasMessage(message);
  }
}
