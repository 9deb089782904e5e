package io.dynamo4j.engine.disk;

import io.dynamo4j.engine.LocalEngine;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Random;

/**
 * The child JVM of {@link CrashIT}: opens the engine in {@code args[0]}, then writes random
 * operations (seed {@code args[1]}, values from {@code args[2]} on) until it is killed, printing
 * {@code BEGIN op} before each and {@code ACK} after each acknowledgement.
 */
public final class CrashChild {

  private CrashChild() {}

  public static void main(String[] args) {
    PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), false);
    LocalEngine engine = DiskEngine.open(Path.of(args[0]));
    Random random = new Random(Long.parseLong(args[1]));
    long[] counter = {Long.parseLong(args[2])};
    out.println("READY");
    out.flush();
    while (true) {
      String op = CrashWorkload.next(random, counter);
      out.println("BEGIN " + op);
      out.flush();
      CrashWorkload.execute(engine, op);
      out.println("ACK");
      out.flush();
    }
  }
}
