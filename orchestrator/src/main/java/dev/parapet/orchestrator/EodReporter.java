package dev.parapet.orchestrator;

import dev.parapet.api.report.DayRecord;
import java.time.LocalDate;

/** Assembles the end-of-day {@link DayRecord} from what the controls gathered during the day. */
final class EodReporter {

  DayRecord assemble(Wiring w, LocalDate date) {
    throw new UnsupportedOperationException("EOD assembly is being written");
  }
}
