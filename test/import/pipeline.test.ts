/**
 * The import end to end on the fixture (test/fixtures/census), against hand-computed values.
 * Fixture bands follow the template (per 1,000 residents)
 *   0:10 1–4:40 5–9:50 10–14:50 15–19:50 20–24…40–44:100 each 45–49:80 50–54:70 55–59:50
 *   60–64:40 65–69:30 70–74:15 75–79:10 80–84:3 85+:2.
 */
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/input/inputError.ts';
import { buildCountyData, type BuiltUnit } from '../../src/import/pipeline.ts';
import { renderFiles } from '../../src/import/report.ts';
import { editLine, fixtureSources, fixtureText } from './fixture.ts';

const result = buildCountyData(fixtureSources());
const unit = (code: string): BuiltUnit => {
  const u = result.units.find((x) => x.code === code);
  if (!u) throw new Error(`no unit ${code}`);
  return u;
};

function problemsOf(f: () => unknown): string[] {
  try {
    f();
  } catch (e) {
    if (e instanceof InputError) return e.problems.map((p) => `${p.file}|${p.line ?? ''}|${p.column ?? p.field ?? ''}|${p.message}`);
    throw e;
  }
  throw new Error('expected an InputError');
}

describe('unit list', () => {
  it('has every 2012 county-level unit once plus the county-equivalent city', () => {
    expect(result.units.map((u) => u.code)).toEqual(['110101', '441802', '441803', '441900', '445202', '445203']);
    expect(result.units.map((u) => u.kind)).toEqual(['county', 'county', 'county', 'county_equivalent', 'county', 'county']);
  });

  it('carries province and prefecture codes and names, region group and tier', () => {
    const q = unit('441803');
    expect([q.name, q.provinceCode, q.province, q.prefectureCode, q.prefecture, q.regionGroup, q.tier2018]).toEqual(['清新区', '440000', '广东省', '441800', '清远市', 'east', 4]);
    // a municipal district: prefecture xx0100
    expect([unit('110101').prefectureCode, unit('110101').prefecture, unit('110101').tier2018]).toEqual(['110100', '北京市（市辖区）', 5]);
    // the county-equivalent is its own prefecture
    expect([unit('441900').prefectureCode, unit('441900').prefecture]).toEqual(['441900', '东莞市']);
    // prefecture override of the tier (fixture: 揭阳 tier 3)
    expect(unit('445203').tier2018).toBe(3);
  });
});

