package io.dynamo4j.engine.expr;

import io.dynamo4j.error.ValidationException;
import io.dynamo4j.model.AttributeValue;
import io.dynamo4j.model.Messages;
import java.util.Collection;

/**
 * Every message this package reports, built in one place, with DynamoDB's exact texts (learned from
 * DynamoDB Local 2.6.1 and from public tests written against the real service; where they differ
 * the class comment of the caller says which one is followed).
 *
 * <p>Stateless and thread-safe.
 */
final class Errors {

  private Errors() {}

  // ---------------------------------------------------------------- one expression

  static ValidationException invalid(ExpressionKind kind, String detail) {
    return new ValidationException("Invalid " + kind.parameter() + ": " + detail);
  }

  static ValidationException empty(ExpressionKind kind) {
    return invalid(kind, "The expression can not be empty;");
  }

  static ValidationException tooLong(ExpressionKind kind, int length) {
    return invalid(kind, kind.reportsSize()
        ? "Expression size has exceeded the maximum allowed size; expression size: " + length
        : "Expression size has exceeded the maximum allowed size;");
  }

  /** The expression with its placeholders substituted is larger than 1 MB. */
  static ValidationException substitutedTooLong(ExpressionKind kind) {
    return invalid(kind, "Expression size has exceeded the maximum allowed size;");
  }

  static ValidationException syntax(ExpressionKind kind, String token, String near) {
    return invalid(kind, "Syntax error; token: \"" + token + "\", near: \"" + near + "\"");
  }

  static ValidationException redundantParentheses(ExpressionKind kind) {
    return invalid(kind, "The expression has redundant parentheses;");
  }

  static ValidationException reservedWord(ExpressionKind kind, String word) {
    return invalid(kind, "Attribute name is a reserved keyword; reserved keyword: " + word);
  }

  static ValidationException invalidFunction(ExpressionKind kind, String name) {
    return invalid(kind, "Invalid function name; function: " + name);
  }

  static ValidationException functionMisused(ExpressionKind kind, String name) {
    return invalid(kind, "The function is not allowed to be used this way in an expression; function: " + name);
  }

  static ValidationException functionNotInCondition(ExpressionKind kind, String name) {
    return invalid(kind, "The function is not allowed in a condition expression; function: " + name);
  }

  static ValidationException functionNotInUpdate(ExpressionKind kind, String name) {
    return invalid(kind, "The function is not allowed in an update expression; function: " + name);
  }

  static ValidationException indexOutOfRange(ExpressionKind kind, String digits) {
    return invalid(kind, "List index is not within the allowable range; index: [" + digits + "]");
  }

  static ValidationException sectionTwice(String clause) {
    return invalid(ExpressionKind.UPDATE,
        "The \"" + clause + "\" section can only be used once in an update expression;");
  }

  static ValidationException undefinedValue(ExpressionKind kind, String name) {
    return invalid(kind, "An expression attribute value used in expression is not defined; attribute value: " + name);
  }

  static ValidationException undefinedName(ExpressionKind kind, String name) {
    return invalid(kind, "An expression attribute name used in the document path is not defined; attribute name: " + name);
  }

  static ValidationException pathTooDeep(ExpressionKind kind, int levels) {
    return invalid(kind, "The document path has too many nesting levels; nesting levels: " + levels);
  }

  static ValidationException tooManyInOperands(ExpressionKind kind, int count) {
    return invalid(kind, "The IN operator is provided with too many operands; number of operands: " + count);
  }

  static ValidationException operandsNotDistinct(ExpressionKind kind, String operator, String path) {
    return invalid(kind, "The first operand must be distinct from the remaining operands for this operator or function; operator: "
        + operator + ", first operand: " + path);
  }

  static ValidationException operandType(ExpressionKind kind, String operator, String type) {
    return invalid(kind, "Incorrect operand type for operator or function; operator or function: " + operator
        + ", operand type: " + type);
  }

