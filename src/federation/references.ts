import { Directive, Field, ID, ObjectType, type ClassType } from 'type-graphql';

export interface EntityReference {
  id: string;
}

/**
 * A stub for another society's entity that this subgraph only points at (docs/rules.md, rule 1): an id and nothing
 * else, `resolvable: false`, answered by the owning subgraph. One class per subgraph, built by this factory.
 */
export function referenceType(name: string): ClassType<EntityReference> {
  @ObjectType(name)
  @Directive('@key(fields: "id", resolvable: false)')
  class Reference {
    @Field(() => ID)
    id!: string;
  }
  return Reference;
}

export function reference(id: string | number | null | undefined): EntityReference | null {
  return id === null || id === undefined ? null : { id: String(id) };
}
