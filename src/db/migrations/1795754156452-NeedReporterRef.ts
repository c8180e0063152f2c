import type { MigrationInterface, QueryRunner } from 'typeorm';

export class NeedReporterRef1795754156452 implements MigrationInterface {
  name = 'NeedReporterRef1795754156452';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE `need` ADD `reporter_ref` varchar(64) NULL");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE `need` DROP COLUMN `reporter_ref`");
  }
}