  /** ADD or DELETE given a value of a type it does not take ({@code STRING}, {@code LIST}, ...). */
  static ValidationException clauseOperandType(String clause, String typeName) {
    return invalid(ExpressionKind.UPDATE, "Incorrect operand type for operator or function; operator: " + clause
        + ", operand type: " + typeName + ", typeSet: ALLOWED_FOR_" + clause + "_OPERAND");
  }

  static ValidationException arity(ExpressionKind kind, String function, int count) {
    return invalid(kind, "Incorrect number of operands for operator or function; operator or function: " + function
        + ", number of operands: " + count);
  }

  static ValidationException needsPath(ExpressionKind kind, String function) {
    return invalid(kind, "Operator or function requires a document path; operator or function: " + function);
  }

  static ValidationException invalidTypeName(ExpressionKind kind, String type) {
    return invalid(kind, "Invalid attribute type name found; type: " + type
        + ", valid types: {N,BS,L,B,NULL,M,S,SS,NS,BOOL}");
  }

  /** attribute_type given a path as its type operand; DynamoDB lists its internal type names. */
  static ValidationException typeNameFromPath(ExpressionKind kind) {
    return operandType(kind, "attribute_type",
        "{DOUBLESET,M,BS,DECIMALSET,INT,DICT,NS,FS,SS,NULL,L,INTSET,HDS,BOOL,S,FLOAT,DOUBLE,N,HD,DECIMAL,B}");
  }

  static ValidationException betweenTypes(ExpressionKind kind, AttributeValue low, AttributeValue high) {
    return invalid(kind, "The BETWEEN operator requires same data type for lower and upper bounds; lower bound operand: "
        + render(low) + ", upper bound operand: " + render(high));
  }

  static ValidationException betweenOrder(ExpressionKind kind, AttributeValue low, AttributeValue high) {
    return invalid(kind, "The BETWEEN operator requires upper bound to be greater than or equal to lower bound; "
        + "lower bound operand: " + render(low) + ", upper bound operand: " + render(high));
  }

  static ValidationException overlap(ExpressionKind kind, String one, String two) {
    return invalid(kind, "Two document paths overlap with each other; must remove or rewrite one of these paths; path one: "
        + one + ", path two: " + two);
  }

  static ValidationException conflict(ExpressionKind kind, String one, String two) {
    return invalid(kind, "Two document paths conflict with each other; must remove or rewrite one of these paths; path one: "
        + one + ", path two: " + two);
  }

  static ValidationException tooManyOperators(ExpressionKind kind, int count) {
    return invalid(kind, "The expression contains too many operators; operator count: " + count);
  }

  /**
   * A value as DynamoDB prints it in BETWEEN messages: {@code AttributeValue: {N:1}}. Numbers are
   * printed normalised and binary as base64 (DynamoDB Local prints the raw text of a number and a
   * Java buffer's toString for binary).
   */
  static String render(AttributeValue value) {
    String body;
    if (value instanceof AttributeValue.S s) {
      body = s.value();
    } else if (value instanceof AttributeValue.N n) {
      body = n.text();
    } else if (value instanceof AttributeValue.B b) {
      body = b.value().toBase64();
    } else if (value instanceof AttributeValue.Bool b) {
      body = Boolean.toString(b.value());
    } else if (value instanceof AttributeValue.NS ns) {
      body = ns.texts().toString();
    } else if (value instanceof AttributeValue.SS ss) {
      body = ss.value().toString();
    } else if (value instanceof AttributeValue.BS bs) {
      body = bs.value().toString();
    } else if (value instanceof AttributeValue.L l) {
      body = l.value().toString();
    } else if (value instanceof AttributeValue.M m) {
      body = m.value().toString();
    } else {
      body = "true";
    }
    return "AttributeValue: {" + value.type().descriptor() + ":" + body + "}";
  }

  // ---------------------------------------------------------------- one request

  static ValidationException mixedParameters(Collection<String> legacy, Collection<String> expressions) {
    return new ValidationException("Can not use both expression and non-expression parameters in the same request: "
        + "Non-expression parameters: {" + String.join(", ", legacy) + "} Expression parameters: {"
        + String.join(", ", expressions) + "}");
  }

  static ValidationException namesWithoutExpression() {
    return new ValidationException("ExpressionAttributeNames can only be specified when using expressions");
  }

