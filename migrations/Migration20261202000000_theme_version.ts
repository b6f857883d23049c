import { Migration } from '@mikro-orm/migrations';

/**
 * Themes become editable (createTheme, updateTheme): an edit version, so that a change made
 * from an outdated read is refused with CONFLICT. Updating a theme's names, description, DAC
 * codes or position touches no analytics (only an insert, a delete or a changed code rebuilds them).
 */
export class Migration20261202000000_theme_version extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "theme" add column "version" int not null default 1;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "theme" drop column "version";`);
  }
}
