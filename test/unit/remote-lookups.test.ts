import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
// Apollo's own reading of a supergraph (the pinned federation version, through @apollo/composition and gateway).
import { Supergraph, type ObjectType } from '@apollo/federation-internals';
import { Kind, parse, validate, type FieldNode, type InlineFragmentNode, type OperationDefinitionNode } from 'graphql';
import { subgraphByName } from '../../src/subgraphs/registry';
import {
  REMOTE_KINDS,
  remoteLookupDocument,
  remoteLookups,
  type RemoteKindName,
} from '../../src/federation/remote-lookups';

// A lone subgraph checks another society's ids by asking the owner's `_entities` for public fields. Each
// selection must be valid on the owner's schema as routers see it (schema/supergraph.graphql), answered by the
// owner itself (no @external field, a resolvable key), and the owner must be the subgraph that owns the kind.

const supergraph = Supergraph.build(readFileSync(join(__dirname, '..', '..', 'schema', 'supergraph.graphql'), 'utf8'));
const kinds = Object.keys(REMOTE_KINDS) as RemoteKindName[];

test('the table covers every kind a write may point at, each with the subgraph that owns it', () => {
  expect(Object.fromEntries(kinds.map((kind) => [kind, REMOTE_KINDS[kind].owner]))).toEqual({
    Region: 'community',
    ServiceStation: 'community',
    SocialOrganization: 'organization',
    Service: 'organization',
    SocialWorker: 'socialwork',
    VolunteerTeam: 'volunteer',
    CharityResource: 'charity',
    Need: 'linkage',
    ServiceProject: 'linkage',
  });
  for (const kind of kinds)
    expect([kind, subgraphByName(REMOTE_KINDS[kind].owner).lookups?.[kind]]).toEqual([kind, expect.any(Function)]);
});

test.each(kinds)('the %s selection validates against its owner in schema/supergraph.graphql', (kind) => {
  const owner = supergraph.subgraphs().get(REMOTE_KINDS[kind].owner)!;
  const document = parse(remoteLookupDocument(kind));
  expect(validate(owner.schema.toGraphQLJSSchema(), document).map((error) => error.message)).toEqual([]);

  const type = owner.schema.type(kind) as ObjectType;
  const keys = type.appliedDirectivesOf('key').map((key) => key.arguments());
  expect(keys).toContainEqual({ fields: 'id' });
  expect(keys.filter((key) => key.resolvable === false)).toEqual([]);
  const entities = (document.definitions[0] as OperationDefinitionNode).selectionSet.selections[0] as FieldNode;
  const fragment = entities.selectionSet!.selections[0] as InlineFragmentNode;
  const fields = fragment.selectionSet.selections.filter((s): s is FieldNode => s.kind === Kind.FIELD);
  expect(fields.length).toBeGreaterThan(0);
  const external = fields.filter((field) => owner.metadata().isFieldExternal(type.field(field.name.value)!));
  expect(external.map((field) => field.name.value)).toEqual([]);
});

test('account ids are checked by the account subgraph in its own process only: no public field carries their role', () => {
  expect(subgraphByName('account').lookups?.Account).toEqual(expect.any(Function));
  expect(Object.keys(REMOTE_KINDS)).not.toContain('Account');
  expect(Object.keys(remoteLookups({ account: 'http://127.0.0.1:9/graphql' }, 100))).toEqual([]);
});