describe('census facts', () => {
  it('re-codes 清新县 441827 to 清新区 441803 with its census facts unchanged', () => {
    const c = unit('441803').facts.counts;
    expect([c.resident_pop, c.urban_pop, c.rural_pop, c.registered_pop]).toEqual([2000, 800, 1200, 2100]);
    const m = result.unitsReport.matches.find((x) => x.code === '441827')!;
    expect(m.kind).toBe('crosswalk_renamed');
    expect(m.targets).toEqual([{ code: '441803', name: '清新区', share: 1 }]);
  });

  it('takes the xx00 prefecture row of 东莞 as a county-equivalent', () => {
    const c = unit('441900').facts.counts;
    expect([c.resident_pop, c.urban_pop, c.rural_pop]).toEqual([4000, 3600, 400]);
  });

  it('merges 崇文区 into the fully urban 东城区 whose rural_pop is blank', () => {
    const u = unit('110101');
    const c = u.facts.counts;
    // 1000 + 500 residents; blank rural_pop read as 0
    expect([c.resident_pop, c.urban_pop, c.rural_pop, c.registered_pop]).toEqual([1500, 1500, 0, 1400]);
    // one part blank → the merged in_migrants_same_county is missing
    expect(u.facts.nullable.in_migrants_same_county).toBeNull();
    expect(result.censusNotes.some((n) => n.includes('blank rural_pop read as 0'))).toBe(true);
  });

  it('splits 揭东县 by the configured shares and moves the configured part of 榕城区', () => {
    // 榕城区: 0.9 × 1000 + 0.25 × 2000 = 1400; 揭东区: 0.1 × 1000 + 0.75 × 2000 = 1600
    expect(unit('445202').facts.counts.resident_pop).toBe(1400);
    expect(unit('445203').facts.counts.resident_pop).toBe(1600);
    // urban: 0.9 × 900 + 0.25 × 600 = 960
    expect(unit('445202').facts.counts.urban_pop).toBe(960);
  });

  it('recomputes rates of a merged unit from amounts', () => {
    const files = renderFiles(result);
    const header = files['china_2012.csv'].split('\n')[0]!.split(',');
    const row = files['china_2012.csv'].split('\n').find((l) => l.startsWith('110101,'))!.split(',');
    const v = (c: string): string => row[header.indexOf(c)]!;
    // a share of residents: (80% × 1000 + 90% × 500) / 1500 = 83.333…
    expect(v('nonagri_hukou_pct')).toBe('83.33');
    // (4% × 1000 + 2% × 500) / 1500 = 3.333…
    expect(v('minority_pct')).toBe('3.33');
    // person-years (12 × 940 + 11 × 470) / (940 + 470), base = residents − age 0–4 − 0.2 × age 5–9
    expect(v('avg_years_schooling')).toBe('11.67');
    expect(v('in_migrants_same_county')).toBe('');
    expect(v('rural_pop')).toBe('0');
  });
});

describe('province totals', () => {
  it('sums the units of each province to the census province row', () => {
    for (const c of result.provinceChecks) expect(c.difference).toBe(0);
    expect(result.provinceChecks.find((c) => c.code === '440000')!.units).toBe(12000);
  });
});

