import { Migration } from '@mikro-orm/migrations';

export class Migration20261122000628_identity_and_audit extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "audit_event" ("id" uuid not null, "occurred_at" timestamptz not null, "user_id" uuid null, "organisation_id" uuid null, "entity_type" text not null, "entity_id" text not null, "action" text not null, "changes" jsonb not null, "request_id" text null, constraint "audit_event_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "audit_event_user_id_index" on "audit_event" ("user_id");`);
    this.addSql(`create index "audit_event_organisation_id_index" on "audit_event" ("organisation_id");`);
    this.addSql(`create index "audit_event_occurred_at_index" on "audit_event" ("occurred_at");`);
    this.addSql(`create index "audit_event_entity_type_entity_id_index" on "audit_event" ("entity_type", "entity_id");`);

    this.addSql(
      `create table "login_throttle" ("key" text not null, "failures" int not null default 0, "window_started_at" timestamptz not null, "locked_until" timestamptz null, constraint "login_throttle_pkey" primary key ("key"));`,
    );

    this.addSql(
      `create table "app_user" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, "email" text not null, "name" text not null, "organisation_id" uuid null, "role" text check ("role" in ('ADMIN', 'SECRETARIAT', 'PARTNER_EDITOR', 'PARTNER_VIEWER')) not null, "active" boolean not null default true, "password_hash" text null, "password_setup_token_hash" text null, "password_setup_expires_at" timestamptz null, constraint "app_user_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "app_user" add constraint "app_user_email_unique" unique ("email");`);
    this.addSql(`create index "app_user_organisation_id_index" on "app_user" ("organisation_id");`);
    this.addSql(`create index "app_user_password_setup_token_hash_index" on "app_user" ("password_setup_token_hash");`);

    this.addSql(
      `create table "session" ("id" uuid not null, "secret_hash" text not null, "user_id" uuid not null, "created_at" timestamptz not null, "expires_at" timestamptz not null, "ended_at" timestamptz null, constraint "session_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "session" add constraint "session_secret_hash_unique" unique ("secret_hash");`);
    this.addSql(`create index "session_user_id_index" on "session" ("user_id");`);

    this.addSql(
      `create table "api_token" ("id" uuid not null, "name" text not null, "prefix" text not null, "secret_hash" text not null, "user_id" uuid not null, "created_at" timestamptz not null, "expires_at" timestamptz not null, "last_used_at" timestamptz null, "revoked_at" timestamptz null, constraint "api_token_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "api_token" add constraint "api_token_secret_hash_unique" unique ("secret_hash");`);
    this.addSql(`create index "api_token_user_id_index" on "api_token" ("user_id");`);

    this.addSql(
      `alter table "app_user" add constraint "app_user_organisation_id_foreign" foreign key ("organisation_id") references "organisation" ("id") on update cascade on delete set null;`,
    );

    this.addSql(`alter table "session" add constraint "session_user_id_foreign" foreign key ("user_id") references "app_user" ("id") on update cascade;`);

    this.addSql(`alter table "api_token" add constraint "api_token_user_id_foreign" foreign key ("user_id") references "app_user" ("id") on update cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "session" drop constraint "session_user_id_foreign";`);

    this.addSql(`alter table "api_token" drop constraint "api_token_user_id_foreign";`);

    this.addSql(`drop table if exists "audit_event" cascade;`);

    this.addSql(`drop table if exists "login_throttle" cascade;`);

    this.addSql(`drop table if exists "app_user" cascade;`);

    this.addSql(`drop table if exists "session" cascade;`);

    this.addSql(`drop table if exists "api_token" cascade;`);
  }
}
