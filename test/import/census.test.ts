import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/input/inputError.ts';
import { AGE_BANDS, parseCensus, ratesOf, reconcileAgeBands, splitFacts, splitInteger, subtractFacts, addFacts, type CensusRow } from '../../src/import/census.ts';
import { parseTable, requireColumns } from '../../src/import/table.ts';
import { fixtureText } from './fixture.ts';

const census = parseCensus(parseTable(fixtureText('census.csv').text, 'census.csv'));
const row = (code: string): CensusRow => census.rows.find((r) => r.code === code)!;

describe('parseTable', () => {
  it('strips a BOM, accepts CRLF and TSV, and gives line numbers', () => {
    const t = parseTable('\uFEFFa\tb\r\n1\t2\r\n\r\n3\t4\r\n', 'x.tsv', '\t');
    expect(t.header).toEqual(['a', 'b']);
    expect(t.rows).toEqual([
      { line: 2, cells: { a: '1', b: '2' } },
      { line: 4, cells: { a: '3', b: '4' } },
    ]);
  });

  it('reports a ragged row with its line', () => {
    expect(() => parseTable('a,b\n1,2\n3\n', 'x.csv')).toThrow(InputError);
    try {
      parseTable('a,b\n1,2\n3\n', 'x.csv');
    } catch (e) {
      expect((e as InputError).problems).toEqual([{ file: 'x.csv', line: 3, message: 'row has 1 cells, the header has 2' }]);
    }
  });

  it('names every missing column', () => {
    const t = parseTable('a,b\n1,2\n', 'x.csv');
    try {
      requireColumns(t, ['a', 'c', 'd']);
      expect.unreachable();
    } catch (e) {
      expect((e as InputError).problems.map((p) => p.column)).toEqual(['c', 'd']);
    }
  });
});

describe('parseCensus', () => {
  it('reads a blank rural_pop as 0 and a blank in_migrants_same_county as missing', () => {
    expect(row('110101').facts.counts.rural_pop).toBe(0);
    expect(row('110103').facts.nullable.in_migrants_same_county).toBeNull();
    expect(row('110101').facts.nullable.in_migrants_same_county).toBe(20);
  });

  it('keeps rates as amounts', () => {
    const f = row('110101').facts;
    expect(f.amounts.births).toBeCloseTo(8, 12); // 8‰ × 1000
    expect(f.amounts.nonagriPersons).toBeCloseTo(800, 12); // 80% × 1000 residents (the census share is of residents)
    expect(f.amounts.schoolingYears).toBeCloseTo(12 * 940, 9); // base 1000 − 10 − 40 − 0.2 × 50
    expect(ratesOf(f).avgYearsSchooling).toBeCloseTo(12, 12);
  });
});

describe('reconcileAgeBands', () => {
  it('corrects the one band the prefecture row shows to be mistyped', () => {
    const bad = { ...row('441802'), facts: { ...row('441802').facts, counts: { ...row('441802').facts.counts, age_35_39: 330 } } };
    const rows = census.rows.map((r) => (r.code === '441802' ? bad : r));
    const check = reconcileAgeBands(rows);
    expect(check.corrections).toEqual([{ code: '441802', name: '清城区', line: 7, band: 'age_35_39', from: 330, to: 300, prefecture: '441800 清远市' }]);
    expect(check.rows.find((r) => r.code === '441802')!.facts.counts.age_35_39).toBe(300);
    expect(check.unresolved).toEqual([]);
  });

  it('leaves a row it cannot explain and lists it', () => {
    const c = row('441802').facts.counts;
    const bad = { ...row('441802'), facts: { ...row('441802').facts, counts: { ...c, age_35_39: 310, age_40_44: 310 } } };
    const check = reconcileAgeBands(census.rows.map((r) => (r.code === '441802' ? bad : r)));
    expect(check.corrections).toEqual([]);
    expect(check.unresolved).toEqual([{ code: '441802', name: '清城区', line: 7, bandSum: 3020, resident: 3000 }]);
  });
});

describe('splitting and adding facts', () => {
  it('splitInteger gives whole parts that add up, ties to the earlier part', () => {
    expect(splitInteger(10, [1, 1, 1])).toEqual([4, 3, 3]);
    expect(splitInteger(7, [0.5, 0.5])).toEqual([4, 3]);
    expect(splitInteger(100, [0.6, 0.2, 0.2])).toEqual([60, 20, 20]);
    expect(splitInteger(0, [1, 2])).toEqual([0, 0]);
  });

  it('splitFacts keeps every count whole and adding the parts gives the whole back', () => {
    const f = row('445221').facts; // 2000 residents, 600 urban
    const parts = splitFacts(f, [0.27, 0.73]);
    const back = addFacts(parts[0]!, parts[1]!);
    expect(back.counts).toEqual(f.counts);
    for (const p of parts) {
      expect(p.counts.urban_pop + p.counts.rural_pop).toBe(p.counts.resident_pop);
      expect(p.counts.male + p.counts.female).toBe(p.counts.resident_pop);
      for (const b of AGE_BANDS) expect(Number.isInteger(p.counts[b])).toBe(true);
      expect(AGE_BANDS.reduce((sum, b) => sum + p.counts[b], 0)).toBe(p.counts.resident_pop);
    }
    expect(parts[0]!.counts.resident_pop).toBe(540);
    expect(parts[1]!.amounts.births).toBeCloseTo(0.73 * 26, 9);
  });

  it('splitFacts balances bands so that every part adds up to its residents', () => {
    const f = row('441802').facts; // 3000 residents
    const parts = splitFacts(f, [0.333, 0.333, 0.334]);
    for (const p of parts) expect(AGE_BANDS.reduce((sum, b) => sum + p.counts[b], 0)).toBe(p.counts.resident_pop);
    for (const b of AGE_BANDS) expect(parts.reduce((sum, p) => sum + p.counts[b], 0)).toBe(f.counts[b]);
  });

  it('subtractFacts gives a prefecture residual', () => {
    const rest = subtractFacts(row('441800').facts, addFacts(row('441802').facts, row('441827').facts));
    expect(rest.counts.resident_pop).toBe(0);
    expect(rest.counts.age_85plus).toBe(0);
  });
});
