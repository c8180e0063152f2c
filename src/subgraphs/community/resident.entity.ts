import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity } from 'typeorm';
import { NumberedRecord, RegionCodeColumn } from '../../graphql/entity-columns';

export enum ResidentTag {
  DISABILITY = 'DISABILITY',
  LOW_INCOME = 'LOW_INCOME',
  CHILDREN = 'CHILDREN',
  ELDERLY_ALONE = 'ELDERLY_ALONE',
  LEFT_BEHIND_CHILD = 'LEFT_BEHIND_CHILD',
}
registerEnumType(ResidentTag, {
  name: 'ResidentTag',
  description: '残疾 · 低保 · 有未成年子女 · 独居老人 · 留守儿童 (sensitive)',
});

/** A resident known to the community. Personal data: staff of the resident's region only. */
@Entity()
@ObjectType({ description: '居民 (staff of the region only; phone masked)' })
export class Resident extends NumberedRecord {
  /** Personal data: resolved by ResidentResolver, which records each read. */
  @Column({ type: 'varchar', length: 32 })
  name!: string;

  @RegionCodeColumn()
  @Field(() => ID)
  regionId!: string;

  /** AES-256-GCM sealed phone number; only its masked form is ever shown. */
  @Column({ type: 'varchar', length: 128, nullable: true })
  phoneSealed!: string | null;

  /** Id of the data key that sealed phoneSealed (`wushe rekey` re-seals under a new one). */
  @Column({ type: 'varchar', length: 16, nullable: true })
  phoneKeyId!: string | null;

  /** Shown as `phone` (masked) by ResidentResolver, which records each read. */
  @Column({ type: 'varchar', length: 11, nullable: true })
  phoneMasked!: string | null;

  @Column({ type: Date, nullable: true })
  @Field(() => Date, { nullable: true, description: 'when the resident agreed to contact details being stored' })
  consentAt!: Date | null;

  /** Comma-separated ResidentTag values. */
  @Column({ type: 'varchar', length: 255, default: '' })
  tagList!: string;

  @Column({ type: Date })
  @Field()
  registeredAt!: Date;
}
