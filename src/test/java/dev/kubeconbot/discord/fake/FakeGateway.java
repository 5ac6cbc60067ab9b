package dev.kubeconbot.discord.fake;

import static dev.kubeconbot.discord.fake.Json.object;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import net.dv8tion.jda.api.requests.GatewayIntent;
import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Discord's gateway: HELLO, IDENTIFY → READY + GUILD_CREATE per guild of the shard, heartbeat ACKs, and dispatch of
 * events to the session of the shard Discord would pick ({@code (guildId >> 22) % shards}, DMs to shard 0). Frames
 * are plain JSON text, which JDA accepts even when it asked for zlib-stream compression.
 */
final class FakeGateway extends WebSocketServer {
    private static final Logger LOG = LoggerFactory.getLogger(FakeGateway.class);
    private static final int OP_DISPATCH = 0;
    private static final int OP_HEARTBEAT = 1;
    private static final int OP_IDENTIFY = 2;
    private static final int OP_RESUME = 6;
    private static final int OP_INVALID_SESSION = 9;
    private static final int OP_HELLO = 10;
    private static final int OP_HEARTBEAT_ACK = 11;
    private static final int HEARTBEAT_INTERVAL_MILLIS = 41_250;

    /** One identified connection; sequence numbers are per session and must go out in order. */
    private static final class Session {
        final WebSocket connection;
        final int shard;
        final int shardCount;
        final EnumSet<GatewayIntent> intents;
        private int sequence;

        Session(WebSocket connection, int shard, int shardCount, EnumSet<GatewayIntent> intents) {
            this.connection = connection;
            this.shard = shard;
            this.shardCount = shardCount;
            this.intents = intents;
        }

        synchronized void dispatch(String type, JsonNode data) {
            connection.send(Json.text(object("op", OP_DISPATCH, "t", type, "s", ++sequence, "d", data)));
        }
    }

    private final FakeUser bot;
    private final String applicationId;
    private final List<FakeGuild> guilds;
    private final List<Session> sessions = new CopyOnWriteArrayList<>();
    private final List<JsonNode> identifies = new CopyOnWriteArrayList<>();
    private final CountDownLatch started = new CountDownLatch(1);
    /** The close code every IDENTIFY gets once set, as Discord closes a revoked token's connections; 0 while open. */
    private volatile int refuseIdentify;

    FakeGateway(FakeUser bot, String applicationId, List<FakeGuild> guilds) {
        super(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1);
        this.bot = bot;
        this.applicationId = applicationId;
        this.guilds = guilds;
        setDaemon(true);
        setReuseAddr(true);
        setTcpNoDelay(true);
        setConnectionLostTimeout(0); // JDA heartbeats itself
    }

    /** Starts and waits until the port is bound. */
    void startAndWait() {
        start();
        try {
            if (!started.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("Fake gateway did not start");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    String url() {
        return "ws://127.0.0.1:" + getPort() + "/";
    }

    List<JsonNode> identifies() {
        return List.copyOf(identifies);
    }

    /** Sends an event to the session Discord would use for {@code guildId} ({@code null} for DMs). */
    void dispatch(String guildId, String type, JsonNode data) {
        session(guildId).dispatch(type, data);
    }

    /**
     * Sends MESSAGE_CREATE as Discord does: only to bots with the GUILD_MESSAGES / DIRECT_MESSAGES intent, and in
     * guilds with content, embeds, attachments and components blanked unless the bot has MESSAGE_CONTENT or is
     * mentioned. A dropped message is logged, since the bot's test will only see a missing reply.
     */
    void dispatchMessage(String guildId, ObjectNode message, boolean mentionsBot) {
        Session session = session(guildId);
        GatewayIntent needed = guildId == null ? GatewayIntent.DIRECT_MESSAGES : GatewayIntent.GUILD_MESSAGES;
        if (!session.intents.contains(needed)) {
            LOG.warn("Not delivering MESSAGE_CREATE: the bot did not request the {} intent", needed);
            return;
        }
        if (guildId != null && !mentionsBot && !session.intents.contains(GatewayIntent.MESSAGE_CONTENT)) {
            message = message.deepCopy().put("content", "");
            message.set("embeds", Json.array());
            message.set("attachments", Json.array());
            message.set("components", Json.array());
        }
        session.dispatch("MESSAGE_CREATE", message);
    }

    private Session session(String guildId) {
        Session target = null;
        for (Session session : sessions) {
            long shard = guildId == null ? 0 : (Long.parseLong(guildId) >> 22) % session.shardCount;
            if (session.shard == shard) {
                target = session; // the newest matching session wins
            }
        }
        if (target == null) {
            throw new IllegalStateException("No bot is connected to the fake gateway (for guild " + guildId + ")");
        }
        return target;
    }

    @Override
    public void onStart() {
        started.countDown();
    }

    @Override
    public void onOpen(WebSocket connection, ClientHandshake handshake) {
        send(connection, OP_HELLO, object("heartbeat_interval", HEARTBEAT_INTERVAL_MILLIS));
    }

    @Override
    public void onMessage(WebSocket connection, String text) {
        JsonNode payload = Json.parse(text);
        switch (payload.path("op").asInt()) {
            case OP_HEARTBEAT -> send(connection, OP_HEARTBEAT_ACK, null);
            case OP_IDENTIFY -> identify(connection, payload.get("d"));
            // Sessions are not kept across connections: make JDA identify again.
            case OP_RESUME -> send(connection, OP_INVALID_SESSION, false);
            default -> LOG.debug("Fake gateway ignores {}", text);
        }
    }

    /**
     * Closes every session with {@code code}, as Discord does when it ends a bot's sessions ({@code 4004} once the
     * token is revoked, {@code 4010}-{@code 4014} for shards or intents it refuses).
     *
     * @param forGood also close every later IDENTIFY with {@code code}
     */
    void closeSessions(int code, String reason, boolean forGood) {
        if (forGood) {
            refuseIdentify = code;
        }
        sessions.forEach(session -> session.connection.close(code, reason));
    }

    private void identify(WebSocket connection, JsonNode identify) {
        identifies.add(identify);
        if (refuseIdentify != 0) {
            connection.close(refuseIdentify, "Authentication failed.");
            return;
        }
        JsonNode shardInfo = identify.path("shard");
        int shard = shardInfo.path(0).asInt(0);
        int shardCount = shardInfo.path(1).asInt(1);
        List<FakeGuild> shardGuilds = guilds.stream()
                .filter(guild -> (Long.parseLong(guild.id()) >> 22) % shardCount == shard)
                .toList();
        Session session =
                new Session(connection, shard, shardCount, GatewayIntent.getIntents(identify.path("intents").asInt()));
        String sessionId = UUID.randomUUID().toString().replace("-", "");
        session.dispatch(
                "READY", Payloads.ready(bot, applicationId, sessionId, url(), shardGuilds, shard, shardCount));
        shardGuilds.forEach(guild -> session.dispatch("GUILD_CREATE", Payloads.guildCreate(guild, bot)));
        sessions.add(session);
    }

    private static void send(WebSocket connection, int op, Object data) {
        connection.send(Json.text(object("op", op, "d", data)));
    }

    @Override
    public void onClose(WebSocket connection, int code, String reason, boolean remote) {
        sessions.removeIf(session -> session.connection == connection);
    }

    @Override
    public void onError(WebSocket connection, Exception e) {
        LOG.warn("Fake gateway error", e);
    }
}
