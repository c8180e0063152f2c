import { IsOptional, Max, MaxLength, Min } from 'class-validator';
import { Field, Int, type FieldOptions } from 'type-graphql';
import { BadInputError } from '../errors';

/** The fields a client actually sent: undefined ones must not overwrite stored values. */
export function withoutUndefined<T extends object>(input: T): Partial<T> {
  return Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined)) as Partial<T>;
}

/** A few minutes for clocks that disagree between a phone, the bot and the server. */
const CLOCK_SKEW_MS = 5 * 60_000;

/**
 * Refuses a moment that has not happened yet where only the past makes sense (a check-in, a consent, a receipt):
 * `value` is a time, a YYYY-MM-DD date (China time) or a year.
 */
export function requireNotFuture(value: Date | string | number, argument: string, now = new Date()): void {
  const china = new Date(now.getTime() + 8 * 3600_000 + CLOCK_SKEW_MS);
  const future =
    typeof value === 'number'
      ? value > china.getUTCFullYear()
      : typeof value === 'string'
        ? value > china.toISOString().slice(0, 10)
        : value.getTime() > now.getTime() + CLOCK_SKEW_MS;
  if (future) {
    throw new BadInputError(`${argument} 不能晚于当前时间 (${argument} must not be in the future)`, { argument });
  }
}

/** An optional text field of at most `max` characters, checked when it is sent. */
export function OptionalText(max: number, options: FieldOptions = {}): PropertyDecorator {
  return (target, property) => {
    Field({ nullable: true, ...options })(target, property);
    IsOptional()(target, property);
    MaxLength(max)(target, property);
  };
}

/** An optional whole number from `min` to `max`, checked when it is sent. */
export function OptionalInt(min: number, max: number, options: FieldOptions = {}): PropertyDecorator {
  return (target, property) => {
    Field(() => Int, { nullable: true, ...options })(target, property);
    IsOptional()(target, property);
    Min(min)(target, property);
    Max(max)(target, property);
  };
}
