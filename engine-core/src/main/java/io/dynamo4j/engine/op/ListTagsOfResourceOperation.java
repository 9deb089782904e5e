package io.dynamo4j.engine.op;

import io.dynamo4j.api.ListTagsOfResourceRequest;
import io.dynamo4j.api.ListTagsOfResourceResponse;
import io.dynamo4j.engine.table.Table;

/**
 * DynamoDB's ListTagsOfResource on a table ARN: every tag in one page (a table has at most 50,
 * so there is never a NextToken).
 *
 * <p>Thread-safe; takes no lock.
 */
final class ListTagsOfResourceOperation {

  private final EngineContext context;

  ListTagsOfResourceOperation(EngineContext context) {
    this.context = context;
  }

  ListTagsOfResourceResponse execute(ListTagsOfResourceRequest request) {
    RequestConstraints.check(request);
    Table table = TableLookup.findByArn(context, request.resourceArn());
    return new ListTagsOfResourceResponse(table.definition().tags(), null);
  }
}
