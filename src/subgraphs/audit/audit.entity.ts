import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** One mutation attempt: who, as what, did what to which target, when, and how it ended. */
@Entity()
@ObjectType({ description: '审计日志: every mutation, by anyone' })
export class AuditEntry {
  @PrimaryGeneratedColumn()
  @Field(() => ID)
  id!: number;

  @Index()
  @Column({ type: 'datetime' })
  @Field()
  at!: Date;

  @Column({ type: 'varchar', length: 64 })
  @Field()
  requestId!: string;

  @Index()
  @Column({ type: 'varchar', length: 128 })
  @Field({ description: 'token subject, or anonymous' })
  subject!: string;

  @Column({ type: 'varchar', length: 16 })
  @Field()
  role!: string;

  @Column({ type: 'varchar', length: 12, nullable: true })
  @Field(() => String, { nullable: true })
  regionId!: string | null;

  @Index()
  @Column({ type: 'varchar', length: 64 })
  @Field({ description: 'the mutation field, e.g. acceptNeed' })
  operation!: string;

  @Column({ type: 'varchar', length: 255 })
  @Field({ description: 'ids named in the arguments and the id returned, e.g. id=12' })
  target!: string;

  @Column({ type: 'varchar', length: 64 })
  @Field({ description: 'OK, or the error code' })
  outcome!: string;

  @Column({ type: 'varchar', length: 64, nullable: true })
  @Field(() => String, { nullable: true })
  clientAddress!: string | null;
}
