import { RegionLevel, type Region } from '../subgraphs/community/region.entity';
import { cumulative, type Random } from './random';
import type { Row } from './rows';

/**
 * The generated region tree as every society's generator sees it: where people live (communities weighted by
 * population), what a code is called, and how much of the city to generate. All draws come from the one
 * `random`, in the order the generators run, so the same seed gives the same city.
 */
export class City {
  readonly leaves: Row<Region>[];
  private readonly leafByPopulation: number[];
  private readonly names: Map<string, string>;

  constructor(
    readonly random: Random,
    readonly scale: number,
    regions: Row<Region>[],
  ) {
    this.leaves = regions.filter((r) => r.level === RegionLevel.COMMUNITY);
    this.leafByPopulation = cumulative(this.leaves.map((l) => l.ownPopulation));
    this.names = new Map(regions.map((r) => [r.id, r.name]));
  }

  /** How many of something a city of this scale has, never fewer than `minimum`. */
  count(full: number, minimum: number): number {
    return Math.max(minimum, Math.round(full * this.scale));
  }

  nameOf(code: string): string {
    return this.names.get(code)!;
  }

  /** A community drawn by population: where a resident, volunteer or organisation is likely to be. */
  randomLeaf(): Row<Region> {
    return this.leaves[this.random.weightedIndex(this.leafByPopulation)];
  }

  /** A community inside `code` (the code itself when it has none). */
  randomLeafIn(code: string): string {
    const prefix = code.replace(/0+$/, '');
    const inside = this.leaves.filter((l) => l.id.startsWith(prefix));
    return inside.length ? this.random.pick(inside).id : code;
  }
}
