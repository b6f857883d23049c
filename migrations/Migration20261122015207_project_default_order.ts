import { Migration } from '@mikro-orm/migrations';

export class Migration20261122015207_project_default_order extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create index "project_updated_at_id_idx" on "project" ("updated_at" desc, "id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "project_updated_at_id_idx";`);
  }
}
