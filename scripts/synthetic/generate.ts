/**
 * A deterministic, national-scale dataset for benchmarks: organisations, projects with coverage,
 * themes, participants and transactions, and monthly exchange rates. The same `projects` count
 * always gives the same rows (a seeded PRNG and uuid v5 ids); nothing depends on the run date.
 */
import { v5 } from 'uuid';

/** Namespace of synthetic ids; distinct from the reference seeds' so the two never collide. */
const SYNTHETIC_NAMESPACE = '5f0b1c1e-7d0a-4c4e-9a55-3b1c0f3e2a17';
/** "Today" of the dataset, for statuses and actual dates; fixed so that runs agree. */
export const DATASET_TODAY = '2025-06-30';
export const SYNTHETIC_SOURCE = 'Synthetic benchmark data (scripts/seed-synthetic.ts); not real.';

export interface UnitRef {
  code: string;
  level: 'COUNTRY' | 'REGION' | 'DISTRICT' | 'MUNICIPALITY';
  path: string;
  nameEn: string | null;
}

export interface OrganisationRow {
  id: string;
  nameEn: string;
  nameRu: string;
  acronym: string;
  kind: string;
  country: string | null;
}

export interface ProjectRow {
  id: string;
  titleEn: string;
  titleRu: string;
  status: string;
  plannedStart: string;
  plannedEnd: string | null;
  actualStart: string | null;
  actualEnd: string | null;
  themes: string[];
  units: string[];
  participants: { organisationId: string; role: string }[];
  transactions: { id: string; type: string; amount: string; currency: string; valueDate: string; providerId: string | null }[];
  targetGroups: string[];
}

export interface RateRow {
  currency: string;
  date: string;
  rate: string;
}

export interface SyntheticDataset {
  organisations: OrganisationRow[];
  projects: ProjectRow[];
  rates: RateRow[];
}

/** mulberry32: small, fast and good enough for test data. */
function prng(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)];
  const weighted = <T>(items: readonly (readonly [T, number])[]) => {
    const total = items.reduce((sum, [, weight]) => sum + weight, 0);
    let roll = next() * total;
    for (const [item, weight] of items) {
      roll -= weight;
      if (roll < 0) return item;
    }
    return items[items.length - 1][0];
  };
  return { next, int, pick, weighted };
}

const id = (kind: string, key: string | number) => v5(`${kind}:${key}`, SYNTHETIC_NAMESPACE);

/** Aid is concentrated in the south and the capital; weights per region code. */
const REGION_WEIGHT: Record<string, number> = {
  KG05000000000: 3, // Batken
  KG06000000000: 3, // Osh oblast
  KG03000000000: 3, // Jalal-Abad
  KG08000000000: 2, // Chui
  KG02000000000: 1.5, // Issyk-Kul
  KG04000000000: 1, // Naryn
  KG07000000000: 1, // Talas
  KG11000000000: 1.5, // Bishkek
  KG21000000000: 1, // Osh city
};

const THEME_WEIGHTS = [
  ['CONFLICT_PREVENTION', 5],
  ['LOCAL_SELF_GOVERNMENT', 5],
  ['INTERETHNIC_RELATIONS', 4],
  ['MUNICIPAL_SERVICES', 3],
  ['FISCAL_DECENTRALISATION', 2],
  ['WOMEN_YOUTH_INCLUSION', 3],
  ['CIVIC_IDENTITY', 2],
  ['BORDER_AREAS', 2],
  ['HUMAN_RIGHTS', 2],
  ['E_GOVERNMENT', 1],
] as const;

const THEME_WORDS: Record<string, string> = {
  CONFLICT_PREVENTION: 'Conflict prevention',
  LOCAL_SELF_GOVERNMENT: 'Local self-government',
  INTERETHNIC_RELATIONS: 'Interethnic dialogue',
  MUNICIPAL_SERVICES: 'Municipal services',
  FISCAL_DECENTRALISATION: 'Local budgets',
  WOMEN_YOUTH_INCLUSION: 'Women and youth inclusion',
  CIVIC_IDENTITY: 'Civic identity',
  BORDER_AREAS: 'Border communities',
  HUMAN_RIGHTS: 'Human rights',
  E_GOVERNMENT: 'E-government',
};

const CURRENCIES = [
  ['USD', 45],
  ['EUR', 20],
  ['KGS', 15],
  ['CHF', 10],
  ['GBP', 5],
  ['RUB', 5],
] as const;

/** Rough USD value of one unit at the start of 2010; monthly random walk from there. */
const RATE_START: Record<string, number> = { EUR: 1.43, KGS: 0.0215, CHF: 0.97, GBP: 1.61, RUB: 0.033 };

