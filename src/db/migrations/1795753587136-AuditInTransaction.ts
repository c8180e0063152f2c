import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AuditInTransaction1795753587136 implements MigrationInterface {
  name = 'AuditInTransaction1795753587136';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE `audit_entry` ADD `kind` varchar(16) NOT NULL DEFAULT 'MUTATION'");
    await queryRunner.query("ALTER TABLE `audit_entry` ADD `record` varchar(64) NULL");
    await queryRunner.query("ALTER TABLE `audit_entry` ADD `count` int NOT NULL DEFAULT '1'");
    await queryRunner.query("CREATE INDEX `IDX_ebd0907aa536f93a9c0d0a922f` ON `audit_entry` (`kind`)");
    await queryRunner.query("CREATE INDEX `IDX_bb7bf75a0c72b978c03124d8d8` ON `audit_entry` (`record`)");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX `IDX_bb7bf75a0c72b978c03124d8d8` ON `audit_entry`");
    await queryRunner.query("DROP INDEX `IDX_ebd0907aa536f93a9c0d0a922f` ON `audit_entry`");
    await queryRunner.query("ALTER TABLE `audit_entry` DROP COLUMN `count`");
    await queryRunner.query("ALTER TABLE `audit_entry` DROP COLUMN `record`");
    await queryRunner.query("ALTER TABLE `audit_entry` DROP COLUMN `kind`");
  }
}
