package dev.kubeconbot.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConfigLoaderTest {

  @TempDir
  Path dir;

  private void file(String yaml) throws Exception {
    Files.writeString(dir.resolve("application.yaml"), yaml);
  }

  @Test
  void theShippedFileGivesTheDocumentedDefaults() throws Exception {
    BotConfig config = ConfigLoader.load(Path.of("config"), Map.of());
    assertThat(config.http()).isEqualTo(new BotConfig.Http("0.0.0.0", 8080, new BotConfig.RateLimit(60, Duration.ofSeconds(10)),
        Duration.ofSeconds(10)));
    assertThat(config.contentDirs()).containsExactly(Path.of("content"));
    assertThat(config.cache()).isEqualTo(new BotConfig.Cache(10_000, Duration.ofMinutes(10)));
    assertThat(config.rateLimit()).isEqualTo(new BotConfig.RateLimit(5, Duration.ofSeconds(10)));
    assertThat(config.logFormat()).isEqualTo(BotConfig.LogFormat.TEXT);
    assertThat(config.shutdownGrace()).isEqualTo(Duration.ofSeconds(8));
    assertThat(config.discord().enabled()).isFalse();
    assertThat(config.search()).isEqualTo(new BotConfig.Search(true,
        Path.of(System.getProperty("user.home"), ".cache", "kubecon-bot", "vectors")));
    // No file at all: the same defaults, from SETTINGS.
    assertThat(ConfigLoader.load(dir, Map.of())).isEqualTo(new BotConfig(dir, config.contentDirs(), 2L << 20, Optional.empty(), config.http(),
        config.discord(), config.cache(), config.rateLimit(), config.logFormat(), config.shutdownGrace(), config.search()));
  }

  @Test
  void theEnvironmentOverridesTheFile() throws Exception {
    file("http:\n  port: 9000\ncache:\n  maxEntries: 5\n");
    BotConfig config = ConfigLoader.load(dir, Map.of("HTTP_PORT", "9100", "CACHE_TTL", "30s", "SHARD_TOTAL", "4",
        "SHARD_IDS", "2-3", "RATE_LIMIT_WINDOW", "1m", "LOG_FORMAT", "JSON", "CONTENT_DIRS", "a, b",
        "HTTP_RATE_LIMIT_ANSWERS", "1000"));
    assertThat(config.http().port()).isEqualTo(9100);
    assertThat(config.cache()).isEqualTo(new BotConfig.Cache(5, Duration.ofSeconds(30)));
    assertThat(config.discord().shardTotal()).isEqualTo(4);
    assertThat(config.discord().shardIds()).containsExactly(2, 3);
    assertThat(config.rateLimit().window()).isEqualTo(Duration.ofMinutes(1));
    assertThat(config.http().rateLimit()).isEqualTo(new BotConfig.RateLimit(1000, Duration.ofSeconds(10)));
    assertThat(config.logFormat()).isEqualTo(BotConfig.LogFormat.JSON);
    assertThat(config.contentDirs()).containsExactly(Path.of("a"), Path.of("b"));
  }

  @Test
  void semanticSearchIsSwitchedAndItsCacheFolderChosenFromTheEnvironment() throws Exception {
    assertThat(ConfigLoader.load(dir, Map.of("SEARCH_SEMANTIC", "FALSE", "SEARCH_VECTOR_CACHE", "/data/vectors")).search())
        .isEqualTo(new BotConfig.Search(false, Path.of("/data/vectors")));
    assertThat(ConfigLoader.load(dir, Map.of("XDG_CACHE_HOME", "/var/cache")).search().vectorCache())
        .isEqualTo(Path.of("/var/cache/kubecon-bot/vectors"));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "HTTP_PORT|70000|config key http.port (env HTTP_PORT) is '70000': must be a port from 1 to 65535 (0 picks a free one)",
      "HTTP_PORT|eighty|config key http.port (env HTTP_PORT) is 'eighty': must be a port from 1 to 65535",
      "CACHE_TTL|10 minutes|config key cache.ttl (env CACHE_TTL) is '10 minutes': must be a duration from 1s to 7 days, such as 30s, 10m, 1h",
      "RATE_LIMIT_WINDOW|0s|config key rateLimit.window (env RATE_LIMIT_WINDOW) is '0s': must be a duration",
      "SHUTDOWN_GRACE|2m|config key shutdown.grace (env SHUTDOWN_GRACE) is '2m': must be a duration from 0s to 60s",
      "RATE_LIMIT_ANSWERS|0|config key rateLimit.answers (env RATE_LIMIT_ANSWERS) is '0': must be a whole number from 1",
      "HTTP_RATE_LIMIT_WINDOW|2h|config key http.rateLimit.window (env HTTP_RATE_LIMIT_WINDOW) is '2h': must be a duration from 1s to 1h",
      "LOG_FORMAT|xml|config key log.format (env LOG_FORMAT) is 'xml': must be text or json",
      "SEARCH_SEMANTIC|yes|config key search.semantic (env SEARCH_SEMANTIC) is 'yes': must be true or false",
      "SHARD_IDS|4|config key discord.shardIds (env SHARD_IDS) is '4': must be empty (all shards), or shard ids below the total",
      "DISCORD_API_URL|ftp://x/|config key discord.apiUrl (env DISCORD_API_URL) is 'ftp://x/': must be an http(s) URL"})
  void aBadValueIsRefusedWithKeyEnvValueAndWhatIsAllowed(String env, String value, String message) {
    assertThatThrownBy(() -> ConfigLoader.load(dir, Map.of(env, value)))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith(message);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {"SHARD_IDS", "DISCORD_GUILD_ID", "CACHE_TTL", "LOG_FORMAT"})
  void aTokenPastedIntoAnotherKeyIsNeverEchoed(String env) {
    String token = "MTIzNDU2Nzg5MDEyMzQ1Njc4.GhIjKl.abcdefghijklmnopqrstuvwxyz0123456789AB";
    assertThatThrownBy(() -> ConfigLoader.load(dir, Map.of(env, token)))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("(env " + env + ") is a " + token.length() + "-character value (not shown")
        .hasMessageNotContaining(token).hasMessageNotContaining("GhIjKl");
    // Short as well, when it is the token itself.
    assertThatThrownBy(() -> ConfigLoader.load(dir, Map.of(env, "tok3n", "DISCORD_TOKEN", "tok3n")))
        .hasMessageNotContaining("tok3n");
  }

  @Test
  void aTokenInTheFileIsRefused() throws Exception {
    file("discord:\n  token: abc.def.ghi\n");
    assertThatThrownBy(() -> ConfigLoader.load(dir, Map.of()))
        .hasMessageContaining("'discord.token' must not be in a file; set DISCORD_TOKEN in the environment")
        .hasMessageNotContaining("abc.def.ghi");
  }

  @Test
  void anUnknownKeyIsRefusedWithTheKnownOnes() throws Exception {
    file("cache:\n  maxEntires: 10\n");
    assertThatThrownBy(() -> ConfigLoader.load(dir, Map.of()))
        .hasMessageContaining("unknown key 'cache.maxEntires'")
        .hasMessageContaining("cache.maxEntries");
  }

  @Test
  void invalidYamlIsReportedWithTheFile() throws Exception {
    file("http: [unclosed\n");
    assertThatThrownBy(() -> ConfigLoader.load(dir, Map.of()))
        .hasMessageContaining("application.yaml is not valid YAML");
  }

  @Test
  void everySettingHasADistinctKeyAndEnvironmentVariable() {
    List<ConfigLoader.Setting> settings = ConfigLoader.SETTINGS;
    assertThat(settings).extracting(ConfigLoader.Setting::key).doesNotHaveDuplicates();
    assertThat(settings).extracting(ConfigLoader.Setting::env).doesNotHaveDuplicates()
        .allMatch(env -> env.matches("[A-Z_]+"));
  }

  @Test
  void theReadmeDocumentsEverySettingWithItsVariableAndDefault() throws Exception {
    String readme = Files.readString(Path.of("README.md"));
    for (ConfigLoader.Setting setting : ConfigLoader.SETTINGS) {
      String value = setting.defaultValue().isEmpty() ? "(empty)" : "`" + setting.defaultValue() + "`";
      assertThat(readme).contains("| `" + setting.key() + "` | `" + setting.env() + "` | " + value + " |");
    }
  }
}
