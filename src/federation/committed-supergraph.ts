/**
 * The committed schema/supergraph.graphql is for composition checks (`npm run schema:check`), client code
 * generation and reading, not for routing: where the subgraphs live is the operator's to say, with
 * `wushe supergraph --subgraph name=url …`. So its routing URLs point at a host that never resolves (`.invalid`,
 * RFC 2606) and whose name says what to do, and the file says so at the top. A router given it anyway fails on its
 * first fetch with that host in its log; the committed Hive Gateway configuration refuses to start with it.
 * Imports nothing: that configuration loads the compiled file alone.
 */
export const PLACEHOLDER_HOST = 'compose-with-wushe-supergraph.invalid';

export function placeholderUrl(subgraph: string): string {
  return `http://${PLACEHOLDER_HOST}/${subgraph}`;
}

export const COMMITTED_SUPERGRAPH_HEADER = `# For composition checks and code generation only, NOT for routing: its subgraph URLs are placeholders
# (http://${PLACEHOLDER_HOST}/<name>). To serve the graph with Hive Gateway, Apollo Router or any other
# Federation 2 router, compose a supergraph with the subgraphs' real URLs:
#   npx wushe supergraph --subgraph community=http://10.0.0.11:4101/graphql --subgraph … > supergraph.graphql
# (every subgraph named once; or --from subgraphs.txt, one name=url per line). Written by \`npm run schema\`.
`;

/** The instruction a router configuration gives when it is handed the committed file. */
export const PLACEHOLDER_REFUSAL =
  `this supergraph's routing URLs are placeholders (${PLACEHOLDER_HOST}): schema/supergraph.graphql is for ` +
  "composition checks only. Compose one with the subgraphs' real URLs: " +
  '`npx wushe supergraph --subgraph name=url … > supergraph.graphql` and serve that.';
