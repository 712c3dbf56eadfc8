/** `fiscal-sim params [PATH]`: every parameter a scenario can change, with values by year, unit and source. */
import type { Command } from 'commander';
import { DEFAULT_DATA_DIR } from '../input/bundledPaths.ts';

function show(v: unknown): string {
  if (typeof v === 'number') return String(v);
  return JSON.stringify(v).replace(/"/g, '');
}

export function registerParamsCommand(program: Command): void {
  program
    .command('params')
    .description('list the parameters a scenario can change: path, unit, values by year (each holds until the next), source')
    .argument('[path]', 'show only parameters whose path starts with this (e.g. standards.si.ncms_subsidy, rules, transfers)')
    .option('--data <dir>', 'policy data folder', DEFAULT_DATA_DIR)
    .option('--json', 'print JSON instead of text')
    .action(async (prefix: string | undefined, opts: { data: string; json?: boolean }) => {
      // loaded when the command runs, so that --help does not wait for them
      const { loadPolicyData } = await import('../input/policyData.ts');
      const { describeSource } = await import('../input/sourceSchema.ts');
      const { listParameters } = await import('../scenarios/parameterRegistry.ts');
      const params = listParameters(loadPolicyData(opts.data)).filter((p) => !prefix || p.path.startsWith(prefix));
      if (params.length === 0) {
        process.stderr.write(`no parameter path starts with "${prefix}"\n`);
        process.exitCode = 2;
        return;
      }
      if (opts.json) {
        process.stdout.write(`${JSON.stringify(params.map((p) => ({ ...p, values: Object.fromEntries(p.values.map((v) => [v.from, v.value])) })), null, 2)}\n`);
        return;
      }
      for (const p of params) {
        process.stdout.write(`${p.path}  [${p.unit}]${p.formulaAllowed ? '  (number or =formula)' : ''}\n`);
        process.stdout.write(`  ${p.description}\n`);
        process.stdout.write(`  values: ${p.values.map((v) => `${v.from}: ${show(v.value)}`).join('; ')}\n`);
        process.stdout.write(`  source: ${describeSource(p.source)}\n`);
      }
    });
}