  /** {@code missing} names the absent expressions: "ConditionExpression is null", "A and B are null". */
  static ValidationException valuesWithoutExpression(String missing) {
    return new ValidationException("ExpressionAttributeValues can only be specified when using expressions: " + missing);
  }

  static ValidationException emptyMap(String parameter) {
    return new ValidationException(parameter + " must not be empty");
  }

  static ValidationException invalidKey(String parameter, String key) {
    return new ValidationException(parameter + " contains invalid key: Syntax error; key: \"" + key + "\"");
  }

  static ValidationException keyTooLong(String parameter, int length) {
    // DynamoDB states the size for names and not for values.
    return new ValidationException(parameter + " contains invalid key: The expression attribute map contains a key that is too long;"
        + (parameter.equals("ExpressionAttributeNames") ? " size of key: " + length : ""));
  }

  static ValidationException emptyAttributeName(String key) {
    return new ValidationException("ExpressionAttributeNames contains invalid value: Empty attribute name for key " + key);
  }

  static ValidationException attributeNameTooLong(String key) {
    return new ValidationException(
        "ExpressionAttributeNames contains invalid value: Attribute name is too large, must be less than 65536 bytes for key " + key);
  }

  /** A map inside the value of placeholder {@code key} with an empty key. */
  static ValidationException emptyNameInValue(String key) {
    return new ValidationException("ExpressionAttributeValues contains invalid value: Empty attribute name for key " + key);
  }

  /** A map inside the value of placeholder {@code key} with a key of 64 KB or more. */
  static ValidationException nameInValueTooLong(String key) {
    return new ValidationException(
        "ExpressionAttributeValues contains invalid value: Attribute name is too large, must be less than 65536 bytes for key " + key);
  }

  static ValidationException mapTooLarge(String parameter) {
    return new ValidationException(parameter + " exceeds max size");
  }

  static ValidationException mapsTooLarge() {
    return new ValidationException("Combined size of ExpressionAttributeNames and ExpressionAttributeValues exceeds max size");
  }

  static ValidationException unused(String parameter, String keys) {
    return new ValidationException("Value provided in " + parameter + " unused in expressions: keys: {" + keys + "}");
  }

  static ValidationException conditionalOperatorWithoutConditions() {
    return new ValidationException("ConditionalOperator cannot be used without Filter or Expected");
  }

  static ValidationException conditionalOperatorWithOneCondition() {
    return new ValidationException("ConditionalOperator can only be used when Filter or Expected has two or more elements");
  }

  static ValidationException noKeyCondition() {
    return new ValidationException("Either the KeyConditions or KeyConditionExpression parameter must be specified in the request.");
  }

  // ---------------------------------------------------------------- legacy parameters

  static ValidationException invalidParameter(String detail) {
    return new ValidationException("One or more parameter values were invalid: " + detail);
  }

  static ValidationException argumentCount(String operator) {
    return invalidParameter("Invalid number of argument(s) for the " + operator + " ComparisonOperator");
  }

  static ValidationException operatorNotForType(String operator, AttributeValue.Type type) {
    return invalidParameter("ComparisonOperator " + operator + " is not valid for " + type.descriptor() + " AttributeValue type");
  }

  static ValidationException mixedArgumentTypes() {
    return invalidParameter("AttributeValues inside AttributeValueList must be of same type");
  }

  static ValidationException legacyBetweenOrder() {
    return new ValidationException("The BETWEEN condition was provided a range where the lower bound is greater than the upper bound");
  }

  static ValidationException noComparisonOperator() {
    return new ValidationException("Comparison type does not exist in DynamoDB");
  }

  static ValidationException expectedValueMissing(String exists, String attribute) {
    return invalidParameter("Value must be provided when Exists is " + exists + " for Attribute: " + attribute);
  }

  static ValidationException expectedValueWithExistsFalse(String attribute) {
    return invalidParameter("Value cannot be used when Exists is false for Attribute: " + attribute);
  }

  static ValidationException expectedValueAndList(String attribute) {
    return invalidParameter("Value and AttributeValueList cannot be used together for Attribute: " + attribute);
  }

