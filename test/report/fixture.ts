/**
 * A small county set for report tests: three Guangdong prefectures and one Sichuan
 * prefecture with varied population and revenue, so that some counties are in a gap and
 * some are not, and a copy of the policy data with a central pool sized for so few counties
 * (the real pool is shared by ~2,850 counties). Computed with `--reference none`.
 */
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument, Scalar, type YAMLMap } from 'yaml';
import { HEADER, sampleRow, toCsvText, type CsvRow } from '../helpers/countyCsv.ts';

export const DATA_DIR = new URL('../../data/', import.meta.url).pathname;

export interface ReportFixture {
  readonly dir: string;
  readonly counties: string;
  readonly data: string;
  readonly scenario: string;
}

export function fixtureRows(): CsvRow[] {
  const rows: CsvRow[] = [];
  let k = 0;
  for (const [pref, n] of [['4401', 12], ['4402', 8], ['4403', 9], ['5101', 6]] as const) {
    for (let i = 1; i <= n; i++) {
      k++;
      const pop = 150_000 + ((k * 7919) % 900_000);
      const rural = Math.round(pop * (0.3 + ((k * 31) % 50) / 100));
      const name = i === 3 && pref === '4401' ? '荔湾区' : i === 5 && pref === '4402' ? 'A "quoted", <county> & co' : `县${pref}${i}`;
      rows.push(sampleRow(`${pref}${String(i).padStart(2, '0')}`, {
        name,
        directly_managed: k % 7 === 0 ? 1 : 0,
        resident_pop: pop,
        urban_pop: pop - rural,
        rural_pop: rural,
        own_revenue_2011: Math.round(pop * (230 + ((k * 113) % 2400))),
        other_std_expenditure_2011: Math.round(pop * (1100 + ((k * 53) % 650))),
        own_revenue_2012: Math.round(pop * (250 + ((k * 113) % 2600))) + 0.37,
        other_std_expenditure_2012: Math.round(pop * (1200 + ((k * 53) % 700))),
      }));
    }
  }
  return rows;
}

/** Write the fixture files under `dir`; returns their paths. */
export function writeFixture(dir: string): ReportFixture {
  mkdirSync(dir, { recursive: true });
  const counties = join(dir, 'counties.csv');
  writeFileSync(counties, toCsvText(fixtureRows(), [...HEADER, 'own_revenue_2011', 'other_std_expenditure_2011']));
  const data = join(dir, 'data');
  cpSync(DATA_DIR, data, { recursive: true });
  // every transfer pool of the country sized for so few counties: a thousandth of the national amount
  const general = join(data, 'transfers', 'general.yaml');
  const doc = parseDocument(readFileSync(general, 'utf8'));
  for (const pair of (doc.contents as YAMLMap<Scalar<string>, YAMLMap>).items) {
    if (!String(pair.key.value).endsWith('_pool')) continue;
    const values = pair.value!.get('values') as YAMLMap<Scalar<number>, Scalar<number>>;
    for (const v of values.items) v.value = new Scalar(Math.round(Number((v.value as Scalar<number>).value) / 1000));
  }
  writeFileSync(general, doc.toString());
  const scenario = join(dir, 'raise-health.yaml');
  writeFileSync(scenario, [
    'title: Higher public-health standard and 2018 tiers for compulsory education',
    'changes:',
    '  - path: rules.edu_compulsory_ratio.central_share',
    '    values: {2012: {by: tier_2018, "1": 0.8, "2": 0.6, "3": 0.5, "4": 0.3, "5": 0.1}}',
    '  - path: standards.health.basic_public_health.standard',
    '    values: {2012: 45}',
    '  - path: transfers.guarantee_close_rate',
    '    values: {2012: 0.8}',
    '',
  ].join('\n'));
  return { dir, counties, data, scenario };
}
