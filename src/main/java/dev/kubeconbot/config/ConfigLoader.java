package dev.kubeconbot.config;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.kubeconbot.content.YamlTree;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads {@code application.yaml}, lays environment variables over it and validates every value.
 * A bad value stops start-up with one message naming the key, its environment variable, the value
 * and what is allowed.
 */
public final class ConfigLoader {

  /** A configuration key, the environment variable that overrides it, and its default. */
  public record Setting(String key, String env, String defaultValue, String allowed) {}

  /** Every setting, in the order the README documents them. */
  public static final List<Setting> SETTINGS = List.of(
      new Setting("http.host", "HTTP_HOST", "0.0.0.0", "a host name or IP address to listen on"),
      new Setting("http.port", "HTTP_PORT", "8080", "a port from 1 to 65535 (0 picks a free one)"),
      new Setting("http.rateLimit.answers", "HTTP_RATE_LIMIT_ANSWERS", "60", "a whole number from 1 to 1000000"),
      new Setting("http.rateLimit.window", "HTTP_RATE_LIMIT_WINDOW", "10s",
          "a duration from 1s to 1h, such as 10s or 1m"),
      new Setting("http.requestTimeout", "HTTP_REQUEST_TIMEOUT", "10s",
          "a duration from 1s to 5m: a connection that sends no whole request in this time is closed"),
      new Setting("content.dirs", "CONTENT_DIRS", "content", "comma-separated folders of Markdown articles"),
      new Setting("content.maxFileSize", "CONTENT_MAX_FILE_SIZE", "2MB",
          "a size from 1KB to 1GB, such as 512KB or 2MB; larger content files are skipped"),
      new Setting("index.dir", "INDEX_DIR", "",
          "a folder for the persisted index (created if missing), or empty for the user's cache folder"),
      new Setting("discord.apiUrl", "DISCORD_API_URL", "https://discord.com/api/v10/",
          "an http(s) URL ending in /api/v10/"),
      new Setting("discord.gatewayUrl", "DISCORD_GATEWAY_URL", "wss://gateway.discord.gg/", "a ws(s) URL"),
      new Setting("discord.guildId", "DISCORD_GUILD_ID", "", "empty (global commands) or a guild id (digits)"),
      new Setting("discord.shardTotal", "SHARD_TOTAL", "1", "a whole number from 1 to 10000"),
      new Setting("discord.shardIds", "SHARD_IDS", "",
          "empty (all shards), or shard ids below the total: \"0,1\" or \"0-3\""),
      new Setting("cache.maxEntries", "CACHE_MAX_ENTRIES", "10000", "a whole number from 0 to 1000000"),
      new Setting("cache.ttl", "CACHE_TTL", "10m", "a duration from 1s to 7 days, such as 30s, 10m, 1h"),
      new Setting("rateLimit.answers", "RATE_LIMIT_ANSWERS", "5", "a whole number from 1 to 1000000"),
      new Setting("rateLimit.window", "RATE_LIMIT_WINDOW", "10s", "a duration from 1s to 1h, such as 10s or 1m"),
      new Setting("log.format", "LOG_FORMAT", "text", "text or json"),
      new Setting("shutdown.grace", "SHUTDOWN_GRACE", "8s", "a duration from 0s to 60s"),
      new Setting("search.semantic", "SEARCH_SEMANTIC", "true", "true or false"),
      new Setting("search.vectorCache", "SEARCH_VECTOR_CACHE", "",
          "empty (the user's cache folder: $XDG_CACHE_HOME or ~/.cache, then kubecon-bot/vectors) or a folder"));

  /** The token is read from here only; a {@code discord.token} key in the file is refused. */
  public static final String TOKEN_ENV = "DISCORD_TOKEN";

