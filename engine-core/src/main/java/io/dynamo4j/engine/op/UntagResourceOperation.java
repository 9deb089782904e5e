package io.dynamo4j.engine.op;

import io.dynamo4j.api.Tag;
import io.dynamo4j.api.UntagResourceRequest;
import io.dynamo4j.api.UntagResourceResponse;
import io.dynamo4j.engine.table.Table;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * DynamoDB's UntagResource on a table ARN: removes the tags with the given keys; keys the table
 * does not have are ignored.
 *
 * <p>Thread-safe: control-plane changes of one table are serialised on the table.
 */
final class UntagResourceOperation {

  private final EngineContext context;

  UntagResourceOperation(EngineContext context) {
    this.context = context;
  }

  UntagResourceResponse execute(UntagResourceRequest request) {
    RequestConstraints.check(request);
    UntagResourceValidator.validate(request);
    Table table = TableLookup.findByArn(context, request.resourceArn());
    synchronized (table) {
      Set<String> removed = new HashSet<>(request.tagKeys());
      List<Tag> kept = new ArrayList<>();
      for (Tag t : table.definition().tags()) {
        if (!removed.contains(t.key())) {
          kept.add(t);
        }
      }
      table.define(table.definition().withTags(kept));
    }
    return UntagResourceResponse.builder().build();
  }
}
