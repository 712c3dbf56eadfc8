/**
 * What the user waits for (issue 13): each command run as the user runs it, `node
 * bin/fiscal-sim.js …` in a child process, with its wall time, CPU time and peak resident memory
 * printed beside the target. CPU time is user + system of the whole process (all its threads,
 * garbage collection included) and peak RSS that of the largest process of the command's tree,
 * both from /usr/bin/time ("n/a" where that is missing). Nothing is asserted.
 *
 *   npm run bench whole                 every case below
 *   npm run bench whole run run-8x      only the named cases
 *
 * The 2× and 8× runs replicate the national county file with fresh six-digit codes in each
 * province into a temporary file. Run one national case at a time on a shared machine.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NATIONAL_COUNTIES } from '../src/simulation/countySet.ts';
import { mb } from './measure.ts';

const ROOT = new URL('../', import.meta.url).pathname;
const BIN = join(ROOT, 'bin', 'fiscal-sim.js');
const TIME = '/usr/bin/time';

interface Measured {
  readonly seconds: number;
  /** user + system CPU seconds */
  readonly cpuSeconds: number | undefined;
  readonly peakRss: number | undefined;
  readonly status: number | null;
  readonly stderr: string;
}

/** Run the CLI with `args` in a child process; wall time from spawn to exit, CPU time and peak RSS from /usr/bin/time -f %U %S %M (KiB). */
function runCli(args: readonly string[]): Promise<Measured> {
  const timed = existsSync(TIME);
  const [cmd, argv] = timed ? [TIME, ['-f', '@@maxrss %M @@cpu %U %S', process.execPath, BIN, ...args]] : [process.execPath, [BIN, ...args]];
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(cmd, argv, { stdio: ['ignore', 'ignore', 'pipe'], cwd: ROOT });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr += s));
    child.on('error', reject);
    child.on('close', (status) => {
      const seconds = (performance.now() - t0) / 1000;
      const m = /@@maxrss (\d+) @@cpu ([\d.]+) ([\d.]+)/.exec(stderr);
      resolve({ seconds, cpuSeconds: m ? Number(m[2]) + Number(m[3]) : undefined, peakRss: m ? Number(m[1]) * 1024 : undefined, status, stderr: stderr.replace(/@@maxrss \d+ @@cpu [\d.]+ [\d.]+\n?/, '') });
    });
  });
}

/**
 * The national county file replicated `scale` times: the first copy as it is, each further
 * copy with codes not yet used in its province (the first two digits kept), names suffixed.
 */
export function replicatedCountyFile(scale: number, path: string): number {
  const lines = readFileSync(NATIONAL_COUNTIES, 'utf8').replace(/^\uFEFF/, '').trimEnd().split('\n');
  const header = lines[0]!;
  const rows = lines.slice(1);
  const used = new Set(rows.map((r) => r.slice(0, 6)));
  const next = new Map<string, number>();
  const out = [header, ...rows];
  for (let k = 1; k < scale; k++) {
    for (const row of rows) {
      const province = row.slice(0, 2);
      let n = next.get(province) ?? 1;
      while (used.has(`${province}${String(n).padStart(4, '0')}`)) n++;
      if (n > 9999) throw new Error(`no six-digit code left in province ${province}`);
      const code = `${province}${String(n).padStart(4, '0')}`;
      used.add(code);
      next.set(province, n + 1);
      const rest = row.slice(7);
      const comma = rest.indexOf(',');
      // code, then the name with a copy suffix (names in the bundled file are never quoted)
      out.push(`${code},${rest.slice(0, comma)}_${k}${rest.slice(comma)}`);
    }
  }
  writeFileSync(path, `${out.join('\n')}\n`);
  return out.length - 1;
}

interface Case {
  readonly name: string;
  readonly what: string;
  readonly target?: { seconds?: number; cpuSeconds?: number; rssMb?: number };
  readonly args: (tmp: string) => string[];
}

const NATIONAL_RUN = (counties: string, out: string): string[] => ['run', '--counties', counties, '--year', '2011-2015', '--out', out, '--quiet'];