describe('derived drivers (hand-computed)', () => {
  it('清新区: bands 20, 80, 100, 100, 100, 200 … with rural share 0.6', () => {
    const d = unit('441803').drivers;
    expect(d.age_0_5).toBe(120); // 20 + 80 + 0.2 × 100
    expect(d.age_3_5).toBe(60); // 0.5 × 80 + 0.2 × 100
    expect(d.age_6_11).toBe(120); // 0.8 × 100 + 0.4 × 100
    expect(d.age_12_14).toBe(60); // 0.6 × 100
    expect(d.age_15_17).toBe(60); // 0.6 × 100
    expect(d.age_15_64).toBe(1580); // 100 + 5 × 200 + 160 + 140 + 100 + 80
    expect(d.age_16_59).toBe(1480); // 80 + 1000 + 160 + 140 + 100
    expect(d.age_60plus).toBe(200); // 80 + 60 + 30 + 20 + 6 + 4
    expect(d.age_65plus).toBe(120);
    expect(d.rural_age_16_59).toBe(888); // 1480 × 0.6 (odds ratio 1)
    expect(d.urban_age_16_59).toBe(592);
    expect(d.rural_age_60plus).toBe(150); // 200 × (2 × 0.6) / (0.4 + 2 × 0.6) = 200 × 0.75
    expect(d.urban_age_60plus).toBe(50);
    expect(d.births).toBe(24); // 12‰ × 2000
    expect(d.pupils_primary).toBe(119); // 120 × 0.99 = 118.8
    expect(d.pupils_junior).toBe(61); // 60 × 1.02 = 61.2
    expect(d.rural_pupils_primary).toBe(71); // 119 × 0.6 = 71.4
    expect(d.rural_pupils_junior).toBe(37); // 61 × 0.6 = 36.6
    expect(d.students_high_school).toBe(24); // 60 × 0.8 × 0.5
    expect(d.students_vocational).toBe(24); // 48 − 24
    expect(d.children_preschool).toBe(36); // 60 × 0.6 (2012 rate)
  });

  it('清新区: age 0–6 and the hukou split of the registered population', () => {
    const d = unit('441803').drivers;
    expect(d.age_0_6).toBe(140); // 20 + 80 + 0.4 × 100
    // residents 2000, 20% non-agricultural: 1600 agricultural; 60 + 200 in-migrants, half agricultural (fixture):
    // local share (1600 − 130) / (2000 − 260) = 0.844827…; registered 2100 → 1774.1 → 1774
    expect([d.agri_hukou_pop, d.nonagri_hukou_pop]).toEqual([1774, 326]);
    // merged 东城区: agricultural residents 200 + 50; in-migrants 130 + 50; (250 − 90) / 1320 × 1400 registered = 169.7 → 170
    expect([unit('110101').drivers.agri_hukou_pop, unit('110101').drivers.nonagri_hukou_pop]).toEqual([170, 1230]);
  });

  it('without a published enrolment, pupils are age group × rate and the factor is 1', () => {
    expect(result.pupilCalibration.primary.published).toBeUndefined();
    expect(result.pupilCalibration.primary.modelled).toBeCloseTo(801.9, 9); // 810 × 0.99
    expect(result.pupilCalibration.primary.factor).toBe(1);
  });

  it('calibrates pupils to the published national enrolment', () => {
    const params = fixtureText('provinces.yaml');
    const published = [
      '  published_pupils:',
      '    primary: { values: { 2012: 1200 }, source: { kind: assumption, reasoning: fixture values for the import tests } }',
      '    junior: { values: { 2012: 810 }, source: { kind: assumption, reasoning: fixture values for the import tests } }',
      'rural_pupils:',
    ].join('\n');
    const r = buildCountyData(fixtureSources({ provinces: { ...params, text: params.text.replace(/^rural_pupils:/m, published) } }));
    // age 6–11 over the six units: 90 + 180 + 120 + 240 + 84 + 96 = 810; × 0.99 = 801.9; f = 1200 ÷ 801.9
    expect(r.pupilCalibration.primary.factor).toBeCloseTo(1200 / 801.9, 12);
    const pupils = (code: string): number[] => {
      const d = r.units.find((u) => u.code === code)!.drivers;
      return [d.pupils_primary, d.pupils_junior];
    };
    // pupils = age group × 1200 ÷ 810: 清新区 120 → 177.8 → 178; 清城区 180 → 266.7 → 267; 东莞 240 → 355.6 → 356
    // junior: age 12–14 over the units 405, × 1.02, f = 810 ÷ 413.1: pupils = 2 × age 12–14
    expect(pupils('441803')).toEqual([178, 120]);
    expect(pupils('441802')).toEqual([267, 180]);
    expect(pupils('441900')).toEqual([356, 240]);
    expect(r.units.reduce((s, u) => s + u.drivers.pupils_primary, 0)).toBe(1200);
    expect(r.units.reduce((s, u) => s + u.drivers.pupils_junior, 0)).toBe(810);
  });

  it('counts every pupil of the listed unit types as rural (school location)', () => {
    const params = fixtureText('provinces.yaml');
    const text = params.text.replace('whole_unit_types: [county, county_level_city]', 'whole_unit_types: [district]');
    expect(text).not.toBe(params.text);
    const r = buildCountyData(fixtureSources({ provinces: { ...params, text } }));
    const d = (code: string) => r.units.find((u) => u.code === code)!.drivers;
    // a district now counts whole: 119 and 61 pupils all rural
    expect([d('441803').rural_pupils_primary, d('441803').urban_pupils_primary, d('441803').rural_pupils_junior, d('441803').urban_pupils_junior]).toEqual([119, 0, 61, 0]);
    // the county-equivalent city keeps its rural share 400 ÷ 4000: 240 × 0.99 = 237.6 → 238 pupils, 23.8 → 24 rural
    expect([d('441900').pupils_primary, d('441900').rural_pupils_primary, d('441900').urban_pupils_primary]).toEqual([238, 24, 214]);
  });

  it('a fully urban district has no rural drivers', () => {
    const d = unit('110101').drivers;
    expect([d.rural_age_16_59, d.rural_age_60plus, d.rural_pupils_primary, d.rural_pupils_junior]).toEqual([0, 0, 0, 0]);
    expect(d.urban_age_16_59).toBe(d.age_16_59);
    expect(d.births).toBe(11); // 8‰ × 1000 + 6‰ × 500
  });
});

