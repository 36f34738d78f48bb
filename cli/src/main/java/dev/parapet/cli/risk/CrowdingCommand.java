package dev.parapet.cli.risk;

import dev.parapet.api.InvalidValueException;
import dev.parapet.cli.CliSupport;
import dev.parapet.cli.UserException;
import dev.parapet.risk.crowding.Cluster;
import dev.parapet.risk.crowding.ConcentrationMetrics;
import dev.parapet.risk.crowding.CrowdingAnalyzer;
import dev.parapet.risk.crowding.CrowdingPosition;
import dev.parapet.risk.crowding.CrowdingReport;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code parapet risk crowding}: concentration and correlation crowding of a book.
 * <p>
 * {@code --weights}: a CSV with a header holding {@code instrument} and {@code weight} columns (and optionally
 * {@code sector} and {@code issuer}), or one weight per line. {@code --returns}: a CSV whose header names the
 * instruments (an optional first {@code date} column is ignored) and whose rows are days. With one weight per
 * line, the weights are matched to the returns' columns in order.
 */
@Command(
    name = "crowding",
    mixinStandardHelpOptions = true,
    description = "Crowding of a book: HHI, effective N, Gini and top-N share by instrument, sector and issuer;"
        + " with returns, average correlation, absorption ratio and correlation clusters; and the level.")
public final class CrowdingCommand implements Callable<Integer> {

  @Spec
  private CommandSpec spec;

  @Option(names = "--weights", required = true, paramLabel = "FILE",
      description = "CSV with header instrument,weight[,sector][,issuer], or one weight per line.")
  private Path weights;

  @Option(names = "--returns", paramLabel = "FILE",
      description = "CSV with a header of instrument ids (optional first 'date' column), one row per day.")
  private Path returns;

  @Option(names = "--top", defaultValue = "5", paramLabel = "N", description = "N of the top-N share; default ${DEFAULT-VALUE}.")
  private int top;

  @Option(names = "--cluster-correlation", defaultValue = "0.5", paramLabel = "RHO",
      description = "Correlation at which the cluster tree is cut; default ${DEFAULT-VALUE}.")
  private double clusterCorrelation;

  @Override
  public Integer call() {
    Returns r = returns == null ? null : readReturns(returns);
    List<CrowdingPosition> book = readWeights(weights, r);
    CrowdingReport report;
    try {
      report = CrowdingAnalyzer.builder().topN(top).clusterCorrelation(clusterCorrelation).build()
          .analyze(book, r == null ? null : r.ids, r == null ? null : r.rows);
    } catch (InvalidValueException e) {
      throw new UserException("crowding input: " + e.getMessage(), e);
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("level", report.level().name());
    out.put("positions", report.byInstrument().count());
    out.put("hhi", report.byInstrument().hhi());
    out.put("effectiveN", report.byInstrument().effectiveN());
    out.put("gini", report.byInstrument().gini());
    out.put("topN", report.byInstrument().topN());
    out.put("topNShare", report.byInstrument().topNShare());
    out.put("bySector", concentration(report.bySector()));
    out.put("byIssuer", concentration(report.byIssuer()));
    if (report.averagePairwiseCorrelation().isPresent()) {
      out.put("averagePairwiseCorrelation", report.averagePairwiseCorrelation().getAsDouble());
      out.put("absorptionRatio", report.absorptionRatio().getAsDouble());
    }
    List<Map<String, Object>> clusters = new ArrayList<>();
    for (Cluster c : report.clusters()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("members", c.members());
      m.put("netExposure", c.netExposure());
      m.put("grossExposure", c.grossExposure());
      m.put("grossShare", c.grossShare());
      m.put("averageCorrelation", c.averageCorrelation());
      clusters.add(m);
    }
    out.put("clusters", clusters);
    out.put("drivers", report.drivers());
    CliSupport.printJson(spec.commandLine().getOut(), out);
    return CliSupport.EXIT_OK;
  }

  private static Map<String, Object> concentration(ConcentrationMetrics m) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("groups", m.count());
    out.put("hhi", m.hhi());
    out.put("effectiveN", m.effectiveN());
    out.put("gini", m.gini());
    out.put("topNShare", m.topNShare());
    return out;
  }

  /** Returns read from a CSV: ids from the header, one row per instrument. */
  private static final class Returns {
    final List<String> ids;
    final double[][] rows;

    Returns(List<String> ids, double[][] rows) {
      this.ids = ids;
      this.rows = rows;
    }
  }

