package dev.parapet.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.parapet.api.InvalidValueException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import picocli.CommandLine;

/**
 * What every subcommand shares: the configured {@link CommandLine}, exit codes, JSON output and
 * reading number series from files.
 */
public final class CliSupport {

  /** Success. */
  public static final int EXIT_OK = 0;
  /** The command ran but its check failed (for example a broken audit chain). */
  public static final int EXIT_CHECK_FAILED = 1;
  /** A user mistake: bad option, missing or malformed file. */
  public static final int EXIT_USER_ERROR = 2;
  /** An unexpected internal error (a bug): the stack trace is printed. */
  public static final int EXIT_INTERNAL_ERROR = 3;

  private static final ObjectMapper JSON = new ObjectMapper()
      .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

  private CliSupport() {
  }

  /** Returns the shared Jackson mapper (compact output). */
  public static ObjectMapper json() {
    return JSON;
  }

  /**
   * Returns a command line for a command with Parapet's error handling: user mistakes
   * ({@link UserException}, {@link InvalidValueException}, picocli parameter errors) print one line to
   * stderr and give {@link #EXIT_USER_ERROR}; anything else prints its stack trace and gives
   * {@link #EXIT_INTERNAL_ERROR}.
   */
  public static CommandLine commandLine(Object command) {
    CommandLine cl = new CommandLine(command);
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    cl.setParameterExceptionHandler((ex, args) -> {
      CommandLine c = ex.getCommandLine();
      c.getErr().println("error: " + ex.getMessage());
      c.getErr().println("usage: see '" + c.getCommandSpec().qualifiedName() + " --help'");
      c.getErr().flush();
      return EXIT_USER_ERROR;
    });
    cl.setExecutionExceptionHandler((ex, c, parseResult) -> {
      if (ex instanceof UserException || ex instanceof InvalidValueException) {
        c.getErr().println("error: " + ex.getMessage());
        c.getErr().flush();
        return EXIT_USER_ERROR;
      }
      c.getErr().println("internal error: " + ex);
      ex.printStackTrace(c.getErr());
      c.getErr().flush();
      return EXIT_INTERNAL_ERROR;
    });
    return cl;
  }

  /** Prints a value as one line of compact JSON. */
  public static void printJson(PrintWriter out, Object value) {
    try {
      out.println(JSON.writeValueAsString(value));
      out.flush();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write JSON: " + e.getMessage(), e);
    }
  }

  /**
   * Reads a series of numbers from a file: either one number per line (blank lines and lines starting
   * with {@code #} skipped), or, when {@code column} is given, a CSV file with a header row from which
   * the named column is read.
   *
   * @param file the file
   * @param column the CSV column to read, or null for one number per line
   * @param what what the series is, for messages (e.g. {@code --returns})
   * @return the numbers in file order
   * @throws UserException naming the file and line of the first problem
   */
  public static double[] readSeries(Path file, String column, String what) {
    List<String> lines = readLines(file, what);
    int start = 0;
    int index = -1;
    if (column != null) {
      if (lines.isEmpty()) {
        throw new UserException(what + " file " + file + " is empty; expected a CSV header with column '" + column + "'");
      }
      List<String> header = splitCsv(lines.get(0));
      index = header.indexOf(column);
      if (index < 0) {
        throw new UserException(what + " file " + file + ":1 has no column '" + column + "'; columns are " + header);
      }
      start = 1;
    }
    double[] out = new double[lines.size()];
    int n = 0;
    for (int i = start; i < lines.size(); i++) {
      String line = lines.get(i).trim();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String cell = line;
      if (column != null) {
        List<String> cells = splitCsv(line);
        if (index >= cells.size()) {
          throw new UserException(what + " file " + file + ":" + (i + 1) + " has " + cells.size()
              + " columns; expected column '" + column + "' at position " + (index + 1));
        }
        cell = cells.get(index).trim();
      }
      out[n++] = parseNumber(cell, file, i + 1, what);
    }
    if (n == 0) {
      throw new UserException(what + " file " + file + " holds no numbers");
    }
    return Arrays.copyOf(out, n);
  }

  /** Parses one finite number, naming the file and line when it is not one. */
  public static double parseNumber(String text, Path file, int line, String what) {
    double v;
    try {
      v = Double.parseDouble(text.trim());
    } catch (NumberFormatException e) {
      throw new UserException(what + " file " + file + ":" + line + ": '" + text + "' is not a number");
    }
    if (!Double.isFinite(v)) {
      throw new UserException(what + " file " + file + ":" + line + ": '" + text + "' is not a finite number");
    }
    return v;
  }

  /** Reads a UTF-8 text file's lines, turning I/O problems into a {@link UserException}. */
  public static List<String> readLines(Path file, String what) {
    try {
      return Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new UserException(what + " file " + file + " does not exist");
    } catch (IOException e) {
      throw new UserException("cannot read " + what + " file " + file + ": " + e.getMessage(), e);
    }
  }

  /** Splits one CSV line on commas, honouring double quotes (RFC 4180, no embedded newlines). */
  public static List<String> splitCsv(String line) {
    List<String> cells = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          cell.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          cell.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        cells.add(cell.toString().trim());
        cell.setLength(0);
      } else {
        cell.append(c);
      }
    }
    cells.add(cell.toString().trim());
    return cells;
  }
}
