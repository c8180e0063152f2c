/**
 * Request-shape limits, chosen for this schema: the deepest query a client needs (region → parent → parent … or
 * services → provider → region) is 6 levels and the largest document the tests and README use is under 140 tokens,
 * GraphiQL's introspection under 190. The limits sit well above that and below abuse: 16 aliases, 51 directives or
 * a field repeated 500 times are refused before execution.
 *
 * A module of its own, importing nothing: the hub and subgraphs apply these numbers (limits.ts), and so does the
 * committed Hive Gateway configuration (deploy/hive-gateway), which loads the compiled file without the rest of
 * wushe.
 */
export const REQUEST_LIMITS = {
  maxDepth: 10,
  maxAliases: 15,
  maxDirectives: 50,
  maxTokens: 500,
} as const;
