package dev.kubeconbot.discord.fake;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubeconbot.testing.CapturedLog;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.JDABuilder;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.events.message.MessageReceivedEvent;
import net.dv8tion.jda.api.hooks.EventListener;
import net.dv8tion.jda.api.requests.GatewayIntent;
import org.junit.jupiter.api.Test;

/** Messages reach the bot only with the intents Discord requires, so a forgotten intent fails tests as in production. */
class MessageIntentsTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    @Test
    void withoutIntentsDmsAreDroppedAndGuildContentIsBlankUnlessTheBotIsMentioned() throws InterruptedException {
        FakeGuild guild = FakeGuild.named("KubeCon NA");
        FakeUser kim = FakeUser.human("kim");
        BlockingQueue<Message> received = new LinkedBlockingQueue<>();
        try (CapturedLog log = CapturedLog.of(FakeGateway.class); FakeDiscord discord = FakeDiscord.start(guild)) {
            JDA jda = FakeDiscord.awaitConnected(
                    discord.configure(JDABuilder.createLight(FakeDiscord.TOKEN, GatewayIntent.GUILD_MESSAGES))
                            .addEventListeners((EventListener) event -> {
                                if (event instanceof MessageReceivedEvent message) {
                                    received.add(message.getMessage());
                                }
                            })
                            .build(),
                    TIMEOUT);
            try {
                String mentioned = discord.botUser().mention() + " where is the keynote?";

                discord.sendDirectMessage(kim, "dropped: no DIRECT_MESSAGES intent");
                String hiddenId = discord.sendGuildMessage(guild, kim, "blank: no MESSAGE_CONTENT intent");
                discord.sendGuildMessage(guild, kim, mentioned);

                Message hidden = received.poll(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                assertThat(hidden.getId()).isEqualTo(hiddenId); // the DM before it never arrived
                assertThat(hidden.getContentRaw()).isEmpty();
                Message visible = received.poll(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                assertThat(visible.getContentRaw()).isEqualTo(mentioned);
                assertThat(log.messages())
                        .containsExactly("Not delivering MESSAGE_CREATE: the bot did not request the DIRECT_MESSAGES intent");
            } finally {
                jda.shutdown();
                jda.awaitShutdown(TIMEOUT);
            }
        }
    }
}