const CASES: readonly Case[] = [
  { name: 'help', what: '--help', target: { seconds: 0.5, cpuSeconds: 1 }, args: () => ['--help'] },
  // issue 11: "--help and explain start in under 1 s of CPU"; the second explain reads the input cache the first may have filled
  { name: 'explain', what: 'explain 440232 (one county, 2012)', target: { cpuSeconds: 1 }, args: () => ['explain', '440232'] },
  { name: 'report', what: 'report --province 44 (Guangdong: HTML, workbook, tidy CSV/JSON)', args: (tmp) => ['report', '--province', '44', '--out', join(tmp, 'report'), '--quiet'] },
  { name: 'run', what: 'run, national 2011–2015, all outputs', target: { seconds: 10, rssMb: 500 }, args: (tmp) => NATIONAL_RUN(NATIONAL_COUNTIES, join(tmp, 'run')) },
  { name: 'run-2x', what: 'run, 2× the national counties, 2011–2015, all outputs', target: { seconds: 20, rssMb: 1000 } /* linear: twice the 1× targets */, args: (tmp) => NATIONAL_RUN(join(tmp, 'counties-2x.csv'), join(tmp, 'run-2x')) },
  { name: 'run-8x', what: 'run, 8× the national counties, 2011–2015, all outputs (must complete; memory ~linear)', target: { seconds: 80, rssMb: 4000 } /* linear: eight times the 1× targets */, args: (tmp) => NATIONAL_RUN(join(tmp, 'counties-8x.csv'), join(tmp, 'run-8x')) },
  { name: 'montecarlo', what: 'montecarlo baseline, 10,000 draws, 2 workers', target: { seconds: 15 }, args: (tmp) => ['montecarlo', 'baseline', '--draws', '10000', '--workers', '2', '--out', join(tmp, 'mc'), '--quiet', '--no-progress'] },
];

function beside(value: string, target: number | undefined, unit: string, ok: boolean): string {
  return target === undefined ? value : `${value} (target < ${target} ${unit}${ok ? '' : ', MISSED'})`;
}

export async function wholeProcessBench(): Promise<void> {
  const asked = process.argv.slice(2).filter((a) => CASES.some((c) => c.name === a));
  const cases = asked.length ? CASES.filter((c) => asked.includes(c.name)) : CASES;
  const tmp = mkdtempSync(join(tmpdir(), 'fiscal-sim-bench-whole-'));
  console.log(`whole process: node ${BIN.replace(ROOT, '')} … in a child process; CPU = user + system of the process; peak RSS of the largest process${existsSync(TIME) ? '' : ' (n/a: no /usr/bin/time)'}`);
  try {
    for (const c of cases) {
      let note = '';
      if (c.name === 'run-2x' || c.name === 'run-8x') {
        const scale = c.name === 'run-2x' ? 2 : 8;
        note = ` [${replicatedCountyFile(scale, join(tmp, `counties-${scale}x.csv`)).toLocaleString('en-US')} counties]`;
      }
      const m = await runCli(c.args(tmp));
      const t = c.target ?? {};
      const time = beside(`${m.seconds.toFixed(2)} s`, t.seconds, 's', t.seconds === undefined || m.seconds < t.seconds);
      const cpu = m.cpuSeconds === undefined ? 'n/a' : beside(`${m.cpuSeconds.toFixed(2)} s`, t.cpuSeconds, 's', t.cpuSeconds === undefined || m.cpuSeconds < t.cpuSeconds);
      const rss = m.peakRss === undefined ? 'n/a' : beside(mb(m.peakRss), t.rssMb, 'MB', t.rssMb === undefined || m.peakRss < t.rssMb * 2 ** 20);
      console.log(`  ${c.name.padEnd(11)} ${c.what}${note}: ${time}; CPU ${cpu}; peak RSS ${rss}${m.status === 0 ? '' : `; FAILED (exit ${m.status}): ${m.stderr.trim().split('\n').slice(-3).join(' | ')}`}`);
      rmSync(join(tmp, c.name), { recursive: true, force: true });
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}