  private static Returns readReturns(Path file) {
    List<String> lines = CliSupport.readLines(file, "--returns");
    int headerLine = firstContentLine(lines);
    if (headerLine < 0) {
      throw new UserException("--returns file " + file + " is empty; expected a CSV header of instrument ids");
    }
    List<String> header = CliSupport.splitCsv(lines.get(headerLine));
    int first = header.get(0).equalsIgnoreCase("date") ? 1 : 0;
    List<String> ids = header.subList(first, header.size());
    if (ids.isEmpty()) {
      throw new UserException("--returns file " + file + ":" + (headerLine + 1) + " names no instrument");
    }
    for (int i = 0; i < ids.size(); i++) {
      if (ids.get(i).isEmpty()) {
        throw new UserException("--returns file " + file + ":" + (headerLine + 1) + " column " + (first + i + 1)
            + " has no instrument id");
      }
    }
    List<double[]> days = new ArrayList<>();
    for (int i = headerLine + 1; i < lines.size(); i++) {
      String line = lines.get(i).trim();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      List<String> cells = CliSupport.splitCsv(line);
      if (cells.size() != header.size()) {
        throw new UserException("--returns file " + file + ":" + (i + 1) + " has " + cells.size() + " columns; the header has "
            + header.size());
      }
      double[] day = new double[ids.size()];
      for (int k = 0; k < ids.size(); k++) {
        day[k] = CliSupport.parseNumber(cells.get(first + k), file, i + 1, "--returns");
      }
      days.add(day);
    }
    if (days.size() < 2) {
      throw new UserException("--returns file " + file + " has " + days.size() + " days; at least 2 are needed");
    }
    double[][] rows = new double[ids.size()][days.size()];
    for (int t = 0; t < days.size(); t++) {
      for (int k = 0; k < ids.size(); k++) {
        rows[k][t] = days.get(t)[k];
      }
    }
    return new Returns(List.copyOf(ids), rows);
  }

  private static List<CrowdingPosition> readWeights(Path file, Returns r) {
    List<String> lines = CliSupport.readLines(file, "--weights");
    int headerLine = firstContentLine(lines);
    if (headerLine < 0) {
      throw new UserException("--weights file " + file + " is empty");
    }
    List<CrowdingPosition> book = new ArrayList<>();
    if (isNumber(lines.get(headerLine))) {
      double[] w = CliSupport.readSeries(file, null, "--weights");
      if (r != null && r.ids.size() != w.length) {
        throw new UserException("--weights file " + file + " has " + w.length + " weights but --returns has "
            + r.ids.size() + " instruments; one weight per line is matched to the returns' columns in order");
      }
      for (int i = 0; i < w.length; i++) {
        String id = r == null ? Integer.toString(i + 1) : r.ids.get(i);
        book.add(new CrowdingPosition(id, "unknown", id, w[i]));
      }
      return book;
    }
    List<String> header = CliSupport.splitCsv(lines.get(headerLine));
    List<String> lower = new ArrayList<>();
    for (String h : header) {
      lower.add(h.toLowerCase(Locale.ROOT));
    }
    int instrument = lower.indexOf("instrument");
    int weight = lower.indexOf("weight");
    int sector = lower.indexOf("sector");
    int issuer = lower.indexOf("issuer");
    if (instrument < 0 || weight < 0) {
      throw new UserException("--weights file " + file + ":" + (headerLine + 1)
          + " needs 'instrument' and 'weight' columns; columns are " + header);
    }
    for (int i = headerLine + 1; i < lines.size(); i++) {
      String line = lines.get(i).trim();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      List<String> cells = CliSupport.splitCsv(line);
      int needed = Math.max(Math.max(instrument, weight), Math.max(sector, issuer)) + 1;
      if (cells.size() < needed) {
        throw new UserException("--weights file " + file + ":" + (i + 1) + " has " + cells.size()
            + " columns; expected " + header.size());
      }
      String id = cells.get(instrument);
      if (id.isEmpty()) {
        throw new UserException("--weights file " + file + ":" + (i + 1) + " has no instrument");
      }
      double w = CliSupport.parseNumber(cells.get(weight), file, i + 1, "--weights");
      String s = sector >= 0 && !cells.get(sector).isEmpty() ? cells.get(sector) : "unknown";
      String iss = issuer >= 0 && !cells.get(issuer).isEmpty() ? cells.get(issuer) : id;
      book.add(new CrowdingPosition(id, s, iss, w));
    }
    if (book.isEmpty()) {
      throw new UserException("--weights file " + file + " holds no positions");
    }
    return book;
  }

  private static int firstContentLine(List<String> lines) {
    for (int i = 0; i < lines.size(); i++) {
      String l = lines.get(i).trim();
      if (!l.isEmpty() && !l.startsWith("#")) {
        return i;
      }
    }
    return -1;
  }

  private static boolean isNumber(String line) {
    try {
      Double.parseDouble(line.trim());
      return true;
    } catch (NumberFormatException e) {
      return false;
    }
  }
}
