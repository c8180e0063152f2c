import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Role } from '../../auth/identity';
import { referenceType, type EntityReference } from '../../federation/references';

registerEnumType(Role, {
  name: 'Role',
  description: '调用者的角色: ADMIN 管理员 · STAFF 工作人员 · ORG 社会组织 · BOT 机器人 · PUBLIC 公众',
});

export const AccountRegionReference = referenceType('Region');

/** Who the caller is, for a client to decide what to show: the request's identity and, for a session, its account. */
@ObjectType({ description: '当前调用者 (the caller: PUBLIC when anonymous)' })
export class Viewer {
  @Field(() => Role)
  role!: Role;

  @Field({ description: 'the account name, or the token subject' })
  subject!: string;

  @Field(() => String, { nullable: true })
  displayName!: string | null;

  @Field(() => ID, { nullable: true, description: 'the region subtree a STAFF (or BOT) acts in' })
  regionId!: string | null;

  @Field(() => AccountRegionReference, { nullable: true })
  region!: EntityReference | null;

  @Field(() => ID, { nullable: true, description: 'the organisation an ORG acts for' })
  organizationId!: string | null;

  @Field(() => ID, { nullable: true, description: 'the account of a signed-in session; null for a token' })
  accountId!: string | null;

  @Field({ description: 'whether the account signs in with a TOTP second factor' })
  totpEnabled!: boolean;

  @Field(() => Date, { nullable: true, description: 'when the session ends at the latest (absolute expiry)' })
  sessionExpiresAt!: Date | null;
}