describe('fiscal estimates (hand-computed)', () => {
  it('gives a single-unit province all its county-level money', () => {
    const f = unit('110101').fiscal;
    expect(f['own_revenue_2011']).toBe(4_500_000_000_00); // published 90亿 × 0.5, in fen
    expect(f['own_revenue_2012']).toBe(5_400_000_000_00); // published 108亿 × 0.5
    expect(f['general_expenditure_2011']).toBe(5_000_000_000_00); // 100亿 × 0.5
    expect(f['other_std_expenditure_2011']).toBe(3_000_000_000_00); // 50亿 × (1 − 20/100 − 0.2)
    expect(f['other_std_expenditure_2012']).toBe(3_300_000_000_00); // 60亿 × (1 − 30/120 − 0.2)
  });

  it('spreads expenditure by residents when the elasticity is 0, to the fen', () => {
    // 100亿 over 12,000 residents: 清城区 3000 → 25亿; 清新区 2000 → 16.67亿 (largest remainder gets the fen)
    expect(unit('441802').fiscal['general_expenditure_2011']).toBe(2_500_000_000_00);
    expect(unit('441803').fiscal['general_expenditure_2011']).toBe(166_666_666_667);
    expect(unit('441900').fiscal['general_expenditure_2011']).toBe(333_333_333_333);
    const gd = result.units.filter((u) => u.provinceCode === '440000');
    expect(gd.reduce((s, u) => s + u.fiscal['general_expenditure_2011']!, 0)).toBe(10_000_000_000_00);
    expect(gd.reduce((s, u) => s + u.fiscal['own_revenue_2011']!, 0)).toBe(8_000_000_000_00); // published 160亿 × 0.5
  });

  it('spreads revenue by residents × d², d the geometric mean of urban share, 1 + in-migrant share, schooling', () => {
    // 清城区: d³ = 0.8 × (1 + (90 + 300) / 3000) × 10 = 9.04; 东莞: d³ = 0.9 × (1 + (120 + 2000) / 4000) × 10 = 13.77
    const ratio = unit('441802').fiscal['own_revenue_2011']! / unit('441900').fiscal['own_revenue_2011']!;
    expect(ratio).toBeCloseTo((3000 * 9.04 ** (2 / 3)) / (4000 * 13.77 ** (2 / 3)), 9);
    // the province's county-level revenue is the published revenue × the county share: 160亿 × 0.5 in 2011
    const gd = result.units.filter((u) => u.provinceCode === '440000');
    expect(gd.reduce((s, u) => s + u.fiscal['own_revenue_2011']!, 0)).toBe(8_000_000_000_00);
    expect(result.fiscal.provinces.find((p) => p.provinceCode === '440000' && p.year === 2012)!.revenue).toBe(2_000_000_000_000); // 200亿 in fen
  });

  it('cannot estimate the revenue elasticity from two provinces', () => {
    const params = fixtureText('provinces.yaml');
    const text = params.text.replace(/^ {2}revenue_elasticity:.*\n/m, '');
    expect(text).not.toBe(params.text);
    expect(() => buildCountyData(fixtureSources({ provinces: { ...params, text } }))).toThrow(/cannot estimate the revenue elasticity from 2 province\(s\)/);
  });

  it('checks the provinces against the national revenue total and needs every year', () => {
    const params = fixtureText('provinces.yaml');
    const withTotals = params.text.replace(/^ {2}by_province:/m, "  national_totals: { values: { 2011: 250, 2012: 300 }, source: { kind: assumption, reasoning: fixture values for the import tests } }\n  by_province:");
    // 2011: 90 + 160 = 250 agrees; 2012: 108 + 200 = 308 does not
    expect(problemsOf(() => buildCountyData(fixtureSources({ provinces: { ...params, text: withTotals } })))).toEqual([
      'provinces.yaml||revenue.by_province (2012)|the provinces add up to 308.00 亿元, the national total is 300 亿元 (tolerance 0.1)',
    ]);
    const missing = params.text.replace("'110000': { 2011: 90, 2012: 108 }", "'110000': { 2011: 90 }");
    expect(problemsOf(() => buildCountyData(fixtureSources({ provinces: { ...params, text: missing } })))).toEqual([
      'provinces.yaml||revenue.by_province.110000.2012|no own revenue for 北京市 in 2012',
    ]);
  });
});

