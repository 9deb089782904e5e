package io.dynamo4j.engine.expr;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Parsed expressions by kind and text, so a request repeating an expression (the usual case) skips
 * the parser and the text-only checks: what is cached is the {@link Ast} that passed them, with its
 * operator count. Resolution depends on each request's placeholders and is never cached.
 *
 * <p>The cache is bounded by an estimate of its memory (the text length times a factor for the
 * tree), shared by the whole JVM, and thread-safe. Failures are not cached.
 */
final class ParseCache {

  /** A parsed and checked expression. */
  record Parsed(Object ast, int operators) {}

  private record Key(ExpressionKind kind, String text) {}

  /** About 64 MB of trees: tens of thousands of typical expressions. */
  private static final long MAX_WEIGHT = 64L * 1024 * 1024;

  private static final Cache<Key, Parsed> CACHE = Caffeine.newBuilder()
      .maximumWeight(MAX_WEIGHT)
      .weigher((Key key, Parsed parsed) -> 256 + 16 * key.text().length())
      .build();

  private ParseCache() {}

  /** The parsed form of {@code text}, from the cache when it is there. */
  static Parsed get(ExpressionKind kind, String text) {
    return CACHE.get(new Key(kind, text), key -> parse(key.kind(), key.text()));
  }

  /**
   * Parses and checks {@code text} without the cache. Text nested deeper than {@link #SHALLOW}
   * levels is parsed on a thread of its own with a large stack: no valid expression nests that
   * deep (each level would need an operator, and DynamoDB allows 300), but DynamoDB still reports
   * a specific error for it (a syntax error, redundant parentheses, an unknown function, too many
   * operators), and finding which takes a full parse.
   */
  static Parsed parse(ExpressionKind kind, String text) {
    if (maxNesting(text) <= SHALLOW) {
      return parseHere(kind, text);
    }
    return DeepStack.call(() -> parseHere(kind, text));
  }

  /** Nesting the parser handles on any thread's stack. */
  static final int SHALLOW = 200;

  /** The deepest nesting of parentheses in {@code text}, an upper bound of the parser's recursion. */
  static int maxNesting(String text) {
    int depth = 0;
    int max = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '(') {
        max = Math.max(max, ++depth);
      } else if (c == ')' && depth > 0) {
        depth--;
      }
    }
    return max;
  }

  private static Parsed parseHere(ExpressionKind kind, String text) {
    switch (kind) {
      case UPDATE -> {
        Ast.UpdateExpr update = Parser.parseUpdate(text);
        StaticChecks.check(update);
        return new Parsed(update, Operators.count(update));
      }
      case PROJECTION -> {
        Ast.ProjectionExpr projection = Parser.parseProjection(text);
        StaticChecks.check(projection);
        return new Parsed(projection, 0);
      }
      default -> {
        Ast.Cond cond = Parser.parseCondition(kind, text);
        StaticChecks.check(kind, cond);
        return new Parsed(cond, Operators.count(cond));
      }
    }
  }

  /** Empties the cache (tests and benchmarks). */
  static void clear() {
    CACHE.invalidateAll();
  }
}
