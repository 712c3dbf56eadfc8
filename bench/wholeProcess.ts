/**
 * What the user waits for (issue 13): each command run as the user runs it, `node
 * bin/fiscal-sim.js …` in a child process, with its wall time, CPU time and peak resident memory
 * printed beside the target. CPU time is user + system of the whole process (all its threads,
 * garbage collection included) and peak RSS that of the largest process of the command's tree,
 * both from /usr/bin/time ("n/a" where that is missing). Nothing is asserted.
 *
 *   npm run bench whole                 every case below
 *   npm run bench whole run run-8x      only the named cases
 *   npm run bench whole help explain repeat=5
 *                                       each case 5 times, the cases interleaved (help, explain,
 *                                       help, …): the median wall and CPU time, the CPU range and
 *                                       the largest peak RSS (a shared machine is noisy)
 *
 * The 2× and 8× runs replicate the national county file with fresh six-digit codes in each
 * province into a temporary file. Run one national case at a time on a shared machine.
 */
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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
function runCli(args: readonly string[], env?: Readonly<Record<string, string>>): Promise<Measured> {
  const timed = existsSync(TIME);
  const [cmd, argv] = timed ? [TIME, ['-f', '@@maxrss %M @@cpu %U %S', process.execPath, BIN, ...args]] : [process.execPath, [BIN, ...args]];
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(cmd, argv, { stdio: ['ignore', 'ignore', 'pipe'], cwd: ROOT, env: env ? { ...process.env, ...env } : process.env });
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
  /** environment for one run, made just before it */
  readonly env?: (tmp: string) => Record<string, string>;
}

/**
 * A copy of the input cache without explain's results (explainRunCache.ts), in a folder of its
 * own: explain then reads its inputs from the cache but runs the model, as for a year, county
 * file or code not explained before.
 */
function cacheWithoutExplainRuns(tmp: string): Record<string, string> {
  const from = join(ROOT, 'dist', '.input-cache');
  const to = join(tmp, 'cache-without-explain-runs');
  rmSync(to, { recursive: true, force: true });
  mkdirSync(to, { recursive: true });
  if (existsSync(from)) for (const f of readdirSync(from)) if (!f.startsWith('explain-run-')) copyFileSync(join(from, f), join(to, f));
  return { FISCAL_SIM_CACHE_DIR: to };
}

const NATIONAL_RUN = (counties: string, out: string): string[] => ['run', '--counties', counties, '--year', '2011-2015', '--out', out, '--quiet'];

const CASES: readonly Case[] = [
  { name: 'help', what: '--help', target: { seconds: 0.5, cpuSeconds: 1 }, args: () => ['--help'] },
  // issue 11: "--help and explain start in under 1 s of CPU"; the second explain reads the input cache the first may have filled
  { name: 'explain', what: 'explain 440232 (one county, 2012)', target: { cpuSeconds: 1 }, args: () => ['explain', '440232'] },
  // the same when explain's results cache has no entry for it (the model runs; its entry is written)
  { name: 'explain-run', what: 'explain 440232, national run not cached', env: cacheWithoutExplainRuns, args: () => ['explain', '440232'] },
  { name: 'report', what: 'report --province 44 (Guangdong: HTML, workbook, tidy CSV/JSON)', args: (tmp) => ['report', '--province', '44', '--out', join(tmp, 'report'), '--quiet'] },
  { name: 'run', what: 'run, national 2011–2015, all outputs', target: { seconds: 10, rssMb: 500 }, args: (tmp) => NATIONAL_RUN(NATIONAL_COUNTIES, join(tmp, 'run')) },
  { name: 'run-2x', what: 'run, 2× the national counties, 2011–2015, all outputs', target: { seconds: 20, rssMb: 1000 } /* linear: twice the 1× targets */, args: (tmp) => NATIONAL_RUN(join(tmp, 'counties-2x.csv'), join(tmp, 'run-2x')) },
  { name: 'run-8x', what: 'run, 8× the national counties, 2011–2015, all outputs (must complete; memory ~linear)', target: { seconds: 80, rssMb: 4000 } /* linear: eight times the 1× targets */, args: (tmp) => NATIONAL_RUN(join(tmp, 'counties-8x.csv'), join(tmp, 'run-8x')) },
  { name: 'montecarlo', what: 'montecarlo baseline, 10,000 draws, 2 workers', target: { seconds: 15 }, args: (tmp) => ['montecarlo', 'baseline', '--draws', '10000', '--workers', '2', '--out', join(tmp, 'mc'), '--quiet', '--no-progress'] },
];

