import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { ServiceCategory } from '../../graphql/service-category';

@Entity()
@ObjectType({ description: '服务: what an organisation offers residents, where and when' })
@Directive('@key(fields: "id")')
export class Service {
  @PrimaryGeneratedColumn()
  @Field(() => ID)
  id!: number;

  @Column({ type: 'varchar', length: 128 })
  @Field()
  name!: string;

  @Index()
  @Column({ type: 'varchar', length: 32 })
  @Field(() => ServiceCategory)
  category!: ServiceCategory;

  @Column({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true })
  description!: string | null;

  @Index()
  @Column({ type: 'int' })
  providerId!: number;

  @Index()
  @Column({ type: 'varchar', length: 12 })
  regionId!: string;

  @Index()
  @Column({ type: 'int', nullable: true })
  stationId!: number | null;

  @Column({ type: 'varchar', length: 128, default: '' })
  @Field({ description: 'e.g. 周一至周五 19:00-21:00' })
  schedule!: string;

  @Column({ type: 'int', nullable: true })
  @Field(() => Int, { nullable: true, description: 'people served at once' })
  capacity!: number | null;

  @Column({ type: 'boolean', default: true })
  @Field()
  active!: boolean;
}
