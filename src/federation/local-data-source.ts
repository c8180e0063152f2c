import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { execute, GraphQLError, parse, validate, type DocumentNode, type GraphQLSchema } from 'graphql';
import type { HubContext } from '../graphql/context';
import { describeThrown } from '../graphql/errors';

type GatewayGraphQLResponse = Awaited<ReturnType<GraphQLDataSource['process']>>;

/** Distinct subgraph documents kept parsed; the query planner emits few shapes, so this rarely fills. */
const DOCUMENT_CACHE_SIZE = 1000;

/**
 * Runs a subgraph in-process like Apollo's LocalGraphQLDataSource, but parses and validates each subgraph
 * document once instead of on every fetch: the planner sends the same few documents again and again.
 */
export class CachedLocalDataSource implements GraphQLDataSource<HubContext> {
  private readonly documents = new Map<string, DocumentNode>();

  constructor(readonly schema: GraphQLSchema) {}

  private document(source: string): DocumentNode | GatewayGraphQLResponse {
    const cached = this.documents.get(source);
    if (cached) return cached;
    const document = parse(source);
    const errors = validate(this.schema, document);
    if (errors.length) return { errors: errors.map((e) => e.toJSON()) };
    if (this.documents.size >= DOCUMENT_CACHE_SIZE) this.documents.clear();
    this.documents.set(source, document);
    return document;
  }

  async process({ request, context }: GraphQLDataSourceProcessOptions<HubContext>): Promise<GatewayGraphQLResponse> {
    const document = this.document(request.query ?? '');
    if (!('kind' in document)) return document;
    const result = await execute({
      schema: this.schema,
      document,
      variableValues: request.variables,
      operationName: request.operationName,
      contextValue: context,
    });
    // Without data, execution never started: the variables did not coerce (e.g. a malformed DateTimeISO, which
    // the gateway passes through unchecked). That is the caller's input, not a bug.
    const badInput = result.data === undefined;
    return {
      data: result.data,
      errors: result.errors?.map((error) => {
        const json = error.toJSON();
        if (badInput && !json.extensions?.code)
          return { ...json, extensions: { ...json.extensions, code: 'BAD_USER_INPUT' } };
        // Expected errors are GraphQLErrors with a code. Anything else is a bug: its stack rides along to the edge,
        // which logs it with the request id and masks it (the gateway passes on only message and extensions).
        const original = error.originalError;
        if (original && !(original instanceof GraphQLError))
          return { ...json, extensions: { ...json.extensions, stacktrace: describeThrown(original).split('\n') } };
        return json;
      }),
    };
  }
}
