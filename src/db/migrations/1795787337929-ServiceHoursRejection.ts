import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ServiceHoursRejection1795787337929 implements MigrationInterface {
  name = 'ServiceHoursRejection1795787337929';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE `service_hours` ADD `rejected_at` datetime NULL");
    await queryRunner.query("ALTER TABLE `service_hours` ADD `reject_reason` varchar(255) NULL");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE `service_hours` DROP COLUMN `reject_reason`");
    await queryRunner.query("ALTER TABLE `service_hours` DROP COLUMN `rejected_at`");
  }
}
