/** `fiscal-sim params [PATH]`: every parameter a scenario can change, with values by year, unit and source. */
import type { Command } from 'commander';
import { loadPolicyData, DEFAULT_DATA_DIR } from '../input/policyData.ts';
import { describeSource } from '../input/sourceSchema.ts';
import { listParameters } from '../scenarios/parameterRegistry.ts';
import { unitLabel } from '../i18n/units.ts';
import type { Lang } from '../i18n/lang.ts';
import { inLang } from '../i18n/text.ts';
import { CLI_TEXT } from './cliText.ts';

function show(v: unknown): string {
  if (typeof v === 'number') return String(v);
  return JSON.stringify(v).replace(/"/g, '');
}

export function registerParamsCommand(program: Command, lang: Lang): void {
  const m = inLang(CLI_TEXT, lang);
  program
    .command('params')
    .description(m.paramsDescription)
    .argument('[path]', m.paramsArgPath)
    .option('--data <dir>', m.paramsOptData, DEFAULT_DATA_DIR)
    .option('--json', m.paramsOptJson)
    .action((prefix: string | undefined, opts: { data: string; json?: boolean }) => {
      const params = listParameters(loadPolicyData(opts.data)).filter((p) => !prefix || p.path.startsWith(prefix));
      if (params.length === 0) {
        process.stderr.write(`${m.paramsNone(prefix ?? '')}\n`);
        process.exitCode = 2;
        return;
      }
      if (opts.json) {
        process.stdout.write(`${JSON.stringify(params.map((p) => ({ ...p, values: Object.fromEntries(p.values.map((v) => [v.from, v.value])) })), null, 2)}\n`);
        return;
      }
      for (const p of params) {
        process.stdout.write(`${p.path}  [${unitLabel(p.unit, lang)}]${p.formulaAllowed ? `  ${m.paramsFormula}` : ''}\n`);
        process.stdout.write(`  ${p.description}\n`);
        process.stdout.write(`  ${m.paramsValues}${p.values.map((v) => `${v.from}: ${show(v.value)}`).join('; ')}\n`);
        process.stdout.write(`  ${m.paramsSource}${describeSource(p.source, lang)}\n`);
      }
    });
}
