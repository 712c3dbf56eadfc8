import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { birthsAtAges, cohortAtAges, cohortPupils, loadCohorts, singleYearAges, type CohortsFile } from '../../src/import/cohorts.ts';
import type { CountField } from '../../src/import/census.ts';
import { buildCountyData } from '../../src/import/pipeline.ts';
import { renderFiles } from '../../src/import/report.ts';
import { parseCountyText } from '../../src/input/countyFile.ts';
import { cohortRatio, projectDrivers } from '../../src/scenarios/projection.ts';
import type { County } from '../../src/model/county.ts';
import { fixtureSources } from './fixture.ts';

const counts = (b: Partial<Record<CountField, number>>): Record<CountField, number> => b as Record<CountField, number>;

describe('single-year ages by Sprague multipliers', () => {
  it('spread a flat population evenly', () => {
    const a = singleYearAges(counts({ age_0: 10, age_1_4: 40, age_5_9: 50, age_10_14: 50, age_15_19: 50, age_20_24: 50 }));
    expect(a).toHaveLength(15);
    for (const x of a) expect(x).toBeCloseTo(10, 9);
  });

  it('reproduce a straight line within the bands (bands 50, 100, 150, 200, 250 → slope 2 a year)', () => {
    // by hand: 5–9 = 16, 18, 20, 22, 24 (0.0336·50 + 0.2272·100 − 0.0752·150 + 0.0144·200 = 16 …);
    // 10–14 = 26 … 34; Sprague gives 8, 10, 12, 14 for ages 1–4 (sum 44), spread over age_1_4 = 45
    const a = singleYearAges(counts({ age_0: 5, age_1_4: 45, age_5_9: 100, age_10_14: 150, age_15_19: 200, age_20_24: 250 }));
    const expected = [5, 90 / 11, 112.5 / 11, 135 / 11, 157.5 / 11, 16, 18, 20, 22, 24, 26, 28, 30, 32, 34];
    a.forEach((x, i) => expect(x).toBeCloseTo(expected[i]!, 9));
  });

  it('age the census forward: school ages 6–11 in 2012 are census ages 4–9', () => {
    const ages = Array.from({ length: 15 }, (_, a) => a + 1);
    expect(cohortAtAges(ages, [6, 11], 2012, 2010)).toBe(5 + 6 + 7 + 8 + 9 + 10);
    expect(cohortAtAges(ages, [12, 14], 2015, 2010)).toBe(8 + 9 + 10);
    expect(() => cohortAtAges(ages, [6, 11], 2017, 2010)).toThrow(/no census single-year age -1/);
  });
});

const file: CohortsFile = {
  years: [2012, 2015],
  base_year: 2012,
  census_year: 2010,
  ages: { primary: [6, 11], junior: [12, 14] },
  births: {
    unit: 'persons/year',
    description: 'test',
    // junior: 1998–2000 (2012) = 300, 2001–2003 (2015) = 240 → 0.8; primary: 2001–2006 = 540, 2004–2009 = 600 → 10/9
    values: { 1998: 100, 1999: 100, 2000: 100, 2001: 80, 2002: 80, 2003: 80, 2004: 100, 2005: 100, 2006: 100, 2007: 100, 2008: 100, 2009: 100 },
    source: { kind: 'policy', document: 'test births' },
  },
};

