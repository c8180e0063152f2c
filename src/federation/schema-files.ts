import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
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
export function checkSchemaFiles(): string[] {
  const root = projectRoot();
  return [...expectedFiles()]
    .filter(([path, text]) => {
      const file = join(root, path);
      return !existsSync(file) || readFileSync(file, 'utf8') !== text;
    })
    .map(([path]) => path);
}
