import { Column, Entity, PrimaryColumn } from 'typeorm';
import { groupSource, subtreeSource, type FigureTally } from '../../db/figure-tally';
import { ServiceHours, Volunteer, VolunteerActivity, VolunteerTeam } from './volunteer.entity';

/** The volunteer figures of a region's whole subtree, kept by every write that changes what they count. */
@Entity()
export class VolunteerRegionFigures {
  @PrimaryColumn({ type: 'varchar', length: 12 })
  regionId!: string;

  @Column({ type: 'int', default: 0 })
  volunteerCount!: number;

  @Column({ type: 'int', default: 0 })
  teamCount!: number;

  @Column({ type: 'int', default: 0 })
  activityCount!: number;

  /** Verified half hours. */
  @Column({ type: 'int', default: 0 })
  halfHours!: number;
}

/** The volunteer figures of one service station. */
@Entity()
export class VolunteerStationFigures {
  @PrimaryColumn({ type: 'int' })
  stationId!: number;

  @Column({ type: 'int', default: 0 })
  volunteerCount!: number;

  /** Verified half hours. */
  @Column({ type: 'int', default: 0 })
  halfHours!: number;
}

const countAll = () => 'COUNT(*)';
const one = () => 1;
/** Only verified hours count in the figures. */
const verifiedHalfHours = (hours: ServiceHours) => (hours.verified ? hours.halfHours : 0);

/**
 * The verified half hours of a set of service-hours rows, the SQL twin of `verifiedHalfHours` (`= 1` reads the same
 * in SQLite and MySQL). `column` spells a property the way the query at hand needs it.
 */
export function verifiedHalfHoursSum(column: (property: keyof ServiceHours & string) => string): string {
  return `SUM(CASE WHEN ${column('verified')} = TRUE THEN ${column('halfHours')} ELSE 0 END)`;
}

export const VOLUNTEER_REGION_FIGURES: FigureTally = {
  name: 'volunteer.region',
  entity: VolunteerRegionFigures,
  keyProperty: 'regionId',
  bySubtree: true,
  figures: {
    volunteerCount: subtreeSource({ entity: Volunteer, keyProperty: 'regionId', amountOf: one, aggregate: countAll }),
    teamCount: subtreeSource({ entity: VolunteerTeam, keyProperty: 'regionId', amountOf: one, aggregate: countAll }),
    activityCount: subtreeSource({
      entity: VolunteerActivity,
      keyProperty: 'regionId',
      amountOf: one,
      aggregate: countAll,
    }),
    halfHours: subtreeSource({
      entity: ServiceHours,
      keyProperty: 'regionId',
      amountOf: verifiedHalfHours,
      aggregate: verifiedHalfHoursSum,
    }),
  },
};

export const VOLUNTEER_STATION_FIGURES: FigureTally = {
  name: 'volunteer.station',
  entity: VolunteerStationFigures,
  keyProperty: 'stationId',
  bySubtree: false,
  figures: {
    volunteerCount: groupSource({ entity: Volunteer, keyProperty: 'stationId', amountOf: one, aggregate: countAll }),
    halfHours: groupSource({
      entity: ServiceHours,
      keyProperty: 'stationId',
      amountOf: verifiedHalfHours,
      aggregate: verifiedHalfHoursSum,
    }),
  },
};

/** Every tally of the volunteer subgraph: each write of a counted row passes it to countChange. */
export const VOLUNTEER_FIGURES = [VOLUNTEER_REGION_FIGURES, VOLUNTEER_STATION_FIGURES];
