import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Initial1795800353933 implements MigrationInterface {
  name = 'Initial1795800353933';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "audit_entry" ("id" SERIAL NOT NULL, "at" TIMESTAMP NOT NULL, "kind" character varying(16) NOT NULL DEFAULT \'MUTATION\', "request_id" character varying(64) NOT NULL, "subject" character varying(128) NOT NULL, "role" character varying(16) NOT NULL, "region_id" character varying(12), "operation" character varying(64) NOT NULL, "target" character varying(255) NOT NULL, "record" character varying(64), "outcome" character varying(64) NOT NULL, "count" integer NOT NULL DEFAULT \'1\', "client_address" character varying(64), CONSTRAINT "PK_58a130a4b9da189f46ba2a01801" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "IDX_9d18bd4a32fc0cd8ff82b12037" ON "audit_entry"  ("at") ');
    await queryRunner.query('CREATE INDEX "IDX_ebd0907aa536f93a9c0d0a922f" ON "audit_entry"  ("kind") ');
    await queryRunner.query('CREATE INDEX "IDX_8371303222cdaeaf91358e46ba" ON "audit_entry"  ("subject") ');
    await queryRunner.query('CREATE INDEX "IDX_5d987014df964fe6ae02b9ee63" ON "audit_entry"  ("operation") ');
    await queryRunner.query('CREATE INDEX "IDX_bb7bf75a0c72b978c03124d8d8" ON "audit_entry"  ("record") ');
    await queryRunner.query(
      'CREATE TABLE "account" ("id" SERIAL NOT NULL, "username" character varying(32) NOT NULL, "display_name" character varying(64) NOT NULL, "role" character varying(8) NOT NULL, "region_id" character varying(12), "organization_id" integer, "disabled_at" TIMESTAMP, "password_hash" character varying(255), "failed_attempts" integer NOT NULL DEFAULT \'0\', "locked_until" TIMESTAMP, "reset_code_hash" character varying(64), "reset_code_expires_at" TIMESTAMP, "totp_secret" character varying(255), "totp_pending_secret" character varying(255), "totp_key_id" character varying(16), "totp_last_step" bigint, "created_at" TIMESTAMP NOT NULL, CONSTRAINT "PK_54115ee388cdb6d86bb4bf5b2ea" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE UNIQUE INDEX "IDX_41dfcb70af895ddf9a53094515" ON "account"  ("username") ');
    await queryRunner.query('CREATE INDEX "IDX_51d42c62f378969f65207b4328" ON "account"  ("region_id") ');
    await queryRunner.query(
      'CREATE TABLE "account_session" ("id" character varying(64) NOT NULL, "account_id" integer NOT NULL, "created_at" TIMESTAMP NOT NULL, "last_seen_at" TIMESTAMP NOT NULL, "expires_at" TIMESTAMP NOT NULL, "revoked_at" TIMESTAMP, CONSTRAINT "PK_5c3e060425fa96014c285fc6c1e" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_7b66986b3506ed707cdbeae455" ON "account_session"  ("account_id", "revoked_at") ',
    );
    await queryRunner.query(
      'CREATE TABLE "charity_resource" ("id" SERIAL NOT NULL, "name" character varying(128) NOT NULL, "kind" character varying(16) NOT NULL, "donor" character varying(128) NOT NULL, "region_id" character varying(12) NOT NULL, "category" character varying(32), "amount" integer NOT NULL, "unit" character varying(16) NOT NULL, "received_on" character varying(10) NOT NULL, "description" text, CONSTRAINT "PK_334d6f3dbeb637bcb4616352ee1" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "IDX_9f9e560fd8bf9df612c9837b4f" ON "charity_resource"  ("kind") ');
    await queryRunner.query('CREATE INDEX "IDX_c38db215b64fe3b37082de5d45" ON "charity_resource"  ("region_id") ');
    await queryRunner.query('CREATE INDEX "IDX_a8ce5308e137cbc9f597b4c06b" ON "charity_resource"  ("category") ');
    await queryRunner.query(
      'CREATE TABLE "allocation" ("id" SERIAL NOT NULL, "resource_id" integer NOT NULL, "need_id" integer, "project_id" integer, "amount" integer NOT NULL, "allocated_on" character varying(10) NOT NULL, "note" character varying(255) NOT NULL DEFAULT \'\', CONSTRAINT "PK_7df89c736595e454b6ae07264fe" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "IDX_4bde01fb932dc4001d9ed618bb" ON "allocation"  ("resource_id") ');
    await queryRunner.query('CREATE INDEX "IDX_9edf807f97172f580e8a5672c7" ON "allocation"  ("need_id") ');
    await queryRunner.query('CREATE INDEX "IDX_76815fe3cf9ae7d884377a907b" ON "allocation"  ("project_id") ');
    await queryRunner.query(
      'CREATE TABLE "service_station" ("id" SERIAL NOT NULL, "name" character varying(128) NOT NULL, "kind" character varying(32) NOT NULL, "region_id" character varying(12) NOT NULL, "address" character varying(255) NOT NULL DEFAULT \'\', "public_phone" character varying(20), "description" text, "investment_yuan" integer, "floor_area_m2" integer, "opened_year" integer, CONSTRAINT "PK_afbe93cff06628fc6ce58505bc7" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "IDX_fc09da187d07b2e579e8ff3000" ON "service_station"  ("kind") ');
    await queryRunner.query('CREATE INDEX "IDX_f2687f32dce3a9c95361671abe" ON "service_station"  ("region_id") ');
    await queryRunner.query(
      'CREATE TABLE "station_service_record" ("id" SERIAL NOT NULL, "station_id" integer NOT NULL, "served_on" character varying(10) NOT NULL, "person_times" integer NOT NULL, "activity" character varying(128) NOT NULL DEFAULT \'\', CONSTRAINT "PK_8cdbc1a1d2c8bad4f9aa2ecb310" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_6e823c5731662c0d82b0d29005" ON "station_service_record"  ("station_id") ',
    );
    await queryRunner.query(
      'CREATE TABLE "region" ("id" character varying(12) NOT NULL, "name" character varying(64) NOT NULL, "level" character varying(16) NOT NULL, "kind" character varying(8) NOT NULL, "parent_id" character varying(12), "own_population" integer NOT NULL DEFAULT \'0\', CONSTRAINT "PK_5f48ffc3af96bc486f5f3f3a6da" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "IDX_ebe754ed1735718016ce2f6221" ON "region"  ("level") ');
    await queryRunner.query('CREATE INDEX "IDX_2547f55866c0274d35fdd9a29c" ON "region"  ("parent_id") ');
    await queryRunner.query(
      'CREATE TABLE "resident" ("id" SERIAL NOT NULL, "name" character varying(32) NOT NULL, "region_id" character varying(12) NOT NULL, "phone_sealed" character varying(128), "phone_key_id" character varying(16), "phone_masked" character varying(11), "consent_at" TIMESTAMP, "tag_list" character varying(255) NOT NULL DEFAULT \'\', "registered_at" TIMESTAMP NOT NULL, CONSTRAINT "PK_f1a321823d6f69d0e348535fd37" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "IDX_a6d0f339275c3f3bac3cf3557f" ON "resident"  ("region_id") ');
    await queryRunner.query(
      'CREATE TABLE "linkage_case" ("id" SERIAL NOT NULL, "need_id" integer NOT NULL, "opened_at" TIMESTAMP NOT NULL, CONSTRAINT "PK_13a265b86a128dd291cb93dfc3b" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE UNIQUE INDEX "IDX_885ee9598f76217cbed6e9838d" ON "linkage_case"  ("need_id") ');
    await queryRunner.query(
      'CREATE TABLE "linkage_contribution" ("id" SERIAL NOT NULL, "case_id" integer NOT NULL, "society" character varying(16) NOT NULL, "reference_id" character varying(32) NOT NULL, "description" character varying(255) NOT NULL, "half_hours" integer NOT NULL DEFAULT \'0\', CONSTRAINT "PK_cd4fee84bad48a79b459d8d6e96" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "IDX_4498ee0845fd7a9580a54732d5" ON "linkage_contribution"  ("case_id") ');
    await queryRunner.query(
      'CREATE TABLE "project_round" ("id" SERIAL NOT NULL, "name" character varying(128) NOT NULL, "sponsor" character varying(64) NOT NULL, "opened_on" character varying(10) NOT NULL, "quota" integer NOT NULL, CONSTRAINT "PK_7151eb30971c3c1db11dbc54509" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE TABLE "service_project" ("id" SERIAL NOT NULL, "round_id" integer NOT NULL, "title" character varying(128) NOT NULL, "category" character varying(32) NOT NULL, "status" character varying(16) NOT NULL DEFAULT \'SUBMITTED\', "applicant_id" integer NOT NULL, "station_id" integer, "region_id" character varying(12) NOT NULL, "score" double precision, "summary" text, "evaluation" text, CONSTRAINT "PK_eec4396f76bed7e6963acd34dda" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "IDX_491c00eb9349d47df5a6889aa0" ON "service_project"  ("round_id") ');
    await queryRunner.query('CREATE INDEX "IDX_7095cdc77b073f828e94a8381b" ON "service_project"  ("category") ');
    await queryRunner.query('CREATE INDEX "IDX_85d22834e7671939635ea84f6f" ON "service_project"  ("status") ');
    await queryRunner.query('CREATE INDEX "IDX_a8df15c69c3ebf850d692691da" ON "service_project"  ("applicant_id") ');
    await queryRunner.query('CREATE INDEX "IDX_498d70e393a2cefdc9dbd45363" ON "service_project"  ("region_id") ');
    await queryRunner.query(
      'CREATE TABLE "project_need_citation" ("id" SERIAL NOT NULL, "project_id" integer NOT NULL, "need_id" integer NOT NULL, CONSTRAINT "PK_6993069adb0cb0b65821f2d341e" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "IDX_7f56e61ae1a667e37f379f8e62" ON "project_need_citation"  ("need_id") ');
    await queryRunner.query(
      'CREATE UNIQUE INDEX "IDX_36fa98bccf0b6ddfbd1505ef75" ON "project_need_citation"  ("project_id", "need_id") ',
    );
    await queryRunner.query(
      'CREATE TABLE "project_service" ("id" SERIAL NOT NULL, "project_id" integer NOT NULL, "service_id" integer NOT NULL, CONSTRAINT "PK_a09aa878f610f8a2ee2b5071229" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "IDX_8ccf51e2d6bf345298c3d81ec9" ON "project_service"  ("project_id", "service_id") ',
    );
    await queryRunner.query(
      'CREATE TABLE "need" ("id" SERIAL NOT NULL, "number" character varying(20) NOT NULL, "category" character varying(32) NOT NULL, "description" text NOT NULL, "urgency" character varying(16) NOT NULL DEFAULT \'NORMAL\', "status" character varying(16) NOT NULL DEFAULT \'SUBMITTED\', "community_id" character varying(12) NOT NULL, "submitted_at" TIMESTAMP NOT NULL, "resolved_at" TIMESTAMP, "rating" integer, "reject_reason" character varying(255), "contact_phone_sealed" character varying(128), "contact_phone_key_id" character varying(16), "contact_phone_masked" character varying(11), "contact_consent_at" TIMESTAMP, "reporter_ref" character varying(64), CONSTRAINT "PK_218b14514f334ee6f39954f86ba" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE UNIQUE INDEX "IDX_262bbd11fe21e3ab718e4cf40a" ON "need"  ("number") ');
    await queryRunner.query('CREATE INDEX "IDX_2c325872571fdea6418ca37238" ON "need"  ("category") ');
    await queryRunner.query('CREATE INDEX "IDX_d89677ad1b1ac9ca77bc4711c4" ON "need"  ("status") ');
    await queryRunner.query('CREATE INDEX "IDX_b0a8d583e3fbc9ee2a91049417" ON "need"  ("community_id") ');
    await queryRunner.query(
      'CREATE TABLE "need_number_counter" ("day" character varying(8) NOT NULL, "last_number" integer NOT NULL, CONSTRAINT "PK_7cfb9daca25d86df2445fa405f5" PRIMARY KEY ("day"))',
    );
    await queryRunner.query(
      'CREATE TABLE "need_event" ("seq" integer NOT NULL, "need_id" integer NOT NULL, "kind" character varying(16) NOT NULL, "from_status" character varying(16), "to_status" character varying(16) NOT NULL, "actor" character varying(64) NOT NULL, "reason" character varying(255), "handler_society" character varying(16), "handler_reference_id" character varying(32), "appointment_at" TIMESTAMP, "at" TIMESTAMP NOT NULL, CONSTRAINT "PK_66c26d9b4a0a3b4a4912a05aef7" PRIMARY KEY ("seq"))',
    );
    await queryRunner.query('CREATE INDEX "IDX_ce0ac78a8ca8c5ce8a42ff1637" ON "need_event"  ("need_id", "seq") ');
    await queryRunner.query(
      'CREATE TABLE "need_event_head" ("id" integer NOT NULL, "last_seq" integer NOT NULL, CONSTRAINT "PK_ba687dbeec3b6acff0cffd54374" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE TABLE "service" ("id" SERIAL NOT NULL, "name" character varying(128) NOT NULL, "category" character varying(32) NOT NULL, "description" text, "provider_id" integer NOT NULL, "region_id" character varying(12) NOT NULL, "station_id" integer, "schedule" character varying(128) NOT NULL DEFAULT \'\', "capacity" integer, "active" boolean NOT NULL DEFAULT true, CONSTRAINT "PK_85a21558c006647cd76fdce044b" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "IDX_914feb4c1abcc4461e1d55f967" ON "service"  ("category") ');
    await queryRunner.query('CREATE INDEX "IDX_7610a92ca242cb29d96009caa1" ON "service"  ("provider_id") ');
    await queryRunner.query('CREATE INDEX "IDX_bdf437dbfb5e31d98a7ac45704" ON "service"  ("region_id") ');
    await queryRunner.query('CREATE INDEX "IDX_afbe93cff06628fc6ce58505bc" ON "service"  ("station_id") ');
    await queryRunner.query(
      'CREATE TABLE "social_organization" ("id" SERIAL NOT NULL, "name" character varying(128) NOT NULL, "kind" character varying(32) NOT NULL, "credit_code" character varying(18) NOT NULL, "status" character varying(16) NOT NULL DEFAULT \'ACTIVE\', "region_id" character varying(12) NOT NULL, "category" character varying(32) NOT NULL, "party_branch" boolean NOT NULL DEFAULT false, "founded_year" integer, "description" text, "public_phone" character varying(20), "address" character varying(255) NOT NULL DEFAULT \'\', CONSTRAINT "PK_7aac01ff93dd11a43e1343af776" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "IDX_84a4c4b259466a592f37a3d9ca" ON "social_organization"  ("kind") ');
    await queryRunner.query(
      'CREATE UNIQUE INDEX "IDX_1a0d079af5cfd85c547fe72edd" ON "social_organization"  ("credit_code") ',
    );
    await queryRunner.query('CREATE INDEX "IDX_cc09bc60c9c2d1bf13d2f1c8f6" ON "social_organization"  ("region_id") ');
    await queryRunner.query('CREATE INDEX "IDX_e5e7198621b716301e77804a7f" ON "social_organization"  ("category") ');
    await queryRunner.query(
      'CREATE TABLE "social_worker" ("id" SERIAL NOT NULL, "name" character varying(64) NOT NULL, "level" character varying(16) NOT NULL, "certified_year" integer NOT NULL, "region_id" character varying(12) NOT NULL, "organization_id" integer, "station_id" integer, "specialty_list" character varying(255) NOT NULL DEFAULT \'\', CONSTRAINT "PK_80b19006ba189d735ffa7909177" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "IDX_dfaf64856e0dc8e69794e422a2" ON "social_worker"  ("level") ');
    await queryRunner.query('CREATE INDEX "IDX_731a9df0a5ed4462c16d4d3e4c" ON "social_worker"  ("region_id") ');
    await queryRunner.query('CREATE INDEX "IDX_592cc56f6cfec31ac6a582abf2" ON "social_worker"  ("organization_id") ');
    await queryRunner.query('CREATE INDEX "IDX_b93df233f9eb28ce2f412ff321" ON "social_worker"  ("station_id") ');
    await queryRunner.query(
      'CREATE TABLE "certificate_reward" ("level" character varying(16) NOT NULL, "title" character varying(32) NOT NULL, "amount_yuan" integer NOT NULL, CONSTRAINT "PK_e0015205d145ff70fa5da0a0a54" PRIMARY KEY ("level"))',
    );
    await queryRunner.query(
      'CREATE TABLE "talent_award" ("id" SERIAL NOT NULL, "social_worker_id" integer NOT NULL, "programme" character varying(64) NOT NULL, "year" integer NOT NULL, "amount_yuan" integer NOT NULL, CONSTRAINT "PK_c2b1bc6b36b21faa38c9b3e3c75" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "IDX_1b9eaff3c15dc4b60630512231" ON "talent_award"  ("social_worker_id") ');
    await queryRunner.query(
      'CREATE TABLE "social_work_exam_year" ("year" integer NOT NULL, "applicants" integer NOT NULL, "source" character varying(128) NOT NULL, CONSTRAINT "PK_37f699ae70c8762ffa4baf64986" PRIMARY KEY ("year"))',
    );
    await queryRunner.query(
      'CREATE TABLE "certificate_record" ("id" SERIAL NOT NULL, "social_worker_id" integer NOT NULL, "level" character varying(16) NOT NULL, "year" integer NOT NULL, "reward_yuan" integer NOT NULL, CONSTRAINT "PK_21c769bc98fda9b8d3c507d9fa9" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_e7a5d32d0b7949a5a99a9ee54a" ON "certificate_record"  ("social_worker_id") ',
    );
    await queryRunner.query(
      'CREATE TABLE "volunteer_team" ("id" SERIAL NOT NULL, "name" character varying(128) NOT NULL, "region_id" character varying(12) NOT NULL, "organization_id" integer, "founded_year" integer, CONSTRAINT "PK_426a82503d4a4f4ae1483855a92" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "IDX_191209734fb2f6da662667d95b" ON "volunteer_team"  ("region_id") ');
    await queryRunner.query('CREATE INDEX "IDX_7abc469c08fed982871df5d473" ON "volunteer_team"  ("organization_id") ');
    await queryRunner.query(
      'CREATE TABLE "volunteer" ("id" SERIAL NOT NULL, "name" character varying(32) NOT NULL, "region_id" character varying(12) NOT NULL, "reporter_ref" character varying(64), "team_id" integer, "station_id" integer, "skill" character varying(32) NOT NULL, "registered_year" integer NOT NULL, CONSTRAINT "PK_76924da1998b3e07025e04c4d3c" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "IDX_b4d9ed32b2e11d419289f41446" ON "volunteer"  ("region_id") ');
    await queryRunner.query('CREATE INDEX "IDX_426a82503d4a4f4ae1483855a9" ON "volunteer"  ("team_id") ');
    await queryRunner.query('CREATE INDEX "IDX_34682286a293ce52f301be8c68" ON "volunteer"  ("station_id") ');
    await queryRunner.query(
      'CREATE UNIQUE INDEX "IDX_3f3e274ac534a980f54384fb7a" ON "volunteer"  ("region_id", "reporter_ref") ',
    );
    await queryRunner.query(
      'CREATE TABLE "volunteer_activity" ("id" SERIAL NOT NULL, "title" character varying(128) NOT NULL, "category" character varying(32) NOT NULL, "description" text, "region_id" character varying(12) NOT NULL, "station_id" integer, "team_id" integer, "organization_id" integer, "starts_on" character varying(10) NOT NULL, "capacity" integer, "status" character varying(16) NOT NULL DEFAULT \'FINISHED\', CONSTRAINT "PK_f6d890f349fe62d8bc653ac0848" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "IDX_e61deb8eba0d0ab4d2976fe4c6" ON "volunteer_activity"  ("category") ');
    await queryRunner.query('CREATE INDEX "IDX_6970a0676bffb64bee7b055721" ON "volunteer_activity"  ("region_id") ');
    await queryRunner.query('CREATE INDEX "IDX_a744e52dca66a6b2331dafc7fc" ON "volunteer_activity"  ("station_id") ');
    await queryRunner.query('CREATE INDEX "IDX_c122c299621a5c15a98c8de249" ON "volunteer_activity"  ("team_id") ');
    await queryRunner.query('CREATE INDEX "IDX_ca6401648a8d662d6ee15f2743" ON "volunteer_activity"  ("starts_on") ');
    await queryRunner.query(
      'CREATE TABLE "service_hours" ("id" SERIAL NOT NULL, "volunteer_id" integer NOT NULL, "activity_id" integer, "station_id" integer, "region_id" character varying(12) NOT NULL, "half_hours" integer NOT NULL, "served_on" character varying(10) NOT NULL, "verified" boolean NOT NULL DEFAULT false, "rejected_at" TIMESTAMP, "reject_reason" character varying(255), CONSTRAINT "PK_de004c2baee3a10d3e80f37c3eb" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "IDX_d4c636805f905a4886a9d45688" ON "service_hours"  ("volunteer_id") ');
    await queryRunner.query('CREATE INDEX "IDX_8e5008b0da234a2b8bf12c05f4" ON "service_hours"  ("activity_id") ');
    await queryRunner.query('CREATE INDEX "IDX_0a5e9042bed62d292a00162037" ON "service_hours"  ("station_id") ');
    await queryRunner.query('CREATE INDEX "IDX_ce4c3253df506fae6c30781805" ON "service_hours"  ("region_id") ');
    await queryRunner.query(
      'CREATE TABLE "activity_signup" ("id" SERIAL NOT NULL, "activity_id" integer NOT NULL, "volunteer_id" integer NOT NULL, "signed_up_at" TIMESTAMP NOT NULL, "checked_in_at" TIMESTAMP, "checked_out_at" TIMESTAMP, CONSTRAINT "PK_f0cc5597d408c0c309c45fad2e3" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "IDX_80e75b122fcb18e020a56ed90b" ON "activity_signup"  ("volunteer_id") ');
    await queryRunner.query(
      'CREATE UNIQUE INDEX "IDX_07bc6ff27f2bb3558a78c77d8f" ON "activity_signup"  ("activity_id", "volunteer_id") ',
    );
    await queryRunner.query(
      'CREATE TABLE "hour_ledger_entry" ("id" SERIAL NOT NULL, "volunteer_id" integer NOT NULL, "kind" character varying(8) NOT NULL, "half_hours" integer NOT NULL, "reference" character varying(64) NOT NULL, "recorded_at" character varying(20) NOT NULL, "previous_hash" character varying(64) NOT NULL, "hash" character varying(64) NOT NULL, CONSTRAINT "PK_0aeb11a8ede62cc8efce88582ea" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "IDX_dbfd1499e69c23eed227772a79" ON "hour_ledger_entry"  ("volunteer_id") ');
    await queryRunner.query(
      'CREATE TABLE "hour_ledger_head" ("id" integer NOT NULL, "last_entry_id" integer NOT NULL, "last_hash" character varying(64) NOT NULL, CONSTRAINT "PK_1ba731ddb2f4f11590e3fd01bd1" PRIMARY KEY ("id"))',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE "hour_ledger_head"');
    await queryRunner.query('DROP INDEX "public"."IDX_dbfd1499e69c23eed227772a79"');
    await queryRunner.query('DROP TABLE "hour_ledger_entry"');
    await queryRunner.query('DROP INDEX "public"."IDX_07bc6ff27f2bb3558a78c77d8f"');
    await queryRunner.query('DROP INDEX "public"."IDX_80e75b122fcb18e020a56ed90b"');
    await queryRunner.query('DROP TABLE "activity_signup"');
    await queryRunner.query('DROP INDEX "public"."IDX_ce4c3253df506fae6c30781805"');
    await queryRunner.query('DROP INDEX "public"."IDX_0a5e9042bed62d292a00162037"');
    await queryRunner.query('DROP INDEX "public"."IDX_8e5008b0da234a2b8bf12c05f4"');
    await queryRunner.query('DROP INDEX "public"."IDX_d4c636805f905a4886a9d45688"');
    await queryRunner.query('DROP TABLE "service_hours"');
    await queryRunner.query('DROP INDEX "public"."IDX_ca6401648a8d662d6ee15f2743"');
    await queryRunner.query('DROP INDEX "public"."IDX_c122c299621a5c15a98c8de249"');
    await queryRunner.query('DROP INDEX "public"."IDX_a744e52dca66a6b2331dafc7fc"');
    await queryRunner.query('DROP INDEX "public"."IDX_6970a0676bffb64bee7b055721"');
    await queryRunner.query('DROP INDEX "public"."IDX_e61deb8eba0d0ab4d2976fe4c6"');
    await queryRunner.query('DROP TABLE "volunteer_activity"');
    await queryRunner.query('DROP INDEX "public"."IDX_3f3e274ac534a980f54384fb7a"');
    await queryRunner.query('DROP INDEX "public"."IDX_34682286a293ce52f301be8c68"');
    await queryRunner.query('DROP INDEX "public"."IDX_426a82503d4a4f4ae1483855a9"');
    await queryRunner.query('DROP INDEX "public"."IDX_b4d9ed32b2e11d419289f41446"');
    await queryRunner.query('DROP TABLE "volunteer"');
    await queryRunner.query('DROP INDEX "public"."IDX_7abc469c08fed982871df5d473"');
    await queryRunner.query('DROP INDEX "public"."IDX_191209734fb2f6da662667d95b"');
    await queryRunner.query('DROP TABLE "volunteer_team"');
    await queryRunner.query('DROP INDEX "public"."IDX_e7a5d32d0b7949a5a99a9ee54a"');
    await queryRunner.query('DROP TABLE "certificate_record"');
    await queryRunner.query('DROP TABLE "social_work_exam_year"');
    await queryRunner.query('DROP INDEX "public"."IDX_1b9eaff3c15dc4b60630512231"');
    await queryRunner.query('DROP TABLE "talent_award"');
    await queryRunner.query('DROP TABLE "certificate_reward"');
    await queryRunner.query('DROP INDEX "public"."IDX_b93df233f9eb28ce2f412ff321"');
    await queryRunner.query('DROP INDEX "public"."IDX_592cc56f6cfec31ac6a582abf2"');
    await queryRunner.query('DROP INDEX "public"."IDX_731a9df0a5ed4462c16d4d3e4c"');
    await queryRunner.query('DROP INDEX "public"."IDX_dfaf64856e0dc8e69794e422a2"');
    await queryRunner.query('DROP TABLE "social_worker"');
    await queryRunner.query('DROP INDEX "public"."IDX_e5e7198621b716301e77804a7f"');
    await queryRunner.query('DROP INDEX "public"."IDX_cc09bc60c9c2d1bf13d2f1c8f6"');
    await queryRunner.query('DROP INDEX "public"."IDX_1a0d079af5cfd85c547fe72edd"');
    await queryRunner.query('DROP INDEX "public"."IDX_84a4c4b259466a592f37a3d9ca"');
    await queryRunner.query('DROP TABLE "social_organization"');
    await queryRunner.query('DROP INDEX "public"."IDX_afbe93cff06628fc6ce58505bc"');
    await queryRunner.query('DROP INDEX "public"."IDX_bdf437dbfb5e31d98a7ac45704"');
    await queryRunner.query('DROP INDEX "public"."IDX_7610a92ca242cb29d96009caa1"');
    await queryRunner.query('DROP INDEX "public"."IDX_914feb4c1abcc4461e1d55f967"');
    await queryRunner.query('DROP TABLE "service"');
    await queryRunner.query('DROP TABLE "need_event_head"');
    await queryRunner.query('DROP INDEX "public"."IDX_ce0ac78a8ca8c5ce8a42ff1637"');
    await queryRunner.query('DROP TABLE "need_event"');
    await queryRunner.query('DROP TABLE "need_number_counter"');
    await queryRunner.query('DROP INDEX "public"."IDX_b0a8d583e3fbc9ee2a91049417"');
    await queryRunner.query('DROP INDEX "public"."IDX_d89677ad1b1ac9ca77bc4711c4"');
    await queryRunner.query('DROP INDEX "public"."IDX_2c325872571fdea6418ca37238"');
    await queryRunner.query('DROP INDEX "public"."IDX_262bbd11fe21e3ab718e4cf40a"');
    await queryRunner.query('DROP TABLE "need"');
    await queryRunner.query('DROP INDEX "public"."IDX_8ccf51e2d6bf345298c3d81ec9"');
    await queryRunner.query('DROP TABLE "project_service"');
    await queryRunner.query('DROP INDEX "public"."IDX_36fa98bccf0b6ddfbd1505ef75"');
    await queryRunner.query('DROP INDEX "public"."IDX_7f56e61ae1a667e37f379f8e62"');
    await queryRunner.query('DROP TABLE "project_need_citation"');
    await queryRunner.query('DROP INDEX "public"."IDX_498d70e393a2cefdc9dbd45363"');
    await queryRunner.query('DROP INDEX "public"."IDX_a8df15c69c3ebf850d692691da"');
    await queryRunner.query('DROP INDEX "public"."IDX_85d22834e7671939635ea84f6f"');
    await queryRunner.query('DROP INDEX "public"."IDX_7095cdc77b073f828e94a8381b"');
    await queryRunner.query('DROP INDEX "public"."IDX_491c00eb9349d47df5a6889aa0"');
    await queryRunner.query('DROP TABLE "service_project"');
    await queryRunner.query('DROP TABLE "project_round"');
    await queryRunner.query('DROP INDEX "public"."IDX_4498ee0845fd7a9580a54732d5"');
    await queryRunner.query('DROP TABLE "linkage_contribution"');
    await queryRunner.query('DROP INDEX "public"."IDX_885ee9598f76217cbed6e9838d"');
    await queryRunner.query('DROP TABLE "linkage_case"');
    await queryRunner.query('DROP INDEX "public"."IDX_a6d0f339275c3f3bac3cf3557f"');
    await queryRunner.query('DROP TABLE "resident"');
    await queryRunner.query('DROP INDEX "public"."IDX_2547f55866c0274d35fdd9a29c"');
    await queryRunner.query('DROP INDEX "public"."IDX_ebe754ed1735718016ce2f6221"');
    await queryRunner.query('DROP TABLE "region"');
    await queryRunner.query('DROP INDEX "public"."IDX_6e823c5731662c0d82b0d29005"');
    await queryRunner.query('DROP TABLE "station_service_record"');
    await queryRunner.query('DROP INDEX "public"."IDX_f2687f32dce3a9c95361671abe"');
    await queryRunner.query('DROP INDEX "public"."IDX_fc09da187d07b2e579e8ff3000"');
    await queryRunner.query('DROP TABLE "service_station"');
    await queryRunner.query('DROP INDEX "public"."IDX_76815fe3cf9ae7d884377a907b"');
    await queryRunner.query('DROP INDEX "public"."IDX_9edf807f97172f580e8a5672c7"');
    await queryRunner.query('DROP INDEX "public"."IDX_4bde01fb932dc4001d9ed618bb"');
    await queryRunner.query('DROP TABLE "allocation"');
    await queryRunner.query('DROP INDEX "public"."IDX_a8ce5308e137cbc9f597b4c06b"');
    await queryRunner.query('DROP INDEX "public"."IDX_c38db215b64fe3b37082de5d45"');
    await queryRunner.query('DROP INDEX "public"."IDX_9f9e560fd8bf9df612c9837b4f"');
    await queryRunner.query('DROP TABLE "charity_resource"');
    await queryRunner.query('DROP INDEX "public"."IDX_7b66986b3506ed707cdbeae455"');
    await queryRunner.query('DROP TABLE "account_session"');
    await queryRunner.query('DROP INDEX "public"."IDX_51d42c62f378969f65207b4328"');
    await queryRunner.query('DROP INDEX "public"."IDX_41dfcb70af895ddf9a53094515"');
    await queryRunner.query('DROP TABLE "account"');
    await queryRunner.query('DROP INDEX "public"."IDX_bb7bf75a0c72b978c03124d8d8"');
    await queryRunner.query('DROP INDEX "public"."IDX_5d987014df964fe6ae02b9ee63"');
    await queryRunner.query('DROP INDEX "public"."IDX_8371303222cdaeaf91358e46ba"');
    await queryRunner.query('DROP INDEX "public"."IDX_ebd0907aa536f93a9c0d0a922f"');
    await queryRunner.query('DROP INDEX "public"."IDX_9d18bd4a32fc0cd8ff82b12037"');
    await queryRunner.query('DROP TABLE "audit_entry"');
  }
}
