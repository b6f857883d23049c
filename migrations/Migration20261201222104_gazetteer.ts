import { Migration } from '@mikro-orm/migrations';

export class Migration20261201222104_gazetteer extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "admin_unit_alias" ("unit_code" text not null, "kind" text check ("kind" in ('NAME', 'SOATE_CODE', 'FORMER_CODE', 'VILLAGE')) not null, "value" text not null, "key" text not null, constraint "admin_unit_alias_pkey" primary key ("unit_code", "kind", "value"));`,
    );
    this.addSql(`create index "admin_unit_alias_key_idx" on "admin_unit_alias" ("key");`);

    this.addSql(
      `create table "reference_data" ("name" text not null, "version" text not null, "loaded_at" timestamptz not null, constraint "reference_data_pkey" primary key ("name"));`,
    );

    this.addSql(
      `alter table "admin_unit_alias" add constraint "admin_unit_alias_unit_code_foreign" foreign key ("unit_code") references "admin_unit" ("code") on update cascade on delete cascade;`,
    );

    this.addSql(`alter table "admin_unit" drop constraint if exists "admin_unit_kind_check";`);

    this.addSql(`alter table "admin_unit" drop column "search_text";`);

    this.addSql(`alter table "admin_unit" add column "valid_from" date null, add column "valid_to" date null, add column "successor_code" text null;`);
    this.addSql(
      `alter table "admin_unit" add constraint "admin_unit_successor_code_foreign" foreign key ("successor_code") references "admin_unit" ("code") on update cascade on delete set null;`,
    );
    this.addSql(
      `alter table "admin_unit" add constraint "admin_unit_kind_check" check("kind" in ('COUNTRY', 'OBLAST', 'CITY_OF_REPUBLICAN_SIGNIFICANCE', 'RAYON', 'CITY', 'CITY_DISTRICT', 'AYIL_AIMAK', 'TOWN', 'URBAN_SETTLEMENT'));`,
    );

    // Unit search forgives misspellings with pg_trgm where the server has it (the embedded one
    // does); without it, search still matches exactly, by prefix and by substring.
    this.addSql(`do $$ begin
      create extension if not exists pg_trgm;
    exception when others then
      raise notice 'pg_trgm is not available (%): unit search matches exactly, by prefix and by substring only', sqlerrm;
    end $$;`);
    this.addSql(`do $$ begin
      if exists (select 1 from pg_extension where extname = 'pg_trgm') then
        create index if not exists "admin_unit_alias_key_trgm_idx" on "admin_unit_alias" using gin ("key" gin_trgm_ops);
      end if;
    end $$;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "admin_unit_alias" cascade;`);

    this.addSql(`drop table if exists "reference_data" cascade;`);

    this.addSql(`alter table "admin_unit" drop constraint if exists "admin_unit_kind_check";`);

    this.addSql(`alter table "admin_unit" drop constraint "admin_unit_successor_code_foreign";`);

    this.addSql(`alter table "admin_unit" drop column "valid_from", drop column "valid_to", drop column "successor_code";`);

    this.addSql(`alter table "admin_unit" add column "search_text" text not null;`);
    this.addSql(
      `alter table "admin_unit" add constraint "admin_unit_kind_check" check("kind" in ('COUNTRY', 'OBLAST', 'CITY_OF_REPUBLICAN_SIGNIFICANCE', 'RAYON', 'CITY', 'AYIL_AIMAK'));`,
    );
  }
}