  private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m|h)");
  /** Values longer than this are not echoed in errors: they may be secrets. */
  private static final int MAX_ECHOED = 40;
  /** A Discord bot token: three base64url parts joined by dots. */
  private static final Pattern TOKEN_SHAPE = Pattern.compile("[\\w-]{16,}\\.[\\w-]{4,}\\.[\\w-]{16,}");
  private static final Pattern SIZE = Pattern.compile("(\\d{1,10})\\s*(b|kb|kib|mb|mib|gb|gib)?");

  private ConfigLoader() {}

  /**
   * Where the index of {@code contentDirs} goes when {@code index.dir} is empty: the user's cache
   * folder ({@code $XDG_CACHE_HOME}, else {@code ~/.cache}), one subfolder per set of content folders,
   * so that a second set does not overwrite the first one's index.
   */
  public static Path defaultIndexDir(Map<String, String> env, List<Path> contentDirs) {
    String folders = contentDirs.stream().map(d -> d.toAbsolutePath().normalize().toString())
        .collect(Collectors.joining("\n"));
    return userCache(env).resolve("index-" + Integer.toHexString(folders.hashCode()));
  }

  /** The bot's folder in the user's cache folder: {@code $XDG_CACHE_HOME}, else {@code ~/.cache}, then {@code kubecon-bot}. */
  static Path userCache(Map<String, String> env) {
    String xdg = env.get("XDG_CACHE_HOME");
    Path cache = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
    return cache.resolve("kubecon-bot");
  }

  /**
   * Loads {@code configDir/application.yaml} (defaults if it does not exist) with {@code env} over it.
   */
  public static BotConfig load(Path configDir, Map<String, String> env) throws ConfigException {
    Map<String, String> values = new HashMap<>();
    SETTINGS.forEach(s -> values.put(s.key(), s.defaultValue()));
    Path file = configDir.resolve("application.yaml");
    if (Files.isRegularFile(file)) {
      try (InputStream in = Files.newInputStream(file)) {
        readYaml(YamlTree.read(in.readAllBytes()), "", values, file);
      } catch (JacksonException e) {
        throw new ConfigException(file + " is not valid YAML: " + e.getOriginalMessage());
      } catch (IOException e) {
        throw new ConfigException(file + " cannot be read: " + e.getMessage());
      }
    }
    for (Setting setting : SETTINGS) {
      String value = env.get(setting.env());
      if (value != null) {
        values.put(setting.key(), value);
      }
    }
    return new Values(values, env).config(configDir);
  }

  private static void readYaml(JsonNode node, String prefix, Map<String, String> values, Path file)
      throws ConfigException {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return;
    }
    if (!node.isObject()) {
      throw new ConfigException(file + ": '" + (prefix.isEmpty() ? "(top level)" : prefix) + "' must be a mapping");
    }
    for (Map.Entry<String, JsonNode> field : node.properties()) {
      String key = prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey();
      if (key.equals("discord.token")) {
        throw new ConfigException(file + ": 'discord.token' must not be in a file; set " + TOKEN_ENV + " in the environment");
      }
      JsonNode value = field.getValue();
      if (value.isObject()) {
        readYaml(value, key, values, file);
      } else if (values.containsKey(key)) {
        values.put(key, value.isArray()
            ? java.util.stream.StreamSupport.stream(value.spliterator(), false).map(JsonNode::asText)
                .collect(Collectors.joining(","))
            : value.isNull() ? "" : value.asText());
      } else {
        throw new ConfigException(file + ": unknown key '" + key + "'; known keys: "
            + SETTINGS.stream().map(Setting::key).collect(Collectors.joining(", ")));
      }
    }
  }

  /** Typed access to the merged values; every failure names the setting. */
  private record Values(Map<String, String> raw, Map<String, String> env) {

    BotConfig config(Path configDir) throws ConfigException {
      int shardTotal = integer("discord.shardTotal", 1, 10_000);
      String token = env.get(TOKEN_ENV);
      return new BotConfig(
          configDir,
          paths("content.dirs"),
          size("content.maxFileSize", 1024, 1L << 30),
          optionalPath("index.dir"),
          new BotConfig.Http(host("http.host"), integer("http.port", 0, 65_535), rateLimit("http.rateLimit"),
              duration("http.requestTimeout", Duration.ofSeconds(1), Duration.ofMinutes(5))),
          new BotConfig.Discord(
              token == null || token.isBlank() ? null : new Secret(token.strip()),
              url("discord.apiUrl", "http", "https"),
              url("discord.gatewayUrl", "ws", "wss"),
              snowflake("discord.guildId"),
              shardTotal,
              shards("discord.shardIds", shardTotal)),
          new BotConfig.Cache(integer("cache.maxEntries", 0, 1_000_000), duration("cache.ttl", Duration.ofSeconds(1),
              Duration.ofDays(7))),
          rateLimit("rateLimit"),
          logFormat("log.format"),
          duration("shutdown.grace", Duration.ZERO, Duration.ofSeconds(60)),
          new BotConfig.Search(bool("search.semantic"),
              optionalPath("search.vectorCache").orElseGet(() -> userCache(env).resolve("vectors"))));
    }

    /** {@code prefix.answers} per {@code prefix.window}. */
    private BotConfig.RateLimit rateLimit(String prefix) throws ConfigException {
      return new BotConfig.RateLimit(integer(prefix + ".answers", 1, 1_000_000),
          duration(prefix + ".window", Duration.ofSeconds(1), Duration.ofHours(1)));
    }

    private ConfigException bad(String key) {
      Setting setting = SETTINGS.stream().filter(s -> s.key().equals(key)).findFirst().orElseThrow();
      return new ConfigException("config key " + key + " (env " + setting.env() + ") is " + shown(raw.get(key))
          + ": must be " + setting.allowed());
    }

    /**
     * The value for an error message, unless it may be a secret pasted into the wrong key (the bot
     * token in {@code SHARD_IDS}): no setting needs a long value, so long or token-shaped values,
     * and the token itself, are described instead of echoed.
     */
    private String shown(String value) {
      String token = env.get(TOKEN_ENV);
      boolean secretLike = value.length() > MAX_ECHOED || TOKEN_SHAPE.matcher(value).find()
          || (token != null && !token.isBlank() && value.contains(token.strip()));
      return secretLike ? "a " + value.length() + "-character value (not shown: it may be a secret)" : "'" + value + "'";
    }

    private String value(String key) {
      return raw.get(key).strip();
    }

    private String host(String key) throws ConfigException {
      String host = value(key);
      if (host.isEmpty() || !host.matches("[A-Za-z0-9.:\\-\\[\\]]+")) {
        throw bad(key);
      }
      return host;
    }

    private int integer(String key, int min, int max) throws ConfigException {
      try {
        int value = Integer.parseInt(value(key));
        if (value < min || value > max) {
          throw bad(key);
        }
        return value;
      } catch (NumberFormatException e) {
        throw bad(key);
      }
    }

    private Duration duration(String key, Duration min, Duration max) throws ConfigException {
      String text = value(key).toLowerCase(Locale.ROOT);
      Duration duration;
      Matcher simple = DURATION.matcher(text);
      try {
        if (simple.matches()) {
          long amount = Long.parseLong(simple.group(1));
          duration = switch (simple.group(2)) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            default -> Duration.ofHours(amount);
          };
        } else {
          duration = Duration.parse(text.toUpperCase(Locale.ROOT));
        }
      } catch (DateTimeParseException | ArithmeticException | NumberFormatException e) {
        throw bad(key);
      }
      if (duration.compareTo(min) < 0 || duration.compareTo(max) > 0) {
        throw bad(key);
      }
      return duration;
    }

    /** A byte count such as {@code 512KB} or {@code 2MB} (binary multiples, as a file manager shows them). */
    private long size(String key, long min, long max) throws ConfigException {
      Matcher matcher = SIZE.matcher(value(key).toLowerCase(Locale.ROOT));
      if (!matcher.matches()) {
        throw bad(key);
      }
      String unit = matcher.group(2) == null ? "b" : matcher.group(2);
      long multiple = switch (unit.charAt(0)) {
        case 'k' -> 1L << 10;
        case 'm' -> 1L << 20;
        case 'g' -> 1L << 30;
        default -> 1;
      };
      long bytes = Long.parseLong(matcher.group(1)) * multiple; // at most 10 digits times 2^30: no overflow
      if (bytes < min || bytes > max) {
        throw bad(key);
      }
      return bytes;
    }

    private String url(String key, String... schemes) throws ConfigException {
      String text = value(key);
      try {
        URI uri = URI.create(text);
        if (uri.getScheme() == null || uri.getHost() == null || !List.of(schemes).contains(uri.getScheme())) {
          throw bad(key);
        }
        if (uri.getScheme().startsWith("http") && !uri.getPath().endsWith("/api/v10/")) {
          throw bad(key);
        }
        return text;
      } catch (IllegalArgumentException e) {
        throw bad(key);
      }
    }

    private Long snowflake(String key) throws ConfigException {
      String text = value(key);
      if (text.isEmpty()) {
        return null;
      }
      if (!text.matches("\\d{1,20}")) {
        throw bad(key);
      }
      try {
        return Long.parseUnsignedLong(text);
      } catch (NumberFormatException e) {
        throw bad(key);
      }
    }

    private Optional<Path> optionalPath(String key) throws ConfigException {
      String text = value(key);
      try {
        return text.isEmpty() ? Optional.empty() : Optional.of(Path.of(text));
      } catch (InvalidPathException e) {
        throw bad(key);
      }
    }

    private List<Path> paths(String key) throws ConfigException {
      List<Path> paths = new ArrayList<>();
      for (String part : value(key).split(",")) {
        if (!part.isBlank()) {
          paths.add(Path.of(part.strip()));
        }
      }
      if (paths.isEmpty()) {
        throw bad(key);
      }
      return paths;
    }

    private List<Integer> shards(String key, int total) throws ConfigException {
      String text = value(key);
      List<Integer> ids = new ArrayList<>();
      if (text.isEmpty()) {
        return ids;
      }
      for (String part : text.split(",")) {
        String[] range = part.strip().split("-", 2);
        try {
          int from = Integer.parseInt(range[0].strip());
          int to = range.length == 2 ? Integer.parseInt(range[1].strip()) : from;
          if (from < 0 || to < from || to >= total) {
            throw bad(key);
          }
          for (int id = from; id <= to; id++) {
            ids.add(id);
          }
        } catch (NumberFormatException e) {
          throw bad(key);
        }
      }
      return ids;
    }

    private boolean bool(String key) throws ConfigException {
      return switch (value(key).toLowerCase(Locale.ROOT)) {
        case "true" -> true;
        case "false" -> false;
        default -> throw bad(key);
      };
    }

    private BotConfig.LogFormat logFormat(String key) throws ConfigException {
      return switch (value(key).toLowerCase(Locale.ROOT)) {
        case "text" -> BotConfig.LogFormat.TEXT;
        case "json" -> BotConfig.LogFormat.JSON;
        default -> throw bad(key);
      };
    }
  }
}
