import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type * as Ops from './generated/operations';

/** The bot's operations: name → [result, variables], with types generated from schema/operations/bot. */
export interface BotOperations {
  FindCommunity: [Ops.FindCommunityQuery, Ops.FindCommunityQueryVariables];
  CommunityServices: [Ops.CommunityServicesQuery, Ops.CommunityServicesQueryVariables];
  CategoriesNamedBy: [Ops.CategoriesNamedByQuery, Ops.CategoriesNamedByQueryVariables];
  SubmitNeed: [Ops.SubmitNeedMutation, Ops.SubmitNeedMutationVariables];
  NeedStatus: [Ops.NeedStatusQuery, Ops.NeedStatusQueryVariables];
  RateNeed: [Ops.RateNeedMutation, Ops.RateNeedMutationVariables];
  UpcomingActivities: [Ops.UpcomingActivitiesQuery, Ops.UpcomingActivitiesQueryVariables];
  ActivityForSignUp: [Ops.ActivityForSignUpQuery, Ops.ActivityForSignUpQueryVariables];
  RegisterVolunteer: [Ops.RegisterVolunteerMutation, Ops.RegisterVolunteerMutationVariables];
  SignUpForActivity: [Ops.SignUpForActivityMutation, Ops.SignUpForActivityMutationVariables];
  VolunteerHours: [Ops.VolunteerHoursQuery, Ops.VolunteerHoursQueryVariables];
  NeedEvents: [Ops.NeedEventsQuery, Ops.NeedEventsQueryVariables];
  VolunteerReminders: [Ops.VolunteerRemindersQuery, Ops.VolunteerRemindersQueryVariables];
}

/** The hub could not be reached (network, 5xx): the caller may queue the work for later. */
export class HubUnavailableError extends Error {}

/** The hub answered with a coded error (refused, not found, bad input). */
export class HubError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

function operationsDir(): string {
  let dir = __dirname;
  while (!existsSync(join(dir, 'schema', 'operations', 'bot'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('schema/operations/bot not found');
    dir = parent;
  }
  return join(dir, 'schema', 'operations', 'bot');
}

/** The bot's GraphQL documents by operation name, read once from schema/operations/bot/. */
function loadDocuments(): Map<string, string> {
  const dir = operationsDir();
  const documents = new Map<string, string>();
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.graphql'))) {
    const text = readFileSync(join(dir, file), 'utf8');
    const name = text.match(/(?:query|mutation)\s+(\w+)/)?.[1];
    if (name) documents.set(name, text);
  }
  return documents;
}

export interface HubClientOptions {
  url: string;
  token: string;
  timeoutMs?: number;
}

/** GraphQL over HTTP to the hub, with the bot's token; only the documents in schema/operations/bot. */
export class HubClient {
  private readonly documents = loadDocuments();
  private readonly pending = new Map<string, number>();

  constructor(private readonly options: HubClientOptions) {}

  /**
   * True while a request of that operation is waiting for the hub's answer, and until the caller has run the code
   * right after its `await` (the count drops a macrotask later): the need feed uses it to wait until a just
   * submitted need is remembered before reading that need's events.
   */
  busy(operationName: keyof BotOperations): boolean {
    return (this.pending.get(operationName) ?? 0) > 0;
  }

  async request<N extends keyof BotOperations>(
    operationName: N,
    variables: BotOperations[N][1],
  ): Promise<BotOperations[N][0]> {
    this.pending.set(operationName, (this.pending.get(operationName) ?? 0) + 1);
    try {
      return await this.send(operationName, variables);
    } finally {
      setImmediate(() => this.pending.set(operationName, (this.pending.get(operationName) ?? 1) - 1));
    }
  }

  private async send<N extends keyof BotOperations>(
    operationName: N,
    variables: BotOperations[N][1],
  ): Promise<BotOperations[N][0]> {
    type T = BotOperations[N][0];
    const query = this.documents.get(operationName);
    if (!query) throw new Error(`no bot operation named ${operationName}`);
    let response: Response;
    try {
      response = await fetch(this.options.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${this.options.token}` },
        body: JSON.stringify({ query, variables, operationName }),
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 10_000),
      });
    } catch (error) {
      throw new HubUnavailableError(`hub unreachable: ${(error as Error).message}`);
    }
    if (response.status >= 500 || response.status === 429)
      throw new HubUnavailableError(`hub answered ${response.status}`);
    const body = (await response.json().catch(() => ({}))) as {
      data?: T;
      errors?: { message: string; extensions?: { code?: string } }[];
    };
    const error = body.errors?.[0];
    if (error) throw new HubError(error.extensions?.code ?? 'UNKNOWN', error.message);
    if (!body.data) throw new HubUnavailableError(`hub answered ${response.status} without data`);
    return body.data;
  }
}
