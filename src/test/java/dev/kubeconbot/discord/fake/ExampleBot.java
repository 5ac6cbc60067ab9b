package dev.kubeconbot.discord.fake;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.events.interaction.command.CommandAutoCompleteInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.events.message.MessageReceivedEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.utils.FileUpload;

/** Stands in for kubecon-bot in the harness's own tests: one small behaviour per kind of Discord traffic. */
final class ExampleBot extends ListenerAdapter {
    static final List<String> TALKS =
            List.of("Keynote: Cloud Native Futures", "Kubernetes 101", "Karpenter Deep Dive", "eBPF for Everyone");
    static final String AGENDA = "Day 1: Keynote\nDay 2: Kubernetes 101\n";

    @Override
    public void onSlashCommandInteraction(SlashCommandInteractionEvent event) {
        switch (event.getName()) {
            case "ping" -> event.reply("pong from " + where(event))
                    .addEmbeds(new EmbedBuilder()
                            .setTitle("Pong")
                            .setDescription("locale " + event.getUserLocale().getLocale())
                            .build())
                    .queue();
            case "kubecon" -> event.reply("Talks on %s in %s for %s".formatted(
                            event.getOption("day").getAsString(),
                            event.getGuild().getName(),
                            event.getMember().getEffectiveName()))
                    .setEphemeral(true)
                    .queue();
            case "rsvp" -> event.reply("Join the KubeCon party?")
                    .addComponents(ActionRow.of(Button.primary("rsvp:yes", "Yes")))
                    .queue();
            case "slow" -> event.deferReply()
                    .queue(hook -> hook.editOriginal("Schedule refreshed")
                            .flatMap(original -> hook.sendMessage("Two new talks were added"))
                            .queue());
            case "agenda" -> event.reply("Agenda attached")
                    .addFiles(FileUpload.fromData(AGENDA.getBytes(StandardCharsets.UTF_8), "agenda.txt"))
                    .queue();
            default -> event.reply("Unknown command").setEphemeral(true).queue();
        }
    }

    private static String where(SlashCommandInteractionEvent event) {
        return event.isFromGuild() ? "guild " + event.getGuild().getId() : "DM";
    }

    @Override
    public void onCommandAutoCompleteInteraction(CommandAutoCompleteInteractionEvent event) {
        String typed = event.getFocusedOption().getValue().toLowerCase(Locale.ROOT);
        event.replyChoiceStrings(TALKS.stream()
                        .filter(talk -> talk.toLowerCase(Locale.ROOT).contains(typed))
                        .toList())
                .queue();
    }

    @Override
    public void onButtonInteraction(ButtonInteractionEvent event) {
        if (event.getComponentId().equals("rsvp:yes")) {
            event.editMessage("RSVP confirmed for %s (was: %s)".formatted(
                            event.getUser().getName(), event.getMessage().getContentRaw()))
                    .setComponents()
                    .queue();
        }
    }

    @Override
    public void onMessageReceived(MessageReceivedEvent event) {
        Message message = event.getMessage();
        if (event.getAuthor().isBot()) {
            return;
        }
        if (!event.isFromGuild()) {
            event.getChannel().sendMessage("You said: " + message.getContentRaw()).queue();
        } else if (message.getMentions().isMentioned(event.getJDA().getSelfUser())) {
            event.getChannel()
                    .sendMessage("Hi " + event.getAuthor().getName() + ", try /kubecon schedule")
                    .queue();
        }
    }
}
