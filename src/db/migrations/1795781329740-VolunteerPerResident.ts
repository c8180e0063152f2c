import type { MigrationInterface, QueryRunner } from 'typeorm';

export class VolunteerPerResident1795781329740 implements MigrationInterface {
  name = 'VolunteerPerResident1795781329740';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE UNIQUE INDEX `IDX_3f3e274ac534a980f54384fb7a` ON `volunteer` (`region_id`, `reporter_ref`)");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX `IDX_3f3e274ac534a980f54384fb7a` ON `volunteer`");
  }
}
