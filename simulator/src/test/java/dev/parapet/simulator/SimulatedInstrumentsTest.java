package dev.parapet.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parapet.api.model.Instrument;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SimulatedInstrumentsTest {

  @Test
  void spreads_instruments_over_eleven_sectors_with_distinct_ids() {
    List<Instrument> list = SimulatedInstruments.create(50);
    assertThat(list).hasSize(50);
    assertThat(list.get(0).id()).isEqualTo("TEC001");
    assertThat(list.get(1).id()).isEqualTo("FIN001");
    assertThat(list.get(11).id()).isEqualTo("TEC002");
    Set<String> ids = new HashSet<>();
    Set<String> sectors = new HashSet<>();
    for (Instrument i : list) {
      ids.add(i.id());
      sectors.add(i.sector());
    }
    assertThat(ids).hasSize(50);
    assertThat(sectors).hasSize(11).containsExactlyInAnyOrderElementsOf(SimulatedInstruments.SECTORS);
    assertThat(SimulatedInstruments.create(50)).isEqualTo(list);
  }

  @Test
  void every_twentieth_instrument_is_a_second_share_class_of_an_earlier_issuer() {
    List<Instrument> list = SimulatedInstruments.create(40);
    // i = 19 shares the issuer of i = 8, in the same sector; i = 39 that of i = 28
    assertThat(list.get(19).issuer()).isEqualTo(list.get(8).issuer());
    assertThat(list.get(19).sector()).isEqualTo(list.get(8).sector());
    assertThat(list.get(39).issuer()).isEqualTo(list.get(28).issuer());
    assertThat(list.get(18).issuer()).isNotEqualTo(list.get(7).issuer());
  }
}
