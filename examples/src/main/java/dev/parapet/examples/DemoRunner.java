package dev.parapet.examples;

import dev.parapet.api.InvalidValueException;
import dev.parapet.examples.demo.Demo;
import dev.parapet.examples.demo.DemoOptions;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

/**
 * The example runner's entry point: {@code java -cp ... dev.parapet.examples.DemoRunner [options]} starts a
 * simulated trading firm that routes every order through Parapet and serves the live dashboard (see
 * {@link DemoOptions#USAGE} for the options; with none it runs on embedded defaults). {@code parapet demo}
 * is the same runner behind the command line.
 */
public final class DemoRunner {

  /** Exit code of a user mistake (a bad option). */
  public static final int EXIT_USER_ERROR = 2;

  private DemoRunner() {
  }

  /** Runs the demo; exits 2 on a bad option. */
  public static void main(String[] args) throws InterruptedException {
    PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
    PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
    int code = run(args, out, err);
    if (code != 0) {
      System.exit(code);
    }
  }

  /**
   * Parses the arguments, runs the demo and, unless {@code --exit-when-done} was given, keeps serving the
   * dashboard after the simulation until the process is interrupted (Ctrl-C).
   *
   * @return 0 on success, 2 on a bad option or an unusable data directory or port
   */
  public static int run(String[] args, PrintWriter out, PrintWriter err) throws InterruptedException {
    Optional<DemoOptions> parsed;
    try {
      parsed = DemoOptions.parse(args);
    } catch (InvalidValueException e) {
      err.println("error: " + e.getMessage());
      err.println("usage: see --help");
      return EXIT_USER_ERROR;
    }
    if (parsed.isEmpty()) {
      out.println(DemoOptions.USAGE);
      return 0;
    }
    return run(parsed.get(), out, err);
  }

  /** Runs the demo with parsed options (see {@link #run(String[], PrintWriter, PrintWriter)}). */
  public static int run(DemoOptions options, PrintWriter out, PrintWriter err) throws InterruptedException {
    Demo demo;
    try {
      demo = Demo.builder(options).out(out).start();
    } catch (InvalidValueException e) {
      err.println("error: " + e.getMessage());
      return EXIT_USER_ERROR;
    } catch (UncheckedIOException e) {
      err.println("error: " + e.getMessage()
          + (options.port() != 0 ? " (is the port in use? --port 0 picks a free one)" : ""));
      return EXIT_USER_ERROR;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Thread hook = new Thread(() -> {
      demo.close();
      stopped.countDown();
    }, "parapet-demo-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    while (!demo.awaitSimulation(Duration.ofSeconds(1))) {
      // the simulation runs; Ctrl-C runs the hook, which stops it
    }
    if (options.exitWhenDone()) {
      demo.close();
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException e) {
        // already shutting down
      }
      return 0;
    }
    stopped.await();
    return 0;
  }
}
