import type { MigrationInterface, QueryRunner } from 'typeorm';

export class StaffAdministration1795706798952 implements MigrationInterface {
  name = 'StaffAdministration1795706798952';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE `resident` (`id` int NOT NULL AUTO_INCREMENT, `name` varchar(32) NOT NULL, `region_id` varchar(12) NOT NULL, `phone_sealed` varchar(128) NULL, `phone_masked` varchar(11) NULL, `consent_at` datetime NULL, `tag_list` varchar(255) NOT NULL DEFAULT '', `registered_at` datetime NOT NULL, INDEX `IDX_a6d0f339275c3f3bac3cf3557f` (`region_id`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `audit_entry` (`id` int NOT NULL AUTO_INCREMENT, `at` datetime NOT NULL, `request_id` varchar(64) NOT NULL, `subject` varchar(128) NOT NULL, `role` varchar(16) NOT NULL, `region_id` varchar(12) NULL, `operation` varchar(64) NOT NULL, `target` varchar(255) NOT NULL, `outcome` varchar(64) NOT NULL, `client_address` varchar(64) NULL, INDEX `IDX_9d18bd4a32fc0cd8ff82b12037` (`at`), INDEX `IDX_8371303222cdaeaf91358e46ba` (`subject`), INDEX `IDX_5d987014df964fe6ae02b9ee63` (`operation`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `certificate_record` (`id` int NOT NULL AUTO_INCREMENT, `social_worker_id` int NOT NULL, `level` varchar(16) NOT NULL, `year` int NOT NULL, `reward_yuan` int NOT NULL, INDEX `IDX_e7a5d32d0b7949a5a99a9ee54a` (`social_worker_id`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `activity_signup` (`id` int NOT NULL AUTO_INCREMENT, `activity_id` int NOT NULL, `volunteer_id` int NOT NULL, `signed_up_at` datetime NOT NULL, `checked_in_at` datetime NULL, `checked_out_at` datetime NULL, INDEX `IDX_80e75b122fcb18e020a56ed90b` (`volunteer_id`), UNIQUE INDEX `IDX_07bc6ff27f2bb3558a78c77d8f` (`activity_id`, `volunteer_id`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("ALTER TABLE `need` ADD `reject_reason` varchar(255) NULL");
    await queryRunner.query("ALTER TABLE `service_project` ADD `evaluation` text NULL");
    await queryRunner.query("ALTER TABLE `service_hours` ADD `verified` tinyint NOT NULL DEFAULT 1");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE `service_hours` DROP COLUMN `verified`");
    await queryRunner.query("ALTER TABLE `service_project` DROP COLUMN `evaluation`");
    await queryRunner.query("ALTER TABLE `need` DROP COLUMN `reject_reason`");
    await queryRunner.query("DROP INDEX `IDX_07bc6ff27f2bb3558a78c77d8f` ON `activity_signup`");
    await queryRunner.query("DROP INDEX `IDX_80e75b122fcb18e020a56ed90b` ON `activity_signup`");
    await queryRunner.query("DROP TABLE `activity_signup`");
    await queryRunner.query("DROP INDEX `IDX_e7a5d32d0b7949a5a99a9ee54a` ON `certificate_record`");
    await queryRunner.query("DROP TABLE `certificate_record`");
    await queryRunner.query("DROP INDEX `IDX_5d987014df964fe6ae02b9ee63` ON `audit_entry`");
    await queryRunner.query("DROP INDEX `IDX_8371303222cdaeaf91358e46ba` ON `audit_entry`");
    await queryRunner.query("DROP INDEX `IDX_9d18bd4a32fc0cd8ff82b12037` ON `audit_entry`");
    await queryRunner.query("DROP TABLE `audit_entry`");
    await queryRunner.query("DROP INDEX `IDX_a6d0f339275c3f3bac3cf3557f` ON `resident`");
    await queryRunner.query("DROP TABLE `resident`");
  }
}
