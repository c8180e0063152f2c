import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Account, AccountRole } from '../../auth/account.entity';
import { Role } from '../../auth/identity';
import { referenceType, type EntityReference } from '../../federation/references';

export const AccountRegionReference = referenceType('Region');
export const AccountOrganizationReference = referenceType('SocialOrganization');

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

export enum SignInStatus {
  SIGNED_IN = 'SIGNED_IN',
  TOTP_REQUIRED = 'TOTP_REQUIRED',
  TOTP_ENROLLMENT_REQUIRED = 'TOTP_ENROLLMENT_REQUIRED',
}
registerEnumType(SignInStatus, {
  name: 'SignInStatus',
  description: 'SIGNED_IN 已登录 · TOTP_REQUIRED 需要动态验证码 · TOTP_ENROLLMENT_REQUIRED 需先绑定动态验证码',
});

@ObjectType({ description: '动态验证码 (TOTP) 绑定信息: enter the secret or scan the URI in an authenticator app' })
export class TotpSetup {
  @Field({ description: 'base32 secret' })
  secret!: string;

  @Field({ description: 'otpauth:// URI, for a QR code' })
  uri!: string;
}

@ObjectType({ description: '登录结果' })
export class SignInResult {
  @Field(() => SignInStatus)
  status!: SignInStatus;

  @Field(() => Viewer, { nullable: true, description: 'SIGNED_IN only' })
  viewer!: Viewer | null;

  @Field(() => TotpSetup, { nullable: true, description: 'TOTP_ENROLLMENT_REQUIRED only' })
  totpSetup!: TotpSetup | null;
}

/** A one-time code for an account; `id` is the account's, for the audit row only. */
interface IssuedCode {
  id: number;
  account: Account;
  expiresAt: Date;
}

@ObjectType({
  description: '新建的账号及其一次性设置码 (the new user turns the code into a password with resetPassword)',
})
export class CreatedAccount implements IssuedCode {
  id!: number;

  @Field(() => Account)
  account!: Account;

  @Field({ description: 'one-time code, shown once' })
  setupCode!: string;

  @Field()
  expiresAt!: Date;
}

@ObjectType({ description: '密码重置码 (one-time, for resetPassword)' })
export class PasswordResetCode implements IssuedCode {
  id!: number;

  @Field(() => Account)
  account!: Account;

  @Field({ description: 'one-time code, shown once' })
  code!: string;

  @Field()
  expiresAt!: Date;
}

export { Account, AccountRole };
