package io.dynamo4j.engine.op;

import static io.dynamo4j.model.AttributeValue.s;
import static org.assertj.core.api.Assertions.assertThat;

import io.dynamo4j.engine.capacity.CapacityMeter;
import io.dynamo4j.model.Item;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The capacity rules of single-item reads and writes that the TCK cannot observe through responses. */
class ItemCapacityTest {

  private static Item ofSize(int bytes) {
    // pk (2 + 1) + x (1 + n)
    return bytes == 0 ? null : Item.of("pk", s("a"), "x", s("x".repeat(bytes - 4)));
  }

  @ParameterizedTest(name = "existing item of {0} bytes: {1} units")
  @CsvSource({"0, 1", "5, 1", "1024, 1", "1025, 2", "307200, 300"})
  void failedWrite_chargesTheExistingItemAtLeastOneUnit(int existing, double units) {
    assertThat(ItemCapacity.failedWrite(ofSize(existing))).isEqualTo(units);
  }

  @ParameterizedTest(name = "{0} bytes before, {1} after: {2} units")
  @CsvSource({"0, 0, 1", "0, 2048, 2", "5000, 10, 5", "10, 5000, 5", "2049, 2049, 3"})
  void write_chargesTheLargerOfBeforeAndAfter(int before, int after, double units) {
    CapacityMeter meter = new CapacityMeter("t");
    ItemCapacity.write(meter, new ItemWriter.Result(ofSize(before), ofSize(after), true, List.of()));
    assertThat(meter.total()).isEqualTo(units);
  }
}
