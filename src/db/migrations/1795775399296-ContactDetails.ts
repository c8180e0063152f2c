import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ContactDetails1795775399296 implements MigrationInterface {
  name = 'ContactDetails1795775399296';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE `service_station` ADD `public_phone` varchar(20) NULL");
    await queryRunner.query("ALTER TABLE `social_organization` ADD `public_phone` varchar(20) NULL");
    await queryRunner.query("ALTER TABLE `social_organization` ADD `address` varchar(255) NOT NULL DEFAULT ''");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE `social_organization` DROP COLUMN `address`");
    await queryRunner.query("ALTER TABLE `social_organization` DROP COLUMN `public_phone`");
    await queryRunner.query("ALTER TABLE `service_station` DROP COLUMN `public_phone`");
  }
}
