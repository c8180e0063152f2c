import { Searchable } from '../../db/search-index';
import { Directive, Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import {
  DescriptionColumn,
  NamedRecord,
  PublicPhoneColumn,
  ReferenceColumn,
  RegionCodeColumn,
} from '../../graphql/entity-columns';

export enum StationKind {
  INCUBATION_CENTER = 'INCUBATION_CENTER',
  SOCIAL_WORK_STATION = 'SOCIAL_WORK_STATION',
  SOCIAL_WORK_ROOM = 'SOCIAL_WORK_ROOM',
  PARTY_MASS_CENTER = 'PARTY_MASS_CENTER',
  ELDERLY_STATION = 'ELDERLY_STATION',
  CHILDREN_STATION = 'CHILDREN_STATION',
}
registerEnumType(StationKind, {
  name: 'StationKind',
  description: '孵化中心 · 社工站 · 社工室 · 党群服务中心 · 为老服务站 · 儿童服务站',
});

@Searchable({ kind: 'station', fields: ['name', 'address', 'description'] })
@Entity()
@ObjectType({ description: '服务阵地: a place where the societies serve residents' })
@Directive('@key(fields: "id")')
export class ServiceStation extends NamedRecord {
  @Index()
  @Column({ type: 'varchar', length: 32 })
  @Field(() => StationKind)
  kind!: StationKind;

  @RegionCodeColumn()
  @Field(() => ID)
  regionId!: string;

  @Column({ type: 'varchar', length: 255, default: '' })
  @Field({ description: '地址: where residents find the station (empty when unknown)' })
  address!: string;

  @PublicPhoneColumn()
  publicPhone!: string | null;

  @DescriptionColumn()
  description!: string | null;

  @Column({ type: 'int', nullable: true })
  @Field(() => Int, { nullable: true, description: '投入 (元)' })
  investmentYuan!: number | null;

  @Column({ type: 'int', nullable: true })
  @Field(() => Float, { nullable: true, description: '占地 (m²)' })
  floorAreaM2!: number | null;

  @Column({ type: 'int', nullable: true })
  @Field(() => Int, { nullable: true })
  openedYear!: number | null;
}

/** One entry of a station's service log; servedPersonTimes is their sum. */
@Entity()
export class StationServiceRecord {
  @PrimaryGeneratedColumn()
  id!: number;

  @ReferenceColumn()
  stationId!: number;

  @Column({ type: 'varchar', length: 10 })
  servedOn!: string;

  @Column({ type: 'int' })
  personTimes!: number;

  @Column({ type: 'varchar', length: 128, default: '' })
  activity!: string;
}
