package dev.parapet.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parapet.api.report.DayRecord;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** The JSON form of the day record: exact round trips and errors that name the JSON path. */
class DayRecordJsonTest {

  private static final ObjectMapper M = new ObjectMapper();

  @Test
  void round_trips_every_golden_day_exactly() {
    for (DayRecord day : new DayRecord[] {GoldenDays.golden(), GoldenDays.noTrades(), GoldenDays.killSwitch(),
        GoldenDays.missingMarketData(), GoldenDays.minimal()}) {
      assertThat(DayRecordJson.parse(DayRecordJson.toJson(day))).isEqualTo(day);
    }
  }

  @Test
  void the_report_embeds_a_re_readable_record() {
    ReportDocument doc = Reports.compose(GoldenDays.golden(), ReportOptions.defaults());
    assertThat(DayRecordJson.parse(doc.json().path("record").toString())).isEqualTo(GoldenDays.golden());
  }

  @Test
  void optional_sections_and_lists_may_be_left_out() {
    String json = """
        {"schemaVersion": 1, "date": "2024-03-15", "portfolio": "Fund", "baseCurrency": "EUR",
         "zone": "Europe/Paris", "asOf": "2024-03-15T17:45:00Z", "pnl": {"nav": 1000000}}""";
    DayRecord d = DayRecordJson.parse(json);
    assertThat(d.risk()).isEmpty();
    assertThat(d.execution()).isEmpty();
    assertThat(d.pnl().lines()).isEmpty();
    assertThat(d.pnl().navPreviousClose()).isEmpty();
    assertThat(d.history().equityCurve()).isEmpty();
    assertThat(d.baseCurrency().getCurrencyCode()).isEqualTo("EUR");
  }

  private static String mutate(Consumer<ObjectNode> change) throws Exception {
    ObjectNode root = (ObjectNode) M.readTree(DayRecordJson.toJson(GoldenDays.golden()));
    change.accept(root);
    return root.toString();
  }

  private static ObjectNode line(ObjectNode root, int i) {
    return (ObjectNode) ((ArrayNode) root.path("pnl").path("lines")).get(i);
  }

  @Test
  void a_bad_number_names_its_path() throws Exception {
    String json = mutate(r -> line(r, 2).put("realizedPnl", "abc"));
    assertThatThrownBy(() -> DayRecordJson.parse(json)).isInstanceOf(DayRecordFormatException.class)
        .hasMessage("$.pnl.lines[2].realizedPnl: expected a number, was \"abc\"");
  }

  @Test
  void a_missing_required_field_names_its_path() throws Exception {
    String json = mutate(r -> ((ObjectNode) r.path("pnl")).remove("nav"));
    assertThatThrownBy(() -> DayRecordJson.parse(json)).isInstanceOf(DayRecordFormatException.class)
        .hasMessage("$.pnl.nav: required field is missing");
  }

  @Test
  void an_unknown_field_is_refused() throws Exception {
    String json = mutate(r -> ((ObjectNode) r.path("risk").path("tailRisk")).put("expectedShortfal", 1));
    assertThatThrownBy(() -> DayRecordJson.parse(json)).isInstanceOf(DayRecordFormatException.class)
        .hasMessageStartingWith("$.risk.tailRisk.expectedShortfal: unknown field");
  }

  @Test
  void a_bad_enum_lists_the_allowed_values() throws Exception {
    String json = mutate(r -> line(r, 0).put("markStatus", "observed"));
    assertThatThrownBy(() -> DayRecordJson.parse(json)).isInstanceOf(DayRecordFormatException.class)
        .hasMessage("$.pnl.lines[0].markStatus: expected one of [OBSERVED, STALE, MISSING], was \"observed\"");
  }

  @Test
  void an_invalid_value_is_reported_at_the_object_that_holds_it() throws Exception {
    String json = mutate(r -> ((ObjectNode) r.path("execution").path("orders").get(1)).put("filledQuantity", 5000));
    assertThatThrownBy(() -> DayRecordJson.parse(json)).isInstanceOf(DayRecordFormatException.class)
        .hasMessage("$.execution.orders[1]: filledQuantity must be in [0, quantity=1000], was 5000 (parent order P-2)");
  }

  @Test
  void bad_dates_instants_zones_and_currencies_are_refused() throws Exception {
    assertThatThrownBy(() -> DayRecordJson.parse(mutate(r -> r.put("date", "15/03/2024"))))
        .hasMessage("$.date: expected a date YYYY-MM-DD, was \"15/03/2024\"");
    assertThatThrownBy(() -> DayRecordJson.parse(mutate(r -> r.put("asOf", "2024-03-15 20:15"))))
        .hasMessageStartingWith("$.asOf: expected an ISO-8601 instant");
    assertThatThrownBy(() -> DayRecordJson.parse(mutate(r -> r.put("zone", "Mars/Olympus"))))
        .hasMessageStartingWith("$.zone: expected a time-zone id");
    assertThatThrownBy(() -> DayRecordJson.parse(mutate(r -> r.put("baseCurrency", "XYZW"))))
        .hasMessageStartingWith("$.baseCurrency: expected an ISO 4217 currency code");
  }

  @Test
  void an_unknown_schema_version_is_refused() throws Exception {
    assertThatThrownBy(() -> DayRecordJson.parse(mutate(r -> r.put("schemaVersion", 2))))
        .hasMessage("$.schemaVersion: unsupported schema version 2 (this reader knows version 1)");
    assertThatThrownBy(() -> DayRecordJson.parse(mutate(r -> r.put("schema", "parapet.eod-report"))))
        .hasMessage("$.schema: expected \"parapet.day-record\", was \"parapet.eod-report\"");
  }

  @Test
  void malformed_json_gives_line_and_column() {
    assertThatThrownBy(() -> DayRecordJson.parse("{\n  \"date\": \"2024-03-15\",\n  oops\n}"))
        .isInstanceOf(DayRecordFormatException.class).hasMessageStartingWith("$: not valid JSON at line 3, column");
    assertThatThrownBy(() -> DayRecordJson.parse("")).hasMessage("$: the input is empty");
    assertThatThrownBy(() -> DayRecordJson.parse("[1, 2]")).hasMessage("$: expected an object, was an array");
    assertThatThrownBy(() -> DayRecordJson.parse("{\"date\": 1, \"date\": 2}"))
        .hasMessageStartingWith("$: not valid JSON");
  }

  @Test
  void non_finite_numbers_never_enter() {
    assertThatThrownBy(() -> DayRecordJson.parse("{\"schemaVersion\":1,\"pnl\":{\"nav\":NaN}}"))
        .isInstanceOf(DayRecordFormatException.class).hasMessageStartingWith("$: not valid JSON");
    assertThatThrownBy(() -> DayRecordJson.parse("{\"schemaVersion\":1,\"date\":\"2024-03-15\",\"portfolio\":\"F\","
        + "\"baseCurrency\":\"USD\",\"zone\":\"UTC\",\"asOf\":\"2024-03-15T20:00:00Z\",\"pnl\":{\"nav\":1e999}}"))
        .hasMessage("$.pnl.nav: expected a finite number, was Infinity");
  }
}
