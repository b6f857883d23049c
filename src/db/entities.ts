import { AdminUnit } from '../geography/admin-unit.entity';

/** Every entity of the hub; the ORM discovers these and nothing else. */
export const entities = [AdminUnit];
