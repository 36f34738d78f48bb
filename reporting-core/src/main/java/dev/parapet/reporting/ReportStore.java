package dev.parapet.reporting;

import dev.parapet.api.Checks;
import dev.parapet.api.report.ReportArchive;
import dev.parapet.api.report.ReportException;
import dev.parapet.api.report.ReportNotFoundException;
import dev.parapet.api.report.StoredReport;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The directory of end-of-day reports: one sub-directory per day, {@code <root>/YYYY-MM-DD/}, holding
 * {@code report.json}, {@code report.html} and the CSV tables.
 * <p>
 * Writing is atomic per day. A report is written into a fresh temporary directory
 * {@code <root>/.tmp-YYYY-MM-DD-<id>/}, each file forced to disk, and only when every file is complete is
 * the directory renamed into place; an existing report of the day is first renamed aside to
 * {@code <root>/.old-YYYY-MM-DD-<id>/} and deleted after the swap. If anything fails (a renderer throws,
 * the disk fills) the temporary directory is deleted and the previous report stays as it was. If the
 * process dies mid-way, {@link #open(Path)} cleans up: temporary directories are deleted, and a report
 * set aside whose replacement never arrived is restored. So a day's directory holds the previous report
 * or the new one, complete, never a mixture or half a file. A directory cannot be renamed over a
 * non-empty one on every platform, so between the two renames a reader in another process may briefly
 * find no report for the day; readers using this store are serialised with the swap and never do.
 * <p>
 * Thread-safe: different days may be written concurrently; writes of the same day are serialised.
 */
public final class ReportStore implements ReportArchive {

  private static final Logger LOG = LoggerFactory.getLogger(ReportStore.class);
  private static final Pattern DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
  private static final String TMP = ".tmp-";
  private static final String OLD = ".old-";

  private final Path root;
  private final ReentrantReadWriteLock swapLock = new ReentrantReadWriteLock();
  private final Map<LocalDate, Object> dayLocks = new ConcurrentHashMap<>();

  private ReportStore(Path root) {
    this.root = root;
  }

  /**
   * Opens (creating if needed) the report directory at {@code root}, recovering from an interrupted
   * write as described in the class documentation.
   *
   * @throws ReportException if the directory cannot be created or read
   */
  public static ReportStore open(Path root) {
    Checks.notNull(root, "root");
    try {
      Files.createDirectories(root);
      ReportStore store = new ReportStore(root.toAbsolutePath().normalize());
      store.recover();
      return store;
    } catch (IOException e) {
      throw new ReportException("cannot open the report directory " + root + ": " + e, e);
    }
  }

  /** Returns the root directory. */
  public Path root() {
    return root;
  }

  /** Writes the files of one report; see {@link ReportStore#write(LocalDate, Content)}. */
  @FunctionalInterface
  public interface Content {
    /**
     * Writes the report's files.
     *
     * @param out where to create them
     * @throws IOException if writing fails
     */
    void writeTo(ReportOutput out) throws IOException;
  }

  /**
   * Writes a day's report atomically, replacing any earlier one of that day.
   *
   * @param date the day
   * @param content writes the files; if it throws, nothing of it remains and the previous report stays
   * @return the stored report
   * @throws ReportException if the content or the file system fails; the cause is attached
   */
  public StoredReport write(LocalDate date, Content content) {
    Checks.notNull(date, "date");
    Checks.notNull(content, "content", "report " + date);
    Object dayLock = dayLocks.computeIfAbsent(date, d -> new Object());
    synchronized (dayLock) {
      Path tmp = root.resolve(TMP + date + "-" + UUID.randomUUID());
      try {
        Files.createDirectory(tmp);
        TempOutput out = new TempOutput(tmp);
        content.writeTo(out);
        out.finish();
        swap(date, tmp);
        return find(date).orElseThrow(() -> new ReportException("report " + date + " vanished after writing", null));
      } catch (IOException | RuntimeException e) {
        deleteQuietly(tmp);
        if (e instanceof ReportException re) {
          throw re;
        }
        throw new ReportException("cannot write the report of " + date + ": " + e, e);
      } catch (Error e) {
        deleteQuietly(tmp);
        throw e;
      }
    }
  }

  private void swap(LocalDate date, Path tmp) throws IOException {
    Path target = root.resolve(date.toString());
    Path old = null;
    swapLock.writeLock().lock();
    try {
      if (Files.exists(target)) {
        old = root.resolve(OLD + date + "-" + UUID.randomUUID());
        move(target, old);
      }
      move(tmp, target);
      fsyncDirectory(root);
    } finally {
      swapLock.writeLock().unlock();
    }
    if (old != null) {
      deleteQuietly(old);
    }
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      throw new IOException("the file system cannot rename " + from + " atomically", e);
    }
  }

  @Override
  public List<LocalDate> dates() {
    swapLock.readLock().lock();
    try (Stream<Path> s = Files.list(root)) {
      List<LocalDate> out = new ArrayList<>();
      s.forEach(p -> parseDay(p.getFileName().toString()).filter(d -> Files.isDirectory(p)).ifPresent(out::add));
      Collections.sort(out);
      return out;
    } catch (IOException e) {
      throw new ReportException("cannot list " + root + ": " + e, e);
    } finally {
      swapLock.readLock().unlock();
    }
  }

  @Override
  public Optional<StoredReport> find(LocalDate date) {
    Checks.notNull(date, "date");
    Path dir = root.resolve(date.toString());
    swapLock.readLock().lock();
    try {
      if (!Files.isDirectory(dir)) {
        return Optional.empty();
      }
      List<StoredReport.ReportFile> files = new ArrayList<>();
      try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
        for (Path p : s) {
          if (Files.isRegularFile(p)) {
            String name = p.getFileName().toString();
            files.add(new StoredReport.ReportFile(name, mediaType(name), Files.size(p)));
          }
        }
      }
      files.sort(Comparator.comparing(StoredReport.ReportFile::name));
      return Optional.of(new StoredReport(date, dir, files));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new ReportException("cannot read the report of " + date + ": " + e, e);
    } finally {
      swapLock.readLock().unlock();
    }
  }

  @Override
  public byte[] readFile(LocalDate date, String fileName) {
    Checks.notNull(date, "date");
    checkFileName(fileName);
    swapLock.readLock().lock();
    try {
      Path dir = root.resolve(date.toString());
      if (!Files.isDirectory(dir)) {
        throw new ReportNotFoundException(date, null);
      }
      Path file = dir.resolve(fileName);
      if (!Files.isRegularFile(file)) {
        throw new ReportNotFoundException(date, fileName);
      }
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new ReportException("cannot read " + fileName + " of the report of " + date + ": " + e, e);
    } finally {
      swapLock.readLock().unlock();
    }
  }

  /** Returns the media type of a report file from its extension. */
  static String mediaType(String name) {
    if (name.endsWith(".json")) {
      return "application/json";
    }
    if (name.endsWith(".html")) {
      return "text/html; charset=utf-8";
    }
    if (name.endsWith(".csv")) {
      return "text/csv; charset=utf-8";
    }
    return "application/octet-stream";
  }

  private static void checkFileName(String fileName) {
    Checks.notBlank(fileName, "fileName");
    Checks.check(!fileName.contains("/") && !fileName.contains("\\") && !fileName.startsWith("."), "fileName", fileName,
        "a plain file name without directories, not starting with '.'");
  }

  private static Optional<LocalDate> parseDay(String name) {
    if (!DAY.matcher(name).matches()) {
      return Optional.empty();
    }
    try {
      return Optional.of(LocalDate.parse(name));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  /** Deletes temporary directories and restores reports set aside whose replacement never arrived. */
  private void recover() throws IOException {
    List<Path> entries;
    try (Stream<Path> s = Files.list(root)) {
      entries = s.sorted().toList();
    }
    for (Path p : entries) {
      String name = p.getFileName().toString();
      if (name.startsWith(TMP)) {
        LOG.warn("Deleting the unfinished report directory {} left by an interrupted write", p);
        deleteQuietly(p);
      }
    }
    for (Path p : entries) {
      String name = p.getFileName().toString();
      if (name.startsWith(OLD) && name.length() >= OLD.length() + 10) {
        Optional<LocalDate> day = parseDay(name.substring(OLD.length(), OLD.length() + 10));
        if (day.isPresent() && !Files.exists(root.resolve(day.get().toString()))) {
          LOG.warn("Restoring the report of {} set aside by an interrupted write", day.get());
          move(p, root.resolve(day.get().toString()));
        } else {
          deleteQuietly(p);
        }
      }
    }
  }

  private static void deleteQuietly(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      LOG.warn("Cannot delete {}: {}", dir, e.toString());
    }
  }

  private static void fsyncDirectory(Path dir) {
    try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
      ch.force(true);
    } catch (IOException e) {
      // Not every platform can open a directory for syncing (Windows cannot); the rename is still atomic.
      LOG.debug("Cannot sync directory {}: {}", dir, e.toString());
    }
  }

  /** Files of a report being written into a temporary directory; confined to the writing thread. */
  private static final class TempOutput implements ReportOutput {
    private final Path dir;
    private final List<Path> created = new ArrayList<>();
    private final List<SyncingStream> open = new ArrayList<>();

    TempOutput(Path dir) {
      this.dir = dir;
    }

    @Override
    public OutputStream create(String fileName, String mediaType) throws IOException {
      checkFileName(fileName);
      Path file = dir.resolve(fileName);
      if (created.contains(file)) {
        throw new FileAlreadyExistsException(fileName, null, "created twice in one report");
      }
      created.add(file);
      FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
      SyncingStream s = new SyncingStream(ch);
      open.add(s);
      return s;
    }

    /** Checks every file was closed (so written in full) and syncs the directory. */
    void finish() throws IOException {
      for (SyncingStream s : open) {
        if (!s.closed) {
          s.close();
          throw new IOException("a renderer did not close its file; the report is discarded");
        }
      }
      fsyncDirectory(dir);
    }
  }

  /** A buffered file stream that forces its content to disk when closed. */
  private static final class SyncingStream extends FilterOutputStream {
    private final FileChannel channel;
    private boolean closed;

    SyncingStream(FileChannel channel) {
      super(new java.io.BufferedOutputStream(java.nio.channels.Channels.newOutputStream(channel), 64 * 1024));
      this.channel = channel;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
    }

    @Override
    public void close() throws IOException {
      if (closed) {
        return;
      }
      closed = true;
      try {
        out.flush();
        channel.force(true);
      } finally {
        out.close();
      }
    }
  }
}
