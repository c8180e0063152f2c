import { cacheExchange, Client, fetchExchange } from 'urql';

/**
 * The console is a client of the hub like any other: the public /graphql endpoint. The session travels in an
 * HttpOnly cookie the browser sends on its own (nothing secret is kept in script-readable storage); urql posts JSON,
 * which Apollo's CSRF prevention requires of every cookie-carrying request.
 */
export function createHubClient(): Client {
  return new Client({
    url: '/graphql',
    exchanges: [cacheExchange, fetchExchange],
    fetchOptions: { credentials: 'same-origin' },
    preferGetMethod: false,
    requestPolicy: 'cache-and-network',
  });
}
