/** Who is asking. Built at the HTTP edge from a verified token; anonymous callers are PUBLIC. */
export enum Role {
  ADMIN = 'ADMIN',
  STAFF = 'STAFF',
  ORG = 'ORG',
  BOT = 'BOT',
  PUBLIC = 'PUBLIC',
}

export interface Identity {
  role: Role;
  /** Token subject: an operator's name, an organisation account, the bot account. */
  subject: string;
  /** The region subtree a STAFF (or BOT) token may act in; ADMIN acts city-wide. */
  regionId?: string;
  /** The organisation an ORG token acts for. */
  organizationId?: number;
  /** The account of a signed-in session (its subject is the username); absent for tokens. */
  accountId?: number;
}

export const PUBLIC_IDENTITY: Identity = Object.freeze({ role: Role.PUBLIC, subject: 'anonymous' });

export const TOKEN_ROLES = [Role.ADMIN, Role.STAFF, Role.ORG, Role.BOT] as const;
