import { createTestDatabase } from '../helpers/test-database';

// On MySQL/MariaDB the schema comes from migrations only: after migrating, the entities must need no change.
const onMysql = process.env.DATABASE_URL?.startsWith('mysql:') ?? false;

(onMysql ? test : test.skip)('migrations create exactly the schema the entities describe', async () => {
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
