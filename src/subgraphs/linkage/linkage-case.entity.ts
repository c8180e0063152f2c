import { Directive, Field, Float, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, Index } from 'typeorm';
import { NumberedRecord, ReferenceColumn } from '../../graphql/entity-columns';

export enum Society {
  COMMUNITY = 'COMMUNITY',
  ORGANIZATION = 'ORGANIZATION',
  SOCIAL_WORKER = 'SOCIAL_WORKER',
  VOLUNTEER = 'VOLUNTEER',
  CHARITY = 'CHARITY',
}
registerEnumType(Society, {
  name: 'Society',
  description: '五社: 社区 · 社会组织 · 社会工作者 · 社区志愿者 · 社会慈善资源',
});

/**
 * The entity that stands for each society when a linkage case or an assignment names one by id: a station for the
 * community (a contribution may also name the community itself by its code), a volunteer team for the volunteers.
 */
export const SOCIETY_ENTITY = {
  [Society.COMMUNITY]: 'ServiceStation',
  [Society.ORGANIZATION]: 'SocialOrganization',
  [Society.SOCIAL_WORKER]: 'SocialWorker',
  [Society.VOLUNTEER]: 'VolunteerTeam',
  [Society.CHARITY]: 'CharityResource',
} as const satisfies Record<Society, string>;

@Entity()
@ObjectType({ description: '联动案例: the societies brought together for one need' })
@Directive('@key(fields: "id")')
export class LinkageCase extends NumberedRecord {
  @Index({ unique: true })
  @Column({ type: 'int' })
  needId!: number;

  @Column({ type: Date })
  @Field()
  openedAt!: Date;
}

@Entity()
@ObjectType({ description: "one society's part in a linkage case" })
export class LinkageContribution extends NumberedRecord {
  @ReferenceColumn()
  caseId!: number;

  @Column({ type: 'varchar', length: 16 })
  @Field(() => Society)
  society!: Society;

  @Column({ type: 'varchar', length: 32 })
  @Field({ description: 'id of the station, organisation, social worker, volunteer team or resource' })
  referenceId!: string;

  @Column({ type: 'varchar', length: 255 })
  @Field()
  description!: string;

  @Column({ type: 'int', default: 0 })
  halfHours!: number;

  @Field(() => Float)
  get hours(): number {
    return this.halfHours / 2;
  }
}
