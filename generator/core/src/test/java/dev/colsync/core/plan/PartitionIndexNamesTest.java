package dev.colsync.core.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.colsync.core.plan.PartitionIndexNames.Names;
import dev.colsync.core.spec.TableName;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PartitionIndexNamesTest {
  @Test
  void namesThatWouldRepeatGetACounter() {
    PartitionIndexNames names = new PartitionIndexNames("app", List.of());
    List<Names> first = names.of("a_b", List.of(new TableName("app", "c"), new TableName("app", "c_invalid")));
    List<Names> second = names.of("a", List.of(new TableName("app", "b_c")));

    assertThat(first).extracting(Names::name).containsExactly("a_b_c", "a_b_c_invalid_2");
    assertThat(first).extracting(Names::invalid).containsExactly("a_b_c_invalid", "a_b_c_invalid_2_invalid");
    assertThat(second).extracting(Names::name).containsExactly("a_b_c_2");
  }

  @Test
  void namesTheParentIndexesHaveAreTakenInTheirSchemaOnly() {
    PartitionIndexNames names = new PartitionIndexNames("app", List.of("i_p"));

    assertThat(names.of("i", List.of(new TableName("app", "p"), new TableName("archive", "p"))))
        .extracting(Names::name).containsExactly("i_p_2", "i_p");
  }

  @Test
  void longNamesAreCutTo63BytesAndStayDistinct() {
    String parent = "colsync_events_category_" + "ä".repeat(20);
    List<TableName> partitions = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      partitions.add(new TableName("app", "events_partition_with_a_long_name_" + i));
    }
    List<Names> names = new PartitionIndexNames("app", List.of(parent)).of(parent, partitions);

    List<String> all = new ArrayList<>();
    names.forEach(n -> all.addAll(List.of(n.name(), n.invalid())));
    assertThat(all).doesNotHaveDuplicates()
        .allSatisfy(name -> assertThat(name.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(63));
    assertThat(new PartitionIndexNames("app", List.of(parent)).of(parent, partitions)).isEqualTo(names);
  }
}
