import type { MigrationInterface, QueryRunner } from 'typeorm';

export class NeedEvents1795775543326 implements MigrationInterface {
  name = 'NeedEvents1795775543326';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE `need_event` (`seq` int NOT NULL, `need_id` int NOT NULL, `kind` varchar(16) NOT NULL, `from_status` varchar(16) NULL, `to_status` varchar(16) NOT NULL, `actor` varchar(64) NOT NULL, `reason` varchar(255) NULL, `handler_society` varchar(16) NULL, `handler_reference_id` varchar(32) NULL, `appointment_at` datetime NULL, `at` datetime NOT NULL, INDEX `IDX_ce0ac78a8ca8c5ce8a42ff1637` (`need_id`, `seq`), PRIMARY KEY (`seq`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `need_event_head` (`id` int NOT NULL, `last_seq` int NOT NULL, PRIMARY KEY (`id`)) ENGINE=InnoDB");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP TABLE `need_event_head`");
    await queryRunner.query("DROP INDEX `IDX_ce0ac78a8ca8c5ce8a42ff1637` ON `need_event`");
    await queryRunner.query("DROP TABLE `need_event`");
  }
}
