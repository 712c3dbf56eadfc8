/** The `schemes` terminal table (issue 11): separate aligned columns, thousands separators, the pool and what the status quo returns. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../hostile/helpers.ts';
import { HEADER, sampleRow, toCsvText } from '../helpers/countyCsv.ts';
import { yuanToFen } from '../../src/model/money.ts';

const dir = mkdtempSync(join(tmpdir(), 'fiscal-sim-schemes-table-'));
const countiesFile = join(dir, 'counties.csv');
const rows = ['440101', '440102', '440103', '440201', '510101', '510102', '510201', '110101'].map((code, i) =>
  sampleRow(code, { resident_pop: 3_000_000 + 500_000 * i, registered_pop: 2_800_000 + 400_000 * i, urban_pop: 1_000_000 + 200_000 * i, rural_pop: 2_000_000 + 300_000 * i, own_revenue_2011: 180_000_000 + 140_000_000 * i, other_std_expenditure_2011: 8_500_000_000, general_expenditure_2011: 19_000_000_000, own_revenue_2012: 200_000_000 + 150_000_000 * i }),
);
writeFileSync(countiesFile, toCsvText(rows, [...HEADER, ...HEADER.filter((h) => h.endsWith('_2012')).map((h) => h.replace('_2012', '_2011'))]));

function csv(file: string): Array<Record<string, string>> {
  const [head, ...body] = readFileSync(file, 'utf8').replace(/^\uFEFF/, '').trim().split('\n').map((l) => [...l.matchAll(/("(?:[^"]|"")*"|[^,]*)(,|$)/g)].map((m) => m[1]!.replace(/^"|"$/g, '').replace(/""/g, '"')).slice(0, -1));
  return body.map((r) => Object.fromEntries(head!.map((h, i) => [h, r[i]!])));
}

describe('fiscal-sim schemes table', () => {
  it('prints each figure in its own column, with separators, a pool column and why the status quo spends less', async () => {
    const out = join(dir, 'out');
    const r = await cli('schemes', 'baseline', '--counties', countiesFile, '--reference', 'none', '--schemes', 'simple_gap,equal_per_capita', '--pool', '3000亿', '--out', out);
    expect(r.code, r.err).toBe(0);
    const lines = r.out.trimEnd().split('\n');
    const headerAt = lines.findIndex((l) => l.startsWith('scheme '));
    const header = lines[headerAt]!.split(/ {2,}/);
    expect(header).toEqual(['scheme', 'county pool', 'equalization', 'returned', 'guarantee', 'Gini', 'Theil', 'between', 'within', 'CV', 'max/min', 'D10/D1', 'counties in gap', 'residents in gap', 'gap', 'central', 'province', 'county', 'unfunded', '|Δ|/resident (yuan)']);
    const table = lines.slice(headerAt + 1, headerAt + 5).map((l) => l.split(/ {2,}/));
    expect(table.map((t) => t[0])).toEqual(['no_equalization', 'status_quo', 'simple_gap', 'equal_per_capita']);
    const summary = csv(join(out, 'schemes.csv'));
    for (const [k, cells] of table.entries()) {
      // the columns line up: every cell ends where its header ends
      expect(cells, lines[headerAt + 1 + k]).toHaveLength(header.length);
      expect(lines[headerAt + 1 + k]!.length).toBe(lines[headerAt]!.length);
      // residents in gap: thousands separators, matching the CSV
      expect(cells[13]).toMatch(/^\d{1,3}(,\d{3})*$/);
      expect(Number(cells[13]!.replace(/,/g, ''))).toBe(Number(summary[k]!['residents_in_gap']));
      expect(cells[12]).toBe(summary[k]!['counties_in_gap']);
    }
    // the pool column: the same pool for the status quo and the schemes, none for no_equalization
    expect(table[0]![1]).toBe('0.00');
    expect(new Set(table.slice(1).map((t) => t[1])).size).toBe(1);
    const pool = yuanToFen(summary[1]!['county_pool']!);
    expect(pool).toBeGreaterThan(0);
    // the schemes spend the pool in full; the status quo spends what its cap allows and returns the rest
    for (const s of summary.slice(2)) {
      expect(yuanToFen(s['equalization']!)).toBe(pool);
      expect(s['county_pool_returned']).toBe('0.00');
    }
    const sq = summary[1]!;
    expect(yuanToFen(sq['equalization']!) + yuanToFen(sq['county_pool_returned']!)).toBe(pool);
    // a pool larger than the gaps: the 2011 formula cannot spend it all
    expect(yuanToFen(sq['county_pool_returned']!)).toBeGreaterThan(0);
    expect(r.out).toMatch(/note: status_quo follows the 2011 formula, which gives no county more than its gap .* of the county pools is not spent and returns to the provinces' budgets/);
    expect(r.out).toMatch(/note: no_equalization has no pool/);
  });
});
