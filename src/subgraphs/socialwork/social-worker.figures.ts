import { Column, Entity, PrimaryColumn } from 'typeorm';
import { subtreeSource, type FigureTally } from '../../db/figure-tally';
import { SocialWorker } from './social-worker.entity';

/** The social-work figures of a region's whole subtree, kept by every write that changes what they count. */
@Entity()
export class SocialWorkRegionFigures {
  @PrimaryColumn({ type: 'varchar', length: 12 })
  regionId!: string;

  @Column({ type: 'int', default: 0 })
  socialWorkerCount!: number;
}

export const SOCIALWORK_REGION_FIGURES: FigureTally = {
  name: 'socialwork.region',
  entity: SocialWorkRegionFigures,
  keyProperty: 'regionId',
  bySubtree: true,
  figures: {
    socialWorkerCount: subtreeSource({
      entity: SocialWorker,
      keyProperty: 'regionId',
      amountOf: () => 1,
      aggregate: () => 'COUNT(*)',
    }),
  },
};

/** Every tally of the social-work subgraph: each write of a counted row passes it to countChange. */
export const SOCIALWORK_FIGURES = [SOCIALWORK_REGION_FIGURES];
