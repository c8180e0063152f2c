import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { HubContext } from '../../graphql/context';
import { reference } from '../../federation/references';
import { Connection, PageArgs } from '../../graphql/pagination';
import { AccountFilter, CreateAccountInput, SignInInput, UpdateAccountInput } from './account.inputs';
import {
  Account,
  AccountOrganizationReference,
  AccountRegionReference,
  CreatedAccount,
  PasswordResetCode,
  SignInResult,
  TotpSetup,
  Viewer,
} from './account.types';
import {
  createAccount,
  getAccount,
  issuePasswordReset,
  listAccounts,
  resetAccountTotp,
  setAccountDisabled,
  updateAccount,
} from './account.service';
import {
  beginTotpEnrollment,
  changePassword,
  confirmTotpEnrollment,
  resetPassword,
  signIn,
  signOut,
  signOutEverywhere,
} from './sign-in.service';
import { viewerOf } from './viewer.service';

export const AccountConnection = Connection(Account, 'Account');

@Resolver(() => Viewer)
export class ViewerResolver {
  @Query(() => Viewer, { description: 'who is asking (any caller; PUBLIC when anonymous)' })
  viewer(@Ctx() context: HubContext): Promise<Viewer> {
    return viewerOf(context);
  }
}

@Resolver(() => SignInResult)
export class SignInResolver {
  @Mutation(() => SignInResult, {
    description: 'sets the HttpOnly session cookie when SIGNED_IN; wrong tries count towards a lockout',
  })
  signIn(@Arg('input', () => SignInInput) input: SignInInput, @Ctx() context: HubContext) {
    return signIn(context, input);
  }

  @Mutation(() => Boolean, { description: 'ends this session and clears its cookie' })
  signOut(@Ctx() context: HubContext) {
    return signOut(context);
  }

  @Mutation(() => Boolean, { description: 'ends every session of the signed-in account' })
  signOutEverywhere(@Ctx() context: HubContext) {
    return signOutEverywhere(context);
  }

  @Mutation(() => Boolean, { description: 'the signed-in account; its other sessions end' })
  changePassword(
    @Arg('currentPassword') currentPassword: string,
    @Arg('newPassword') newPassword: string,
    @Ctx() context: HubContext,
  ) {
    return changePassword(context, currentPassword, newPassword);
  }

  @Mutation(() => Boolean, { description: 'public: a one-time setup or reset code becomes a password' })
  resetPassword(
    @Arg('username') username: string,
    @Arg('code') code: string,
    @Arg('newPassword') newPassword: string,
    @Ctx() context: HubContext,
  ) {
    return resetPassword(context, username, code, newPassword);
  }

  @Mutation(() => TotpSetup, { description: 'the signed-in account: a pending TOTP secret to confirm' })
  beginTotpEnrollment(@Ctx() context: HubContext) {
    return beginTotpEnrollment(context);
  }

  @Mutation(() => Viewer, { description: 'a code from the pending secret turns TOTP on' })
  confirmTotpEnrollment(@Arg('code') code: string, @Ctx() context: HubContext) {
    return confirmTotpEnrollment(context, code);
  }
}

@Resolver(() => Account)
export class AccountResolver {
  @Query(() => Account, { nullable: true, description: 'ADMIN only' })
  account(@Arg('id', () => ID) id: string, @Ctx() context: HubContext) {
    return getAccount(context, id);
  }

  @Query(() => AccountConnection, { description: 'ADMIN only' })
  accounts(
    @Arg('filter', () => AccountFilter, { nullable: true }) filter: AccountFilter | undefined,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() context: HubContext,
  ) {
    return listAccounts(context, filter, page);
  }

  @Mutation(() => CreatedAccount, { description: 'ADMIN: a new account and its one-time setup code' })
  createAccount(@Arg('input', () => CreateAccountInput) input: CreateAccountInput, @Ctx() context: HubContext) {
    return createAccount(context, input);
  }

  @Mutation(() => Account, { description: 'ADMIN; a new role ends the account’s sessions' })
  updateAccount(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdateAccountInput) input: UpdateAccountInput,
    @Ctx() context: HubContext,
  ) {
    return updateAccount(context, id, input);
  }

  @Mutation(() => Account, { description: 'ADMIN; disabling ends the account’s sessions' })
  setAccountDisabled(@Arg('id', () => ID) id: string, @Arg('disabled') disabled: boolean, @Ctx() context: HubContext) {
    return setAccountDisabled(context, id, disabled);
  }

  @Mutation(() => PasswordResetCode, { description: 'ADMIN: a one-time reset code; the account’s sessions end' })
  issuePasswordReset(@Arg('id', () => ID) id: string, @Ctx() context: HubContext) {
    return issuePasswordReset(context, id);
  }

  @Mutation(() => Account, { description: 'ADMIN: turns the account’s TOTP off; its sessions end' })
  resetAccountTotp(@Arg('id', () => ID) id: string, @Ctx() context: HubContext) {
    return resetAccountTotp(context, id);
  }

  @FieldResolver(() => AccountRegionReference, { nullable: true })
  region(@Root() account: Account) {
    return reference(account.regionId);
  }

  @FieldResolver(() => ID, { nullable: true, description: 'ORG: the organisation the account acts for' })
  organizationId(@Root() account: Account) {
    return account.organizationId === null ? null : String(account.organizationId);
  }

  @FieldResolver(() => AccountOrganizationReference, { nullable: true })
  organization(@Root() account: Account) {
    return reference(account.organizationId);
  }
}
