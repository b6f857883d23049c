import { Migration } from '@mikro-orm/migrations';

export class Migration20261122002746_activity_reports extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "activity_report" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, "project_id" uuid not null, "organisation_id" uuid not null, "type" text check ("type" in ('TRAINING', 'ROUND_TABLE', 'PUBLIC_CONSULTATION', 'SURVEY', 'FOCUS_GROUP', 'INFORMATION_CAMPAIGN', 'MONITORING_VISIT', 'GRANT', 'PUBLICATION', 'OTHER')) not null, "title_ky" text null, "title_ru" text null, "title_en" text null, "description_ky" text null, "description_ru" text null, "description_en" text null, "start_date" date not null, "end_date" date not null, "participants_total" int null, "participants_women" int null, "participants_men" int null, "participants_youth" int null, "outputs" text[] not null, "links" jsonb not null, "status" text check ("status" in ('DRAFT', 'SUBMITTED', 'ACCEPTED', 'RETURNED')) not null default 'DRAFT', "review_comment" text null, "submitted_by" uuid null, "submitted_at" timestamptz null, "reviewed_by" uuid null, "reviewed_at" timestamptz null, "idempotency_key" text null, "payload_hash" text null, "source" text null, constraint "activity_report_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "activity_report_project_id_index" on "activity_report" ("project_id");`);
    this.addSql(`create index "activity_report_organisation_id_index" on "activity_report" ("organisation_id");`);
    this.addSql(`create index "activity_report_status_index" on "activity_report" ("status");`);
    this.addSql(`create index "activity_report_start_date_end_date_index" on "activity_report" ("start_date", "end_date");`);
    this.addSql(`alter table "activity_report" add constraint "activity_report_idempotency_key" unique ("organisation_id", "idempotency_key");`);

    this.addSql(
      `create table "activity_place" ("id" uuid not null, "report_id" uuid not null, "unit_code" text not null, "outside_coverage" boolean not null default false, constraint "activity_place_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "activity_place_report_id_index" on "activity_place" ("report_id");`);
    this.addSql(`create index "activity_place_unit_code_index" on "activity_place" ("unit_code");`);
    this.addSql(`alter table "activity_place" add constraint "activity_place_report_id_unit_code_unique" unique ("report_id", "unit_code");`);

    this.addSql(
      `create table "activity_report_theme" ("report_id" uuid not null, "theme_code" text not null, constraint "activity_report_theme_pkey" primary key ("report_id", "theme_code"));`,
    );

    this.addSql(`alter table "activity_report" add constraint "activity_report_project_id_foreign" foreign key ("project_id") references "project" ("id") on update cascade;`);
    this.addSql(
      `alter table "activity_report" add constraint "activity_report_organisation_id_foreign" foreign key ("organisation_id") references "organisation" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "activity_place" add constraint "activity_place_report_id_foreign" foreign key ("report_id") references "activity_report" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(`alter table "activity_place" add constraint "activity_place_unit_code_foreign" foreign key ("unit_code") references "admin_unit" ("code") on update cascade;`);

    this.addSql(
      `alter table "activity_report_theme" add constraint "activity_report_theme_report_id_foreign" foreign key ("report_id") references "activity_report" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "activity_report_theme" add constraint "activity_report_theme_theme_code_foreign" foreign key ("theme_code") references "theme" ("code") on update cascade on delete cascade;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "activity_place" drop constraint "activity_place_report_id_foreign";`);

    this.addSql(`alter table "activity_report_theme" drop constraint "activity_report_theme_report_id_foreign";`);

    this.addSql(`drop table if exists "activity_report" cascade;`);

    this.addSql(`drop table if exists "activity_place" cascade;`);

    this.addSql(`drop table if exists "activity_report_theme" cascade;`);
  }
}
