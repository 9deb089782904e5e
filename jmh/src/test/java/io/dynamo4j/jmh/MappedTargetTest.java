package io.dynamo4j.jmh;

import static org.assertj.core.api.Assertions.assertThat;

import io.dynamo4j.jmh.MapperBenchmark.OneKbBean;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Both mapped targets store and read back the benchmark's objects. */
@Timeout(60)
class MappedTargetTest {

  @ParameterizedTest
  @EnumSource(MappedTarget.class)
  void putThenGet_oneKbBean_readsBackEveryProperty(MappedTarget target) {
    try (MappedTarget.Table table = target.open("mapped")) {
      OneKbBean stored = MapperBenchmark.oneKbBean(42);
      table.put(stored);
      stored.setVersion(7);
      table.put(stored);

      OneKbBean read = table.get("customer-42", 2);
      assertThat(read).usingRecursiveComparison().isEqualTo(stored);
      assertThat(read.getVersion()).isEqualTo(7);
      assertThat(table.get("customer-42", 3)).isNull();
    }
  }

  @ParameterizedTest
  @EnumSource(MappedTarget.class)
  void mappedTableState_setUp_storesTheObjects(MappedTarget target) {
    MappedTableState state = new MappedTableState();
    state.target = target;
    state.items = 30;
    state.setUp();
    try {
      assertThat(state.table().get("customer-29", 9).getName()).isEqualTo("Customer 29");
    } finally {
      state.tearDown();
    }
  }
}
