package io.dynamo4j.engine.expr;

import io.dynamo4j.model.AttributeValue;
import io.dynamo4j.model.Bytes;
import io.dynamo4j.model.Utf8;
import java.math.BigDecimal;

/**
 * DynamoDB's semantics for comparing and measuring values. Values are normalised by construction
 * (numbers, sets), so equality is record equality: numbers by value, sets regardless of order,
 * maps regardless of order, lists element by element.
 *
 * <p>Stateless and thread-safe.
 */
final class Values {

  private static final AttributeValue.N[] SMALL = new AttributeValue.N[256];

  static {
    for (int i = 0; i < SMALL.length; i++) {
      SMALL[i] = AttributeValue.n(i);
    }
  }

  private Values() {}

  /** Whether the type can be ordered with {@code <}: numbers, strings, binary. */
  static boolean isOrdered(AttributeValue.Type type) {
    return type == AttributeValue.Type.N || type == AttributeValue.Type.S || type == AttributeValue.Type.B;
  }

  static boolean isSet(AttributeValue.Type type) {
    return type == AttributeValue.Type.SS || type == AttributeValue.Type.NS || type == AttributeValue.Type.BS;
  }

  /**
   * Compares two values of the same ordered type: numbers by value, strings by UTF-8 bytes, binary
   * unsigned. Returns {@link Integer#MIN_VALUE} if they cannot be ordered against each other.
   */
  static int compare(AttributeValue a, AttributeValue b) {
    if (a instanceof AttributeValue.N x && b instanceof AttributeValue.N y) {
      return x.value().compareTo(y.value());
    }
    if (a instanceof AttributeValue.S x && b instanceof AttributeValue.S y) {
      return Integer.signum(Utf8.compare(x.value(), y.value()));
    }
    if (a instanceof AttributeValue.B x && b instanceof AttributeValue.B y) {
      return Integer.signum(x.value().compareTo(y.value()));
    }
    return Integer.MIN_VALUE;
  }

  /**
   * size(): characters of a string (UTF-16 units, as DynamoDB counts them), bytes of a binary,
   * elements of a set, list or map; null for numbers, booleans and null, which have no size.
   */
  static AttributeValue.N size(AttributeValue value) {
    int size;
    if (value instanceof AttributeValue.S s) {
      size = s.value().length();
    } else if (value instanceof AttributeValue.B b) {
      size = b.value().length();
    } else if (value instanceof AttributeValue.L l) {
      size = l.value().size();
    } else if (value instanceof AttributeValue.M m) {
      size = m.value().size();
    } else if (value instanceof AttributeValue.SS ss) {
      size = ss.value().size();
    } else if (value instanceof AttributeValue.NS ns) {
      size = ns.value().size();
    } else if (value instanceof AttributeValue.BS bs) {
      size = bs.value().size();
    } else {
      return null;
    }
    return size < SMALL.length ? SMALL[size] : AttributeValue.n(size);
  }

  /** Whether {@code type} has a size (the static check on size()'s operand). */
  static boolean hasSize(AttributeValue.Type type) {
    return type != AttributeValue.Type.N && type != AttributeValue.Type.BOOL && type != AttributeValue.Type.NULL;
  }

  /** begins_with: a string prefix of a string, or a byte prefix of a binary. */
  static boolean beginsWith(AttributeValue subject, AttributeValue prefix) {
    if (subject instanceof AttributeValue.S s && prefix instanceof AttributeValue.S p) {
      return s.value().startsWith(p.value());
    }
    if (subject instanceof AttributeValue.B s && prefix instanceof AttributeValue.B p) {
      return s.value().startsWith(p.value());
    }
    return false;
  }

  /**
   * contains: a substring of a string, a subsequence of a binary, a member of a set of the
   * operand's type, or an element of a list equal to the operand.
   */
  static boolean contains(AttributeValue subject, AttributeValue operand) {
    if (subject instanceof AttributeValue.S s) {
      return operand instanceof AttributeValue.S o && s.value().contains(o.value());
    }
    if (subject instanceof AttributeValue.B b) {
      return operand instanceof AttributeValue.B o && b.value().contains(o.value());
    }
    if (subject instanceof AttributeValue.SS ss) {
      return operand instanceof AttributeValue.S o && ss.value().contains(o.value());
    }
    if (subject instanceof AttributeValue.NS ns) {
      if (operand instanceof AttributeValue.N o) {
        BigDecimal wanted = o.value();
        for (BigDecimal element : ns.value()) {
          if (element.compareTo(wanted) == 0) {
            return true;
          }
        }
      }
      return false;
    }
    if (subject instanceof AttributeValue.BS bs) {
      if (operand instanceof AttributeValue.B o) {
        Bytes wanted = o.value();
        return bs.value().contains(wanted);
      }
      return false;
    }
    if (subject instanceof AttributeValue.L l) {
      return l.value().contains(operand);
    }
    return false;
  }

  /**
   * How many maps and lists are nested in a value, itself included: 0 for a scalar or set, 1 for a
   * map or list of scalars (or an empty one), 1 + its deepest element otherwise. DynamoDB allows 31.
   */
  static int depth(AttributeValue value) {
    if (value instanceof AttributeValue.M m) {
      int deepest = 0;
      for (int i = 0; i < m.value().size(); i++) {
        deepest = Math.max(deepest, depth(m.value().valueAt(i)));
      }
      return 1 + deepest;
    }
    if (value instanceof AttributeValue.L l) {
      int deepest = 0;
      for (AttributeValue element : l.value()) {
        deepest = Math.max(deepest, depth(element));
      }
      return 1 + deepest;
    }
    return 0;
  }

  /** The type's name in DynamoDB's ADD/DELETE messages: STRING, NUMBER, BINARY, BOOLEAN, NULL, MAP, LIST. */
  static String longTypeName(AttributeValue.Type type) {
    return switch (type) {
      case S -> "STRING";
      case N -> "NUMBER";
      case B -> "BINARY";
      case BOOL -> "BOOLEAN";
      case NULL -> "NULL";
      case M -> "MAP";
      case L -> "LIST";
      case SS -> "STRING_SET";
      case NS -> "NUMBER_SET";
      case BS -> "BINARY_SET";
    };
  }
}
