package io.dynamo4j.engine.op;

import io.dynamo4j.api.BatchWriteItemRequest;
import io.dynamo4j.api.WriteRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * BatchWriteItem's checks that need no table: at most 25 requests over all tables (checked before
 * the model constraints, whose message would print every request); the model constraints; then,
 * table by table: a non-empty list of requests, each exactly one of PutRequest and DeleteRequest,
 * each item's attribute names, nesting and size.
 *
 * <p>There are no conditions to check: WriteRequest has none. DynamoDB's 16 MB limit on the whole
 * request cannot be reached by valid requests here (25 items of at most 400 KB); over the wire the
 * server's 16 MB body limit applies.
 *
 * <p>Stateless and thread-safe.
 */
final class BatchWriteItemValidator {

  /** DynamoDB's limit on the requests of one BatchWriteItem. */
  static final int MAX_REQUESTS = 25;

  private BatchWriteItemValidator() {}

  static void validate(BatchWriteItemRequest request) {
    if (request.requestItems() != null) {
      int requests = 0;
      for (List<WriteRequest> table : request.requestItems().values()) {
        requests += table.size();
      }
      if (requests > MAX_REQUESTS) {
        throw Errors.batchWriteTooManyRequests();
      }
    }
    RequestConstraints.check(request);
    checkMembers(request.requestItems());
    for (Map.Entry<String, List<WriteRequest>> entry : request.requestItems().entrySet()) {
      if (entry.getValue().isEmpty()) {
        throw Errors.batchWriteEmptyList(entry.getKey());
      }
      for (WriteRequest write : entry.getValue()) {
        if ((write.putRequest() == null) == (write.deleteRequest() == null)) {
          throw Errors.writeRequestNotOneOf();
        }
        if (write.putRequest() != null) {
          ItemValidator.checkAttributes(write.putRequest().item());
          ItemValidator.checkSize(write.putRequest().item());
        }
      }
    }
  }

  /** The model's "must not be null" for the key of a DeleteRequest and the item of a PutRequest. */
  private static void checkMembers(Map<String, List<WriteRequest>> requestItems) {
    List<String> violations = null;
    for (Map.Entry<String, List<WriteRequest>> entry : requestItems.entrySet()) {
      List<WriteRequest> writes = entry.getValue();
      for (int i = 0; i < writes.size(); i++) {
        String path = "requestItems." + entry.getKey() + ".member." + (i + 1) + ".member.";
        WriteRequest write = writes.get(i);
        if (write.deleteRequest() != null && write.deleteRequest().key() == null) {
          violations = add(violations, Errors.nullMember(path + "deleteRequest.key"));
        }
        if (write.putRequest() != null && write.putRequest().item() == null) {
          violations = add(violations, Errors.nullMember(path + "putRequest.item"));
        }
      }
    }
    if (violations != null) {
      throw Errors.validationErrors(violations);
    }
  }

  private static List<String> add(List<String> list, String violation) {
    List<String> result = list == null ? new ArrayList<>() : list;
    result.add(violation);
    return result;
  }
}