function beside(value: string, target: number | undefined, unit: string, ok: boolean): string {
  return target === undefined ? value : `${value} (target < ${target} ${unit}${ok ? '' : ', MISSED'})`;
}

/** The middle value (the upper middle of an even count). */
function median(xs: readonly number[]): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** Several runs of a case as one: median wall and CPU time, largest peak RSS; failed if any failed. */
function combined(runs: readonly Measured[]): Measured & { readonly cpuRange?: string } {
  const failed = runs.find((m) => m.status !== 0);
  if (failed || runs.length === 1) return failed ?? runs[0]!;
  const cpu = runs.map((m) => m.cpuSeconds).filter((x): x is number => x !== undefined);
  const rss = runs.map((m) => m.peakRss).filter((x): x is number => x !== undefined);
  return {
    seconds: median(runs.map((m) => m.seconds)),
    cpuSeconds: cpu.length ? median(cpu) : undefined,
    peakRss: rss.length ? Math.max(...rss) : undefined,
    status: 0,
    stderr: '',
    cpuRange: cpu.length ? `${Math.min(...cpu).toFixed(2)}–${Math.max(...cpu).toFixed(2)} s over ${cpu.length} runs` : undefined,
  };
}

function printCase(c: Case, m: Measured & { readonly cpuRange?: string }, note: string): void {
  const t = c.target ?? {};
  const time = beside(`${m.seconds.toFixed(2)} s`, t.seconds, 's', t.seconds === undefined || m.seconds < t.seconds);
  const cpu = m.cpuSeconds === undefined ? 'n/a' : beside(`${m.cpuSeconds.toFixed(2)} s`, t.cpuSeconds, 's', t.cpuSeconds === undefined || m.cpuSeconds < t.cpuSeconds);
  const range = m.cpuRange ? ` (${m.cpuRange})` : '';
  const rss = m.peakRss === undefined ? 'n/a' : beside(mb(m.peakRss), t.rssMb, 'MB', t.rssMb === undefined || m.peakRss < t.rssMb * 2 ** 20);
  console.log(`  ${c.name.padEnd(11)} ${c.what}${note}: ${time}; CPU ${cpu}${range}; peak RSS ${rss}${m.status === 0 ? '' : `; FAILED (exit ${m.status}): ${m.stderr.trim().split('\n').slice(-3).join(' | ')}`}`);
}

export async function wholeProcessBench(): Promise<void> {
  const asked = process.argv.slice(2).filter((a) => CASES.some((c) => c.name === a));
  const repeat = Math.max(1, Number(/^repeat=(\d+)$/.exec(process.argv.slice(2).find((a) => a.startsWith('repeat=')) ?? '')?.[1] ?? 1));
  const cases = asked.length ? CASES.filter((c) => asked.includes(c.name)) : CASES;
  const tmp = mkdtempSync(join(tmpdir(), 'fiscal-sim-bench-whole-'));
  console.log(`whole process: node ${BIN.replace(ROOT, '')} … in a child process; CPU = user + system of the process; peak RSS of the largest process${existsSync(TIME) ? '' : ' (n/a: no /usr/bin/time)'}${repeat > 1 ? `; each case ${repeat} times, interleaved: medians` : ''}`);
  try {
    const notes = new Map<string, string>();
    for (const c of cases) {
      if (c.name === 'run-2x' || c.name === 'run-8x') {
        const scale = c.name === 'run-2x' ? 2 : 8;
        notes.set(c.name, ` [${replicatedCountyFile(scale, join(tmp, `counties-${scale}x.csv`)).toLocaleString('en-US')} counties]`);
      }
    }
    const runs = new Map<string, Measured[]>(cases.map((c) => [c.name, []]));
    for (let k = 0; k < repeat; k++) {
      for (const c of cases) {
        runs.get(c.name)!.push(await runCli(c.args(tmp), c.env?.(tmp)));
        rmSync(join(tmp, c.name), { recursive: true, force: true });
        // a case is printed as soon as its last run is done
        if (k === repeat - 1) printCase(c, combined(runs.get(c.name)!), notes.get(c.name) ?? '');
      }
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}
