import { Column, Entity, PrimaryColumn } from 'typeorm';
import { subtreeSource, type FigureTally } from '../../db/figure-tally';
import { OrganizationStatus, SocialOrganization } from './organization.entity';

/** The organisation figures of a region's whole subtree, kept by every write that changes what they count. */
@Entity()
export class OrganizationRegionFigures {
  @PrimaryColumn({ type: 'varchar', length: 12 })
  regionId!: string;

  /** Active organisations only. */
  @Column({ type: 'int', default: 0 })
  organizationCount!: number;
}

export const ORGANIZATION_REGION_FIGURES: FigureTally = {
  name: 'organization.region',
  entity: OrganizationRegionFigures,
  keyProperty: 'regionId',
  bySubtree: true,
  figures: {
    organizationCount: subtreeSource({
      entity: SocialOrganization,
      keyProperty: 'regionId',
      amountOf: (organization) => (organization.status === OrganizationStatus.ACTIVE ? 1 : 0),
      aggregate: () => 'COUNT(*)',
      where: (column) => ({ sql: `${column('status')} = ?`, parameters: [OrganizationStatus.ACTIVE] }),
    }),
  },
};

/** Every tally of the organisation subgraph: each write of a counted row passes it to countChange. */
export const ORGANIZATION_FIGURES = [ORGANIZATION_REGION_FIGURES];
