import { Directive, Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { RegionCodeColumn } from '../../graphql/entity-columns';
import { Searchable } from '../../db/search-index';

export enum RegionLevel {
  CITY = 'CITY',
  COUNTY = 'COUNTY',
  TOWNSHIP = 'TOWNSHIP',
  COMMUNITY = 'COMMUNITY',
}
registerEnumType(RegionLevel, { name: 'RegionLevel', description: '市 · 县(市、区) · 乡镇街道 · 社区/村' });

@Searchable({ kind: 'region', fields: ['name'] })
@Entity()
@ObjectType({ description: '行政区划 — identified by its 12-digit statistical division code' })
@Directive('@key(fields: "id")')
export class Region {
  @PrimaryColumn({ type: 'varchar', length: 12 })
  @Field(() => ID, { description: '统计用区划代码, e.g. 530402000000 for 红塔区' })
  id!: string;

  @Column({ type: 'varchar', length: 64 })
  @Field()
  name!: string;

  @Index()
  @Column({ type: 'varchar', length: 16 })
  @Field(() => RegionLevel)
  level!: RegionLevel;

  @Column({ type: 'varchar', length: 8 })
  @Field({ description: '市, 区, 县, 街道, 镇, 乡, 社区 or 村' })
  kind!: string;

  @RegionCodeColumn({ nullable: true })
  @Field(() => ID, { nullable: true })
  parentId!: string | null;

  /** Residents counted in this unit and in none of its children (census figures live on the leaves). */
  @Column({ type: 'int', default: 0 })
  ownPopulation!: number;
}

@ObjectType({ description: '一中心一站一室: how far the station network reaches inside a region' })
export class StationCoverage {
  @Field(() => Int)
  counties!: number;

  @Field(() => Int, { description: 'counties with a social-organisation incubation centre (一中心)' })
  countiesWithIncubationCenter!: number;

  @Field(() => Int)
  townships!: number;

  @Field(() => Int, { description: 'townships with a social-work station (一站)' })
  townshipsWithSocialWorkStation!: number;

  @Field(() => Int)
  communities!: number;

  @Field(() => Int, { description: 'communities with a social-work room (一室)' })
  communitiesWithSocialWorkRoom!: number;

  @Field({ description: 'every unit in the region has its centre, station or room' })
  complete!: boolean;
}
