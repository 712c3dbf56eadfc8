/**
 * Child process of the hostile-input benchmark: loads one county file (as `run --counties`
 * does) and prints one JSON line with the outcome and the process's peak resident memory.
 */
import { loadCountyFile } from '../src/input/countyFile.ts';
import { InputError } from '../src/input/inputError.ts';

const file = process.argv[2]!;
const t0 = performance.now();
let outcome: string;
try {
  const f = loadCountyFile(file);
  outcome = `processed: ${f.counties.length.toLocaleString('en-US')} counties kept`;
} catch (e) {
  if (!(e instanceof InputError)) throw e;
  const first = e.problems[0]?.message ?? '';
  const count = e.problems.length + [...e.omitted.values()].reduce((a, b) => a + b, 0);
  outcome = `refused (${count} problem${count === 1 ? '' : 's'}, ${e.message.length.toLocaleString('en-US')} characters of message): ${first.split(' / ')[0]!.slice(0, 110)}`;
}
process.stdout.write(`${JSON.stringify({ outcome, seconds: (performance.now() - t0) / 1000, peakRss: process.resourceUsage().maxRSS * 1024 })}\n`);
