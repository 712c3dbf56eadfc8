import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PROVINCES } from '../../src/input/provinces.ts';
import { loadParams } from '../../src/import/pipeline.ts';
import { InputError } from '../../src/input/inputError.ts';

const path = new URL('../../data/provinces/provinces.yaml', import.meta.url);
const params = loadParams({ name: 'provinces.yaml', text: readFileSync(path, 'utf8') });
const byGroup = (g: string): string[] => Object.entries(params.provinces).filter(([, p]) => p.region_group === g).map(([c]) => c).sort();
const byTier = (t: number): string[] => Object.entries(params.provinces).filter(([, p]) => p.tier_2018 === t).map(([c]) => c).sort();

describe('data/provinces/provinces.yaml', () => {
  it('covers the 31 provinces with their names', () => {
    expect(Object.keys(params.provinces).sort()).toEqual(Object.keys(PROVINCES).sort());
    for (const [code, p] of Object.entries(params.provinces)) expect(p.name).toBe(PROVINCES[code]);
  });

  it('has the 2011–2015 region groups', () => {
    const west = ['150000', '450000', '500000', '510000', '520000', '530000', '540000', '610000', '620000', '630000', '640000', '650000'];
    expect(byGroup('west')).toEqual(west);
    expect(byGroup('central')).toEqual(['140000', '220000', '230000', '340000', '360000', '410000', '420000', '430000']);
    expect(byGroup('east')).toHaveLength(11);
  });

  it('has the 2018 tiers (国办发〔2018〕6号) with the separately planned cities in tier 4', () => {
    expect(byTier(1)).toEqual(byGroup('west'));
    expect(byTier(2)).toEqual(['130000', '140000', '220000', '230000', '340000', '360000', '410000', '420000', '430000', '460000']);
    expect(byTier(3)).toEqual(['210000', '350000', '370000']);
    expect(byTier(4)).toEqual(['120000', '320000', '330000', '440000']);
    expect(byTier(5)).toEqual(['110000', '310000']);
    expect(Object.entries(params.tier_2018.prefecture_overrides).map(([c, o]) => `${c}:${o.tier}`).sort()).toEqual(['210200:4', '330200:4', '350200:4', '370200:4', '440300:4']);
  });

  it('rejects split shares that do not add up, with the field', () => {
    const text = readFileSync(path, 'utf8').replace("shares: { '320302': 0.6, '320311': 0.2, '320312': 0.2 }", "shares: { '320302': 0.6, '320311': 0.2, '320312': 0.1 }");
    try {
      loadParams({ name: 'provinces.yaml', text });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(InputError);
      expect((e as InputError).problems[0]).toMatchObject({ file: 'provinces.yaml', field: 'boundary.splits.0.shares' });
    }
  });
});