const ORG_WORDS = {
  prefix: ['Foundation for', 'Centre for', 'Institute of', 'Association for', 'Alliance for', 'Fund for', 'Network for', 'Initiative for'],
  topic: [
    'Peace',
    'Local Democracy',
    'Civic Dialogue',
    'Rural Development',
    'Good Governance',
    'Social Cohesion',
    'Youth Leadership',
    "Women's Rights",
    'Public Finance',
    'Community Action',
    'Tolerance',
    'Legal Aid',
  ],
  place: ['Ferghana Valley', 'Central Asia', 'Kyrgyzstan', 'Batken', 'Osh', 'Jalal-Abad', 'Naryn', 'Talas', 'Issyk-Kul', 'Chui', 'the Silk Road'],
};

const ORG_KINDS = [
  ['NATIONAL_NGO', 45],
  ['INTERNATIONAL_NGO', 20],
  ['MULTILATERAL', 6],
  ['GOVERNMENT', 8],
  ['FOUNDATION', 8],
  ['LOCAL_GOVERNMENT', 8],
  ['ACADEMIC', 5],
] as const;

const TARGET_GROUPS = ['women', 'youth', 'LSG staff', 'local councillors', 'ethnic minorities', 'returning migrants', 'teachers', 'community leaders'];

function isoDate(year: number, month: number, day: number): string {
  return new Date(Date.UTC(year, month - 1, day)).toISOString().slice(0, 10);
}

function addDays(date: string, days: number): string {
  const value = new Date(`${date}T00:00:00Z`);
  value.setUTCDate(value.getUTCDate() + days);
  return value.toISOString().slice(0, 10);
}

function addMonths(date: string, months: number): string {
  const value = new Date(`${date}T00:00:00Z`);
  value.setUTCMonth(value.getUTCMonth() + months);
  return value.toISOString().slice(0, 10);
}

/** Monthly rates of every non-USD currency from 2009 to 2031, deterministic. */
function exchangeRates(): RateRow[] {
  const random = prng(20100101);
  const rates: RateRow[] = [];
  for (const [currency] of CURRENCIES) {
    if (currency === 'USD') continue;
    let value = RATE_START[currency];
    for (let year = 2009; year <= 2031; year += 1) {
      for (let month = 1; month <= 12; month += 1) {
        value *= 1 + (random.next() - 0.52) * 0.03;
        rates.push({ currency, date: isoDate(year, month, 1), rate: value.toFixed(12) });
      }
    }
  }
  return rates;
}

function organisations(count: number): OrganisationRow[] {
  const random = prng(42);
  return Array.from({ length: count }, (_, index) => {
    const kind = random.weighted(ORG_KINDS);
    const name = `${random.pick(ORG_WORDS.prefix)} ${random.pick(ORG_WORDS.topic)} in ${random.pick(ORG_WORDS.place)} ${index + 1}`;
    const acronym = name
      .split(/\s+/)
      .filter((word) => /^[A-Z]/.test(word))
      .map((word) => word[0])
      .join('');
    return {
      id: id('organisation', index),
      nameEn: name,
      nameRu: `Организация ${index + 1}`,
      acronym: `${acronym}${index + 1}`,
      kind,
      country: kind === 'INTERNATIONAL_NGO' || kind === 'MULTILATERAL' ? null : 'KG',
    };
  });
}

/**
 * `count` projects: 2% national, 8% in 1–2 regions, the rest local in 1–30 districts and ayil
 * aimaks of one home region (sometimes two); 1–3 themes; 1–5 years between 2010 and 2030 (4%
 * open-ended); 1–3 participants; 2–6 transactions in one currency.
 */
