package dev.kubeconbot.discord.fake;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import net.dv8tion.jda.api.interactions.DiscordLocale;

/**
 * A slash command invocation as a user types it. Immutable; the {@code with*}/{@code inGuild} methods return copies.
 *
 * @param subcommand {@code null} for a command without subcommands
 * @param options option values by name: {@link String}, {@link Integer}/{@link Long}, {@link Boolean} or {@link Double},
 *     or a {@link Typed} value whose type a test picks (as a forged or outdated client would send)
 * @param guild {@code null} for a DM with the bot
 */
public record SlashCommand(
        String name,
        String subcommand,
        Map<String, Object> options,
        FakeUser user,
        FakeGuild guild,
        DiscordLocale locale) {

    public SlashCommand {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(locale, "locale");
        options.values().forEach(SlashCommand::optionType);
        options = Collections.unmodifiableMap(new LinkedHashMap<>(options));
    }

    /** A value sent with an option type of the test's choosing, e.g. the text "maybe" as a boolean (type 5). */
    public record Typed(int type, Object value) {}

    /** {@code /name} sent by {@code user} in their DM with the bot, in US English. */
    public static SlashCommand of(String name, FakeUser user) {
        return new SlashCommand(name, null, Map.of(), user, null, DiscordLocale.ENGLISH_US);
    }

    public SlashCommand withSubcommand(String subcommand) {
        return new SlashCommand(name, subcommand, options, user, guild, locale);
    }

    public SlashCommand withOption(String optionName, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(options);
        copy.put(optionName, value);
        return new SlashCommand(name, subcommand, copy, user, guild, locale);
    }

    /** Option {@code optionName} with Discord option type {@code type} but {@code value}, whatever type that is. */
    public SlashCommand withTypedOption(String optionName, int type, Object value) {
        return withOption(optionName, new Typed(type, value));
    }

    public SlashCommand inGuild(FakeGuild inGuild) {
        return new SlashCommand(name, subcommand, options, user, inGuild, locale);
    }

    public SlashCommand withLocale(DiscordLocale userLocale) {
        return new SlashCommand(name, subcommand, options, user, guild, userLocale);
    }

    /** Discord's application command option type for a Java value. */
    static int optionType(Object value) {
        return switch (value) {
            case String s -> 3;
            case Integer i -> 4;
            case Long l -> 4;
            case Boolean b -> 5;
            case Double d -> 10;
            case Typed typed -> typed.type();
            default -> throw new IllegalArgumentException("Unsupported option value type: " + value.getClass());
        };
    }
}
