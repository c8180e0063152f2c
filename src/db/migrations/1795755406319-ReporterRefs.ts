import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ReporterRefs1795755406319 implements MigrationInterface {
  name = 'ReporterRefs1795755406319';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE `need` ADD `reporter_ref` varchar(64) NULL");
    await queryRunner.query("ALTER TABLE `volunteer` ADD `reporter_ref` varchar(64) NULL");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE `volunteer` DROP COLUMN `reporter_ref`");
    await queryRunner.query("ALTER TABLE `need` DROP COLUMN `reporter_ref`");
  }
}
