package dev.parapet.compliance.journal;

/**
 * Thrown when a journal's files hold a break (a checksum, hash-chain, sequence or header problem that
 * is not a torn tail): the journal is refused rather than extended. The verification names the first
 * broken record.
 */
public final class JournalCorruptedException extends JournalException {

  private static final long serialVersionUID = 1L;

  private final transient JournalVerification verification;

  /** Creates the exception. */
  public JournalCorruptedException(JournalVerification verification) {
    super("audit journal " + verification.directory() + " is broken: " + verification.firstBreak()
        .map(JournalBreak::toString).orElse("?"));
    this.verification = verification;
  }

  /** Returns what verification found. */
  public JournalVerification verification() {
    return verification;
  }
}
