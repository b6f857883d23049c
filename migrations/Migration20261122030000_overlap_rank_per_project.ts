import { Migration } from '@mikro-orm/migrations';

/**
 * Each side of a stored pair in score order, so one project's first page of overlaps reads about
 * `first` index entries per side (a merge of two ordered index scans) instead of all its pairs.
 * The project_b index replaces the plain one: its leading column still serves the refresh's
 * "pairs of these projects" lookups.
 */
export class Migration20261122030000_overlap_rank_per_project extends Migration {
  override async up(): Promise<void> {
    this.addSql('create index analytics_overlap_a_rank_idx on analytics_overlap (project_a, score desc, project_b);');
    this.addSql('create index analytics_overlap_b_rank_idx on analytics_overlap (project_b, score desc, project_a);');
    this.addSql('drop index analytics_overlap_b_idx;');
  }

  override async down(): Promise<void> {
    this.addSql('create index analytics_overlap_b_idx on analytics_overlap (project_b);');
    this.addSql('drop index analytics_overlap_b_rank_idx;');
    this.addSql('drop index analytics_overlap_a_rank_idx;');
  }
}
