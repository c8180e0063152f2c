import { Field, Float, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { ReferenceColumn } from '../../graphql/entity-columns';
import { resourceListEntryType } from '../../federation/resource-list';
import { ServiceCategory } from '../../graphql/service-category';
import { ProjectRound, ProjectStatus } from './project.entity';

/** 需求清单 row: a region's needs of one category. */
@ObjectType()
export class NeedListEntry {
  @Field(() => ServiceCategory)
  category!: ServiceCategory;

  @Field(() => Int, { description: 'submitted, accepted, matched or in service' })
  open!: number;

  @Field(() => Int, { description: 'resolved or closed' })
  resolved!: number;

  @Field(() => Int, { description: 'open for more than 30 days' })
  unmetOver30Days!: number;
}

/** 资源清单 rows are listed here; each society adds its column in its own subgraph. */
export const LinkageResourceListEntry = resourceListEntryType(
  '资源清单: what a region has for one category, from all five societies',
);

/** 项目清单 row: a region's projects of one round in one state. */
@ObjectType()
export class ProjectListEntry {
  @Field(() => ProjectRound)
  round!: ProjectRound;

  @Field(() => ProjectStatus)
  status!: ProjectStatus;

  @Field(() => Int)
  count!: number;
}

@ObjectType({ description: 'a category ranked for the next project round' })
export class UnmetCategory {
  @Field(() => ServiceCategory)
  category!: ServiceCategory;

  @Field(() => Int)
  unmetOver30Days!: number;

  @Field(() => Int)
  open!: number;

  @Field(() => Float, { description: 'unmet over 30 days count twice, other open needs once' })
  priority!: number;
}

@ObjectType({ description: '联动指数: how well the societies answer needs in a region' })
export class LinkageIndex {
  @Field(() => Int)
  needsResolved!: number;

  @Field(() => Float, {
    nullable: true,
    description: 'share of resolved needs with three or more societies taking part',
  })
  shareWithThreeOrMoreSocieties!: number | null;

  @Field(() => Float, { nullable: true, description: 'median days from submitted to resolved' })
  medianDaysToResolve!: number | null;

  @Field(() => Float, { nullable: true, description: 'average resident rating, 1-5' })
  averageRating!: number | null;
}

/** A project application citing a need it answers: the trace need → project → service → feedback. */
@Entity()
@Index(['projectId', 'needId'], { unique: true })
export class ProjectNeedCitation {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'int' })
  projectId!: number;

  @ReferenceColumn()
  needId!: number;
}

/** A service a project delivers through. */
@Entity()
@Index(['projectId', 'serviceId'], { unique: true })
export class ProjectService {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'int' })
  projectId!: number;

  @Column({ type: 'int' })
  serviceId!: number;
}
