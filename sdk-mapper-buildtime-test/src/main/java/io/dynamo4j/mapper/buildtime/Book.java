package io.dynamo4j.mapper.buildtime;

import io.dynamo4j.mapper.annotation.PartitionKey;
import io.dynamo4j.mapper.annotation.SortKey;
import io.dynamo4j.mapper.annotation.Table;
import io.dynamo4j.mapper.annotation.Version;
import java.util.List;
import java.util.Set;

/**
 * A record with a nested bean ({@link Publisher}) and a list of nested records ({@link Chapter}).
 *
 * @param author partition key
 * @param title sort key
 * @param pages page count
 * @param tags tags
 * @param publisher nested bean
 * @param chapters nested records
 * @param version optimistic lock
 */
@Table("Books")
public record Book(@PartitionKey String author, @SortKey String title, int pages, Set<String> tags, Publisher publisher,
    List<Chapter> chapters, @Version Long version) {}
