/**
 * The tidy Parquet file read back with hyparquet (an independent reader) equals the tidy CSV,
 * row by row and column by column, with exact amounts; several row groups change nothing.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parquetMetadata, parquetReadObjects } from 'hyparquet';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadPolicyData } from '../../../src/input/policyData.ts';
import { yuanToFen } from '../../../src/model/money.ts';
import { writeTidyParquet } from '../../../src/report/tidy/parquet.ts';
import { TIDY_COLUMNS, tidyFiles } from '../../../src/report/tidy/tidy.ts';
import { baselineScenario } from '../../../src/scenarios/scenario.ts';
import { runScenario } from '../../../src/simulation/runScenario.ts';
import { DEFAULT_COUNTIES, loadCountySet } from '../../../src/simulation/countySet.ts';
import type { YearRun } from '../../../src/simulation/runSimulation.ts';

let dir: string;
let runs: YearRun[];
let selected: number[];

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'fiscal-sim-parquet-'));
  const set = loadCountySet({ countiesFile: DEFAULT_COUNTIES, reference: 'none' });
  runs = runScenario(baselineScenario(loadPolicyData()), set.counties, [2011, 2012]);
  selected = set.focus.slice(0, 15);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function readBack(path: string): Promise<Array<Record<string, unknown>>> {
  const bytes = readFileSync(path);
  const file = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
  return parquetReadObjects({ file });
}

describe('tidy Parquet', () => {
  it('holds the same rows as the tidy CSV, amounts exact to the fen', async () => {
    const path = join(dir, 'tidy.parquet');
    const written = writeTidyParquet(path, runs, selected, 'baseline', 1000);
    const csv = Buffer.from(tidyFiles(runs, selected, 'baseline', { csv: true, json: false }).csv).toString('utf8').trimEnd().split('\n');
    expect(csv[0]).toBe(TIDY_COLUMNS.join(','));
    const rows = await readBack(path);
    expect(written.rows).toBe(csv.length - 1);
    expect(rows).toHaveLength(csv.length - 1);
    // 15 counties × (items in 2011 + items in 2012) × 4 levels
    expect(rows).toHaveLength(15 * 4 * (runs[0]!.params.items.length + runs[1]!.params.items.length));
    rows.forEach((r, i) => {
      // no county name or item id in the bundled data holds a comma or quote, so a plain split reads the CSV
      const fields = csv[i + 1]!.split(',');
      expect(Object.keys(r)).toEqual([...TIDY_COLUMNS]);
      TIDY_COLUMNS.forEach((col, k) => {
        if (col === 'year') expect(r[col]).toBe(Number(fields[k]));
        else if (col === 'amount_yuan') expect(Math.round((r[col] as number) * 100)).toBe(yuanToFen(fields[k]!));
        else expect(r[col], `${i} ${col}`).toBe(fields[k]);
      });
    });
    const meta = parquetMetadata(readFileSync(path).buffer);
    expect(meta.row_groups.length).toBe(Math.ceil(rows.length / 1000));
    expect(meta.schema.find((s) => s.name === 'amount_yuan')).toMatchObject({ type: 'INT64', converted_type: 'DECIMAL', scale: 2 });
  });

  it('gives the same bytes for the same inputs', () => {
    const a = join(dir, 'a.parquet');
    const b = join(dir, 'b.parquet');
    const wa = writeTidyParquet(a, runs, selected, 'baseline');
    const wb = writeTidyParquet(b, runs, selected, 'baseline');
    expect(readFileSync(a).equals(readFileSync(b))).toBe(true);
    expect(wa.sha256).toBe(wb.sha256);
    expect(wa.bytes).toBe(readFileSync(a).byteLength);
  });
});
