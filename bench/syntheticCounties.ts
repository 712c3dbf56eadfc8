/**
 * A generated national-size county set for benchmarks: the bundled national file when it
 * exists, replicated `scale` times with fresh codes; otherwise random but plausible counties.
 */
import { existsSync } from 'node:fs';
import { loadCountyFile } from '../src/input/countyFile.ts';
import { DRIVER_COLUMNS } from '../src/input/countyColumns.ts';
import type { County } from '../src/model/county.ts';
import { NATIONAL_COUNTIES } from '../src/simulation/countySet.ts';
import { PROVINCES } from '../src/input/provinces.ts';

function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

export function generatedCounties(n: number, seed = 1): County[] {
  const rand = lcg(seed);
  const provinces = Object.keys(PROVINCES);
  return Array.from({ length: n }, (_, i) => {
    const provinceCode = provinces[i % provinces.length]!;
    const pop = Math.round(50_000 + rand() * 1_000_000);
    const drivers: Record<string, number> = {};
    for (const d of DRIVER_COLUMNS) drivers[d] = Math.round(pop * (0.01 + rand() * 0.1));
    drivers['resident_pop'] = pop;
    drivers['registered_pop'] = Math.round(pop * (0.8 + rand() * 0.4));
    drivers['rural_pop'] = Math.round(pop * rand());
    drivers['urban_pop'] = pop - drivers['rural_pop'];
    return {
      code: String(100000 + i),
      name: `gen${i}`,
      provinceCode,
      province: PROVINCES[provinceCode]!,
      prefectureCode: `${provinceCode.slice(0, 2)}0100`,
      prefecture: 'gen',
      regionGroup: (['east', 'central', 'west'] as const)[i % 3]!,
      tier2018: 1 + (i % 5),
      directlyManaged: rand() < 0.3,
      difficult: rand() < 0.3,
      nutritionPilot: rand() < 0.2,
      drivers,
      fiscal: { own_revenue: { 2011: Math.round(pop * 1000 * rand()), 2012: Math.round(pop * 1100 * rand()) }, other_std_expenditure: { 2011: Math.round(pop * 800), 2012: Math.round(pop * 900) } },
      costIndex: 1,
    };
  });
}

/** The national county set (real when bundled), replicated `scale` times with distinct codes. */
export function nationalCounties(scale = 1): { counties: County[]; real: boolean } {
  const real = existsSync(NATIONAL_COUNTIES);
  const base = real ? loadCountyFile(NATIONAL_COUNTIES).counties : generatedCounties(2850);
  if (scale === 1) return { counties: base, real };
  const out: County[] = [];
  for (let k = 0; k < scale; k++) for (const c of base) out.push({ ...c, code: `${c.code}-${k}` });
  return { counties: out, real };
}
