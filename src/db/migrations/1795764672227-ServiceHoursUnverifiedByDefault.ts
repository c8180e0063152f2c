import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ServiceHoursUnverifiedByDefault1795764672227 implements MigrationInterface {
  name = 'ServiceHoursUnverifiedByDefault1795764672227';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE `service_hours` CHANGE `verified` `verified` tinyint NOT NULL DEFAULT 0");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE `service_hours` CHANGE `verified` `verified` tinyint NOT NULL DEFAULT 1");
  }
}
