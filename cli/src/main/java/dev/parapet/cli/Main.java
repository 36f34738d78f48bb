package dev.parapet.cli;

/** Entry point of the {@code parapet} command. */
public final class Main {

  private Main() {
  }

  /** Runs the command and exits with its exit code. */
  public static void main(String[] args) {
    System.exit(CliSupport.commandLine(new ParapetCommand()).execute(args));
  }
}