describe('pupils by year from cohorts', () => {
  it('births at the school ages of a year', () => {
    expect(birthsAtAges(file, [12, 14], 2012)).toBe(300);
    expect(birthsAtAges(file, [12, 14], 2015)).toBe(240);
    expect(birthsAtAges(file, [6, 11], 2015)).toBe(600);
  });

  it('follow each unit\'s own bands around the national births path', () => {
    const flat = counts({ age_0: 10, age_1_4: 40, age_5_9: 50, age_10_14: 50, age_15_19: 50, age_20_24: 50 });
    const young = counts({ age_0: 10, age_1_4: 40, age_5_9: 100, age_10_14: 50, age_15_19: 50, age_20_24: 50 });
    const res = cohortPupils([
      { code: 'A', counts: flat, pupils: { primary: 900, junior: 300 } },
      { code: 'B', counts: young, pupils: { primary: 900, junior: 100 } },
    ], file);
    // junior 2015 = census ages 7–9 (band 5–9) against 10–12 (band 10–14): the unit ratio is
    // (5–9 ÷ 10–14) × a national constant that κ cancels: A 1, B 2; κ closes 400 × 0.8 = 320 over
    // 300·1 + 100·2 = 500 → A 300 × 320/500 = 192, B 100 × 2 × 320/500 = 128
    expect(res.byUnit.get('A')!['pupils_junior_2015']).toBe(192);
    expect(res.byUnit.get('B')!['pupils_junior_2015']).toBe(128);
    // the base year is the driver
    expect(res.byUnit.get('A')!['pupils_junior_2012']).toBe(300);
    expect(res.byUnit.get('B')!['pupils_primary_2012']).toBe(900);
    // primary: the national total follows the births, 1800 × 10/9 = 2000 (± rounding)
    const p = res.byUnit.get('A')!['pupils_primary_2015']! + res.byUnit.get('B')!['pupils_primary_2015']!;
    expect(Math.abs(p - 2000)).toBeLessThanOrEqual(1);
    expect(res.national.find((n) => n.level === 'junior' && n.year === 2015)).toMatchObject({ birthsRatio: 0.8, total: 320 });
  });

  it('the bundled file covers 2011–2015 from the 2012 drivers', () => {
    const url = new URL('../../data/projection/cohorts.yaml', import.meta.url);
    const c = loadCohorts(readFileSync(url, 'utf8'), 'cohorts.yaml');
    expect(c.years).toEqual([2011, 2012, 2013, 2014, 2015]);
    // junior 2015 ÷ 2012 = births 2001–2003 ÷ 1998–2000 = (1696 + 1641 + 1594) ÷ (1934 + 1827 + 1765) 万
    expect(birthsAtAges(c, c.ages.junior, 2015) / birthsAtAges(c, c.ages.junior, 2012)).toBeCloseTo(4931 / 5526, 9);
  });
});

describe('dated pupil columns in the county file and the projection', () => {
  it('the import writes them and the loader reads them as dated drivers', () => {
    const cohorts = { name: 'cohorts.yaml', text: readFileSync(new URL('../../data/projection/cohorts.yaml', import.meta.url), 'utf8') };
    const built = buildCountyData(fixtureSources({ cohorts }));
    const csv = renderFiles(built)['china_2012.csv'];
    expect(csv.split('\n')[0]).toContain('pupils_junior_2015');
    const counties = parseCountyText(csv, 'fixture.csv').counties;
    for (const c of counties) expect(c.datedDrivers?.['pupils_junior']?.[2012]).toBe(c.drivers['pupils_junior']);
    // without the cohort file there are no dated columns (as before)
    const plain = parseCountyText(renderFiles(buildCountyData(fixtureSources()))['china_2012.csv'], 'fixture.csv').counties;
    expect(plain.every((c) => c.datedDrivers === undefined)).toBe(true);
  });

  const county = {
    code: '999999', name: 't', provinceCode: '990000', province: 'p', prefectureCode: '999900', prefecture: 'q', regionGroup: 'west', tier2018: 1,
    directlyManaged: false, difficult: false, nutritionPilot: false,
    drivers: { pupils_junior: 100, rural_pupils_junior: 60, urban_pupils_junior: 40, pupils_primary: 200, resident_pop: 1000 },
    datedDrivers: { pupils_junior: { 2011: 110, 2013: 90 } },
    fiscal: {}, costIndex: 1,
  } satisfies County;

  it('scales the pupils and their rural and urban parts by column ÷ driver, the latest earlier year carried on', () => {
    expect(cohortRatio(county, 'pupils_junior', 2011)).toBeCloseTo(1.1, 12);
    expect(cohortRatio(county, 'pupils_junior', 2010)).toBe(1);
    expect(cohortRatio(county, 'pupils_primary', 2013)).toBe(1);
    const y2014 = projectDrivers(county, 2014, []).drivers;
    expect(y2014['pupils_junior']).toBeCloseTo(90, 9);
    expect(y2014['rural_pupils_junior']).toBeCloseTo(54, 9);
    expect(y2014['urban_pupils_junior']).toBeCloseTo(36, 9);
    expect(y2014['pupils_primary']).toBe(200);
    expect(y2014['resident_pop']).toBe(1000);
    // with population growth both apply: 2011 at +10% a year → 110 × 1.1 = 121
    expect(projectDrivers(county, 2011, [{ from: 2011, value: 0.1 }]).drivers['pupils_junior']).toBeCloseTo(121, 9);
  });
});
