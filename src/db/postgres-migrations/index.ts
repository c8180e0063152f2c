import { Initial1795800353933 } from './1795800353933-Initial';

// Migrations for PostgreSQL, oldest first. Generate a new one after changing entities:
// `npm run build && DATABASE_URL=postgres://… node dist/src/cli.js migration:generate <Name>` against a migrated database.
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const migrations: Function[] = [Initial1795800353933];
