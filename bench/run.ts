/**
 * Benchmarks: `npm run bench`. Prints figures; asserts nothing about time.
 * Engine target (issue 2): a full run over ~2,850 counties, all items, five years,
 * under 1 s of compute and under 500 MB.
 */
import { loadPolicyData } from '../src/input/policyData.ts';
import { runSimulation } from '../src/simulation/runSimulation.ts';
import { nationalCounties } from './syntheticCounties.ts';

function mb(bytes: number): string {
  return `${(bytes / 2 ** 20).toFixed(0)} MB`;
}

/** Run `fn`, sampling resident memory every 5 ms; returns seconds and peak RSS. */
export async function measure<T>(fn: () => T | Promise<T>): Promise<{ value: T; seconds: number; peakRss: number }> {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
  const t0 = performance.now();
  const value = await fn();
  const seconds = (performance.now() - t0) / 1000;
  clearInterval(timer);
  peak = Math.max(peak, process.memoryUsage().rss);
  return { value, seconds, peakRss: peak };
}

async function engineBench(): Promise<void> {
  const policy = loadPolicyData();
  const { counties, real } = nationalCounties();
  const years = [2011, 2012, 2013, 2014, 2015];
  runSimulation(policy, counties, { years: [2012], basis: 'resident' }); // warm-up
  const m = await measure(() => runSimulation(policy, counties, { years, basis: 'resident' }));
  const rows = m.value.reduce((a, r) => a + r.result.items.length, 0);
  console.log(`engine: ${counties.length} counties (${real ? 'bundled national file' : 'generated'}) × ${m.value[0]!.params.items.length} items × ${years.length} years = ${rows.toLocaleString('en-US')} item rows`);
  console.log(`  compute ${m.seconds.toFixed(3)} s (target < 1 s); peak RSS ${mb(m.peakRss)} (target < 500 MB)`);
}

const sections: Record<string, () => Promise<void>> = { engine: engineBench };
const only = process.argv.slice(2);
for (const [name, run] of Object.entries(sections)) {
  if (only.length && !only.includes(name)) continue;
  await run();
}
