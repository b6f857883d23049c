import { Migration } from '@mikro-orm/migrations';

export class Migration20261122004253_meetings extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "meeting" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, "body_id" uuid not null, "number" int not null, "title_ky" text null, "title_ru" text null, "title_en" text null, "starts_at" timestamptz not null, "ends_at" timestamptz not null, "all_day" boolean not null default false, "format" text check ("format" in ('IN_PERSON', 'ONLINE', 'HYBRID', 'VISITING_SESSION')) not null, "status" text check ("status" in ('PLANNED', 'HELD', 'CANCELLED')) not null default 'PLANNED', "place_unit_code" text null, "address" text null, "online_link" text null, "sequence" int not null default 0, "cancellation_reason" text null, "source" text null, constraint "meeting_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "meeting_body_id_index" on "meeting" ("body_id");`);
    this.addSql(`create index "meeting_starts_at_index" on "meeting" ("starts_at");`);
    this.addSql(`alter table "meeting" add constraint "meeting_body_id_number_unique" unique ("body_id", "number");`);

    this.addSql(
      `create table "attendance" ("id" uuid not null, "meeting_id" uuid not null, "organisation_id" uuid not null, "status" text check ("status" in ('PRESENT', 'EXCUSED', 'ABSENT')) not null, "people" text[] not null, constraint "attendance_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "attendance_meeting_id_index" on "attendance" ("meeting_id");`);
    this.addSql(`create index "attendance_organisation_id_index" on "attendance" ("organisation_id");`);
    this.addSql(`alter table "attendance" add constraint "attendance_meeting_id_organisation_id_unique" unique ("meeting_id", "organisation_id");`);

    this.addSql(
      `create table "agenda_item" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, "meeting_id" uuid not null, "position" int not null, "title_ky" text null, "title_ru" text null, "title_en" text null, "description_ky" text null, "description_ru" text null, "description_en" text null, "presenter_id" uuid null, "minutes" text null, constraint "agenda_item_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "agenda_item_meeting_id_index" on "agenda_item" ("meeting_id");`);

    this.addSql(
      `create table "decision" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, "meeting_id" uuid not null, "agenda_item_id" uuid null, "text_ky" text null, "text_ru" text null, "text_en" text null, constraint "decision_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "decision_meeting_id_index" on "decision" ("meeting_id");`);

    this.addSql(
      `create table "agenda_item_unit" ("agenda_item_id" uuid not null, "unit_code" text not null, constraint "agenda_item_unit_pkey" primary key ("agenda_item_id", "unit_code"));`,
    );

    this.addSql(
      `create table "action_item" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, "body_id" uuid not null, "meeting_id" uuid not null, "decision_id" uuid null, "description" text not null, "owner_id" uuid not null, "due_date" date not null, "status" text check ("status" in ('OPEN', 'DONE', 'CANCELLED')) not null default 'OPEN', "closed_at" timestamptz null, constraint "action_item_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "action_item_body_id_index" on "action_item" ("body_id");`);
    this.addSql(`create index "action_item_meeting_id_index" on "action_item" ("meeting_id");`);
    this.addSql(`create index "action_item_owner_id_index" on "action_item" ("owner_id");`);
    this.addSql(`create index "action_item_status_index" on "action_item" ("status");`);

    this.addSql(
      `create table "agenda_item_project" ("agenda_item_id" uuid not null, "project_id" uuid not null, constraint "agenda_item_project_pkey" primary key ("agenda_item_id", "project_id"));`,
    );

    this.addSql(
      `create table "agenda_item_theme" ("agenda_item_id" uuid not null, "theme_code" text not null, constraint "agenda_item_theme_pkey" primary key ("agenda_item_id", "theme_code"));`,
    );

    this.addSql(`alter table "meeting" add constraint "meeting_body_id_foreign" foreign key ("body_id") references "coordination_body" ("id") on update cascade;`);
    this.addSql(
      `alter table "meeting" add constraint "meeting_place_unit_code_foreign" foreign key ("place_unit_code") references "admin_unit" ("code") on update cascade on delete set null;`,
    );

    this.addSql(
      `alter table "attendance" add constraint "attendance_meeting_id_foreign" foreign key ("meeting_id") references "meeting" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(`alter table "attendance" add constraint "attendance_organisation_id_foreign" foreign key ("organisation_id") references "organisation" ("id") on update cascade;`);

    this.addSql(
      `alter table "agenda_item" add constraint "agenda_item_meeting_id_foreign" foreign key ("meeting_id") references "meeting" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "agenda_item" add constraint "agenda_item_presenter_id_foreign" foreign key ("presenter_id") references "organisation" ("id") on update cascade on delete set null;`,
    );

    this.addSql(`alter table "decision" add constraint "decision_meeting_id_foreign" foreign key ("meeting_id") references "meeting" ("id") on update cascade on delete cascade;`);
    this.addSql(
      `alter table "decision" add constraint "decision_agenda_item_id_foreign" foreign key ("agenda_item_id") references "agenda_item" ("id") on update cascade on delete set null;`,
    );

    this.addSql(
      `alter table "agenda_item_unit" add constraint "agenda_item_unit_agenda_item_id_foreign" foreign key ("agenda_item_id") references "agenda_item" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "agenda_item_unit" add constraint "agenda_item_unit_unit_code_foreign" foreign key ("unit_code") references "admin_unit" ("code") on update cascade on delete cascade;`,
    );

    this.addSql(`alter table "action_item" add constraint "action_item_body_id_foreign" foreign key ("body_id") references "coordination_body" ("id") on update cascade;`);
    this.addSql(`alter table "action_item" add constraint "action_item_meeting_id_foreign" foreign key ("meeting_id") references "meeting" ("id") on update cascade;`);
    this.addSql(
      `alter table "action_item" add constraint "action_item_decision_id_foreign" foreign key ("decision_id") references "decision" ("id") on update cascade on delete set null;`,
    );
    this.addSql(`alter table "action_item" add constraint "action_item_owner_id_foreign" foreign key ("owner_id") references "organisation" ("id") on update cascade;`);

    this.addSql(
      `alter table "agenda_item_project" add constraint "agenda_item_project_agenda_item_id_foreign" foreign key ("agenda_item_id") references "agenda_item" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "agenda_item_project" add constraint "agenda_item_project_project_id_foreign" foreign key ("project_id") references "project" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "agenda_item_theme" add constraint "agenda_item_theme_agenda_item_id_foreign" foreign key ("agenda_item_id") references "agenda_item" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "agenda_item_theme" add constraint "agenda_item_theme_theme_code_foreign" foreign key ("theme_code") references "theme" ("code") on update cascade on delete cascade;`,
    );

    this.addSql(`alter table "coordination_body" add column "quorum_percent" smallint not null default 50, add column "earlier_meeting_count" int null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "attendance" drop constraint "attendance_meeting_id_foreign";`);

    this.addSql(`alter table "agenda_item" drop constraint "agenda_item_meeting_id_foreign";`);

    this.addSql(`alter table "decision" drop constraint "decision_meeting_id_foreign";`);

    this.addSql(`alter table "action_item" drop constraint "action_item_meeting_id_foreign";`);

    this.addSql(`alter table "decision" drop constraint "decision_agenda_item_id_foreign";`);

    this.addSql(`alter table "agenda_item_unit" drop constraint "agenda_item_unit_agenda_item_id_foreign";`);

    this.addSql(`alter table "agenda_item_project" drop constraint "agenda_item_project_agenda_item_id_foreign";`);

    this.addSql(`alter table "agenda_item_theme" drop constraint "agenda_item_theme_agenda_item_id_foreign";`);

    this.addSql(`alter table "action_item" drop constraint "action_item_decision_id_foreign";`);

    this.addSql(`drop table if exists "meeting" cascade;`);

    this.addSql(`drop table if exists "attendance" cascade;`);

    this.addSql(`drop table if exists "agenda_item" cascade;`);

    this.addSql(`drop table if exists "decision" cascade;`);

    this.addSql(`drop table if exists "agenda_item_unit" cascade;`);

    this.addSql(`drop table if exists "action_item" cascade;`);

    this.addSql(`drop table if exists "agenda_item_project" cascade;`);

    this.addSql(`drop table if exists "agenda_item_theme" cascade;`);

    this.addSql(`alter table "coordination_body" drop column "quorum_percent", drop column "earlier_meeting_count";`);
  }
}