export function generateDataset(count: number, units: UnitRef[]): SyntheticDataset {
  const random = prng(count * 7919 + 17);
  const orgs = organisations(Math.max(3, Math.ceil(count / 20)));
  const regions = units.filter((unit) => unit.level === 'REGION');
  const country = units.find((unit) => unit.level === 'COUNTRY')!;
  const inside = new Map<string, UnitRef[]>();
  for (const region of regions) {
    inside.set(
      region.code,
      units.filter((unit) => (unit.level === 'DISTRICT' || unit.level === 'MUNICIPALITY') && unit.path.startsWith(`${region.path}.`)),
    );
  }
  const regionWeights = regions.map((region) => [region, REGION_WEIGHT[region.code] ?? 1] as const);
  // Big donors and implementers take part in many projects, most in a few (Zipf-like).
  const pickOrganisation = () => orgs[Math.min(orgs.length - 1, Math.floor(orgs.length * random.next() ** 1.8))];

  const projects: ProjectRow[] = [];
  for (let index = 0; index < count; index += 1) {
    const roll = random.next();
    let coverage: UnitRef[];
    if (roll < 0.02) {
      coverage = [country];
    } else if (roll < 0.1) {
      const first = random.weighted(regionWeights);
      const second = random.next() < 0.4 ? random.weighted(regionWeights) : first;
      coverage = [...new Set([first, second])];
    } else {
      const home = [random.weighted(regionWeights)];
      if (random.next() < 0.2) home.push(random.weighted(regionWeights));
      const pool = [...new Set(home)].flatMap((region) => inside.get(region.code) ?? []);
      const districts = pool.filter((unit) => unit.level === 'DISTRICT');
      const municipalities = pool.filter((unit) => unit.level === 'MUNICIPALITY');
      const wanted = 1 + Math.floor(29 * random.next() ** 2.2);
      const chosen = new Map<string, UnitRef>();
      for (let attempt = 0; attempt < wanted * 3 && chosen.size < wanted; attempt += 1) {
        const fromDistricts = municipalities.length === 0 || random.next() < 0.45;
        const unit = random.pick(fromDistricts ? districts : municipalities);
        if (unit) chosen.set(unit.code, unit);
      }
      coverage = chosen.size > 0 ? [...chosen.values()] : [...new Set(home)];
    }

    const themeCount = random.weighted([
      [1, 4],
      [2, 4],
      [3, 2],
    ] as const);
    const themes = new Set<string>();
    while (themes.size < themeCount) themes.add(random.weighted(THEME_WEIGHTS));

    const startYear = random.int(2010, 2029);
    const plannedStart = isoDate(startYear, random.int(1, 12), 1);
    const months = random.int(12, 60);
    const openEnded = random.next() < 0.04;
    let plannedEnd: string | null = openEnded ? null : addDays(addMonths(plannedStart, months), -1);
    if (plannedEnd && plannedEnd > '2030-12-31') plannedEnd = '2030-12-31';
    const started = plannedStart <= DATASET_TODAY;
    const ended = plannedEnd !== null && plannedEnd < DATASET_TODAY;
    const actualStart = started && random.next() < 0.6 ? addDays(plannedStart, random.int(0, 60)) : null;
    const actualEnd = ended && actualStart && random.next() < 0.7 ? (plannedEnd! > actualStart ? plannedEnd : actualStart) : null;
    const status = random.next() < 0.02 ? 'CANCELLED' : !started ? 'PIPELINE' : ended ? 'CLOSED' : 'IMPLEMENTATION';

    const participants = new Map<string, { organisationId: string; role: string }>();
    const funder = pickOrganisation();
    participants.set(`${funder.id}:FUNDING`, { organisationId: funder.id, role: 'FUNDING' });
    const implementer = random.next() < 0.75 ? pickOrganisation() : funder;
    participants.set(`${implementer.id}:IMPLEMENTING`, { organisationId: implementer.id, role: 'IMPLEMENTING' });
    if (random.next() < 0.25) {
      const partner = pickOrganisation();
      participants.set(`${partner.id}:IMPLEMENTING`, { organisationId: partner.id, role: 'IMPLEMENTING' });
    }

    const currency = random.weighted(CURRENCIES);
    const scale = currency === 'KGS' ? 87 : currency === 'RUB' ? 60 : 1;
    const committed = random.int(20, 2000) * 1000 * scale;
    const transactions: ProjectRow['transactions'] = [
      { id: id('transaction', `${index}:0`), type: 'COMMITMENT', amount: `${committed}.00`, currency, valueDate: plannedStart, providerId: funder.id },
    ];
    const disbursements = random.int(1, 5);
    for (let step = 1; step <= disbursements; step += 1) {
      const valueDate = addMonths(plannedStart, Math.floor(((step - 1) * months) / disbursements));
      const amount = Math.floor((committed / disbursements) * (0.6 + random.next() * 0.4) * 100) / 100;
      transactions.push({
        id: id('transaction', `${index}:${step}`),
        type: valueDate <= DATASET_TODAY ? 'DISBURSEMENT' : 'COMMITMENT',
        amount: amount.toFixed(2),
        currency,
        valueDate,
        providerId: funder.id,
      });
    }

    const mainTheme = [...themes][0];
    const place = coverage.length === 1 ? (coverage[0].nameEn ?? coverage[0].code) : `${coverage.length} places`;
    projects.push({
      id: id('project', index),
      titleEn: `${THEME_WORDS[mainTheme]} in ${place} (${startYear}) #${index + 1}`,
      titleRu: `Проект ${index + 1}`,
      status,
      plannedStart,
      plannedEnd,
      actualStart,
      actualEnd,
      themes: [...themes],
      units: coverage.map((unit) => unit.code),
      participants: [...participants.values()],
      transactions,
      targetGroups: [random.pick(TARGET_GROUPS)],
    });
  }
  return { organisations: orgs, projects, rates: exchangeRates() };
}
