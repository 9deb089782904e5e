package io.dynamo4j.junit;

import io.dynamo4j.DynamoClient;
import io.dynamo4j.api.CreateTableRequest;
import io.dynamo4j.api.ListTablesResponse;
import io.dynamo4j.api.Operation;
import io.dynamo4j.json.DynamoJson;
import io.dynamo4j.json.DynamoJsonException;
import io.dynamo4j.json.WireCodec;
import io.dynamo4j.error.DynamoException;
import io.dynamo4j.mapper.MappingException;
import io.dynamo4j.mapper.annotation.Table;
import io.dynamo4j.model.Item;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Makes a test's declared tables and loads its fixtures, through a client on the engine itself
 * (faults never touch setup). Table definitions and fixture files are parsed once per class
 * loader and kept (requests and items are immutable). Thread-safe.
 */
final class TableSetup {

  private record Resource(ClassLoader loader, String name) {}

  private static final Map<Resource, CreateTableRequest> DEFINITIONS = new ConcurrentHashMap<>();
  private static final Map<Resource, List<Item>> FIXTURES = new ConcurrentHashMap<>();

  private TableSetup() {}

  /** Creates the tables {@code settings} declares. */
  static void createTables(DynamoClient client, TestSession session, Settings settings, Class<?> testClass) {
    for (Class<?> type : settings.tables()) {
      if (!AnnotationSupport.isAnnotated(type, Table.class)) {
        throw new ExtensionConfigurationException("@DynamoTest(tables = " + type.getSimpleName() + ".class) on "
            + testClass.getName() + ": " + type.getName() + " is not annotated @Table; tables = {...} takes mapped"
            + " classes that name their table with @Table(\"...\")");
      }
      try {
        session.table(client, type).createTable();
      } catch (MappingException e) {
        throw new ExtensionConfigurationException("@DynamoTest(tables = " + type.getSimpleName() + ".class) on "
            + testClass.getName() + ": " + e.getMessage(), e);
      }
    }
    for (String name : settings.tableDefinitions()) {
      CreateTableRequest request = DEFINITIONS.computeIfAbsent(resource(testClass, name), TableSetup::readDefinition);
      client.createTable(request);
      client.waitUntilTableActive(request.tableName());
    }
  }

  /** Loads {@code fixtures} into their tables. */
  static void loadFixtures(DynamoClient client, List<Fixture> fixtures, Class<?> testClass) {
    for (Fixture f : fixtures) {
      List<Item> items = FIXTURES.computeIfAbsent(resource(testClass, f.value()), TableSetup::readItems);
      for (Item item : items) {
        try {
          client.putItem(r -> r.tableName(f.table()).item(item));
        } catch (DynamoException e) {
          throw new ExtensionConfigurationException("@Fixture(table = \"" + f.table() + "\", value = \"" + f.value()
              + "\"): DynamoDB refused item " + DynamoJson.writeItem(item) + ": " + e.getMessage(), e);
        }
      }
    }
  }

  /** Deletes every table. */
  static void dropAll(DynamoClient client) {
    String start = null;
    do {
      String from = start;
      ListTablesResponse page = client.listTables(r -> r.exclusiveStartTableName(from));
      for (String table : page.tableNames()) {
        client.deleteTable(r -> r.tableName(table));
      }
      start = page.lastEvaluatedTableName();
    } while (start != null);
  }

  private static Resource resource(Class<?> testClass, String name) {
    ClassLoader loader = testClass.getClassLoader();
    return new Resource(loader == null ? ClassLoader.getSystemClassLoader() : loader,
        name.startsWith("/") ? name.substring(1) : name);
  }

  private static InputStream open(Resource r, String what) {
    InputStream in = r.loader().getResourceAsStream(r.name());
    if (in == null) {
      throw new ExtensionConfigurationException(what + " \"" + r.name() + "\" is not on the class path (looked up"
          + " by the test class's class loader; put it under src/test/resources)");
    }
    return in;
  }

  private static CreateTableRequest readDefinition(Resource r) {
    byte[] json;
    try (InputStream in = open(r, "Table definition")) {
      json = in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read table definition " + r.name(), e);
    }
    Object request;
    try {
      request = WireCodec.readRequest(Operation.CREATE_TABLE, json);
    } catch (DynamoException e) {
      throw new ExtensionConfigurationException("Table definition \"" + r.name() + "\" is not a CreateTable request"
          + " in DynamoDB's JSON: " + e.getMessage(), e);
    }
    CreateTableRequest create = (CreateTableRequest) request;
    if (create.tableName() == null) {
      throw new ExtensionConfigurationException("Table definition \"" + r.name() + "\" has no TableName");
    }
    return create;
  }

  private static List<Item> readItems(Resource r) {
    try (Reader in = new InputStreamReader(open(r, "Fixture"), StandardCharsets.UTF_8)) {
      return List.copyOf(DynamoJson.readItems(in));
    } catch (DynamoJsonException e) {
      throw new ExtensionConfigurationException("Fixture \"" + r.name() + "\" is not DynamoDB JSON items (a JSON"
          + " array, or one item per line): " + e.getMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read fixture " + r.name(), e);
    }
  }
}
