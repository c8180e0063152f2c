import { Field, InputType } from 'type-graphql';
import { BadInputError } from '../errors';

/** The longest address a station or organisation row stores (its column is varchar(255)). */
export const ADDRESS_MAX = 255;

/**
 * A public line: digits with single dashes between groups and an optional leading +, 5 to 15 digits (a 5-digit
 * hotline such as 12349 up to an international number, E.164's limit), 20 characters at most (the column).
 */
const PHONE_SHAPE = /^\+?\d+(-\d+)*$/;
const PHONE_MAX = 20;

/**
 * The public contact details of an organisation or a station, as staff set or correct them. Either field left
 * out stays as stored; an empty value (or null) clears it. No mutation takes this type itself, so the schema shows
 * only the inputs that extend it.
 */
@InputType()
export abstract class ContactDetailsInput {
  @Field(() => String, {
    nullable: true,
    description: "对外公开电话, e.g. 0877-2012345: the place's public line, never a person's own number",
  })
  publicPhone?: string | null;

  @Field(() => String, { nullable: true, description: `地址, at most ${ADDRESS_MAX} characters` })
  address?: string | null;
}

/** A checked, trimmed public phone; null when cleared; undefined when not sent. */
export function publicPhoneOf(value: string | null | undefined): string | null | undefined {
  if (value === undefined) return undefined;
  const phone = (value ?? '').trim();
  if (!phone) return null;
  const digits = phone.replace(/\D/g, '').length;
  if (phone.length > PHONE_MAX || !PHONE_SHAPE.test(phone) || digits < 5 || digits > 15) {
    throw new BadInputError(
      '电话号码格式不正确,只能包含数字和短横线,如 0877-2012345 (publicPhone: digits and dashes, 5 to 15 digits, e.g. 0877-2012345)',
      { argument: 'publicPhone' },
    );
  }
  return phone;
}

/** A checked, trimmed address on one line; '' when cleared; undefined when not sent. */
export function addressOf(value: string | null | undefined): string | undefined {
  if (value === undefined) return undefined;
  const address = (value ?? '').trim();
  if (address.length > ADDRESS_MAX || /\p{Cc}/u.test(address)) {
    throw new BadInputError(
      `地址过长或含换行等控制字符,最多 ${ADDRESS_MAX} 个字 (address: one line of at most ${ADDRESS_MAX} characters)`,
      { argument: 'address' },
    );
  }
  return address;
}

/** The contact fields of an input, checked, with those not sent left out. */
export function contactDetailsOf(input: ContactDetailsInput): { publicPhone?: string | null; address?: string } {
  const publicPhone = publicPhoneOf(input.publicPhone);
  const address = addressOf(input.address);
  return {
    ...(publicPhone !== undefined && { publicPhone }),
    ...(address !== undefined && { address }),
  };
}
