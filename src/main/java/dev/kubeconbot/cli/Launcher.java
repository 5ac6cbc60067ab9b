package dev.kubeconbot.cli;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * The jar's entry point. It is compiled for Java 8 (see pom.xml) so that an older JVM can load it and
 * print one line saying which Java is needed and which one ran it, instead of an
 * {@code UnsupportedClassVersionError} from the first class compiled for 21. It names {@link Main}
 * only as a string, so nothing else loads before the check.
 */
public final class Launcher {

  static final int MINIMUM = 21;

  private Launcher() {}

  public static void main(String[] args) throws Throwable {
    String problem = problem(System.getProperty("java.specification.version"), System.getProperty("java.home"));
    if (problem != null) {
      System.err.println(problem);
      System.exit(1);
    }
    MethodHandle main = MethodHandles.lookup().findStatic(Class.forName("dev.kubeconbot.cli.Main"), "main",
        MethodType.methodType(void.class, String[].class));
    main.invokeExact(args);
  }

  /** What to tell a user of Java {@code specification} (such as "1.8" or "17"), or null when it will do. */
  static String problem(String specification, String javaHome) {
    int feature = Integer.parseInt(specification.startsWith("1.") ? specification.substring(2) : specification);
    if (feature >= MINIMUM) {
      return null;
    }
    // ASCII only: an old JVM in a bare container may print in US-ASCII.
    return "kubecon-bot needs Java " + MINIMUM + " or newer, but this is Java " + specification + " (" + javaHome
        + "). Point JAVA_HOME at a JDK or JRE " + MINIMUM + "+ and run \"$JAVA_HOME/bin/java\" -jar kubecon-bot.jar ...";
  }
}
