# syntax=docker/dockerfile:1
# kubecon-bot: docker build -t kubecon-bot . && docker run --rm -p 8080:8080 kubecon-bot
# (local mode; add -e DISCORD_TOKEN=… to connect to Discord). See the README, "Docker".

# --- build: the same Maven wrapper command as the README ---
# Fully qualified image names: builders without a default registry (Podman, Buildah, some CI) refuse short ones.
FROM docker.io/library/eclipse-temurin:25-jdk-noble AS build
WORKDIR /src
# Wrapper and POM first, so the dependency layer is reused until pom.xml changes.
COPY .mvn/ .mvn/
COPY mvnw pom.xml ./
RUN ./mvnw -q -B dependency:go-offline
COPY src/ src/
COPY config/ config/
COPY content/ content/
RUN ./mvnw -q -DskipTests package

# --- runtime: a JRE, the jar, the content and the configuration ---
FROM docker.io/library/eclipse-temurin:25-jre-noble
# OCI image annotations (the version follows pom.xml; KubernetesManifestsTest checks they agree).
LABEL org.opencontainers.image.title="kubecon-bot" \
      org.opencontainers.image.description="Discord bot that answers questions about KubeCon trends with verbatim, linked quotes" \
      org.opencontainers.image.version="0.1.0" \
      org.opencontainers.image.base.name="docker.io/library/eclipse-temurin:25-jre-noble"
RUN groupadd --system --gid 10001 bot \
    && useradd --system --uid 10001 --gid bot --no-create-home --shell /usr/sbin/nologin bot
WORKDIR /app
COPY --from=build /src/target/kubecon-bot.jar ./
COPY config/ config/
COPY content/ content/
COPY --chmod=0555 deploy/docker/healthcheck.sh /usr/local/bin/healthcheck
# Passage vectors of the bundled content, embedded now so that a container starts with hybrid search
# (read-only for the bot: mount a volume on /app/vectors when you mount your own content).
ENV SEARCH_VECTOR_CACHE=/app/vectors
RUN java -XX:+UseSerialGC -jar kubecon-bot.jar index
# Ahead-of-time class cache from a training run of `serve` on the seed content, up to ready and a
# SIGTERM (JDK 25, JEP 483/514): start-up loads and links the classes it recorded instead of reading
# them from the jar. Trained on what the container runs, not on `ask`. The README's "Benchmarks" has
# the numbers. Built as root, read-only for the bot.
# The training run also writes the persisted index of the bundled content into INDEX_DIR, so a
# container that keeps the seeds reopens it instead of indexing; the bot may update it (own content).
ENV INDEX_DIR=/var/cache/kubecon-bot/index
COPY --chmod=0555 deploy/docker/aot-train.sh /usr/local/bin/aot-train
RUN aot-train kubecon-bot.aot && chown -R 10001:10001 /var/cache/kubecon-bot
USER 10001:10001
EXPOSE 8080
HEALTHCHECK --interval=15s --timeout=3s --start-period=30s --retries=3 CMD ["healthcheck"]
# Heap from the container's memory limit; die (and get restarted) rather than limp on after an OOM;
# the serial collector, as the JVM itself picks for a small container, here also when it is not small:
# the live set is tens of MB, so its pauses stay short and it costs the least memory and CPU.
# The classes' metadata is ~22 MB at ready: above the default 21 MB first threshold, which would end
# a large corpus's start with a full collection of its whole heap (0.24 s at 10,000 articles).
# More flags: JAVA_TOOL_OPTIONS. Settings: the environment variables in the README.
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-XX:+ExitOnOutOfMemoryError", "-XX:+UseSerialGC", \
    "-XX:MetaspaceSize=64m", "-XX:AOTCache=kubecon-bot.aot", "-jar", "kubecon-bot.jar"]
CMD ["serve"]
