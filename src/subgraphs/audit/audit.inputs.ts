import { Field, InputType } from 'type-graphql';
import { AuditKind } from '../../audit/audit-entry.entity';

@InputType()
export class AuditFilter {
  @Field(() => AuditKind, { nullable: true })
  kind?: AuditKind;

  @Field({ nullable: true })
  operation?: string;

  @Field({ nullable: true })
  subject?: string;

  @Field({ nullable: true, description: 'OK or an error code' })
  outcome?: string;

  @Field({ nullable: true, description: 'the personal record read, e.g. Resident:12' })
  record?: string;

  @Field({ nullable: true, description: 'at or after' })
  since?: Date;

  @Field({ nullable: true, description: 'before' })
  until?: Date;
}
