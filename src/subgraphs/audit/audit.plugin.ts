import type { ApolloServerPlugin } from '@apollo/server';
import { Kind, type FieldNode, type GraphQLSchema } from 'graphql';
import { getArgumentValues } from 'graphql/execution/values';
import type { HubContext } from '../../graphql/context';
import { AuditEntry } from './audit.entity';

const isIdKey = (key: string) => key === 'id' || key.endsWith('Id');

/** `id=12`, `activityId=3 volunteerId=5`, plus `→ 41` for the id a mutation returned. */
function describeTarget(args: Record<string, unknown>, result: unknown): string {
  const named: string[] = [];
  const visit = (value: Record<string, unknown>) => {
    for (const [key, item] of Object.entries(value)) {
      if (isIdKey(key) && (typeof item === 'string' || typeof item === 'number')) named.push(`${key}=${item}`);
      else if (item && typeof item === 'object' && !Array.isArray(item)) visit(item as Record<string, unknown>);
    }
  };
  visit(args);
  const returned = (result as { id?: unknown } | null | undefined)?.id;
  if (returned !== undefined && returned !== null) named.push(`→ ${String(returned)}`);
  return named.join(' ').slice(0, 255) || '-';
}

function argumentsOf(
  schema: GraphQLSchema,
  field: FieldNode,
  variables: Record<string, unknown>,
): Record<string, unknown> {
  const definition = schema.getMutationType()?.getFields()[field.name.value];
  if (!definition) return {};
  try {
    return getArgumentValues(definition, field, variables);
  } catch {
    return {};
  }
}

/**
 * Records every executed mutation field in the audit log — who, role, operation, target, outcome, request id —
 * at the hub, so no mutation can forget to. Written after execution, whatever its outcome.
 */
export function auditPlugin(): ApolloServerPlugin<HubContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ operation, contextValue, schema, request, response }) {
          if (operation?.operation !== 'mutation' || response.body.kind !== 'single') return;
          const { data, errors } = response.body.singleResult;
          const { identity } = contextValue;
          const entries = operation.selectionSet.selections
            .filter((selection): selection is FieldNode => selection.kind === Kind.FIELD)
            .map((field) => {
              const key = field.alias?.value ?? field.name.value;
              const error = errors?.find((e) => e.path?.[0] === key) ?? (data ? undefined : errors?.[0]);
              return {
                at: new Date(),
                requestId: contextValue.requestId,
                subject: identity.subject.slice(0, 128),
                role: identity.role,
                regionId: identity.regionId ?? null,
                operation: field.name.value.slice(0, 64),
                target: describeTarget(argumentsOf(schema, field, request.variables ?? {}), data?.[key]),
                outcome: error ? String(error.extensions?.code ?? 'ERROR').slice(0, 64) : 'OK',
                clientAddress: contextValue.clientAddress ?? null,
              };
            });
          if (entries.length) await contextValue.dataSource.getRepository(AuditEntry).insert(entries);
        },
      };
    },
  };
}
