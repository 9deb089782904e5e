"""Generates sdk-core's WireShapes: DynamoDB's JSON wire format (AWS JSON 1.0) for every shape.
Called by gen.py."""
import os


def coral(member):
    return member[0].lower() + member[1:]


OPS = set()


def const_op(op):
    import re
    return re.sub(r"(?<!^)(?=[A-Z])", "_", op).upper()


def generate(root, shapes, enums, camel, jtype, header, ops=()):
    OPS.update(ops)
    lines = [header, "package io.dynamo4j.json;", "",
             "import com.fasterxml.jackson.core.JsonGenerator;",
             "import com.fasterxml.jackson.core.JsonParser;",
             "import com.fasterxml.jackson.core.JsonToken;",
             "import io.dynamo4j.api.*;",
             "import io.dynamo4j.api.Record;",
             "import io.dynamo4j.model.AttributeValue;",
             "import io.dynamo4j.model.Item;",
             "import java.io.IOException;",
             "import java.util.ArrayList;",
             "import java.util.LinkedHashMap;",
             "import java.util.List;",
             "import java.util.Map;", "",
             "/**",
             " * Reads and writes every DynamoDB shape in DynamoDB's JSON wire format: members by their wire",
             " * names, absent members omitted, unknown members skipped, wrong JSON types answered with",
             " * DynamoDB's SerializationException texts and unknown enum values with its ValidationException.",
             " *",
             " * <p>Stateless and thread-safe.",
             " */",
             "final class WireShapes {", "",
             "  private WireShapes() {}", ""]
    for name in shapes:
        members = shapes[name]
        # reader
        lines.append("  static %s read%s(JsonParser p, WirePath path) throws IOException {" % (name, name))
        lines.append('    if (!WireValues.startObject(p, "%s")) {' % name)
        lines.append("      return null;")
        lines.append("    }")
        lines.append("    %s.Builder b = %s.builder();" % (name, name))
        lines.append("    while (p.nextToken() == JsonToken.FIELD_NAME) {")
        lines.append("      String field = p.currentName();")
        lines.append("      p.nextToken();")
        if members:
            lines.append("      switch (field) {")
            for member, wire, t in members:
                c = camel(member)
                lines.append('        case "%s":' % wire)
                lines.append('          path.push("%s");' % coral(member))
                lines.append("          b.%s(%s);" % (c, read_expr(t, member, shapes, jtype)))
                lines.append("          path.pop();")
                lines.append("          break;")
            lines.append("        default:")
            lines.append("          p.skipChildren();")
            lines.append("      }")
        else:
            lines.append("      p.skipChildren();")
        lines.append("    }")
        lines.append("    return b.build();")
        lines.append("  }")
        lines.append("")
        # writer
        lines.append("  static void write%s(JsonGenerator g, %s v) throws IOException {" % (name, name))
        lines.append("    g.writeStartObject();")
        for member, wire, t in members:
            c = camel(member)
            lines.append("    if (v.%s() != null) {" % c)
            lines.append('      g.writeFieldName("%s");' % wire)
            lines.append("      " + write_stmt(t, member, "v.%s()" % c, shapes, jtype, 0))
            lines.append("    }")
        lines.append("    g.writeEndObject();")
        lines.append("  }")
        lines.append("")
    # dispatch by operation
    ops = [n[:-len("Request")] for n in shapes if n.endswith("Request") and n[:-len("Request")] in OPS]
    for kind in ("Request", "Response"):
        lines.append("  static Object read%s(Operation op, JsonParser p, WirePath path) throws IOException {" % kind)
        lines.append("    switch (op) {")
        for o in ops:
            lines.append("      case %s:" % const_op(o))
            lines.append("        return read%s%s(p, path);" % (o, kind))
        lines.append("      default:")
        lines.append("        throw new AssertionError(op);")
        lines.append("    }")
        lines.append("  }")
        lines.append("")
        lines.append("  static void write%s(Operation op, JsonGenerator g, Object v) throws IOException {" % kind)
        lines.append("    switch (op) {")
        for o in ops:
            lines.append("      case %s:" % const_op(o))
            lines.append("        write%s%s(g, (%s%s) v);" % (o, kind, o, kind))
            lines.append("        break;")
        lines.append("      default:")
        lines.append("        throw new AssertionError(op);")
        lines.append("    }")
        lines.append("  }")
        lines.append("")
    # enum value sets, sorted as the service reports them
    for e, vals in enums.items():
        lines.append('  static final String %s_SET = "[%s]";' % (const(e), ", ".join(sorted(vals))))
    lines.append("}")
    out = os.path.join(root, "sdk-core", "src", "main", "java", "io", "dynamo4j", "json", "WireShapes.java")
    with open(out, "w") as f:
        f.write("\n".join(lines) + "\n")