  static ValidationException expectedExistsAndOperator(String attribute) {
    return invalidParameter("Exists and ComparisonOperator cannot be used together for Attribute: " + attribute);
  }

  static ValidationException expectedListWithoutOperator(String attribute) {
    return invalidParameter("AttributeValueList can only be used with a ComparisonOperator for Attribute: " + attribute);
  }

  static ValidationException updateWithoutValue() {
    return invalidParameter("Only DELETE action is allowed when no attribute value is specified");
  }

  static ValidationException legacyDeleteType(String typeName) {
    return invalidParameter("DELETE action with value is not supported for the type " + typeName);
  }

  static ValidationException legacyAddType(String typeName) {
    return invalidParameter("ADD action is not supported for the type " + typeName);
  }

  static ValidationException duplicateAttributeToGet() {
    return new ValidationException("Cannot have two attributes with the same name");
  }

  static ValidationException emptyAttributeToGet() {
    return new ValidationException("Empty attribute name");
  }

  // ---------------------------------------------------------------- key conditions

  static ValidationException keyConditionOperator(String operator) {
    return new ValidationException("Invalid operator used in KeyConditionExpression: " + operator);
  }

  static ValidationException keyConditionNested() {
    return new ValidationException("KeyConditionExpressions cannot contain nested operations");
  }

  static ValidationException keyConditionOnNested() {
    return new ValidationException("KeyConditionExpressions cannot have conditions on nested attributes");
  }

  static ValidationException keyConditionInvalid(String detail) {
    return new ValidationException("Invalid condition in KeyConditionExpression: " + detail);
  }

  static ValidationException keyConditionCount() {
    return new ValidationException("Conditions can be of length 1 or 2 only");
  }

  static ValidationException keyConditionTwicePerKey() {
    return new ValidationException("KeyConditionExpressions must only contain one condition per key");
  }

  /** The real service names the element; DynamoDB Local does not. */
  static ValidationException missedKeyElement(String name) {
    return new ValidationException("Query condition missed key schema element: " + name);
  }

  static ValidationException keyConditionNotSupported() {
    return new ValidationException("Query key condition not supported");
  }

  static ValidationException keyTypeMismatch() {
    return invalidParameter("Condition parameter type does not match schema type");
  }

  static ValidationException keyNotScalar(String name) {
    return new ValidationException(
        "Key attributes must be scalars; list random access '[]' and map lookup '.' are not allowed: Key: " + name);
  }

  static ValidationException notIndexable() {
    return new ValidationException("Attempted conditional constraint is not an indexable operation");
  }

  static ValidationException rangeKeyNotScalar() {
    return new ValidationException("Only scalar types can be used as Range Key values");
  }

  static ValidationException filterOnKey(String parameter, String name) {
    return new ValidationException(parameter + " can only contain non-primary key attributes: Primary key attribute: " + name);
  }

  // ---------------------------------------------------------------- applying an update

  static ValidationException missingOperand() {
    return new ValidationException("The provided expression refers to an attribute that does not exist in the item");
  }

  static ValidationException wrongOperandType() {
    return new ValidationException("An operand in the update expression has an incorrect data type");
  }

  static ValidationException invalidUpdatePath() {
    return new ValidationException("The document path provided in the update expression is invalid for update");
  }

  static ValidationException legacyTypeMismatch() {
    return new ValidationException("Type mismatch for attribute to update");
  }

  static ValidationException precision() {
    return new ValidationException("DynamoDB only supports precision up to 38 digits");
  }

  static ValidationException numberOverflow() {
    return new ValidationException(Messages.NUMBER_OVERFLOW);
  }

  static ValidationException numberUnderflow() {
    return new ValidationException(Messages.NUMBER_UNDERFLOW);
  }

  static ValidationException nestingTooDeep() {
    return new ValidationException("Nesting Levels have exceeded supported limits");
  }

  static ValidationException keyAttributeUpdate(String name) {
    return invalidParameter("Cannot update attribute " + name + ". This attribute is part of the key");
  }
}
