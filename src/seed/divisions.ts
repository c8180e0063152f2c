import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../config/paths';
import * as Y from './yuxi';

export interface Division {
  code: string;
  name: string;
}

export interface Divisions {
  townships: Division[];
  communities: Division[];
}

export function readDivisions(): Divisions {
  const text = readFileSync(join(projectRoot(), 'src', 'seed', 'data', 'yuxi-divisions.tsv'), 'utf8');
  const all = text
    .split('\n')
    .filter((line) => line && !line.startsWith('#'))
    .map((line) => {
      const [code, name] = line.split('\t');
      return { code, name };
    });
  return {
    townships: all.filter((d) => d.code.endsWith('000')),
    communities: all.filter((d) => !d.code.endsWith('000')),
  };
}

/** Every code of the division tree: the city, its counties, townships and communities. */
export function divisionCodes(): Set<string> {
  const { townships, communities } = readDivisions();
  return new Set([Y.CITY.code, ...Y.COUNTIES.map((c) => c.code), ...[...townships, ...communities].map((d) => d.code)]);
}

export const countyOf = (code: string) => `${code.slice(0, 6)}000000`;
export const townshipOf = (code: string) => `${code.slice(0, 9)}000`;
