import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { Connection } from '../../graphql/pagination';
import { Society } from './linkage-case.entity';
import { NeedStatus } from './need.entity';

export enum NeedEventKind {
  STATUS = 'STATUS',
  ASSIGNMENT = 'ASSIGNMENT',
}
registerEnumType(NeedEventKind, {
  name: 'NeedEventKind',
  description: '状态变更 · 指派 (a handler and/or an appointment)',
});

/** An assignment's handler kind besides the societies: a staff member's own account. */
export const ACCOUNT_HANDLER = 'ACCOUNT';
/** Who handles a need: the entity standing for a society (SOCIETY_ENTITY), or a STAFF account. */
export type HandlerKind = Society | typeof ACCOUNT_HANDLER;

/**
 * One change of a need: its status moved (submitted, accepted, …, rejected) or staff assigned who will come and
 * when. Written in the transaction that makes the change, so a need's history is complete; `seq` is taken from
 * the feed head as that transaction's last lock, so events commit in seq order and a reader paging by seq never
 * finds a lower seq appearing behind its cursor.
 */
@Entity()
@Index(['needId', 'seq'])
@ObjectType({ description: '需求动态: one status change or assignment of a need, in feed order' })
export class NeedEvent {
  @PrimaryColumn({ type: 'int' })
  @Field(() => Int, { description: 'position in the feed: strictly increasing in commit order, never reused' })
  seq!: number;

  /** Indexed with seq (below): a need's history is one index range, in order. */
  @Column({ type: 'int' })
  needId!: number;

  @Column({ type: 'varchar', length: 16 })
  @Field(() => NeedEventKind)
  kind!: NeedEventKind;

  @Column({ type: 'varchar', length: 16, nullable: true })
  @Field(() => NeedStatus, { nullable: true, description: 'null for the submission' })
  fromStatus!: NeedStatus | null;

  @Column({ type: 'varchar', length: 16 })
  @Field(() => NeedStatus, { description: 'the status after the change (unchanged by an assignment)' })
  toStatus!: NeedStatus;

  /** The token's subject: an operator's name, an organisation account, the bot (see NeedEventResolver.actor). */
  @Column({ type: 'varchar', length: 64 })
  actor!: string;

  @Column({ type: 'varchar', length: 255, nullable: true })
  @Field(() => String, { nullable: true, description: 'why it was rejected' })
  reason!: string | null;

  /** Assignments: the handler's society, or ACCOUNT (the column was named when only societies handled needs). */
  @Column({ name: 'handlerSociety', type: 'varchar', length: 16, nullable: true })
  handlerKind!: HandlerKind | null;

  /** Id of the station, organisation, social worker, volunteer team or account, resolved by its owner (handler* fields). */
  @Column({ type: 'varchar', length: 32, nullable: true })
  handlerReferenceId!: string | null;

  @Column({ type: Date, nullable: true })
  @Field(() => Date, { nullable: true, description: 'assignments: when the handler will come' })
  appointmentAt!: Date | null;

  @Column({ type: Date })
  @Field()
  at!: Date;
}

/**
 * The feed's single head row: the last seq given out. Every event takes its seq by an upsert on this row, the last
 * lock of its transaction, so events are numbered one transaction at a time, in commit order; no GraphQL type.
 */
@Entity()
export class NeedEventHead {
  @PrimaryColumn({ type: 'int' })
  id!: number;

  @Column({ type: 'int' })
  lastSeq!: number;
}

export const NeedEventConnection = Connection(NeedEvent, 'NeedEvent');
