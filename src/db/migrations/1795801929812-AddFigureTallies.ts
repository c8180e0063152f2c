import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AddFigureTallies1795801929812 implements MigrationInterface {
  name = 'AddFigureTallies1795801929812';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE `community_region_figures` (`region_id` varchar(12) NOT NULL, `population` int NOT NULL DEFAULT '0', `served_person_times` int NOT NULL DEFAULT '0', PRIMARY KEY (`region_id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `community_station_figures` (`station_id` int NOT NULL, `served_person_times` int NOT NULL DEFAULT '0', PRIMARY KEY (`station_id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `need_region_figures` (`region_id` varchar(12) NOT NULL, `total` int NOT NULL DEFAULT '0', `open` int NOT NULL DEFAULT '0', `resolved` int NOT NULL DEFAULT '0', `rejected` int NOT NULL DEFAULT '0', PRIMARY KEY (`region_id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `organization_region_figures` (`region_id` varchar(12) NOT NULL, `organization_count` int NOT NULL DEFAULT '0', PRIMARY KEY (`region_id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `social_work_region_figures` (`region_id` varchar(12) NOT NULL, `social_worker_count` int NOT NULL DEFAULT '0', PRIMARY KEY (`region_id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `volunteer_region_figures` (`region_id` varchar(12) NOT NULL, `volunteer_count` int NOT NULL DEFAULT '0', `team_count` int NOT NULL DEFAULT '0', `activity_count` int NOT NULL DEFAULT '0', `half_hours` int NOT NULL DEFAULT '0', PRIMARY KEY (`region_id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `volunteer_station_figures` (`station_id` int NOT NULL, `volunteer_count` int NOT NULL DEFAULT '0', `half_hours` int NOT NULL DEFAULT '0', PRIMARY KEY (`station_id`)) ENGINE=InnoDB");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP TABLE `volunteer_station_figures`");
    await queryRunner.query("DROP TABLE `volunteer_region_figures`");
    await queryRunner.query("DROP TABLE `social_work_region_figures`");
    await queryRunner.query("DROP TABLE `organization_region_figures`");
    await queryRunner.query("DROP TABLE `need_region_figures`");
    await queryRunner.query("DROP TABLE `community_station_figures`");
    await queryRunner.query("DROP TABLE `community_region_figures`");
  }
}
