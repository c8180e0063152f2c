import type { ApolloServerPlugin } from '@apollo/server';
import { buildSchema, parse, type OperationDefinitionNode } from 'graphql';
import type { HubContext } from '../../src/graphql/context';
import { budgetPlugin } from '../../src/graphql/limits';

// The budget plugin's admission room when another plugin refuses the request in the same hook (the operation
// allow-list does): Apollo answers the refusal while the budget may still be charging and waiting for room, so the
// room it is granted afterwards must be handed back, or a few such requests would leave none for anybody.

const schema = buildSchema('type Query { name: String }');
const document = parse('{ name }');
const hookArguments = {
  schema,
  document,
  operation: document.definitions[0] as OperationDefinitionNode,
  request: { variables: {} },
  contextValue: { clientAddress: '192.0.2.1', identity: { role: 'PUBLIC', subject: 'anonymous' } },
} as never;

/** Room for one request at a time, a short wait for it, limits that never refuse. */
function plugin(): ApolloServerPlugin<HubContext> {
  return budgetPlugin(
    {
      maxCost: 1_000_000,
      statementsPerRequest: 200,
      costPerMinutePerToken: 1_000_000,
      costPerMinutePerAddress: 1_000_000,
      statementsInFlight: 1,
      admissionWaitMs: 200,
    },
    { perToken: 1000, perAddress: 1000, windowSeconds: 60 },
  );
}

async function request(budget: ApolloServerPlugin<HubContext>) {
  const listener = await budget.requestDidStart!({} as never);
  return listener!;
}

it('hands back room granted after the request was answered', async () => {
  const budget = plugin();
  for (let i = 0; i < 3; i++) {
    const refused = await request(budget);
    // Another plugin's refusal: Apollo answers (willSendResponse) without waiting for this hook to finish.
    const charging = refused.didResolveOperation!(hookArguments);
    await refused.willSendResponse!(hookArguments);
    await charging;
  }
  // The next request gets the room at once instead of SERVICE_BUSY after the wait.
  const next = await request(budget);
  await expect(next.didResolveOperation!(hookArguments)).resolves.toBeUndefined();
  await next.willSendResponse!(hookArguments);
});

it('still holds the room of a request in flight until it answers', async () => {
  const budget = plugin();
  const running = await request(budget);
  await running.didResolveOperation!(hookArguments);
  const waiting = await request(budget);
  await expect(waiting.didResolveOperation!(hookArguments)).rejects.toMatchObject({
    extensions: { code: 'SERVICE_BUSY' },
  });
  await waiting.willSendResponse!(hookArguments);
  await running.willSendResponse!(hookArguments);
  const after = await request(budget);
  await expect(after.didResolveOperation!(hookArguments)).resolves.toBeUndefined();
});
