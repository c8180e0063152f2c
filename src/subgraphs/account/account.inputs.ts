import { Length, Matches, MaxLength } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { AccountRole } from '../../auth/account.entity';

@InputType()
export class SignInInput {
  @Field()
  @MaxLength(64)
  username!: string;

  @Field()
  @MaxLength(256)
  password!: string;

  @Field({ nullable: true, description: '6-digit TOTP code, when the account has (or is enrolling) a second factor' })
  @MaxLength(16)
  totpCode?: string;
}

@InputType()
export class CreateAccountInput {
  @Field({ description: '3–32 of a-z 0-9 . _ -, starting with a letter or digit' })
  @MaxLength(64)
  username!: string;

  @Field({ nullable: true, description: 'defaults to the username' })
  @Length(1, 64)
  displayName?: string;

  @Field(() => AccountRole)
  role!: AccountRole;

  @Field(() => ID, { nullable: true, description: 'STAFF: the region (a division code on record)' })
  @Matches(/^\d{12}$/)
  regionId?: string;

  @Field(() => ID, { nullable: true, description: 'ORG: the organisation' })
  organizationId?: string;
}

@InputType()
export class UpdateAccountInput {
  @Field({ nullable: true })
  @Length(1, 64)
  displayName?: string;

  @Field(() => AccountRole, { nullable: true, description: 'a new role ends the account’s sessions' })
  role?: AccountRole;

  @Field(() => ID, { nullable: true, description: 'STAFF: the new region' })
  @Matches(/^\d{12}$/)
  regionId?: string;

  @Field(() => ID, { nullable: true, description: 'ORG: the new organisation' })
  organizationId?: string;
}

@InputType()
export class AccountFilter {
  @Field(() => AccountRole, { nullable: true })
  role?: AccountRole;

  @Field(() => ID, { nullable: true, description: 'accounts whose region lies in this subtree' })
  regionId?: string;

  @Field({ nullable: true, description: 'words in the username or display name' })
  search?: string;

  @Field({ nullable: true, description: 'true: disabled accounts only; false: enabled ones only' })
  disabled?: boolean;
}