describe('832 list', () => {
  it('matches by loose name, code and crosswalk, and reports the rest with file and line', () => {
    const byLine = new Map(result.poverty.matches.map((m) => [m.entry.line, m]));
    expect([byLine.get(2)?.unit, byLine.get(2)?.method]).toEqual(['441803', 'loose_name']); // 清新县 under the code of 清新区
    expect([byLine.get(3)?.unit, byLine.get(3)?.method]).toEqual(['445203', 'code']);
    expect([byLine.get(4)?.unit, byLine.get(4)?.method]).toEqual(['441802', 'crosswalk']); // later code 441804
    expect(result.poverty.unmatched.map((u) => [u.entry.line, u.entry.code])).toEqual([[5, '449999']]);
    const report = renderFiles(result)['import_report.md'];
    expect(report).toContain('poverty.csv line 5, column adcode/county_name: 449999 无名县');
  });

  it('flags nutrition pilots on the list inside a configured contiguous area only', () => {
    const params = fixtureText('provinces.yaml');
    const areas = [
      '    areas:',
      '      - name: 清远片区',
      '        counties: 2',
      "        prefectures: { '441800': 清远市 }",
      'boundary:',
    ].join('\n');
    const r = buildCountyData(fixtureSources({ provinces: { ...params, text: params.text.replace(/^boundary:/m, areas) } }));
    const pilot = (code: string): number => r.units.find((u) => u.code === code)!.flags.nutrition_pilot;
    // 清新区 and 清城区 are on the list and in 清远; 揭东区 is on the list outside any area; 东莞 is on neither
    expect(['441803', '441802', '445203', '441900'].map(pilot)).toEqual([1, 1, 0, 0]);
    // difficult still follows the whole list
    expect(r.units.find((u) => u.code === '445203')!.flags.difficult).toBe(1);
  });

  it('an area code that is not a province, prefecture or unit is an error naming the field', () => {
    const params = fixtureText('provinces.yaml');
    const areas = ['    areas:', '      - name: 无名片区', '        counties: 1', "        prefectures: { '449900': 无名市 }", 'boundary:'].join('\n');
    const problems = problemsOf(() => buildCountyData(fixtureSources({ provinces: { ...params, text: params.text.replace(/^boundary:/m, areas) } })));
    expect(problems).toEqual(['provinces.yaml||flags.nutrition_pilot.areas[0] (无名片区)|449900 is not a province, prefecture or unit of the 2012 unit list']);
  });

  it('sets difficult and pilot flags from the list, directly managed for municipal units', () => {
    const flags = (code: string): number[] => [unit(code).flags.difficult, unit(code).flags.nutrition_pilot, unit(code).flags.directly_managed];
    expect(flags('441803')).toEqual([1, 1, 0]);
    expect(flags('441802')).toEqual([1, 1, 0]);
    expect(flags('441900')).toEqual([0, 0, 0]);
    expect(flags('110101')).toEqual([0, 0, 1]);
  });
});

