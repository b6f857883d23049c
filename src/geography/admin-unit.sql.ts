import { escapeLike } from '../common/search';
import { type Sql, sql } from '../common/sql';
import { PATH_SEPARATOR } from './admin-unit.entity';
import type { AdminUnitRecord } from './geography.loaders';

/** "The unit whose path is in `pathColumn` is `unit` or lies inside it", by materialised path (the path index serves the `like`). */
export function atOrInsideSql(pathColumn: Sql, unit: AdminUnitRecord): Sql {
  return sql`(${pathColumn} = ${unit.path} or ${pathColumn} like ${`${escapeLike(unit.path + PATH_SEPARATOR)}%`})`;
}
