import { Directive, Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, Index } from 'typeorm';
import {
  DescriptionColumn,
  NamedRecord,
  PublicPhoneColumn,
  RegionCodeColumn,
  ServiceCategoryColumn,
} from '../../graphql/entity-columns';
import { ServiceCategory } from '../../graphql/service-category';
import { Searchable } from '../../db/search-index';

export enum OrganizationKind {
  SOCIAL_WORK_AGENCY = 'SOCIAL_WORK_AGENCY',
  CHARITY = 'CHARITY',
  COMMUNITY_ORG = 'COMMUNITY_ORG',
  VOLUNTEER_ASSOCIATION = 'VOLUNTEER_ASSOCIATION',
  OTHER = 'OTHER',
}
registerEnumType(OrganizationKind, {
  name: 'OrganizationKind',
  description: '社工机构 · 公益慈善类 · 社区社会组织 · 志愿服务组织 · 其他',
});

export enum OrganizationStatus {
  ACTIVE = 'ACTIVE',
  SUSPENDED = 'SUSPENDED',
  DEREGISTERED = 'DEREGISTERED',
}
registerEnumType(OrganizationStatus, { name: 'OrganizationStatus', description: '正常 · 暂停活动 · 已注销' });

@Searchable({ kind: 'organization', fields: ['name', 'description'], category: 'category' })
@Entity()
@ObjectType({ description: '社会组织' })
@Directive('@key(fields: "id")')
export class SocialOrganization extends NamedRecord {
  @Index()
  @Column({ type: 'varchar', length: 32 })
  @Field(() => OrganizationKind)
  kind!: OrganizationKind;

  @Index({ unique: true })
  @Column({ type: 'varchar', length: 18 })
  @Field({ description: '统一社会信用代码 (GB 32100-2015, checksum verified)' })
  creditCode!: string;

  @Column({ type: 'varchar', length: 16, default: OrganizationStatus.ACTIVE })
  @Field(() => OrganizationStatus)
  status!: OrganizationStatus;

  @RegionCodeColumn()
  regionId!: string;

  @ServiceCategoryColumn({ description: 'main field of service' })
  category!: ServiceCategory;

  @Column({ type: 'boolean', default: false })
  @Field({ description: 'has a party branch (党支部)' })
  partyBranch!: boolean;

  @Column({ type: 'int', nullable: true })
  @Field(() => Int, { nullable: true })
  foundedYear!: number | null;

  @DescriptionColumn()
  description!: string | null;

  @PublicPhoneColumn()
  publicPhone!: string | null;

  @Column({ type: 'varchar', length: 255, default: '' })
  @Field({ description: '办公地址: where the organisation receives the public (empty when unknown)' })
  address!: string;
}
