import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { Role } from './identity';

registerEnumType(Role, {
  name: 'Role',
  description: '调用者的角色: ADMIN 管理员 · STAFF 工作人员 · ORG 社会组织 · BOT 机器人 · PUBLIC 公众',
});

/** The roles a person's account may hold; BOT and PUBLIC are never accounts. */
export enum AccountRole {
  ADMIN = 'ADMIN',
  STAFF = 'STAFF',
  ORG = 'ORG',
}
registerEnumType(AccountRole, {
  name: 'AccountRole',
  description: '账号角色: ADMIN 管理员 · STAFF 工作人员 · ORG 社会组织',
});

/**
 * A person who signs in to the console. Its role and scope are read afresh on every request of its sessions, so a
 * change takes effect at once. Hashes, codes and secrets are columns only, never fields.
 */
@Entity()
@ObjectType({ description: '账号 (a person who signs in: ADMIN, STAFF of a region, or ORG of an organisation)' })
export class Account {
  @PrimaryGeneratedColumn()
  @Field(() => ID)
  id!: number;

  @Index({ unique: true })
  @Column({ type: 'varchar', length: 32 })
  @Field({ description: 'sign-in name: lower-case letters, digits, . _ -' })
  username!: string;

  @Column({ type: 'varchar', length: 64 })
  @Field()
  displayName!: string;

  @Column({ type: 'varchar', length: 8 })
  @Field(() => AccountRole)
  role!: AccountRole;

  @Index()
  @Column({ type: 'varchar', length: 12, nullable: true })
  @Field(() => ID, { nullable: true, description: 'STAFF: the region subtree the account acts in' })
  regionId!: string | null;

  @Column({ type: 'int', nullable: true })
  organizationId!: number | null;

  @Column({ type: Date, nullable: true })
  @Field(() => Date, { nullable: true })
  disabledAt!: Date | null;

  /** `scrypt$N$r$p$salt$hash`; null until the setup code was turned into a password. */
  @Column({ type: 'varchar', length: 255, nullable: true })
  passwordHash!: string | null;

  /** Consecutive failed sign-ins (wrong password, TOTP or code) since the last success. */
  @Column({ type: 'int', default: 0 })
  @Field(() => Int, { description: 'consecutive failed sign-ins since the last success' })
  failedAttempts!: number;

  @Column({ type: Date, nullable: true })
  @Field(() => Date, { nullable: true, description: 'sign-in refused until then (lockout)' })
  lockedUntil!: Date | null;

  /** SHA-256 of the one-time setup or reset code, and when it stops working. */
  @Column({ type: 'varchar', length: 64, nullable: true })
  resetCodeHash!: string | null;

  @Column({ type: Date, nullable: true })
  resetCodeExpiresAt!: Date | null;

  /** The TOTP secret, sealed with the data key (`keyId` beside it), once enrolment was confirmed. */
  @Column({ type: 'varchar', length: 255, nullable: true })
  totpSecret!: string | null;

  /**
   * A secret handed out for enrolment, sealed likewise, until a code from it confirms it. Only an account without a
   * confirmed secret has one, so `totpKeyId` names the key of whichever of the two is set.
   */
  @Column({ type: 'varchar', length: 255, nullable: true })
  totpPendingSecret!: string | null;

  @Column({ type: 'varchar', length: 16, nullable: true })
  totpKeyId!: string | null;

  /** The last TOTP time step accepted: a code of that step or an earlier one is never accepted again. */
  @Column({
    type: 'bigint',
    nullable: true,
    transformer: { to: (v) => v, from: (v) => (v === null ? null : Number(v)) },
  })
  totpLastStep!: number | null;

  @Column({ type: Date })
  @Field()
  createdAt!: Date;

  @Field({ description: 'whether the account signs in with a TOTP second factor' })
  get totpEnabled(): boolean {
    return this.totpSecret !== null;
  }

  @Field({ description: 'whether a password was set (the setup code was used)' })
  get passwordSet(): boolean {
    return this.passwordHash !== null;
  }
}

/**
 * A signed-in browser. The cookie holds a random value; only its SHA-256 is stored, so the table cannot be
 * replayed as cookies.
 */
@Entity()
@Index(['accountId', 'revokedAt'])
export class AccountSession {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  id!: string;

  @Column({ type: 'int' })
  accountId!: number;

  @Column({ type: Date })
  createdAt!: Date;

  @Column({ type: Date })
  lastSeenAt!: Date;

  /** Absolute end, however active the session is. */
  @Column({ type: Date })
  expiresAt!: Date;

  @Column({ type: Date, nullable: true })
  revokedAt!: Date | null;
}
