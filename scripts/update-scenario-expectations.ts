/**
 * Regenerate scenarios/<name>.expected.csv for every library scenario over the default data
 * (the Guangdong file with the national file for the other provinces). Review the diff before
 * committing: a changed expectation is a changed result.
 */
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadPolicyData } from '../src/input/policyData.ts';
import { loadScenario } from '../src/scenarios/scenarioFile.ts';
import { runScenario } from '../src/simulation/runScenario.ts';
import { expectedOutputCsv } from '../src/report/expectedOutput.ts';
import { loadCountySet } from '../src/simulation/countySet.ts';

const dir = new URL('../scenarios/', import.meta.url).pathname;
const policy = loadPolicyData();
const set = loadCountySet({});
for (const f of readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort()) {
  const scenario = loadScenario(join(dir, f), policy);
  const csv = expectedOutputCsv(runScenario(scenario, set.counties), set.focus);
  const out = join(dir, f.replace(/\.yaml$/, '.expected.csv'));
  writeFileSync(out, csv);
  console.log(`wrote ${out}`);
}
