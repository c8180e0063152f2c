import { composeServices } from '@apollo/composition';
import type { BuiltSubgraph } from './subgraph';

export class CompositionError extends Error {}

/**
 * The supergraph SDL of the given subgraphs, each at `urls[name]` (or `local://name`, which the hub's gateway
 * resolves in-process); composition errors are thrown together, one per line.
 */
export function composeSupergraph(
  subgraphs: readonly Pick<BuiltSubgraph, 'name' | 'typeDefs'>[],
  urls: Partial<Record<BuiltSubgraph['name'], string>> = {},
): string {
  const result = composeServices(
    subgraphs.map((s) => ({ name: s.name, typeDefs: s.typeDefs, url: urls[s.name] ?? `local://${s.name}` })),
  );
  if (result.errors?.length) {
    throw new CompositionError(
      `supergraph does not compose:\n${result.errors.map((e) => `- ${e.message}`).join('\n')}`,
    );
  }
  if (!result.supergraphSdl) throw new CompositionError('supergraph composition returned no SDL');
  return result.supergraphSdl;
}
