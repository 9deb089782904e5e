package io.dynamo4j.engine.disk;

import java.nio.file.Path;

/** The child JVM of {@link DiskEngineOpenTest}: started without Chronicle's flags, prints why open failed. */
public final class NoFlagsChild {

  private NoFlagsChild() {}

  public static void main(String[] args) {
    try {
      DiskEngine.open(Path.of(args[0])).close();
      System.out.println("OPENED");
    } catch (IllegalStateException e) {
      System.out.println("FAILED " + e.getMessage());
    }
  }
}
