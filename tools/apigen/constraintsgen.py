"""Generates engine-core's RequestConstraints: the service model's checks (required members, lengths,
patterns, ranges, list sizes) with DynamoDB's "N validation errors detected" messages.
Called by gen.py."""
import os
import re

ENGINE = os.path.join("engine-core", "src", "main", "java", "io", "dynamo4j", "engine", "op")


def parse_constraints(path):
    shapes, scalars = {}, {}
    cur = None
    for line in open(path):
        line = line.rstrip("\n")
        if not line.strip() or line.startswith("#"):
            cur = None if line.startswith("#") else cur
            continue
        if line.startswith("shape "):
            parts = line.split()
            cur = parts[1]
            shapes[cur] = {"members": {}}
            continue
        if line.startswith(("scalar ", "list ", "map ")):
            kind, name, rest = line.split(" ", 2)
            scalars[name] = attrs(rest)
            cur = None
            continue
        if cur and line.startswith("  "):
            name, rest = line.strip().split(" ", 1)
            shapes[cur]["members"][name] = attrs(rest)
    return shapes, scalars


def attrs(rest):
    out = {}
    # pattern may contain spaces only for one shape we do not use; split on ' key=' boundaries
    for m in re.finditer(r"(\w[\w.]*)=(\S+)|(\brequired\b)", rest):
        if m.group(3):
            out["required"] = True
        else:
            out[m.group(1)] = m.group(2)
    return out


def coral(member):
    return member[0].lower() + member[1:]


