import type { MigrationInterface, QueryRunner } from 'typeorm';

export class SearchIndex1795801246135 implements MigrationInterface {
  name = 'SearchIndex1795801246135';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE `search_text` (`kind` varchar(24) NOT NULL, `row_id` bigint NOT NULL, `field` varchar(32) NOT NULL, `content` text NOT NULL, PRIMARY KEY (`kind`, `row_id`, `field`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `search_token` (`kind` varchar(24) NOT NULL, `row_id` bigint NOT NULL, `token` bigint NOT NULL, UNIQUE INDEX `idx_search_token_lookup` (`kind`, `token`, `row_id`), PRIMARY KEY (`kind`, `row_id`, `token`)) ENGINE=InnoDB");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX `idx_search_token_lookup` ON `search_token`");
    await queryRunner.query("DROP TABLE `search_token`");
    await queryRunner.query("DROP TABLE `search_text`");
  }
}
