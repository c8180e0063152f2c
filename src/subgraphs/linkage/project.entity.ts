import { Directive, Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, Index } from 'typeorm';
import { NamedRecord, NumberedRecord, ReferenceColumn, RegionCodeColumn } from '../../graphql/entity-columns';
import { Searchable } from '../../db/search-index';

export enum ProjectCategory {
  CARE_WOMEN_CHILDREN = 'CARE_WOMEN_CHILDREN',
  ELDERLY_HARDSHIP = 'ELDERLY_HARDSHIP',
  COMMUNITY_SELF_GOVERNANCE = 'COMMUNITY_SELF_GOVERNANCE',
  NEIGHBORHOOD_GOVERNANCE = 'NEIGHBORHOOD_GOVERNANCE',
  STORYTELLING = 'STORYTELLING',
}
registerEnumType(ProjectCategory, {
  name: 'ProjectCategory',
  description: '关爱妇儿 · 助老济困 · 社区自治 · 小区治理 · 讲好玉溪故事',
});

export enum ProjectStatus {
  SUBMITTED = 'SUBMITTED',
  UNDER_REVIEW = 'UNDER_REVIEW',
  APPROVED = 'APPROVED',
  REJECTED = 'REJECTED',
  IN_PROGRESS = 'IN_PROGRESS',
  COMPLETED = 'COMPLETED',
}
registerEnumType(ProjectStatus, { name: 'ProjectStatus' });

/** A project counts as funded once approved, whatever happened after. */
export const FUNDED_PROJECT_STATUSES = [ProjectStatus.APPROVED, ProjectStatus.IN_PROGRESS, ProjectStatus.COMPLETED];

@Entity()
@ObjectType({ description: '政府购买服务项目申报轮次' })
@Directive('@key(fields: "id")')
export class ProjectRound extends NamedRecord {
  @Column({ type: 'varchar', length: 64 })
  @Field({ description: 'the buyer, e.g. 市委组织部' })
  sponsor!: string;

  @Column({ type: 'varchar', length: 10 })
  @Field()
  openedOn!: string;

  @Column({ type: 'int' })
  @Field(() => Int, { description: 'projects the round may fund' })
  quota!: number;
}

@Searchable({ kind: 'project', fields: ['title', 'summary'] })
@Entity()
@ObjectType({ description: '服务项目: an application in a round, and the project it becomes if funded' })
@Directive('@key(fields: "id")')
export class ServiceProject extends NumberedRecord {
  @ReferenceColumn()
  roundId!: number;

  @Column({ type: 'varchar', length: 128 })
  @Field()
  title!: string;

  @Index()
  @Column({ type: 'varchar', length: 32 })
  @Field(() => ProjectCategory)
  category!: ProjectCategory;

  @Index()
  @Column({ type: 'varchar', length: 16, default: ProjectStatus.SUBMITTED })
  @Field(() => ProjectStatus)
  status!: ProjectStatus;

  @ReferenceColumn()
  applicantId!: number;

  @Column({ type: 'int', nullable: true })
  stationId!: number | null;

  @RegionCodeColumn()
  regionId!: string;

  @Column({ type: 'float', nullable: true })
  @Field(() => Float, { nullable: true, description: 'review score, 0-100' })
  score!: number | null;

  @Column({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true })
  summary!: string | null;

  @Column({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'evaluation when completed' })
  evaluation!: string | null;
}
