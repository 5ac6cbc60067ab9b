package dev.kubeconbot.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A folder laid out as the kubelet lays out a mounted ConfigMap, and updated as it updates one
 * (its AtomicWriter): the files live in a timestamped {@code ..2026_…} folder, {@code ..data} links
 * to it, and each visible {@code x.md} links to {@code ..data/x.md}. An update writes a new
 * timestamped folder, points a new link {@code ..data_tmp} at it, renames that over {@code ..data}
 * in one step, and then removes the old folder.
 */
public final class ConfigMapVolume {

  private static final AtomicInteger GENERATION = new AtomicInteger();

  private final Path mount;

  private ConfigMapVolume(Path mount) {
    this.mount = mount;
  }

  /** Mounts {@code files} (name → text) at {@code mount}, which is created. */
  public static ConfigMapVolume mount(Path mount, Map<String, String> files) {
    try {
      Files.createDirectories(mount);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ConfigMapVolume volume = new ConfigMapVolume(mount);
    volume.update(files);
    return volume;
  }

  /** Replaces the volume's files with {@code files} as the kubelet does: every file changes at one instant. */
  public void update(Map<String, String> files) {
    try {
      Path data = mount.resolve("..data");
      Path old = Files.isSymbolicLink(data) ? mount.resolve(Files.readSymbolicLink(data)) : null;
      Path next = Files.createDirectory(mount.resolve("..2026_12_01_10_00_00." + GENERATION.incrementAndGet()));
      for (Map.Entry<String, String> file : files.entrySet()) {
        Files.writeString(next.resolve(file.getKey()), file.getValue());
      }
      Path tmp = Files.createSymbolicLink(mount.resolve("..data_tmp"), next.getFileName());
      Files.move(tmp, data, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      try (Stream<Path> visible = Files.list(mount)) {
        for (Path link : visible.filter(p -> !p.getFileName().toString().startsWith("..")).toList()) {
          if (!files.containsKey(link.getFileName().toString())) {
            Files.delete(link);
          }
        }
      }
      for (String name : files.keySet()) {
        if (!Files.isSymbolicLink(mount.resolve(name))) {
          Files.createSymbolicLink(mount.resolve(name), Path.of("..data", name));
        }
      }
      if (old != null) {
        try (Stream<Path> stale = Files.list(old)) {
          for (Path file : stale.toList()) {
            Files.delete(file);
          }
        }
        Files.delete(old);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
