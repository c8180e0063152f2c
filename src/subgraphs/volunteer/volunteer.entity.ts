import { Directive, Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, Index } from 'typeorm';
import {
  DescriptionColumn,
  NamedRecord,
  NumberedRecord,
  ReferenceColumn,
  RegionCodeColumn,
  ServiceCategoryColumn,
} from '../../graphql/entity-columns';
import { ServiceCategory } from '../../graphql/service-category';

@Entity()
@ObjectType({ description: '志愿服务队伍: a registered volunteer team' })
@Directive('@key(fields: "id")')
export class VolunteerTeam extends NamedRecord {
  @RegionCodeColumn()
  regionId!: string;

  @ReferenceColumn({ nullable: true })
  organizationId!: number | null;

  @Column({ type: 'int', nullable: true })
  @Field(() => Int, { nullable: true })
  foundedYear!: number | null;
}

/** A registered volunteer. Personal data: the graph shows a masked name, counts and hours. */
/** One volunteer record per resident the bot registered in a region: a retried registration finds it again. */
@Index(['regionId', 'reporterRef'], { unique: true })
@Entity()
@ObjectType({ description: '志愿者 (name shown masked)' })
export class Volunteer extends NumberedRecord {
  @Column({ type: 'varchar', length: 32 })
  name!: string;

  @Field({ description: 'surname and asterisks, e.g. 张**' })
  get displayName(): string {
    return this.name.slice(0, 1) + '*'.repeat(Math.max(1, this.name.length - 1));
  }

  @RegionCodeColumn()
  regionId!: string;

  /** The resident as the bot that registered them refers to them (see Need.reporterRef); never exposed. */
  @Column({ type: 'varchar', length: 64, nullable: true })
  reporterRef!: string | null;

  @ReferenceColumn({ nullable: true })
  teamId!: number | null;

  /** The station the volunteer mainly serves at, if any. */
  @ReferenceColumn({ nullable: true })
  stationId!: number | null;

  @Column({ type: 'varchar', length: 32 })
  @Field(() => ServiceCategory)
  skill!: ServiceCategory;

  @Column({ type: 'int' })
  @Field(() => Int)
  registeredYear!: number;
}

export enum ActivityStatus {
  PLANNED = 'PLANNED',
  OPEN = 'OPEN',
  FINISHED = 'FINISHED',
  CANCELLED = 'CANCELLED',
}
registerEnumType(ActivityStatus, { name: 'ActivityStatus' });

@Entity()
@ObjectType({ description: '志愿服务项目/活动: one volunteer service project carried out' })
@Directive('@key(fields: "id")')
export class VolunteerActivity extends NumberedRecord {
  @Column({ type: 'varchar', length: 128 })
  @Field()
  title!: string;

  @ServiceCategoryColumn()
  category!: ServiceCategory;

  @DescriptionColumn()
  description!: string | null;

  @RegionCodeColumn()
  regionId!: string;

  @ReferenceColumn({ nullable: true })
  stationId!: number | null;

  @ReferenceColumn({ nullable: true })
  teamId!: number | null;

  @Column({ type: 'int', nullable: true })
  organizationId!: number | null;

  @Index()
  @Column({ type: 'varchar', length: 10 })
  @Field({ description: 'date, YYYY-MM-DD' })
  startsOn!: string;

  @Column({ type: 'int', nullable: true })
  @Field(() => Int, { nullable: true })
  capacity!: number | null;

  @Column({ type: 'varchar', length: 16, default: ActivityStatus.FINISHED })
  @Field(() => ActivityStatus)
  status!: ActivityStatus;
}

export enum ServiceHoursStatus {
  PENDING = 'PENDING',
  VERIFIED = 'VERIFIED',
  REJECTED = 'REJECTED',
}
registerEnumType(ServiceHoursStatus, {
  name: 'ServiceHoursStatus',
  description: '待审核 (recorded at check-out) · 已审核 (counted, in the ledger) · 已驳回 (never counted)',
});

/** Verified service time of one volunteer on one day, in half-hour steps. */
@Entity()
@ObjectType({ description: '志愿服务时长 (0.5 h steps)' })
export class ServiceHours extends NumberedRecord {
  @ReferenceColumn()
  volunteerId!: number;

  @ReferenceColumn({ nullable: true })
  activityId!: number | null;

  @ReferenceColumn({ nullable: true })
  stationId!: number | null;

  @RegionCodeColumn()
  regionId!: string;

  @Column({ type: 'int' })
  halfHours!: number;

  @Column({ type: 'varchar', length: 10 })
  @Field()
  servedOn!: string;

  /** Only verified hours count in the figures; check-out records them unverified for staff to confirm. */
  @Column({ type: 'boolean', default: false })
  @Field()
  verified!: boolean;

  /** Set when staff refuse the record: it is never verified, never counted and never enters the ledger. */
  @Column({ type: Date, nullable: true })
  @Field(() => Date, { nullable: true, description: 'when staff rejected the record' })
  rejectedAt!: Date | null;

  @Column({ type: 'varchar', length: 255, nullable: true })
  @Field(() => String, { nullable: true, description: 'why staff rejected it' })
  rejectReason!: string | null;

  @Field(() => ServiceHoursStatus)
  get status(): ServiceHoursStatus {
    if (this.verified) return ServiceHoursStatus.VERIFIED;
    return this.rejectedAt ? ServiceHoursStatus.REJECTED : ServiceHoursStatus.PENDING;
  }

  @Field(() => Float)
  get hours(): number {
    return this.halfHours / 2;
  }
}

@Entity()
@Index(['activityId', 'volunteerId'], { unique: true })
@ObjectType({ description: '活动报名: a volunteer signed up for an activity, with check-in and check-out' })
export class ActivitySignup extends NumberedRecord {
  @Column({ type: 'int' })
  activityId!: number;

  @ReferenceColumn()
  volunteerId!: number;

  @Column({ type: Date })
  @Field()
  signedUpAt!: Date;

  @Column({ type: Date, nullable: true })
  @Field(() => Date, { nullable: true })
  checkedInAt!: Date | null;

  @Column({ type: Date, nullable: true })
  @Field(() => Date, { nullable: true })
  checkedOutAt!: Date | null;
}

export const hoursOf = (halfHours: number) => halfHours / 2;
