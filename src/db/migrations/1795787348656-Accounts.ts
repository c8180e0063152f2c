import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Accounts1795787348656 implements MigrationInterface {
  name = 'Accounts1795787348656';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE `account` (`id` int NOT NULL AUTO_INCREMENT, `username` varchar(32) NOT NULL, `display_name` varchar(64) NOT NULL, `role` varchar(8) NOT NULL, `region_id` varchar(12) NULL, `organization_id` int NULL, `disabled_at` datetime NULL, `password_hash` varchar(255) NULL, `failed_attempts` int NOT NULL DEFAULT '0', `locked_until` datetime NULL, `reset_code_hash` varchar(64) NULL, `reset_code_expires_at` datetime NULL, `totp_secret` varchar(255) NULL, `totp_pending_secret` varchar(255) NULL, `totp_key_id` varchar(16) NULL, `totp_last_step` bigint NULL, `created_at` datetime NOT NULL, UNIQUE INDEX `IDX_41dfcb70af895ddf9a53094515` (`username`), INDEX `IDX_51d42c62f378969f65207b4328` (`region_id`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `account_session` (`id` varchar(64) NOT NULL, `account_id` int NOT NULL, `created_at` datetime NOT NULL, `last_seen_at` datetime NOT NULL, `expires_at` datetime NOT NULL, `revoked_at` datetime NULL, INDEX `IDX_7b66986b3506ed707cdbeae455` (`account_id`, `revoked_at`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX `IDX_7b66986b3506ed707cdbeae455` ON `account_session`");
    await queryRunner.query("DROP TABLE `account_session`");
    await queryRunner.query("DROP INDEX `IDX_51d42c62f378969f65207b4328` ON `account`");
    await queryRunner.query("DROP INDEX `IDX_41dfcb70af895ddf9a53094515` ON `account`");
    await queryRunner.query("DROP TABLE `account`");
  }
}
