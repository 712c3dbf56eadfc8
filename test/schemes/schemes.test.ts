import { describe, expect, it } from 'vitest';
import { schemeInput, type SchemeCounty } from '../../src/model/transfers/schemes/schemeInput.ts';
import { allocateSchemeExact, type SchemeConfig } from '../../src/model/transfers/schemes/registry.ts';
import type { ChinaEqualizationSettings } from '../../src/model/transfers/schemes/chinaEqualization.ts';

// Four small counties (money in fen), worked by hand below.
//        pop  std exp  std rev  gap  own rev  std cost  must-fund  other  region
//   A    100    1000     200    800    200      600       500      500   west
//   B    200    1500    1000    500   1000     1000       700      800   central
//   C    100     500     800      0    800      300       200      300   east
//   D    100     900     200    700    200      500       400      500   west
const base: SchemeCounty[] = [
  { population: 100, standardExpenditure: 1000, standardRevenue: 200, ownRevenue: 200, standardCost: 600, mustFund: 500, otherStdExpenditure: 500, regionGroup: 'west' },
  { population: 200, standardExpenditure: 1500, standardRevenue: 1000, ownRevenue: 1000, standardCost: 1000, mustFund: 700, otherStdExpenditure: 800, regionGroup: 'central' },
  { population: 100, standardExpenditure: 500, standardRevenue: 800, ownRevenue: 800, standardCost: 300, mustFund: 200, otherStdExpenditure: 300, regionGroup: 'east' },
  { population: 100, standardExpenditure: 900, standardRevenue: 200, ownRevenue: 200, standardCost: 500, mustFund: 400, otherStdExpenditure: 500, regionGroup: 'west' },
];
const input = schemeInput(base);

const CHINA_PLAIN: ChinaEqualizationSettings = {
  difficulty_weight: 0, must_fund_weight: 0.5, difficulty_min: 0.5, difficulty_max: 1.5, revenue_floor_per_resident: 0, growth_cap: null, growth_floor: null,
};
const china = (s: Partial<ChinaEqualizationSettings> = {}): SchemeConfig => ({ id: 'china_equalization', settings: { ...CHINA_PLAIN, ...s } });
const run = (config: SchemeConfig, pool: number, counties: SchemeCounty[] = base): number[] => allocateSchemeExact(config, schemeInput(counties), pool);

describe('China equalization transfer', () => {
  it('gap × coefficient, coefficient = pool ÷ Σ gaps', () => {
    // gaps 800, 500, 0, 700 (Σ 2000); pool 1000 → coefficient 0.5
    expect(run(china(), 1000)).toEqual([400, 250, 0, 350]);
    // pool 1001: 400.4, 250.25, 0, 350.35 → the odd fen to the largest remainder (A)
    expect(run(china(), 1001)).toEqual([401, 250, 0, 350]);
  });
  it('blends in the difficulty coefficient from z-scores', () => {
    // A, B and C: only A and B are in a gap, so each indicator's z-scores are ±1.
    // must-fund ÷ std revenue: A 2.5 > B 0.7; gap rate: A 0.8 > B 0.333 → d_A = +1, d_B = −1
    // β = 0.2 → multipliers 1.2 and 0.8; weights 800 × 1.2 = 960, 500 × 0.8 = 400
    expect(run(china({ difficulty_weight: 0.2 }), 1360, base.slice(0, 3))).toEqual([960, 400, 0]);
    // the band bounds the multipliers: β = 1 → 2 and 0, clamped to 1.5 and 0.5 → 1200 : 250
    expect(run(china({ difficulty_weight: 1 }), 1450, base.slice(0, 3))).toEqual([1200, 250, 0]);
  });
  it('keeps each county within the growth-control band and still spends the pool', () => {
    // last year A 600, B 100, C 0; band −20%…+20%: A in [480, 720], B in [80, 120], C 0
    // unconstrained pool 800 would give B 307.7 → capped at 120; A takes the rest, 680, inside its band
    const prev = [600, 100, 0];
    const counties = base.slice(0, 3).map((c, i) => ({ ...c, previousTransfer: prev[i] }));
    expect(run(china({ growth_cap: 0.2, growth_floor: -0.2 }), 800, counties)).toEqual([680, 120, 0]);
    // a pool the band cannot hold (1000 > 720 + 120): caps, then the rest (160) by population 100:200:100
    expect(run(china({ growth_cap: 0.2, growth_floor: -0.2 }), 1000, counties)).toEqual([760, 200, 40]);
    // a pool below the floors (480 + 80 = 560 > 280): floors scaled down to the pool
    expect(run(china({ growth_cap: 0.2, growth_floor: -0.2 }), 280, counties)).toEqual([240, 40, 0]);
  });
});

describe('the simple gap rule (before the 2011 formula)', () => {
  it('pool × gap ÷ Σ gaps, with no cap at the gap', () => {
    // gaps 800, 500, 0, 700 (Σ 2000): pool 1000 → 400, 250, 0, 350; pool 4000 → twice each gap
    expect(run({ id: 'simple_gap', settings: {} }, 1000)).toEqual([400, 250, 0, 350]);
    expect(run({ id: 'simple_gap', settings: {} }, 4000)).toEqual([1600, 1000, 0, 1400]);
  });
});

