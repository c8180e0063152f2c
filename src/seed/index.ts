import type { DataSource } from 'typeorm';
import { rebuildTallies } from '../db/figure-tally';
import { allFigureTallies } from '../subgraphs/registry';
import { generateYuxi } from './generate';
import { loadDataset, type LoadOptions } from './load';

export interface SeedOptions extends LoadOptions {
  /** The moment the weeks ahead are counted from (upcoming activities, open needs); the clock by default. */
  now?: Date;
}

/** (Re)creates the default Yuxi dataset; `scale` < 1 gives a small city with the same named facts. */
export async function seedYuxi(dataSource: DataSource, scale = 1, options: SeedOptions = {}): Promise<number> {
  return loadDataset(dataSource, generateYuxi({ scale, now: options.now }), {
    ...options,
    afterLoad: async (manager) => {
      await options.afterLoad?.(manager);
      await rebuildTallies(manager, allFigureTallies());
    },
  });
}
