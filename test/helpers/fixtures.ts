/** Small hand-made counties and parameters for hand-computed tests. */
import type { County } from '../../src/model/county.ts';
import { DRIVER_COLUMNS } from '../../src/input/countyColumns.ts';
import type { ItemParameters, RuleParameters, TransferParameters, YearParameters } from '../../src/model/parameters.ts';

export function makeCounty(overrides: Partial<County> & { drivers?: Record<string, number> } = {}): County {
  const drivers: Record<string, number> = {};
  for (const d of DRIVER_COLUMNS) drivers[d] = 0;
  Object.assign(drivers, { resident_pop: 100_000, registered_pop: 90_000, urban_pop: 40_000, rural_pop: 60_000 }, overrides.drivers ?? {});
  return {
    code: '440101',
    name: '测试县',
    provinceCode: '440000',
    province: '广东省',
    prefectureCode: '440100',
    prefecture: '测试市',
    regionGroup: 'east',
    tier2018: 4,
    directlyManaged: false,
    difficult: false,
    nutritionPilot: false,
    fiscal: {},
    costIndex: 1,
    ...overrides,
    drivers,
  };
}

export const NATIONAL = (share: number) => ({ by: 'national' as const, values: { all: Math.round(share * 1e6) } });
export const BY_REGION = (west: number, central: number, east: number) => ({
  by: 'region_group' as const,
  values: { west: Math.round(west * 1e6), central: Math.round(central * 1e6), east: Math.round(east * 1e6) },
});

export function makeItem(overrides: Partial<ItemParameters> & { rule?: RuleParameters } = {}): ItemParameters {
  return {
    id: 'test.item',
    domain: 'education',
    nameZh: '测试',
    nameEn: 'test item',
    driver: 'resident_pop',
    coverage: 1,
    eligibility: [],
    annualStandard: 10,
    rule: { id: 'local', kind: 'local' },
    ...overrides,
  };
}

/** No transfers at all: empty pools, no guarantee, no retention. */
export const NO_TRANSFERS: TransferParameters = {
  pools: [],
  equalization: {
    poolFen: 0,
    functions: [],
    standardRevenueRatePpm: 0,
    costCoefficient: { ethnicWeight: 0, smallScaleBonus: 0, smallScaleThreshold: 0, regionFactor: { east: 1, central: 1, west: 1 } },
    difficulty: { weight: 0, min: 1, max: 1 },
    growthCap: null,
    growthFloor: null,
    countyShareOfExpenditurePpm: 1_000_000,
    countyShareOfRevenuePpm: 1_000_000,
    passDownPpm: 1_000_000,
    provincialTopUpRatePpm: 0,
    provincialCapacityPpm: 0,
  },
  guarantee: { awardPoolFen: 0, salaryStandard: 0, runningStandard: 0, scopeDomains: [], closeRatePpm: 0 },
  otherMandatedPerResident: 0,
  prefectureRetentionPpm: 0,
  prefectureGeneralRetentionPpm: 0,
  itemTiedGeneral: { compulsory_education: [], pension_and_dibao: [], ncms: [] },
};

/** Equalization settings on top of NO_TRANSFERS. */
export function withEqualization(e: Partial<TransferParameters['equalization']>, rest: Partial<TransferParameters> = {}): Partial<TransferParameters> {
  return { ...rest, equalization: { ...NO_TRANSFERS.equalization, ...e } };
}

export function makeParams(items: ItemParameters[], transfers: Partial<TransferParameters> = {}): YearParameters {
  return {
    year: 2012,
    basis: 'resident',
    items,
    localSplit: () => ({ throughPrefecture: [300_000, 200_000, 500_000], directlyManaged: [400_000, 0, 600_000] }),
    transfers: { ...NO_TRANSFERS, ...transfers },
  };
}
