import { Column, Entity, PrimaryColumn } from 'typeorm';
import { subtreeSource, type FigureTally } from '../../db/figure-tally';
import { Need, NeedStatus, OPEN_NEED_STATUSES } from './need.entity';

/** The need figures (Region.needStats) of a region's whole subtree, kept by every write that changes them. */
@Entity()
export class NeedRegionFigures {
  @PrimaryColumn({ type: 'varchar', length: 12 })
  regionId!: string;

  @Column({ type: 'int', default: 0 })
  total!: number;

  @Column({ type: 'int', default: 0 })
  open!: number;

  @Column({ type: 'int', default: 0 })
  resolved!: number;

  @Column({ type: 'int', default: 0 })
  rejected!: number;
}

/** Needs whose status is among `statuses` (all needs when undefined), in memory and in SQL alike. */
const needsIn = (statuses?: readonly NeedStatus[]) =>
  subtreeSource({
    entity: Need,
    keyProperty: 'communityId',
    amountOf: (need) => (!statuses || statuses.includes(need.status) ? 1 : 0),
    aggregate: () => 'COUNT(*)',
    where: statuses
      ? (column) => ({
          sql: `${column('status')} IN (${statuses.map(() => '?').join(', ')})`,
          parameters: [...statuses],
        })
      : undefined,
  });

export const NEED_REGION_FIGURES: FigureTally = {
  name: 'linkage.needRegion',
  entity: NeedRegionFigures,
  keyProperty: 'regionId',
  bySubtree: true,
  figures: {
    total: needsIn(),
    open: needsIn(OPEN_NEED_STATUSES),
    resolved: needsIn([NeedStatus.RESOLVED, NeedStatus.CLOSED]),
    rejected: needsIn([NeedStatus.REJECTED]),
  },
};

/** Every tally of the linkage subgraph: each write of a counted row passes it to countChange. */
export const LINKAGE_FIGURES = [NEED_REGION_FIGURES];