describe('outputs', () => {
  it('are deterministic', () => {
    const again = renderFiles(buildCountyData(fixtureSources()));
    expect(again).toEqual(renderFiles(result));
  });

  it('write money in yuan with two decimals and populations as integers', () => {
    const csv = renderFiles(result)['guangdong_2012.csv'];
    const lines = csv.trimEnd().split('\n');
    const header = lines[0]!.split(',');
    expect(lines).toHaveLength(6);
    const row = lines.find((l) => l.startsWith('441803,'))!.split(',');
    expect(row[header.indexOf('general_expenditure_2011')]).toBe('1666666666.67');
    expect(row[header.indexOf('resident_pop')]).toBe('2000');
  });
});

describe('import errors', () => {
  it('a missing source column is a hard error naming file and column', () => {
    const src = fixtureText('census.csv');
    const text = src.text.replace('in_migrants_other_province', 'in_migrants_elsewhere');
    const problems = problemsOf(() => buildCountyData(fixtureSources({ census: { ...src, text } })));
    expect(problems).toEqual(['census.csv|1|in_migrants_other_province|required source column "in_migrants_other_province" is missing']);
  });

  it('an unmatched census code is reported with file, row and column', () => {
    const src = fixtureText('census.csv');
    const extra = src.text.split(/\r?\n/)[7]!.replace(/^441827,清新县/, '441888,新设县');
    const problems = problemsOf(() => buildCountyData(fixtureSources({ census: { ...src, text: `${src.text}${extra}\n` } })));
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/^census\.csv\|13\|code\|census code 441888 新设县 is not in the 2012 list and cannot be followed/);
    // and its prefecture no longer adds up: nothing is skipped silently
    expect(problems[1]).toMatch(/^census\.csv\|6\|resident_pop\|prefecture 441800 清远市 has 5000 residents but its county rows 7000/);
  });

  it('a non-number is reported with file, row and column', () => {
    const src = editLine(fixtureText('census.csv'), 7, (l) => l.replace(/^441802,清城区,county,3000,/, '441802,清城区,county,3千,'));
    const problems = problemsOf(() => buildCountyData(fixtureSources({ census: src })));
    expect(problems).toEqual(['census.csv|7|resident_pop|"3千" is not a whole number']);
  });

  it('blank rural_pop must agree with urban_pop = resident_pop', () => {
    const src = editLine(fixtureText('census.csv'), 7, (l) => l.replace(/^(441802,清城区,county,3000,1500,1500,2800,1\.0,50\.0,2400,)600,/, '$1,'));
    const problems = problemsOf(() => buildCountyData(fixtureSources({ census: src })));
    expect(problems[0]).toMatch(/^census\.csv\|7\|rural_pop\|urban_pop 2400 \+ rural_pop 0 ≠ resident_pop 3000 \(rural_pop is blank, read as 0\)/);
  });

  it('a split without configured shares stops the build', () => {
    const params = fixtureText('provinces.yaml');
    const text = params.text.replace(/ {4}- census_code: '445221'[\s\S]*?(?= {2}transfers:)/, '');
    expect(text).not.toEqual(params.text);
    const problems = problemsOf(() => buildCountyData(fixtureSources({ provinces: { ...params, text: text.replace('splits:\n', 'splits: []\n') } })));
    expect(problems[0]).toMatch(/^census\.csv\|12\|code\|census code 445221 揭东县 was split into 445202 榕城区, 445203 揭东区; provinces.yaml boundary.splits needs the population shares/);
  });

  it('a 2012 unit without population is an error naming the list file', () => {
    const admin = fixtureText('admin_codes.tsv');
    const problems = problemsOf(() => buildCountyData(fixtureSources({ adminCodes: { ...admin, text: `${admin.text}mca\t201212\t445299\t新区\r\n` } })));
    expect(problems).toEqual([expect.stringMatching(/^admin_codes\.tsv\|12\|Code\|unit 445299 新区 of the 2012 list has no census population/)]);
  });
});
