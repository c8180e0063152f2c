import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ApolloServerPlugin } from '@apollo/server';
import {
  GraphQLError,
  Kind,
  parse,
  print,
  visit,
  type DefinitionNode,
  type DocumentNode,
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
} from 'graphql';
import { projectRoot } from '../config/paths';
import type { HubContext } from '../graphql/context';

/** The clients' documents: schema/operations/<client>/*.graphql. */
export const OPERATIONS_DIR = join(projectRoot(), 'schema', 'operations');

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** The fragments `node` spreads, and those they spread, by name. */
function fragmentsUsed(node: DefinitionNode, fragments: Map<string, FragmentDefinitionNode>, into = new Set<string>()) {
  visit(node, {
    FragmentSpread(spread) {
      const name = spread.name.value;
      const fragment = fragments.get(name);
      if (into.has(name) || !fragment) return;
      into.add(name);
      fragmentsUsed(fragment, fragments, into);
    },
  });
  return into;
}

/**
 * The fingerprint of each operation of `document`: the sha256 of the operation and the fragments it uses (sorted by
 * name), printed by graphql-js without unaliased `__typename` fields. Layout, comments, the order of definitions,
 * other operations in the same file and the `__typename` fields urql's document cache adds all leave it unchanged;
 * any change to what is asked changes it.
 */
export function operationFingerprints(document: DocumentNode): string[] {
  const withoutTypename = visit(document, {
    Field(field) {
      return field.name.value === '__typename' && !field.alias ? null : undefined;
    },
  });
  const fragments = new Map<string, FragmentDefinitionNode>();
  const operations: OperationDefinitionNode[] = [];
  for (const definition of withoutTypename.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
    if (definition.kind === Kind.OPERATION_DEFINITION) operations.push(definition);
  }
  return operations.map((operation) => {
    const used = [...fragmentsUsed(operation, fragments)].sort().map((name) => fragments.get(name)!);
    return sha256(print({ kind: Kind.DOCUMENT, definitions: [operation, ...used] }));
  });
}

/** Every .graphql file under `dir`, depth first. */
function graphqlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return graphqlFiles(path);
    return entry.name.endsWith('.graphql') ? [path] : [];
  });
}

/** The operations of schema/operations/, read once at start, and the test of a request's document against them. */
export class OperationList {
  private constructor(readonly fingerprints: ReadonlySet<string>) {}

  static fromDirectory(dir = OPERATIONS_DIR): OperationList {
    const fingerprints = new Set<string>();
    for (const file of graphqlFiles(dir)) {
      for (const fingerprint of operationFingerprints(parse(readFileSync(file, 'utf8')))) fingerprints.add(fingerprint);
    }
    return new OperationList(fingerprints);
  }

  /** True when every operation of `document` is one of the list (a document may carry several, as the bot's do). */
  allows(document: DocumentNode): boolean {
    const fingerprints = operationFingerprints(document);
    return fingerprints.length > 0 && fingerprints.every((fingerprint) => this.fingerprints.has(fingerprint));
  }
}

export function operationNotAllowed(): GraphQLError {
  return new GraphQLError(
    '本服务只执行已登记的操作 (this hub runs only the operations in schema/operations/; OPERATIONS=allow-list)',
    { extensions: { code: 'OPERATION_NOT_ALLOWED', http: { status: 400 } } },
  );
}

/**
 * OPERATIONS=allow-list: a document with an operation that is not in `list` is refused with OPERATION_NOT_ALLOWED
 * (HTTP 400) once it has been parsed and validated, before it runs — whether it came as text or by its hash from
 * the persisted-query store. Only allowed documents get that far, so only they are registered as persisted queries.
 */
export function allowListPlugin(list: OperationList): ApolloServerPlugin<HubContext> {
  // The verdict depends on the document text alone: kept per text hash, so a busy client costs one lookup.
  const verdicts = new Map<string, boolean>();
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, queryHash }) {
          let allowed = verdicts.get(queryHash);
          if (allowed === undefined) {
            allowed = list.allows(document);
            if (verdicts.size >= 1000) verdicts.clear();
            verdicts.set(queryHash, allowed);
          }
          if (!allowed) throw operationNotAllowed();
        },
      };
    },
  };
}
