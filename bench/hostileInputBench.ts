/**
 * Hostile-input benchmark (issue 12): peak memory when a county file is far too large.
 * Target: under 1 GB of peak RSS on a 1,000,000-row county file, whether it is refused or
 * processed. Each file is loaded in a fresh child process (tsx included), so the figure is
 * the whole process's peak resident set. Files are generated from the bundled national file
 * (rows repeated, codes made unique where the file must be accepted) in a temporary folder.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync, statSync, writeSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MAX_COUNTY_BYTES, MAX_COUNTY_ROWS } from '../src/input/fileLimits.ts';
import { NATIONAL_COUNTIES } from '../src/simulation/countySet.ts';
import { mb } from './measure.ts';

const TARGET = 2 ** 30;

/** Write `rows` data rows cycling through the national file; `unique` gives each row a fresh valid code. */
function generate(file: string, rows: number, unique: boolean): void {
  const lines = readFileSync(NATIONAL_COUNTIES, 'utf8').replace(/^\uFEFF/, '').trimEnd().split('\n');
  const header = lines[0]!;
  const body = lines.slice(1);
  const fd = openSync(file, 'w');
  const perProvince = new Map<string, number>();
  try {
    writeSync(fd, `${header}\n`);
    let chunk: string[] = [];
    for (let i = 0; i < rows; i++) {
      let line = body[i % body.length]!;
      if (unique) {
        const province = line.slice(0, 2);
        const k = perProvince.get(province) ?? 0;
        perProvince.set(province, k + 1);
        line = `${province}${String(k).padStart(4, '0')}${line.slice(6)}`;
      }
      chunk.push(line);
      if (chunk.length === 10_000) {
        writeSync(fd, `${chunk.join('\n')}\n`);
        chunk = [];
      }
    }
    if (chunk.length) writeSync(fd, `${chunk.join('\n')}\n`);
  } finally {
    closeSync(fd);
  }
}

function load(file: string): { outcome: string; seconds: number; peakRss: number } {
  const tsx = createRequire(import.meta.url).resolve('tsx/cli');
  const child = spawnSync(process.execPath, [tsx, new URL('./loadCountiesChild.ts', import.meta.url).pathname, file], { encoding: 'utf8', maxBuffer: 1 << 20 });
  if (child.status !== 0) throw new Error(`child failed: ${child.stderr}`);
  return JSON.parse(child.stdout.trim().split('\n').pop()!) as { outcome: string; seconds: number; peakRss: number };
}

export function hostileInputBench(): Promise<void> {
  run();
  return Promise.resolve();
}

function run(): void {
  if (!existsSync(NATIONAL_COUNTIES)) {
    console.log('hostile input: skipped (no bundled national county file)');
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'fiscal-sim-bench-hostile-'));
  try {
    const cases: Array<{ label: string; rows: number; unique: boolean }> = [
      { label: '1,000,000-row county file', rows: 1_000_000, unique: false },
      // the largest files the limits let through to the parser: rows streamed until the row limit
      { label: `${(MAX_COUNTY_ROWS + 10_000).toLocaleString('en-US')}-row file under the size limit`, rows: MAX_COUNTY_ROWS + 10_000, unique: true },
      { label: `${MAX_COUNTY_ROWS.toLocaleString('en-US')}-row file (the row limit), unique codes`, rows: MAX_COUNTY_ROWS, unique: true },
    ];
    console.log(`hostile input: county file limits ${mb(MAX_COUNTY_BYTES)} and ${MAX_COUNTY_ROWS.toLocaleString('en-US')} rows; each file loaded in a fresh process`);
    for (const c of cases) {
      const file = join(dir, 'counties.csv');
      generate(file, c.rows, c.unique);
      const bytes = statSync(file).size;
      const r = load(file);
      console.log(`  ${c.label} (${mb(bytes)}): ${r.outcome}`);
      console.log(`    ${r.seconds.toFixed(1)} s; peak RSS ${mb(r.peakRss)} (target < ${mb(TARGET)})${r.peakRss < TARGET ? '' : '  ** over target **'}`);
      rmSync(file, { force: true });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
