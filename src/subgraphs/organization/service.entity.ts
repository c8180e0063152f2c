import { Directive, Field, Int, ObjectType } from 'type-graphql';
import { Column, Entity } from 'typeorm';
import {
  DescriptionColumn,
  NamedRecord,
  ReferenceColumn,
  RegionCodeColumn,
  ServiceCategoryColumn,
} from '../../graphql/entity-columns';
import { ServiceCategory } from '../../graphql/service-category';
import { Searchable } from '../../db/search-index';

@Searchable({ kind: 'service', fields: ['name', 'description', 'schedule'], category: 'category' })
@Entity()
@ObjectType({ description: '服务: what an organisation offers residents, where and when' })
@Directive('@key(fields: "id")')
export class Service extends NamedRecord {
  @ServiceCategoryColumn()
  category!: ServiceCategory;

  @DescriptionColumn()
  description!: string | null;

  @ReferenceColumn()
  providerId!: number;

  @RegionCodeColumn()
  regionId!: string;

  @ReferenceColumn({ nullable: true })
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
