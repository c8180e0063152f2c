import { readFileSync } from 'node:fs';
import { join } from 'node:path';

// Documents of the need history, the need feed and assignment (test/integration/need-history.test.ts).
export const NEED_HISTORY = /* GraphQL */ `
  query NeedHistory($id: ID!, $reporterRef: String) {
    need(id: $id) {
      number
      status
      history(reporterRef: $reporterRef) {
        seq
        kind
        fromStatus
        toStatus
        actor
        reason
        handlerId
        appointmentAt
        at
      }
    }
  }
`;
export const NEED_FEED = /* GraphQL */ `
  query NeedFeed($after: ID, $first: Int) {
    needEvents(after: $after, first: $first) {
      pageInfo {
        hasNextPage
        hasPreviousPage
        endCursor
      }
      edges {
        cursor
        node {
          seq
          kind
          toStatus
          need {
            id
            number
            status
          }
        }
      }
    }
  }
`;
export const NEED_FEED_SEQS = `query NeedFeedSeqs($after: ID, $first: Int) { needEvents(after: $after, first: $first) { pageInfo { hasNextPage endCursor } nodes { seq } } }`;
export const ASSIGN_NEED = /* GraphQL */ `
  mutation AssignNeed($id: ID!, $society: Society!, $referenceId: String!, $appointmentAt: DateTimeISO) {
    assignNeed(id: $id, input: { society: $society, referenceId: $referenceId, appointmentAt: $appointmentAt }) {
      id
      status
    }
  }
`;
export const ASSIGNED_HANDLERS = /* GraphQL */ `
  query AssignedHandlers($id: ID!) {
    need(id: $id) {
      history {
        kind
        handlerStation {
          name
          address
        }
        handlerOrganization {
          name
        }
        handlerSocialWorker {
          name
        }
        handlerVolunteerTeam {
          name
        }
      }
    }
  }
`;
export const HANDLERS_IN = /* GraphQL */ `
  query HandlersIn($regionId: ID!) {
    serviceStations(first: 1, filter: { regionId: $regionId }) {
      nodes {
        id
        name
        address
      }
    }
    organizations(first: 1, filter: { regionId: $regionId }) {
      nodes {
        id
        name
      }
    }
    socialWorkers(first: 1, filter: { regionId: $regionId }) {
      nodes {
        id
        name
      }
    }
    volunteerTeams(first: 1, filter: { regionId: $regionId }) {
      nodes {
        id
        name
      }
    }
  }
`;
/** The bot's own document (schema/operations/bot/need-events.graphql), as the bot sends it. */
export const BOT_NEED_EVENTS = readFileSync(
  join(__dirname, '..', '..', 'schema', 'operations', 'bot', 'need-events.graphql'),
  'utf8',
);
