import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { composeServices } from '@apollo/composition';
import { parse, validate } from 'graphql';
import { join } from 'node:path';
import { projectRoot } from '../config/paths';
import { buildAllSubgraphs } from '../server/hub';
import { composeSupergraph } from './compose';

/** schema/subgraphs/<name>.graphql for each subgraph and schema/supergraph.graphql, as text. */
function expectedFiles(): Map<string, string> {
  const subgraphs = buildAllSubgraphs();
  const files = new Map<string, string>();
  for (const subgraph of subgraphs) files.set(join('schema', 'subgraphs', `${subgraph.name}.graphql`), subgraph.sdl);
  files.set(join('schema', 'supergraph.graphql'), `${composeSupergraph(subgraphs).trimEnd()}\n`);
  return files;
}

export function writeSchemaFiles(): string[] {
  const root = projectRoot();
  const files = expectedFiles();
  for (const [path, text] of files) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return [...files.keys()];
}

/** Paths whose committed text differs from what the code produces (composition errors are thrown). */
/** Every client document in schema/operations/ must validate against the supergraph's API schema. */
export function checkOperations(): string[] {
  const root = projectRoot();
  const result = composeServices(
    buildAllSubgraphs().map((s) => ({ name: s.name, typeDefs: s.typeDefs, url: `local://${s.name}` })),
  );
  const api = result.schema!.toAPISchema().toGraphQLJSSchema();
  const problems: string[] = [];
  const visit = (dir: string) => {
    for (const entry of readdirSync(join(root, dir), { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) visit(path);
      else if (entry.name.endsWith('.graphql')) {
        try {
          for (const error of validate(api, parse(readFileSync(join(root, path), 'utf8'))))
            problems.push(`${path}: ${error.message}`);
        } catch (error) {
          problems.push(`${path}: ${(error as Error).message}`);
        }
      }
    }
  };
  if (existsSync(join(root, 'schema', 'operations'))) visit(join('schema', 'operations'));
  return problems;
}

export function checkSchemaFiles(): string[] {
  const root = projectRoot();
  return [...expectedFiles()]
    .filter(([path, text]) => {
      const file = join(root, path);
      return !existsSync(file) || readFileSync(file, 'utf8') !== text;
    })
    .map(([path]) => path);
}
