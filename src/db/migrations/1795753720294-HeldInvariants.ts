import type { MigrationInterface, QueryRunner } from 'typeorm';

export class HeldInvariants1795753720294 implements MigrationInterface {
  name = 'HeldInvariants1795753720294';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE `need_number_counter` (`day` varchar(8) NOT NULL, `last_number` int NOT NULL, PRIMARY KEY (`day`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `hour_ledger_head` (`id` int NOT NULL, `last_entry_id` int NOT NULL, `last_hash` varchar(64) NOT NULL, PRIMARY KEY (`id`)) ENGINE=InnoDB");
    // A ledger kept before the head existed: the head points at its last entry.
    await queryRunner.query(
      'INSERT INTO `hour_ledger_head` (`id`, `last_entry_id`, `last_hash`) SELECT 1, `id`, `hash` FROM `hour_ledger_entry` ORDER BY `id` DESC LIMIT 1',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP TABLE `hour_ledger_head`");
    await queryRunner.query("DROP TABLE `need_number_counter`");
  }
}
