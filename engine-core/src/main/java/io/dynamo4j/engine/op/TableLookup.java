package io.dynamo4j.engine.op;

import io.dynamo4j.engine.table.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * How control-plane operations find tables: by name or table ARN, forgetting tables whose
 * DELETING time is over (status is computed lazily from the clock, so a deleted table leaves the
 * catalog the first time someone looks for it after its time), and checking table names.
 *
 * <p>Stateless and thread-safe.
 */
final class TableLookup {

  private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9_.-]+");

  private TableLookup() {}

  /**
   * The table a control-plane request names (a name or the table's ARN), or DynamoDB's
   * ResourceNotFoundException.
   */
  static Table find(EngineContext context, String nameOrArn) {
    String name = nameOrArn.startsWith("arn:") ? nameInArn(context, nameOrArn) : nameOrArn;
    Table table = name == null ? null : live(context, context.catalog().get(name));
    if (table == null) {
      throw Errors.tableNotFound(nameOrArn);
    }
    return table;
  }

  /** The table a tagging request's ResourceArn names, with DynamoDB's errors for bad or unknown ARNs. */
  static Table findByArn(EngineContext context, String arn) {
    if (!arn.startsWith("arn:")) {
      throw Errors.arnMustStartWithArn(arn);
    }
    String[] parts = arn.split(":", 6);
    if (parts.length != 6 || !parts[1].startsWith("aws") || !parts[2].equals("dynamodb") || parts[3].isEmpty()
        || parts[4].isEmpty() || !parts[5].startsWith("table/") || parts[5].length() == "table/".length()) {
      throw Errors.invalidArn(arn);
    }
    String name = nameInArn(context, arn);
    Table table = name == null ? null : live(context, context.catalog().get(name));
    if (table == null) {
      throw Errors.arnNotFound(arn);
    }
    return table;
  }

  /** {@code table} unless it is null or gone (then it is removed and its keyspaces dropped). */
  static Table live(EngineContext context, Table table) {
    if (table == null) {
      return null;
    }
    if (table.isGone(context.now())) {
      forget(context, table);
      return null;
    }
    return table;
  }

  /** Removes a deleted table from the catalog and drops its data. */
  static void forget(EngineContext context, Table table) {
    if (context.catalog().remove(table)) {
      table.drop();
    }
  }

  /** The names of the tables after {@code exclusiveStart} (null: from the first), at most {@code limit} + 1. */
  static List<String> namesAfter(EngineContext context, String exclusiveStart, int limit) {
    List<String> names = new ArrayList<>();
    Instant now = context.now();
    for (Table t : context.catalog().after(exclusiveStart).values()) {
      if (t.isGone(now)) {
        forget(context, t);
        continue;
      }
      names.add(t.definition().name());
      if (names.size() > limit) {
        break;
      }
    }
    return names;
  }

  /**
   * Checks a new table's name: 3 to 255 characters (DynamoDB says so on its own), then the pattern
   * (reported as a model violation, with {@code others}).
   */
  static void checkNewName(String name, List<String> violations) {
    if (name.length() < 3 || name.length() > 255) {
      throw Errors.tableNameLength();
    }
    if (!NAME.matcher(name).matches()) {
      violations.add(Errors.tableNamePattern(name));
    }
  }

  /** The table name of a table ARN of this engine's region and account, or null. */
  private static String nameInArn(EngineContext context, String arn) {
    String prefix = context.tableArn("");
    if (!arn.startsWith(prefix)) {
      return null;
    }
    String name = arn.substring(prefix.length());
    return name.isEmpty() || name.contains("/") ? null : name;
  }
}
