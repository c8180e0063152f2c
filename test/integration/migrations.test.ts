import { createTestDatabase } from '../helpers/test-database';

// On MySQL/MariaDB and PostgreSQL the schema comes from migrations only (each backend has its own list): after
// migrating, the entities must need no change. SQLite synchronises from the entities, so there is nothing to check.
const onServer = /^(mysql|mariadb|postgres|postgresql):/.test(process.env.DATABASE_URL ?? '');

(onServer ? test : test.skip)('migrations create exactly the schema the entities describe', async () => {
  const testDatabase = await createTestDatabase();
  const database = await testDatabase.open();
  try {
    const pending = await database.dataSource.driver.createSchemaBuilder().log();
    expect(pending.upQueries.map((q) => q.query)).toEqual([]);
  } finally {
    await database.dataSource.destroy();
    await testDatabase.drop();
  }
});
