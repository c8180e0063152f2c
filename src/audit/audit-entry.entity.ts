import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export enum AuditKind {
  /** A mutation that committed; written in its own transaction. */
  MUTATION = 'MUTATION',
  /** A refused mutation (outcome = the error code), or the counter of an address's further refusals. */
  REFUSAL = 'REFUSAL',
  /** A read of personal data: who saw which fields of which record. */
  READ = 'READ',
}
registerEnumType(AuditKind, { name: 'AuditKind', description: '变更 · 拒绝 · 个人信息查阅' });

/**
 * One audited event: a committed mutation, a refused one, or a read of personal data. The table lives in every
 * subgraph's database, because each subgraph writes the rows of what it does.
 */
@Entity()
@ObjectType({ description: '审计日志: every mutation, every refusal (compactly) and every read of personal data' })
export class AuditEntry {
  @PrimaryGeneratedColumn()
  @Field(() => ID)
  id!: number;

  @Index()
  @Column({ type: Date })
  @Field()
  at!: Date;

  @Index()
  @Column({ type: 'varchar', length: 16, default: AuditKind.MUTATION })
  @Field(() => AuditKind)
  kind!: AuditKind;

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
  @Field({ description: 'the mutation field (acceptNeed), or the fields read (Resident.name,phone)' })
  operation!: string;

  @Column({ type: 'varchar', length: 255 })
  @Field({ description: 'ids named in the arguments and the id returned, e.g. id=12 → 41' })
  target!: string;

  @Index()
  @Column({ type: 'varchar', length: 64, nullable: true })
  @Field(() => String, { nullable: true, description: 'the personal record read, e.g. Resident:12' })
  record!: string | null;

  @Column({ type: 'varchar', length: 64 })
  @Field({ description: 'OK, or the error code' })
  outcome!: string;

  @Column({ type: 'int', default: 1 })
  @Field(() => Int, {
    description: 'how many refusals this row stands for (refused fields, or a caller over its limit)',
  })
  count!: number;

  @Column({ type: 'varchar', length: 64, nullable: true })
  @Field(() => String, { nullable: true })
  clientAddress!: string | null;
}
