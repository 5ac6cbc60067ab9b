package dev.kubeconbot.discord.fake;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/** Interactions the fake dispatched, so callbacks and webhook requests can be checked and tied to messages. */
final class Interactions {

    /** What Discord remembers about an interaction: whether it was answered and which message answered it. */
    static final class State {
        final Interaction interaction;
        /** The message a component was clicked on, or {@code null}. */
        final String componentMessageId;

        private final AtomicBoolean acknowledged = new AtomicBoolean();
        private volatile String originalMessageId;

        private State(Interaction interaction, String componentMessageId) {
            this.interaction = interaction;
            this.componentMessageId = componentMessageId;
            this.originalMessageId = componentMessageId;
        }

        /** {@code true} the first time only, like Discord's "already acknowledged" check. */
        boolean acknowledge() {
            return acknowledged.compareAndSet(false, true);
        }

        String originalMessageId() {
            return originalMessageId;
        }

        void originalMessageId(String messageId) {
            originalMessageId = messageId;
        }
    }

    private final Map<String, State> byToken = new ConcurrentHashMap<>();

    Interaction register(String channelId, String componentMessageId) {
        Interaction interaction = new Interaction(
                Snowflakes.next(), "itoken-" + UUID.randomUUID().toString().replace("-", ""), channelId);
        byToken.put(interaction.token(), new State(interaction, componentMessageId));
        return interaction;
    }

    Optional<State> find(String id, String token) {
        return byToken(token).filter(state -> state.interaction.id().equals(id));
    }

    Optional<State> byToken(String token) {
        return Optional.ofNullable(byToken.get(token));
    }
}