def java_string(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def generate(root, shapes_txt, camel, header):
    cshapes, scalars = parse_constraints(os.path.join(root, "tools", "apigen", "constraints.txt"))
    request_shapes = [n for n in shapes_txt if n.endswith("Request")]
    # shapes reachable from requests
    reach, todo = [], list(request_shapes)
    while todo:
        n = todo.pop(0)
        if n in reach or n not in shapes_txt:
            continue
        reach.append(n)
        for member, wire, t in shapes_txt[n]:
            base = re.sub(r"^(list|map)<|>$", "", t)
            while base.startswith(("list<", "map<")):
                base = re.sub(r"^(list|map)<|>$", "", base)
            if base in shapes_txt:
                todo.append(base)
    patterns = {}
    lines = [header, "package io.dynamo4j.engine.op;", "", "import io.dynamo4j.api.*;",
             "import io.dynamo4j.error.ValidationException;", "import java.util.ArrayList;",
             "import java.util.List;", "import java.util.Map;", "import java.util.regex.Pattern;", "",
             "/**",
             " * The checks DynamoDB's service model declares for every request member (required members,",
             " * lengths, patterns, value ranges, list sizes), reported all at once as DynamoDB reports them:",
             " * {@code 1 validation error detected: Value null at 'tableName' failed to satisfy constraint:",
             " * Member must not be null}. Operations run these before their own validation.",
             " *",
             " * <p>Stateless and thread-safe.",
             " */",
             "public final class RequestConstraints {", "",
             "  private RequestConstraints() {}", ""]
    body = []
    for n in reach:
        members = shapes_txt[n]
        cons = cshapes.get(n, {"members": {}})["members"]
        if n in request_shapes:
            lines.append("  /** Checks a {@code %s}; throws DynamoDB's ValidationException listing every violation. */" % n)
            lines.append("  public static void check(%s request) {" % n)
            lines.append("    List<String> errors = new ArrayList<>(0);")
            lines.append('    check%s(request, "", errors);' % n)
            lines.append("    throwIfAny(errors);")
            lines.append("  }")
            lines.append("")
        body.append("  private static void check%s(%s v, String p, List<String> e) {" % (n, n))
        for member, wire, t in members:
            c = cons.get(member, {})
            acc = "v.%s()" % camel(member)
            path = 'p + "%s"' % coral(member)
            checks = []
            if c.get("required"):
                body.append("    if (%s == null) {" % acc)
                body.append("      e.add(nul(%s));" % path)
                body.append("    }")
            typ = c.get("type")
            if typ == "string" and not t.startswith("enum:"):
                if "min" in c or "max" in c:
                    checks.append("length(e, %s, %s, %s, %s);" % (acc, path, c.get("min", "-1"), c.get("max", "-1")))
                if "pattern" in c:
                    pid = "P%d" % len(patterns)
                    for k, v in patterns.items():
                        if v == c["pattern"]:
                            pid = k
                    patterns[pid] = c["pattern"]
                    checks.append("pattern(e, %s, %s, %s, %s);" % (acc, path, pid, java_string(c["pattern"])))
            elif typ in ("integer", "long", "double"):
                if "min" in c or "max" in c:
                    mn = c.get("min")
                    mx = c.get("max")
                    checks.append("range(e, %s, %s, %s, %s);" % (
                        acc, path, (mn + "L") if mn and typ != "double" else ("null" if not mn else mn),
                        (mx + "L") if mx and typ != "double" else ("null" if not mx else mx)))
            elif typ in ("list", "map"):
                if "min" in c or "max" in c:
                    checks.append("size(e, %s, %s, %s, %s);" % (acc, path, c.get("min", "-1"), c.get("max", "-1")))
                elem = c.get("member") or c.get("value")
                inner = t[t.index("<") + 1:-1]
                if typ == "list" and inner in shapes_txt:
                    checks.append("for (int i = 0; i < %s.size(); i++) {" % acc)
                    checks.append('  check%s(%s.get(i), %s + "." + (i + 1) + ".member.", e);' % (inner, acc, path))
                    checks.append("}")
                elif typ == "list" and elem in scalars and inner == "String":
                    sc = scalars[elem]
                    if "min" in sc or "max" in sc:
                        checks.append("for (int i = 0; i < %s.size(); i++) {" % acc)
                        checks.append('  length(e, %s.get(i), %s + "." + (i + 1) + ".member", %s, %s);' % (
                            acc, path, sc.get("min", "-1"), sc.get("max", "-1")))
                        checks.append("}")
                elif typ == "map" and inner in shapes_txt:
                    checks.append("for (Map.Entry<String, %s> en : %s.entrySet()) {" % (inner, acc))
                    checks.append('  check%s(en.getValue(), %s + "." + en.getKey() + ".member.", e);' % (inner, path))
                    checks.append("}")
            elif typ == "structure" and t in shapes_txt:
                checks.append('check%s(%s, %s + ".", e);' % (t, acc, path))
            if checks:
                body.append("    if (%s != null) {" % acc)
                for ch in checks:
                    body.append("      " + ch)
                body.append("    }")
        body.append("  }")
        body.append("")
    for pid, pat in patterns.items():
        lines.append("  private static final Pattern %s = Pattern.compile(%s);" % (pid, java_string(pat)))
    lines.append("")
    lines += body
    lines.append('''  private static void throwIfAny(List<String> errors) {
    if (errors.isEmpty()) {
      return;
    }
    StringBuilder sb = new StringBuilder();
    sb.append(errors.size()).append(errors.size() == 1 ? " validation error detected: " : " validation errors detected: ");
    for (int i = 0; i < errors.size(); i++) {
      if (i > 0) {
        sb.append("; ");
      }
      sb.append(errors.get(i));
    }
    throw new ValidationException(sb.toString());
  }

  private static String nul(String path) {
    return "Value null at '" + path + "' failed to satisfy constraint: Member must not be null";
  }

  private static String violation(Object value, String path, String constraint) {
    return "Value '" + value + "' at '" + path + "' failed to satisfy constraint: " + constraint;
  }

  private static void length(List<String> e, String s, String path, int min, int max) {
    if (min >= 0 && s.length() < min) {
      e.add(violation(s, path, "Member must have length greater than or equal to " + min));
    }
    if (max >= 0 && s.length() > max) {
      e.add(violation(s, path, "Member must have length less than or equal to " + max));
    }
  }

  private static void pattern(List<String> e, String s, String path, Pattern pattern, String text) {
    if (!pattern.matcher(s).matches()) {
      e.add(violation(s, path, "Member must satisfy regular expression pattern: " + text));
    }
  }

  private static void range(List<String> e, Number n, String path, Number min, Number max) {
    if (min != null && n.doubleValue() < min.doubleValue()) {
      e.add(violation(n, path, "Member must have value greater than or equal to " + min));
    }
    if (max != null && n.doubleValue() > max.doubleValue()) {
      e.add(violation(n, path, "Member must have value less than or equal to " + max));
    }
  }

  private static void size(List<String> e, Object collection, String path, int min, int max) {
    int n = collection instanceof Map<?, ?> m ? m.size() : ((List<?>) collection).size();
    if (min >= 0 && n < min) {
      e.add(violation(collection, path, "Member must have length greater than or equal to " + min));
    }
    if (max >= 0 && n > max) {
      e.add(violation(collection, path, "Member must have length less than or equal to " + max));
    }
  }
}''')
    out = os.path.join(root, ENGINE, "RequestConstraints.java")
    os.makedirs(os.path.dirname(out), exist_ok=True)
    with open(out, "w") as f:
        f.write("\n".join(lines) + "\n")
    return len(reach)
