import { Directive, Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { NumberedRecord, RegionCodeColumn, ReferenceColumn } from '../../graphql/entity-columns';
import { Searchable } from '../../db/search-index';

export enum SocialWorkerLevel {
  ASSISTANT = 'ASSISTANT',
  INTERMEDIATE = 'INTERMEDIATE',
  SENIOR = 'SENIOR',
}
registerEnumType(SocialWorkerLevel, {
  name: 'SocialWorkerLevel',
  description: '助理社会工作师 (初级) · 社会工作师 (中级) · 高级社会工作师',
});

@Searchable({ kind: 'social_worker', fields: ['name'] })
@Entity()
@ObjectType({ description: '社会工作者: a certified social worker' })
@Directive('@key(fields: "id")')
export class SocialWorker extends NumberedRecord {
  @Column({ type: 'varchar', length: 64 })
  @Field({ description: 'name, or the role the source article gives' })
  name!: string;

  @Index()
  @Column({ type: 'varchar', length: 16 })
  @Field(() => SocialWorkerLevel)
  level!: SocialWorkerLevel;

  @Column({ type: 'int' })
  @Field(() => Int)
  certifiedYear!: number;

  @RegionCodeColumn()
  regionId!: string;

  @ReferenceColumn({ nullable: true })
  organizationId!: number | null;

  @ReferenceColumn({ nullable: true })
  stationId!: number | null;

  /** Comma-separated ServiceCategory values. */
  @Column({ type: 'varchar', length: 255, default: '' })
  specialtyList!: string;
}

@Entity()
@ObjectType({ description: '持证奖励: the one-off reward for passing a certificate level' })
export class CertificateReward {
  @PrimaryColumn({ type: 'varchar', length: 16 })
  @Field(() => SocialWorkerLevel)
  level!: SocialWorkerLevel;

  @Column({ type: 'varchar', length: 32 })
  @Field({ description: 'e.g. 助理社会工作师' })
  title!: string;

  @Column({ type: 'int' })
  @Field(() => Int)
  amountYuan!: number;
}

@Entity()
@ObjectType({ description: '人才奖励, e.g. 兴玉社工人才' })
export class TalentAward extends NumberedRecord {
  @ReferenceColumn()
  socialWorkerId!: number;

  @Column({ type: 'varchar', length: 64 })
  @Field()
  programme!: string;

  @Column({ type: 'int' })
  @Field(() => Int)
  year!: number;

  @Column({ type: 'int' })
  @Field(() => Int)
  amountYuan!: number;
}

@Entity()
@ObjectType({ description: '社工职业资格考试: applicants per year, as reported (not counted from rows)' })
export class SocialWorkExamYear {
  @PrimaryColumn({ type: 'int' })
  @Field(() => Int)
  year!: number;

  @Column({ type: 'int' })
  @Field(() => Int)
  applicants!: number;

  @Column({ type: 'varchar', length: 128 })
  @Field({ description: 'where the figure was reported' })
  source!: string;
}

@Entity()
@ObjectType({ description: '持证记录: a certificate passed, with the reward the policy pays for it' })
export class CertificateRecord extends NumberedRecord {
  @ReferenceColumn()
  socialWorkerId!: number;

  @Column({ type: 'varchar', length: 16 })
  @Field(() => SocialWorkerLevel)
  level!: SocialWorkerLevel;

  @Column({ type: 'int' })
  @Field(() => Int)
  year!: number;

  @Column({ type: 'int' })
  @Field(() => Int, { description: 'reward due under the policy row for this level' })
  rewardYuan!: number;
}
