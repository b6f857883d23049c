import { Migration } from '@mikro-orm/migrations';

export class Migration20261121234922_partner_api extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "exchange_rate" ("id" uuid not null, "currency" char(3) not null, "date" date not null, "rate" numeric(24,12) not null, "source" text null, constraint "exchange_rate_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "exchange_rate_currency_date_index" on "exchange_rate" ("currency", "date");`);
    this.addSql(`alter table "exchange_rate" add constraint "exchange_rate_currency_date_unique" unique ("currency", "date");`);

    this.addSql(
      `create table "organisation" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, "name_ky" text null, "name_ru" text null, "name_en" text null, "acronym" text null, "kind" text check ("kind" in ('GOVERNMENT', 'LOCAL_GOVERNMENT', 'OTHER_PUBLIC_SECTOR', 'INTERNATIONAL_NGO', 'NATIONAL_NGO', 'REGIONAL_NGO', 'PARTNER_COUNTRY_NGO', 'PUBLIC_PRIVATE_PARTNERSHIP', 'MULTILATERAL', 'FOUNDATION', 'PRIVATE_SECTOR', 'PRIVATE_SECTOR_PROVIDER_COUNTRY', 'PRIVATE_SECTOR_RECIPIENT_COUNTRY', 'PRIVATE_SECTOR_THIRD_COUNTRY', 'ACADEMIC', 'OTHER')) not null, "iati_identifier" text null, "country" text null, "website" text null, "source" text null, "search_text" text not null default '', constraint "organisation_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "organisation" add constraint "organisation_iati_identifier_unique" unique ("iati_identifier");`);

    this.addSql(
      `create table "coordination_body" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, "name_ky" text null, "name_ru" text null, "name_en" text null, "kind" text check ("kind" in ('DONOR_COORDINATION_COUNCIL', 'PROGRAMME_COORDINATION_COUNCIL', 'COLLEGIUM', 'PUBLIC_CONSULTATIVE_COUNCIL', 'EXPERT_COUNCIL', 'INTERAGENCY_COMMISSION')) not null, "agency_id" uuid not null, "seat_count" int null, "description_ky" text null, "description_ru" text null, "description_en" text null, "source" text null, constraint "coordination_body_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "coordination_body_agency_id_index" on "coordination_body" ("agency_id");`);

    this.addSql(
      `create table "membership" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, "body_id" uuid not null, "organisation_id" uuid not null, "role" text check ("role" in ('CHAIR', 'CO_CHAIR', 'SECRETARIAT', 'MEMBER', 'OBSERVER')) not null, "start_date" date null, "end_date" date null, "representatives" jsonb not null, "source" text null, constraint "membership_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "membership_body_id_index" on "membership" ("body_id");`);
    this.addSql(`create index "membership_organisation_id_index" on "membership" ("organisation_id");`);
    this.addSql(`create unique index "membership_one_active_per_organisation" on "membership" ("body_id", "organisation_id") where "end_date" is null;`);

    this.addSql(
      `create table "project" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, "title_ky" text null, "title_ru" text null, "title_en" text null, "description_ky" text null, "description_ru" text null, "description_en" text null, "objectives_ky" text null, "objectives_ru" text null, "objectives_en" text null, "status" text check ("status" in ('PIPELINE', 'IMPLEMENTATION', 'FINALISATION', 'CLOSED', 'CANCELLED', 'SUSPENDED')) not null, "planned_start" date null, "planned_end" date null, "actual_start" date null, "actual_end" date null, "target_groups" text[] not null, "contacts" jsonb not null, "links" jsonb not null, "iati_identifier" text null, "source" text null, "search_text" text not null default '', constraint "project_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "project" add constraint "project_iati_identifier_unique" unique ("iati_identifier");`);

    this.addSql(
      `create table "funding_transaction" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, "project_id" uuid not null, "type" text check ("type" in ('INCOMING_FUNDS', 'COMMITMENT', 'DISBURSEMENT', 'EXPENDITURE')) not null, "amount" numeric(18,2) not null, "currency" char(3) not null, "value_date" date not null, "provider_id" uuid null, "receiver_id" uuid null, "description" text null, constraint "funding_transaction_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "funding_transaction_project_id_index" on "funding_transaction" ("project_id");`);
    this.addSql(`create index "funding_transaction_value_date_index" on "funding_transaction" ("value_date");`);
    this.addSql(`create index "funding_transaction_provider_id_index" on "funding_transaction" ("provider_id");`);
    this.addSql(`create index "funding_transaction_receiver_id_index" on "funding_transaction" ("receiver_id");`);

    this.addSql(
      `create table "budget" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, "project_id" uuid not null, "period_start" date not null, "period_end" date not null, "amount" numeric(18,2) not null, "currency" char(3) not null, "revised" boolean not null default false, constraint "budget_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "budget_project_id_index" on "budget" ("project_id");`);

    this.addSql(
      `create table "project_coverage" ("id" uuid not null, "project_id" uuid not null, "unit_code" text not null, "share" numeric(5,2) null, constraint "project_coverage_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "project_coverage_project_id_index" on "project_coverage" ("project_id");`);
    this.addSql(`create index "project_coverage_unit_code_index" on "project_coverage" ("unit_code");`);
    this.addSql(`alter table "project_coverage" add constraint "project_coverage_project_id_unit_code_unique" unique ("project_id", "unit_code");`);

    this.addSql(
      `create table "project_participant" ("id" uuid not null, "project_id" uuid not null, "organisation_id" uuid not null, "role" text check ("role" in ('FUNDING', 'ACCOUNTABLE', 'EXTENDING', 'IMPLEMENTING')) not null, constraint "project_participant_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "project_participant_project_id_index" on "project_participant" ("project_id");`);
    this.addSql(`create index "project_participant_organisation_id_index" on "project_participant" ("organisation_id");`);
    this.addSql(`alter table "project_participant" add constraint "project_participant_project_id_organisation_id_role_unique" unique ("project_id", "organisation_id", "role");`);

    this.addSql(
      `create table "theme" ("code" text not null, "name_ky" text null, "name_ru" text null, "name_en" text null, "description_ky" text null, "description_ru" text null, "description_en" text null, "dac_codes" text[] not null, "position" smallint not null, constraint "theme_pkey" primary key ("code"));`,
    );

    this.addSql(`create table "project_theme" ("project_id" uuid not null, "theme_code" text not null, constraint "project_theme_pkey" primary key ("project_id", "theme_code"));`);

    this.addSql(
      `alter table "coordination_body" add constraint "coordination_body_agency_id_foreign" foreign key ("agency_id") references "organisation" ("id") on update cascade;`,
    );

    this.addSql(`alter table "membership" add constraint "membership_body_id_foreign" foreign key ("body_id") references "coordination_body" ("id") on update cascade;`);
    this.addSql(`alter table "membership" add constraint "membership_organisation_id_foreign" foreign key ("organisation_id") references "organisation" ("id") on update cascade;`);

    this.addSql(
      `alter table "funding_transaction" add constraint "funding_transaction_project_id_foreign" foreign key ("project_id") references "project" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "funding_transaction" add constraint "funding_transaction_provider_id_foreign" foreign key ("provider_id") references "organisation" ("id") on update cascade on delete set null;`,
    );
    this.addSql(
      `alter table "funding_transaction" add constraint "funding_transaction_receiver_id_foreign" foreign key ("receiver_id") references "organisation" ("id") on update cascade on delete set null;`,
    );

    this.addSql(`alter table "budget" add constraint "budget_project_id_foreign" foreign key ("project_id") references "project" ("id") on update cascade on delete cascade;`);

    this.addSql(
      `alter table "project_coverage" add constraint "project_coverage_project_id_foreign" foreign key ("project_id") references "project" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(`alter table "project_coverage" add constraint "project_coverage_unit_code_foreign" foreign key ("unit_code") references "admin_unit" ("code") on update cascade;`);

    this.addSql(
      `alter table "project_participant" add constraint "project_participant_project_id_foreign" foreign key ("project_id") references "project" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "project_participant" add constraint "project_participant_organisation_id_foreign" foreign key ("organisation_id") references "organisation" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "project_theme" add constraint "project_theme_project_id_foreign" foreign key ("project_id") references "project" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "project_theme" add constraint "project_theme_theme_code_foreign" foreign key ("theme_code") references "theme" ("code") on update cascade on delete cascade;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "coordination_body" drop constraint "coordination_body_agency_id_foreign";`);

    this.addSql(`alter table "membership" drop constraint "membership_organisation_id_foreign";`);

    this.addSql(`alter table "funding_transaction" drop constraint "funding_transaction_provider_id_foreign";`);

    this.addSql(`alter table "funding_transaction" drop constraint "funding_transaction_receiver_id_foreign";`);

    this.addSql(`alter table "project_participant" drop constraint "project_participant_organisation_id_foreign";`);

    this.addSql(`alter table "membership" drop constraint "membership_body_id_foreign";`);

    this.addSql(`alter table "funding_transaction" drop constraint "funding_transaction_project_id_foreign";`);

    this.addSql(`alter table "budget" drop constraint "budget_project_id_foreign";`);

    this.addSql(`alter table "project_coverage" drop constraint "project_coverage_project_id_foreign";`);

    this.addSql(`alter table "project_participant" drop constraint "project_participant_project_id_foreign";`);

    this.addSql(`alter table "project_theme" drop constraint "project_theme_project_id_foreign";`);

    this.addSql(`alter table "project_theme" drop constraint "project_theme_theme_code_foreign";`);

    this.addSql(`drop table if exists "exchange_rate" cascade;`);

    this.addSql(`drop table if exists "organisation" cascade;`);

    this.addSql(`drop table if exists "coordination_body" cascade;`);

    this.addSql(`drop table if exists "membership" cascade;`);

    this.addSql(`drop table if exists "project" cascade;`);

    this.addSql(`drop table if exists "funding_transaction" cascade;`);

    this.addSql(`drop table if exists "budget" cascade;`);

    this.addSql(`drop table if exists "project_coverage" cascade;`);

    this.addSql(`drop table if exists "project_participant" cascade;`);

    this.addSql(`drop table if exists "theme" cascade;`);

    this.addSql(`drop table if exists "project_theme" cascade;`);
  }
}
