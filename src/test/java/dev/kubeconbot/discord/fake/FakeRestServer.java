package dev.kubeconbot.discord.fake;

import static dev.kubeconbot.discord.fake.Json.object;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Discord's REST API, as far as bots use it: login, gateway discovery, DMs, command registration, interaction
 * callbacks and webhooks, channel messages. Unknown routes answer 404 with Discord's error JSON and a warning.
 */
final class FakeRestServer implements AutoCloseable {
    static final String API_ROOT = "/api/v10";

    static {
        // Read once, when the JDK HttpServer is first used. Without it, a response written in several segments
        // (larger than the server's 8 KiB buffer) waits ~40 ms (Nagle + delayed ACK). Surefire sets it too; this
        // covers IDE runs.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(FakeRestServer.class);
    private static final int CALLBACK_MESSAGE = 4;
    private static final int CALLBACK_DEFERRED_MESSAGE = 5;
    private static final int CALLBACK_UPDATE_MESSAGE = 7;
    private static final int MAX_CONCURRENCY = 16;

    private record Route(Set<String> methods, Pattern path, Handler handler) {}

    @FunctionalInterface
    private interface Handler {
        Reply handle(RecordedRequest request, Matcher path);
    }

    private record Reply(int status, JsonNode body, Map<String, String> headers) {
        static Reply json(JsonNode body) {
            return new Reply(200, body, Map.of());
        }

        static Reply empty() {
            return new Reply(204, null, Map.of());
        }

        static Reply error(int status, int code, String message) {
            return new Reply(status, object("code", code, "message", message), Map.of());
        }

        /**
         * Discord's 429 for a route's own limit: {@code retry_after} in seconds with decimals in the body and in
         * {@code X-RateLimit-Reset-After}, rounded up to whole seconds in {@code Retry-After}, and a {@code via}
         * header (without it JDA takes the 429 for a Cloudflare ban of every route).
         */
        static Reply rateLimited(Duration retryAfter) {
            double seconds = retryAfter.toMillis() / 1000.0;
            return new Reply(429, object("message", "You are being rate limited.", "retry_after", seconds, "global", false),
                    Map.of("Retry-After", Long.toString((long) Math.ceil(seconds)),
                            "X-RateLimit-Limit", "1",
                            "X-RateLimit-Remaining", "0",
                            "X-RateLimit-Reset-After", Double.toString(seconds),
                            "X-RateLimit-Bucket", "fake-interaction-callback",
                            "X-RateLimit-Scope", "shared",
                            "via", "1.1 google"));
        }
    }

    private final String token;
    /** Interaction callbacks still to be refused with a 429, and the wait each one names. */
    private final AtomicInteger rateLimitedCallbacks = new AtomicInteger();
    private volatile Duration callbackRetryAfter = Duration.ZERO;
    /** Set when the token is revoked: from then on login fails as with a wrong token. */
    private volatile boolean revoked;
    private final FakeUser bot;
    private final String applicationId;
    private final String gatewayUrl;
    private final RequestLog requests;
    private final Channels channels;
    private final Interactions interactions;
    private final List<Route> routes = new ArrayList<>();
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final HttpServer server;
    private final MessageStore messages;

    FakeRestServer(
            String token, FakeUser bot, String applicationId, String gatewayUrl, RequestLog requests, Channels channels,
            Interactions interactions) {
        this.token = token;
        this.bot = bot;
        this.applicationId = applicationId;
        this.gatewayUrl = gatewayUrl;
        this.requests = requests;
        this.channels = channels;
        this.interactions = interactions;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        messages = new MessageStore(bot, applicationId, "http://127.0.0.1:" + port() + "/attachments/");
        registerRoutes();
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    /** A message the bot created, as Discord stores it. */
    Optional<ObjectNode> message(String messageId) {
        return messages.get(messageId);
    }

    private void registerRoutes() {
        route("GET", "/users/@me", (request, path) -> login(request));
        route("GET", "/gateway/bot", (request, path) -> Reply.json(object(
                "url", gatewayUrl,
                "shards", 1,
                "session_start_limit", object(
                        "total", 1000, "remaining", 1000, "reset_after", 0, "max_concurrency", MAX_CONCURRENCY))));
        route("POST", "/users/@me/channels", (request, path) -> {
            FakeUser recipient = channels.user(request.json().path("recipient_id").asText());
            return Reply.json(Payloads.dmChannel(channels.dmChannelId(recipient), recipient));
        });
        route("PUT", "/applications/(\\d+)/commands", (request, path) -> registerCommands(request, path, null));
        route("PUT", "/applications/(\\d+)/guilds/(\\d+)/commands",
                (request, path) -> registerCommands(request, path, path.group(2)));
        route("POST", "/interactions/(\\d+)/([^/]+)/callback", this::interactionCallback);
        route("POST", "/webhooks/(\\d+)/([^/]+)", (request, path) -> webhook(path)
                .map(state -> Reply.json(messages.create(
                        state.interaction.channelId(), request.json(), request.files(), true)))
                .orElseGet(FakeRestServer::unknownWebhook));
        route("GET|PATCH|DELETE", "/webhooks/(\\d+)/([^/]+)/messages/([^/]+)", this::webhookMessage);
        route("POST", "/channels/(\\d+)/messages", (request, path) -> isKnownChannel(path.group(1))
                ? Reply.json(messages.create(path.group(1), request.json(), request.files(), false))
                : Reply.error(404, 10003, "Unknown Channel"));
        route("GET|PATCH|DELETE", "/channels/(\\d+)/messages/(\\d+)",
                (request, path) -> messageRequest(request, path.group(2)));
    }

    private void route(String methods, String pathRegex, Handler handler) {
        routes.add(new Route(Set.of(methods.split("\\|")), Pattern.compile(pathRegex), handler));
    }

    /** The next {@code count} interaction callbacks get a 429 naming {@code retryAfter}; they acknowledge nothing. */
    void rateLimitCallbacks(int count, Duration retryAfter) {
        callbackRetryAfter = retryAfter;
        rateLimitedCallbacks.set(count);
    }

    /** Login with the token fails from now on, as after a reset in the developer portal. */
    void revokeToken() {
        revoked = true;
    }

    private Reply login(RecordedRequest request) {
        if (revoked || !("Bot " + token).equals(request.header("Authorization"))) {
            return Reply.error(401, 0, "401: Unauthorized");
        }
        return Reply.json(Payloads.user(bot).put("verified", true).put("mfa_enabled", false).put("flags", 0));
    }

    private Reply registerCommands(RecordedRequest request, Matcher path, String guildId) {
        if (!path.group(1).equals(applicationId)) {
            return Reply.error(404, 10002, "Unknown Application");
        }
        ArrayNode registered = Json.array();
        for (JsonNode command : request.json()) {
            String id = Snowflakes.next();
            ObjectNode copy = ((ObjectNode) command.deepCopy())
                    .put("id", id)
                    .put("application_id", applicationId)
                    .put("version", id);
            if (guildId != null) {
                copy.put("guild_id", guildId);
            }
            registered.add(copy);
        }
        return Reply.json(registered);
    }

    /** Answers with the callback resource ({@code ?with_response=true}), which JDA exposes via the hook. */
    private Reply interactionCallback(RecordedRequest request, Matcher path) {
        Optional<Interactions.State> found = interactions.find(path.group(1), path.group(2));
        if (found.isEmpty()) {
            return Reply.error(404, 10062, "Unknown interaction");
        }
        if (rateLimitedCallbacks.getAndUpdate(left -> Math.max(0, left - 1)) > 0) {
            return Reply.rateLimited(callbackRetryAfter);
        }
        Interactions.State state = found.get();
        if (!state.acknowledge()) {
            return Reply.error(400, 40060, "Interaction has already been acknowledged.");
        }
        int type = request.json().path("type").asInt();
        JsonNode data = request.json().path("data");
        String channelId = state.interaction.channelId();
        ObjectNode message = switch (type) {
            case CALLBACK_MESSAGE -> messages.create(channelId, data, request.files(), true);
            case CALLBACK_DEFERRED_MESSAGE -> {
                int flags = data.path("flags").asInt() | MessageStore.FLAG_LOADING;
                yield messages.create(channelId, object("content", "", "flags", flags), List.of(), true);
            }
            case CALLBACK_UPDATE_MESSAGE -> state.componentMessageId == null
                    ? null
                    : messages.edit(state.componentMessageId, data, request.files()).orElse(null);
            default -> null; // deferred update, autocomplete result, modal: no message
        };
        if (type == CALLBACK_UPDATE_MESSAGE && message == null) {
            return Reply.error(400, 50035, "Invalid Form Body: no message to update");
        }
        ObjectNode resource = object("type", type);
        ObjectNode interaction = object("id", state.interaction.id());
        if (message != null) {
            state.originalMessageId(message.get("id").asText());
            resource.set("message", message);
            interaction.put("response_message_id", message.get("id").asText());
        }
        return Reply.json(object("interaction", interaction, "resource", resource));
    }

    /** The interaction whose webhook {@code /webhooks/{application id}/{token}} names. */
    private Optional<Interactions.State> webhook(Matcher path) {
        return path.group(1).equals(applicationId) ? interactions.byToken(path.group(2)) : Optional.empty();
    }

    private Reply webhookMessage(RecordedRequest request, Matcher path) {
        Optional<Interactions.State> state = webhook(path);
        if (state.isEmpty()) {
            return unknownWebhook();
        }
        String messageId = path.group(3).equals("@original") ? state.get().originalMessageId() : path.group(3);
        return messageId == null ? unknownMessage() : messageRequest(request, messageId);
    }

    private Reply messageRequest(RecordedRequest request, String messageId) {
        if (request.method().equals("DELETE")) {
            return messages.delete(messageId) ? Reply.empty() : unknownMessage();
        }
        Optional<ObjectNode> message = request.method().equals("GET")
                ? messages.get(messageId)
                : messages.edit(messageId, request.json(), request.files());
        return message.map(Reply::json).orElseGet(FakeRestServer::unknownMessage);
    }

    private boolean isKnownChannel(String channelId) {
        return channels.dmUser(channelId) != null || channels.guild(channelId) != null;
    }

    private static Reply unknownWebhook() {
        return Reply.error(404, 10015, "Unknown Webhook");
    }

    private static Reply unknownMessage() {
        return Reply.error(404, 10008, "Unknown Message");
    }

    /** Records the request only once the answer is sent, so a test that saw it does not race JDA's handling. */
    private void handle(HttpExchange exchange) throws IOException {
        RecordedRequest recorded;
        try (exchange) {
            RecordedRequest request = read(exchange);
            Reply reply = dispatch(request, exchange.getRequestURI().getPath());
            recorded = request.withResponse(reply.status(), reply.body());
            reply.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
            if (reply.body() == null) {
                exchange.sendResponseHeaders(reply.status(), -1);
            } else {
                byte[] body = Json.bytes(reply.body());
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(reply.status(), body.length);
                exchange.getResponseBody().write(body);
            }
        }
        requests.add(recorded);
    }

    private Reply dispatch(RecordedRequest request, String fullPath) {
        if (fullPath.startsWith(API_ROOT + "/")) {
            for (Route route : routes) {
                Matcher matcher = route.path().matcher(request.path());
                if (route.methods().contains(request.method()) && matcher.matches()) {
                    try {
                        return route.handler().handle(request, matcher);
                    } catch (RuntimeException e) {
                        LOG.error("Fake Discord failed to handle {}", request, e);
                        return Reply.error(500, 0, "Fake Discord failed: " + e);
                    }
                }
            }
        }
        LOG.warn("Fake Discord has no route for {} {}; answering 404", request.method(), fullPath);
        return Reply.error(404, 0, "404: Not Found");
    }

    private static RecordedRequest read(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
        List<RecordedRequest.Part> parts =
                Multipart.isMultipart(contentType) ? Multipart.parse(contentType, body) : List.of();
        JsonNode json = parts.isEmpty()
                ? (body.length == 0 ? null : Json.parse(body))
                : parts.stream()
                        .filter(part -> "payload_json".equals(part.name()))
                        .findFirst()
                        .map(part -> Json.parse(part.data()))
                        .orElse(null);
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, List.copyOf(values)));
        Map<String, List<String>> readOnlyHeaders = Collections.unmodifiableMap(headers);
        String path = exchange.getRequestURI().getPath();
        return new RecordedRequest(
                exchange.getRequestMethod(),
                path.startsWith(API_ROOT) ? path.substring(API_ROOT.length()) : path,
                exchange.getRequestURI().getRawQuery(),
                readOnlyHeaders,
                json,
                parts,
                0,
                null);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.close();
    }
}
