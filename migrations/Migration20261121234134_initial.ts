import { Migration } from '@mikro-orm/migrations';

export class Migration20261121234134_initial extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "admin_unit" ("code" text not null, "level" text check ("level" in ('COUNTRY', 'REGION', 'DISTRICT', 'MUNICIPALITY')) not null, "kind" text check ("kind" in ('COUNTRY', 'OBLAST', 'CITY_OF_REPUBLICAN_SIGNIFICANCE', 'RAYON', 'CITY', 'AYIL_AIMAK')) not null, "name_ky" text null, "name_ru" text null, "name_en" text null, "parent_code" text null, "path" text not null, "depth" smallint not null, "soate" text null, "iso3166_2" text null, "area_km2" double precision null, "centre" text null, "source" text not null, "source_name_en" text null, "search_text" text not null, "geometry" jsonb null, constraint "admin_unit_pkey" primary key ("code"));`,
    );
    this.addSql(`create index "admin_unit_level_index" on "admin_unit" ("level");`);
    this.addSql(`create index "admin_unit_parent_code_index" on "admin_unit" ("parent_code");`);
    this.addSql(`alter table "admin_unit" add constraint "admin_unit_path_unique" unique ("path");`);
    this.addSql(`create index "admin_unit_path_prefix_idx" on "admin_unit" ("path" text_pattern_ops);`);

    this.addSql(
      `alter table "admin_unit" add constraint "admin_unit_parent_code_foreign" foreign key ("parent_code") references "admin_unit" ("code") on update cascade on delete restrict;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "admin_unit" drop constraint "admin_unit_parent_code_foreign";`);

    this.addSql(`drop table if exists "admin_unit" cascade;`);
  }
}
