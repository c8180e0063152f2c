/** The secret every bench signs its tokens with (the hubs it starts verify them with it). */
export const BENCH_SECRET = 'benchmark-secret-0123456789';

/**
 * The environment of a hub a bench starts: production mode, a fixed data key, and the per-minute budgets out of the
 * way — the load generator is one address at full speed, and the budgets would measure the rate limiter.
 */
export const benchServerEnv = (extra: Record<string, string>): NodeJS.ProcessEnv => ({
  ...process.env,
  JWT_SECRET: BENCH_SECRET,
  NODE_ENV: 'production',
  DATA_KEY: '62656e63686d61726b0000000000000000000000000000000000000000000000',
  MUTATIONS_PER_MINUTE_PER_TOKEN: '100000000',
  MUTATIONS_PER_MINUTE_PER_ADDRESS: '100000000',
  QUERY_COST_PER_MINUTE_PER_TOKEN: '100000000000',
  QUERY_COST_PER_MINUTE_PER_ADDRESS: '100000000000',
  ...extra,
});
