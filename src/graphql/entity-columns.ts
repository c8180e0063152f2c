import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Index, PrimaryGeneratedColumn } from 'typeorm';
import { ServiceCategory } from './service-category';

/**
 * A record the database numbers, its number shown as the GraphQL `id`. No resolver returns this type itself, so
 * the schema shows only the entities that extend it, each with `id` as its first field.
 */
@ObjectType()
export abstract class NumberedRecord {
  @PrimaryGeneratedColumn()
  @Field(() => ID)
  id!: number;
}

/** A numbered record with a public name of up to 128 characters (a station, an organisation, a team…). */
@ObjectType()
export abstract class NamedRecord extends NumberedRecord {
  @Column({ type: 'varchar', length: 128 })
  @Field()
  name!: string;
}

interface ColumnOptions {
  nullable?: boolean;
}

const indexed =
  (column: PropertyDecorator): PropertyDecorator =>
  (target, key) => {
    column(target, key);
    Index()(target, key);
  };

/** A 12-digit division code (docs/rules.md, rule 3), indexed because every society scopes its lists by region. */
export const RegionCodeColumn = (options: ColumnOptions = {}) =>
  indexed(Column({ type: 'varchar', length: 12, ...options }));

/** Another record's id, stored without a foreign key (rule 1), indexed for the batched loads that follow it. */
export const ReferenceColumn = (options: ColumnOptions = {}) => indexed(Column({ type: 'int', ...options }));

/** The kind of service a record is about, shown and filtered on in every society. */
export const ServiceCategoryColumn =
  (options: ColumnOptions & { description?: string } = {}): PropertyDecorator =>
  (target, key) => {
    indexed(Column({ type: 'varchar', length: 32, nullable: options.nullable }))(target, key);
    Field(() => ServiceCategory, options)(target, key);
  };

/** A record's free-text description, optional and shown as it is. */
export const DescriptionColumn = (): PropertyDecorator => (target, key) => {
  Column({ type: 'text', nullable: true })(target, key);
  Field(() => String, { nullable: true })(target, key);
};

/**
 * A public fixed line or service number of an organisation or a station (digits, dashes, an optional leading +),
 * shown to residents. Never a person's own number: the seed and staff record the place's public line only.
 */
export const PublicPhoneColumn = (): PropertyDecorator => (target, key) => {
  Column({ type: 'varchar', length: 20, nullable: true })(target, key);
  Field(() => String, {
    nullable: true,
    description: "对外公开电话: the public line of the organisation or station, never a person's number",
  })(target, key);
};
