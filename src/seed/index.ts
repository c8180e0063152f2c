import type { DataSource } from 'typeorm';
import { generateYuxi } from './generate';
import { loadDataset, type LoadOptions } from './load';

/** (Re)creates the default Yuxi dataset; `scale` < 1 gives a small city with the same named facts. */
export async function seedYuxi(dataSource: DataSource, scale = 1, options: LoadOptions = {}): Promise<number> {
  return loadDataset(dataSource, generateYuxi({ scale }), options);
}