def const(name):
    import re
    return re.sub(r"(?<!^)(?=[A-Z])", "_", name).upper()


def read_expr(t, member, shapes, jtype, depth=0):
    if t == "String":
        return "WireValues.readString(p)"
    if t == "Integer":
        return "WireValues.readInteger(p)"
    if t == "Long":
        return "WireValues.readLong(p)"
    if t == "Boolean":
        return "WireValues.readBoolean(p)"
    if t == "Double":
        return "WireValues.readDouble(p)"
    if t == "Instant":
        return "WireValues.readInstant(p)"
    if t == "AttributeValue":
        return "WireValues.readAttributeValue(p)"
    if t.startswith("enum:"):
        e = t[5:]
        return "WireValues.readEnum(p, path, %s::fromValue, %s_SET)" % (e, const(e))
    if t.startswith("list<"):
        inner = t[5:-1]
        return "WireValues.readList(p, path, () -> %s)" % read_expr(inner, None, shapes, jtype, depth + 1)
    if t.startswith("map<"):
        inner = t[4:-1]
        if inner == "AttributeValue":
            return "WireValues.readItem(p)"
        return "WireValues.readMap(p, path, () -> %s)" % read_expr(inner, None, shapes, jtype, depth + 1)
    if t in shapes:
        return "read%s(p, path)" % t
    raise Exception("unknown type " + t)


def write_stmt(t, member, expr, shapes, jtype, depth):
    var = "e%d" % depth
    if t == "String":
        return "g.writeString(%s);" % expr
    if t in ("Integer", "Long", "Double"):
        return "g.writeNumber(%s);" % expr
    if t == "Boolean":
        return "g.writeBoolean(%s);" % expr
    if t == "Instant":
        return "WireValues.writeInstant(g, %s);" % expr
    if t == "AttributeValue":
        return "ValueWriter.writeValue(g, %s);" % expr
    if t.startswith("enum:"):
        return "g.writeString(%s.name());" % expr
    if t.startswith("list<"):
        inner = t[5:-1]
        jt = jtype(inner, None, False)
        return "g.writeStartArray(); for (%s %s : %s) { %s } g.writeEndArray();" % (
            jt, var, expr, write_stmt(inner, None, var, shapes, jtype, depth + 1))
    if t.startswith("map<"):
        inner = t[4:-1]
        if inner == "AttributeValue":
            return "ValueWriter.writeItem(g, (Item) %s);" % expr if member != "ExpressionAttributeValues" else \
                "ValueWriter.writeItem(g, Item.copyOf(%s));" % expr
        jt = jtype(inner, None, False)
        return ("g.writeStartObject(); for (Map.Entry<String, %s> %s : %s.entrySet()) { g.writeFieldName(%s.getKey()); %s } "
                "g.writeEndObject();") % (jt, var, expr, var, write_stmt(inner, None, var + ".getValue()", shapes, jtype, depth + 1))
    if t in shapes:
        return "write%s(g, %s);" % (t, expr)
    raise Exception("unknown type " + t)
