import type { EntityManager } from '@mikro-orm/postgresql';
import { DOC } from '../partners/sources';

/**
 * The seven ayil aimaks of Batken rayon that document [003] names on the border with
 * Tajikistan, by their classifier codes: Ak-Tatyr, Ak-Sai, Samarkandek, Tört-Kül (Терт-Гюль),
 * Kara-Bak, Suu-Bashy, Kyshtut (the hub's first codes for them were `KG05214000000-AK-TATYR` …).
 */
export const BATKEN_BORDER_AYIL_AIMAKS = ['KG05214849000', 'KG05214848000', 'KG05214846000', 'KG05214814000', 'KG05214823000', 'KG05214852000', 'KG05214835000'];

/**
 * Flags the source documents support. Document [003] (the Rural Development Fund project page)
 * names seven ayil aimaks of Batken rayon on the border with Tajikistan.
 */
export const UNIT_FLAG_SEEDS: { codes: string[]; borderArea: boolean; source: string }[] = [
  {
    codes: BATKEN_BORDER_AYIL_AIMAKS,
    borderArea: true,
    source: `${DOC.RDF}: the seven ayil aimaks of Batken rayon of the project, "border with Tajikistan".`,
  },
];

/**
 * Sets the seeded flags on units whose flags nobody has set yet (`flags_updated_at` is null), so a
 * second run changes nothing and a flag the secretariat cleared stays cleared. Returns how many
 * units it flagged.
 */
export async function seedUnitFlags(em: EntityManager): Promise<number> {
  let flagged = 0;
  for (const seed of UNIT_FLAG_SEEDS) {
    const result = await em.execute<{ affectedRows?: number }>(
      `update admin_unit set border_area = ?, flags_source = ?, flags_updated_at = now()
       where code in (?) and flags_updated_at is null`,
      [seed.borderArea, seed.source, seed.codes],
      'run',
    );
    flagged += result.affectedRows ?? 0;
  }
  return flagged;
}
