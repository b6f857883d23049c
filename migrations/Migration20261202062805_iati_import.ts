import { Migration } from '@mikro-orm/migrations';

export class Migration20261202062805_iati_import extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "organisation" add column "needs_confirmation" boolean not null default false;`);

    this.addSql(`alter table "project" add column "iati_last_updated" timestamptz null, add column "iati_import_digest" text null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "organisation" drop column "needs_confirmation";`);

    this.addSql(`alter table "project" drop column "iati_last_updated", drop column "iati_import_digest";`);
  }
}