describe('county basic financial guarantee with awards', () => {
  it('fills gaps with the pool less the award share, awards by revenue growth', () => {
    // guarantee gaps (std exp − own revenue): 800, 500, 0, 700 (Σ 2000); pool 1000, award share 0.2
    // fill 800 → rate 0.4: 320, 200, 0, 280. Awards 200 by growth: A +100, B +100, C −100 → 0, D 0
    const prevOwn = [100, 900, 900, 200];
    const counties = base.map((c, i) => ({ ...c, previousOwnRevenue: prevOwn[i] }));
    expect(run({ id: 'basic_guarantee', settings: { award_share: 0.2 } }, 1000, counties)).toEqual([420, 300, 0, 280]);
    // never fills beyond the gap: pool 3000, fill 2400 > 2000 → gaps closed, 1000 to awards (500 each)
    expect(run({ id: 'basic_guarantee', settings: { award_share: 0.2 } }, 3000, counties)).toEqual([1300, 1000, 0, 700]);
  });
});

describe('equal per capita, needs-based, gap-filling, matching', () => {
  it('equal per capita', () => {
    expect(run({ id: 'equal_per_capita', settings: {} }, 1000)).toEqual([200, 400, 200, 200]);
  });
  it('needs-based: standard cost share', () => {
    expect(run({ id: 'needs_based', settings: {} }, 1200)).toEqual([300, 500, 150, 250]);
  });
  it('gap-filling closes the deepest per-capita gaps first', () => {
    // per-capita gaps A 8, B 2.5, C 0, D 7. Pool 300: level L = (800 + 700 − 300) ÷ 200 = 6 ≥ 2.5
    // A 100 × (8 − 6) = 200, D 100 × (7 − 6) = 100
    expect(run({ id: 'gap_filling', settings: {} }, 300)).toEqual([200, 0, 0, 100]);
    // pool 2400 > Σ gaps 2000: every gap closed, the 400 left per capita (0.8 per resident)
    expect(run({ id: 'gap_filling', settings: {} }, 2400)).toEqual([880, 660, 80, 780]);
  });
  it('matching grant on own-source basic-service spending', () => {
    // base clamp(own − other, 0, must-fund): A 0, B 200, C min(500, 200) = 200, D 0
    // rates: central 1.5, east 0.25 → weights 300 and 50; pool 700 → 600 and 100
    expect(run({ id: 'matching', settings: { match_rate_east: 0.25, match_rate_central: 1.5, match_rate_west: 4 } }, 700)).toEqual([0, 600, 100, 0]);
  });
});

describe("Japan's Local Allocation Tax", () => {
  const lat = { id: 'japan_lat' as const, settings: { revenue_inclusion_rate: 0.75 } };
  it('entitlement = need − 75% of standard revenue', () => {
    // A 1000 − 150 = 850, B 1500 − 750 = 750, C max(0, 500 − 600) = 0, D 900 − 150 = 750 (Σ 2350)
    expect(run(lat, 2350)).toEqual([850, 750, 0, 750]);
  });
  it('adjusts in proportion to need when the pool is short or long', () => {
    // pool 1670: ρ = 0.2 → 850 − 200, 750 − 300, 0, 750 − 180
    expect(run(lat, 1670)).toEqual([650, 450, 0, 570]);
    // pool 2740: ρ = (2350 − 2740) ÷ 3900 = −0.1 → plus a tenth of need: 950, 900, 50, 840
    expect(run(lat, 2740)).toEqual([950, 900, 50, 840]);
  });
});

describe('Australian relativities', () => {
  it('per-capita entitlement = average grant + expense disability − revenue capacity', () => {
    // pool 5000 over 500 residents: average grant 10. Averages: expense 7.8, revenue 4.4 per resident
    // A 10 + 2.2 + 2.4 = 14.6; B 10 − 0.3 − 0.6 = 9.1; C 10 − 2.8 − 3.6 = 3.6; D 10 + 1.2 + 2.4 = 13.6
    const floorLow = { id: 'australia_hfe' as const, settings: { relativity_floor: 0.3 } };
    expect(run(floorLow, 5000)).toEqual([1460, 1820, 360, 1360]);
  });
  it('floors the relativity (C: 0.36 → 0.75), rescaling the rest', () => {
    const t = run({ id: 'australia_hfe', settings: { relativity_floor: 0.75 } }, 5000);
    expect(t.reduce((a, b) => a + b, 0)).toBe(5000);
    // relativities A 1.46 : C 0.75 per resident
    expect(t[2]! / 100 / (t[0]! / 100)).toBeCloseTo(0.75 / 1.46, 2);
  });
});

describe('Canadian capacity standard with a cap', () => {
  const canada = { id: 'canada_capacity' as const, settings: { cap_ratio: 1 } };
  it('raises counties below the average per-capita capacity to it', () => {
    // capacity per resident: A 2, B 5, C 8, D 2; standard S = 2200 ÷ 500 = 4.4 → A, D 100 × 2.4 = 240
    expect(run(canada, 480)).toEqual([240, 0, 0, 240]);
  });
  it('a smaller pool lowers the standard (equal per-capita adjustment)', () => {
    // 200 = 200 × (S′ − 2) → S′ = 3: A and D 100 each
    expect(run(canada, 200)).toEqual([100, 0, 0, 100]);
  });
  it('never raises a county above the cap; the rest goes per capita', () => {
    // uncapped, 1000 would lift the standard to S′ = 6 (A, D 400, B 200); the cap holds it at 4.4:
    // 480 fills A and D to the standard, the other 520 goes per capita (1.04 per resident)
    expect(run(canada, 1000)).toEqual([344, 208, 104, 344]);
  });
});

describe('degenerate pools', () => {
  it('a zero pool gives zeros; no gap anywhere falls back to population', () => {
    expect(run(china(), 0)).toEqual([0, 0, 0, 0]);
    const rich = base.map((c) => ({ ...c, standardRevenue: c.standardExpenditure }));
    expect(run(china(), 1000, rich)).toEqual([200, 400, 200, 200]);
    expect(input.n).toBe(4);
  });
});
