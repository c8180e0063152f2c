import { Directive, Field, Int, ObjectType, registerEnumType } from 'type-graphql';
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
import { Searchable } from '../../db/search-index';

export enum CharityResourceKind {
  FUNDS = 'FUNDS',
  GOODS = 'GOODS',
  VENUE = 'VENUE',
  SERVICE = 'SERVICE',
}
registerEnumType(CharityResourceKind, { name: 'CharityResourceKind', description: '资金 · 物资 · 场地 · 服务' });

@Searchable({ kind: 'charity_resource', fields: ['name', 'donor', 'description'], category: 'category' })
@Entity()
@ObjectType({ description: '社会慈善资源: money, goods, venues or services given for community work' })
@Directive('@key(fields: "id")')
export class CharityResource extends NamedRecord {
  @Index()
  @Column({ type: 'varchar', length: 16 })
  @Field(() => CharityResourceKind)
  kind!: CharityResourceKind;

  @Column({ type: 'varchar', length: 128 })
  @Field({ description: 'who gave it' })
  donor!: string;

  @RegionCodeColumn()
  regionId!: string;

  @ServiceCategoryColumn({ nullable: true, description: 'earmarked for this kind of need' })
  category!: ServiceCategory | null;

  @Column({ type: 'int' })
  @Field(() => Int, { description: 'in `unit`: 元 for funds' })
  amount!: number;

  @Column({ type: 'varchar', length: 16 })
  @Field()
  unit!: string;

  @Column({ type: 'varchar', length: 10 })
  @Field()
  receivedOn!: string;

  @DescriptionColumn()
  description!: string | null;
}

@Entity()
@ObjectType({ description: '分配: part of a resource given to a need or a service project' })
export class Allocation extends NumberedRecord {
  @ReferenceColumn()
  resourceId!: number;

  @ReferenceColumn({ nullable: true })
  needId!: number | null;

  @ReferenceColumn({ nullable: true })
  projectId!: number | null;

  @Column({ type: 'int' })
  @Field(() => Int)
  amount!: number;

  @Column({ type: 'varchar', length: 10 })
  @Field()
  allocatedOn!: string;

  @Column({ type: 'varchar', length: 255, default: '' })
  @Field()
  note!: string;
}
