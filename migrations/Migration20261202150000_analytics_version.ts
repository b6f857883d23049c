import { Migration } from '@mikro-orm/migrations';

/** The analytics tables a public answer is computed from; all are written only by the maintenance at commit. */
const WATCHED = ['analytics_project', 'analytics_link', 'analytics_organisation', 'analytics_money', 'analytics_cell'];

/**
 * A number that moves whenever the analytics data moves, so a replica may keep a computed answer
 * (the public map's coverage) for as long as the number it was computed at is current
 * (src/analytics/answer-cache.ts). Only the tables the maintenance writes at commit, under its
 * advisory lock, move it: a trigger on a table written during a transaction (a funding
 * transaction, a rate) would hold the row's lock until commit and could deadlock with another
 * transaction's maintenance. Those changes reach the watched tables at commit anyway.
 */
export class Migration20261202150000_analytics_version extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table analytics_version (
  only_row boolean primary key default true check (only_row),
  version bigint not null default 0
);`);
    this.addSql('insert into analytics_version default values;');
    this.addSql(`create function analytics_version_bump() returns trigger language plpgsql as $fn$
begin
  update analytics_version set version = version + 1;
  return null;
end $fn$;`);
    for (const table of WATCHED) {
      this.addSql(`create trigger analytics_version_bump after insert or update or delete or truncate on ${table} for each statement execute function analytics_version_bump();`);
    }
  }

  override async down(): Promise<void> {
    for (const table of WATCHED) this.addSql(`drop trigger analytics_version_bump on ${table};`);
    this.addSql('drop function analytics_version_bump();');
    this.addSql('drop table analytics_version;');
  }
}
