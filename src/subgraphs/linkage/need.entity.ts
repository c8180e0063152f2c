import { Directive, Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { NumberedRecord, RegionCodeColumn, ServiceCategoryColumn } from '../../graphql/entity-columns';
import { Connection } from '../../graphql/pagination';
import { ServiceCategory } from '../../graphql/service-category';

export enum NeedStatus {
  SUBMITTED = 'SUBMITTED',
  ACCEPTED = 'ACCEPTED',
  MATCHED = 'MATCHED',
  IN_SERVICE = 'IN_SERVICE',
  RESOLVED = 'RESOLVED',
  CLOSED = 'CLOSED',
  REJECTED = 'REJECTED',
}
registerEnumType(NeedStatus, {
  name: 'NeedStatus',
  description: '已提交 · 已受理 · 已匹配 · 服务中 · 已解决 · 已关闭 · 已驳回',
});

export const OPEN_NEED_STATUSES = [
  NeedStatus.SUBMITTED,
  NeedStatus.ACCEPTED,
  NeedStatus.MATCHED,
  NeedStatus.IN_SERVICE,
];

export enum NeedUrgency {
  LOW = 'LOW',
  NORMAL = 'NORMAL',
  HIGH = 'HIGH',
  URGENT = 'URGENT',
}
registerEnumType(NeedUrgency, { name: 'NeedUrgency' });

@Entity()
@ObjectType({ description: '居民需求: what a resident asked for, and how far it has come' })
@Directive('@key(fields: "id")')
export class Need extends NumberedRecord {
  @Index({ unique: true })
  @Column({ type: 'varchar', length: 20 })
  @Field({ description: 'public number, e.g. XQ20261126-0007' })
  number!: string;

  @ServiceCategoryColumn()
  category!: ServiceCategory;

  /** Shown only to staff of the region and the bot (see NeedResolver.description). */
  @Column({ type: 'text' })
  description!: string;

  @Column({ type: 'varchar', length: 16, default: NeedUrgency.NORMAL })
  @Field(() => NeedUrgency)
  urgency!: NeedUrgency;

  @Index()
  @Column({ type: 'varchar', length: 16, default: NeedStatus.SUBMITTED })
  @Field(() => NeedStatus)
  status!: NeedStatus;

  @RegionCodeColumn()
  @Field(() => ID, { description: 'division code of the community the need comes from' })
  communityId!: string;

  @Column({ type: Date })
  @Field()
  submittedAt!: Date;

  @Column({ type: Date, nullable: true })
  @Field(() => Date, { nullable: true })
  resolvedAt!: Date | null;

  @Column({ type: 'int', nullable: true })
  @Field(() => Int, { nullable: true, description: "the resident's rating, 1-5" })
  rating!: number | null;

  @Column({ type: 'varchar', length: 255, nullable: true })
  @Field(() => String, { nullable: true, description: 'why it was rejected' })
  rejectReason!: string | null;

  /** The resident's phone for a call back, sealed (AES-256-GCM); staff of the region see it masked. */
  @Column({ type: 'varchar', length: 128, nullable: true })
  contactPhoneSealed!: string | null;

  /** Id of the data key that sealed contactPhoneSealed. */
  @Column({ type: 'varchar', length: 16, nullable: true })
  contactPhoneKeyId!: string | null;

  @Column({ type: 'varchar', length: 11, nullable: true })
  contactPhoneMasked!: string | null;

  @Column({ type: Date, nullable: true })
  @Field(() => Date, { nullable: true, description: 'when the resident agreed to leave a phone number' })
  contactConsentAt!: Date | null;

  /**
   * Who registered the need through the bot, as the bot's opaque reference (a keyed hash of the chat id; the
   * hub never sees the id). A BOT must present it to rate the need or read its details. Never exposed.
   */
  @Column({ type: 'varchar', length: 64, nullable: true })
  reporterRef!: string | null;
}

/**
 * The last need number given out on one day (China time). Its row is the lock that makes a day's numbers
 * distinct and gapless under parallel submissions; no GraphQL type.
 */
@Entity()
export class NeedNumberCounter {
  /** YYYYMMDD */
  @PrimaryColumn({ type: 'varchar', length: 8 })
  day!: string;

  @Column({ type: 'int' })
  lastNumber!: number;
}

@ObjectType({ description: 'needs of a region by state' })
export class NeedStats {
  @Field(() => Int)
  total!: number;

  @Field(() => Int, { description: 'submitted, accepted, matched or in service' })
  open!: number;

  @Field(() => Int)
  resolved!: number;

  @Field(() => Int)
  rejected!: number;
}

export const NeedConnection = Connection(Need, 'Need');
