import { Directive, Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { ServiceCategory } from '../../graphql/service-category';

export enum CharityResourceKind {
  FUNDS = 'FUNDS',
  GOODS = 'GOODS',
  VENUE = 'VENUE',
  SERVICE = 'SERVICE',
}
registerEnumType(CharityResourceKind, { name: 'CharityResourceKind', description: '资金 · 物资 · 场地 · 服务' });

@Entity()
@ObjectType({ description: '社会慈善资源: money, goods, venues or services given for community work' })
@Directive('@key(fields: "id")')
export class CharityResource {
  @PrimaryGeneratedColumn()
  @Field(() => ID)
  id!: number;

  @Column({ type: 'varchar', length: 128 })
  @Field()
  name!: string;

  @Index()
  @Column({ type: 'varchar', length: 16 })
  @Field(() => CharityResourceKind)
  kind!: CharityResourceKind;

  @Column({ type: 'varchar', length: 128 })
  @Field({ description: 'who gave it' })
  donor!: string;

  @Index()
  @Column({ type: 'varchar', length: 12 })
  regionId!: string;

  @Index()
  @Column({ type: 'varchar', length: 32, nullable: true })
  @Field(() => ServiceCategory, { nullable: true, description: 'earmarked for this kind of need' })
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

  @Column({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true })
  description!: string | null;
}

@Entity()
@ObjectType({ description: '分配: part of a resource given to a need or a service project' })
export class Allocation {
  @PrimaryGeneratedColumn()
  @Field(() => ID)
  id!: number;

  @Index()
  @Column({ type: 'int' })
  resourceId!: number;

  @Index()
  @Column({ type: 'int', nullable: true })
  needId!: number | null;

  @Index()
  @Column({ type: 'int', nullable: true })
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
