package io.dynamo4j.engine.op;

import io.dynamo4j.api.Tag;
import io.dynamo4j.api.TagResourceRequest;
import io.dynamo4j.api.TagResourceResponse;
import io.dynamo4j.engine.table.Table;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * DynamoDB's TagResource on a table ARN: adds tags, replacing the value of a key already there.
 * Tags take effect at once (DynamoDB applies them within seconds).
 *
 * <p>Thread-safe: control-plane changes of one table are serialised on the table.
 */
final class TagResourceOperation {

  private final EngineContext context;

  TagResourceOperation(EngineContext context) {
    this.context = context;
  }

  TagResourceResponse execute(TagResourceRequest request) {
    RequestConstraints.check(request);
    TagResourceValidator.validate(request);
    Table table = TableLookup.findByArn(context, request.resourceArn());
    synchronized (table) {
      List<Tag> existing = table.definition().tags();
      TagResourceValidator.checkCount(request.tags(), existing);
      Map<String, Tag> byKey = new LinkedHashMap<>();
      for (Tag t : existing) {
        byKey.put(t.key(), t);
      }
      for (Tag t : request.tags()) {
        byKey.put(t.key(), t);
      }
      table.define(table.definition().withTags(new ArrayList<>(byKey.values())));
    }
    return TagResourceResponse.builder().build();
  }
}
