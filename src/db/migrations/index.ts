// Migrations for MySQL/MariaDB, oldest first. Generate a new one after changing entities:
// `npm run build && node dist/src/cli.js migration:generate <Name>` against a migrated database.
export const migrations: Function[] = [];
