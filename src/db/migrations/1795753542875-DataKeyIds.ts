import type { MigrationInterface, QueryRunner } from 'typeorm';

export class DataKeyIds1795753542875 implements MigrationInterface {
  name = 'DataKeyIds1795753542875';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE `resident` ADD `phone_key_id` varchar(16) NULL");
    await queryRunner.query("ALTER TABLE `need` ADD `contact_phone_key_id` varchar(16) NULL");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE `need` DROP COLUMN `contact_phone_key_id`");
    await queryRunner.query("ALTER TABLE `resident` DROP COLUMN `phone_key_id`");
  }
}
