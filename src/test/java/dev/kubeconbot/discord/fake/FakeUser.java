package dev.kubeconbot.discord.fake;

/**
 * A Discord user that sends events to the bot. {@code bot} matters: JDA reports it via {@code User#isBot()}, which
 * bots commonly use to ignore other bots.
 */
public record FakeUser(String id, String username, boolean bot) {

    public static FakeUser human(String username) {
        return new FakeUser(Snowflakes.next(), username, false);
    }

    public static FakeUser bot(String username) {
        return new FakeUser(Snowflakes.next(), username, true);
    }

    /** The mention markup ({@code <@id>}) Discord puts into message content. */
    public String mention() {
        return "<@" + id + ">";
    }
}
