import type { MigrationInterface, QueryRunner } from 'typeorm';

export class LinkageEngine1795707975767 implements MigrationInterface {
  name = 'LinkageEngine1795707975767';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE `project_need_citation` (`id` int NOT NULL AUTO_INCREMENT, `project_id` int NOT NULL, `need_id` int NOT NULL, INDEX `IDX_7f56e61ae1a667e37f379f8e62` (`need_id`), UNIQUE INDEX `IDX_36fa98bccf0b6ddfbd1505ef75` (`project_id`, `need_id`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `project_service` (`id` int NOT NULL AUTO_INCREMENT, `project_id` int NOT NULL, `service_id` int NOT NULL, UNIQUE INDEX `IDX_8ccf51e2d6bf345298c3d81ec9` (`project_id`, `service_id`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `hour_ledger_entry` (`id` int NOT NULL AUTO_INCREMENT, `volunteer_id` int NOT NULL, `kind` varchar(8) NOT NULL, `half_hours` int NOT NULL, `reference` varchar(64) NOT NULL, `recorded_at` varchar(20) NOT NULL, `previous_hash` varchar(64) NOT NULL, `hash` varchar(64) NOT NULL, INDEX `IDX_dbfd1499e69c23eed227772a79` (`volunteer_id`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX `IDX_dbfd1499e69c23eed227772a79` ON `hour_ledger_entry`");
    await queryRunner.query("DROP TABLE `hour_ledger_entry`");
    await queryRunner.query("DROP INDEX `IDX_8ccf51e2d6bf345298c3d81ec9` ON `project_service`");
    await queryRunner.query("DROP TABLE `project_service`");
    await queryRunner.query("DROP INDEX `IDX_36fa98bccf0b6ddfbd1505ef75` ON `project_need_citation`");
    await queryRunner.query("DROP INDEX `IDX_7f56e61ae1a667e37f379f8e62` ON `project_need_citation`");
    await queryRunner.query("DROP TABLE `project_need_citation`");
  }
}
