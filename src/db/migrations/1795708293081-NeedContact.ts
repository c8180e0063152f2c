import type { MigrationInterface, QueryRunner } from 'typeorm';

export class NeedContact1795708293081 implements MigrationInterface {
  name = 'NeedContact1795708293081';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE `need` ADD `contact_phone_sealed` varchar(128) NULL");
    await queryRunner.query("ALTER TABLE `need` ADD `contact_phone_masked` varchar(11) NULL");
    await queryRunner.query("ALTER TABLE `need` ADD `contact_consent_at` datetime NULL");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE `need` DROP COLUMN `contact_consent_at`");
    await queryRunner.query("ALTER TABLE `need` DROP COLUMN `contact_phone_masked`");
    await queryRunner.query("ALTER TABLE `need` DROP COLUMN `contact_phone_sealed`");
  }
}
