/** `fiscal-sim params [PATH]`: every parameter a scenario can change, with values by year, unit and source. */
import type { Command } from 'commander';
import { DEFAULT_DATA_DIR } from '../input/bundledPaths.ts';
import type { Lang } from '../i18n/lang.ts';
import { inLang } from '../i18n/text.ts';
import { CLI_TEXT } from './cliText.ts';

/** The Chinese names of the keys of grouped values and splits. */
const KEYS_ZH: Readonly<Record<string, string>> = {
  region_group: '按地区',
  tier_2018: '按2018年档次',
  west: '西部',
  central: '中部',
  east: '东部',
  province: '省',
  prefecture: '地市',
  county: '县',
};

/** A value as the list shows it: a number, or a grouped value / split (in Chinese: {按地区：西部 500，中部 500，东部 550}). */
function show(v: unknown, lang: Lang): string {
  if (typeof v === 'number') return String(v);
  if (lang === 'zh' && v !== null && typeof v === 'object' && !Array.isArray(v)) {
    const entries = Object.entries(v as Record<string, unknown>);
    const by = entries.find(([k]) => k === 'by')?.[1];
    const parts = entries.filter(([k]) => k !== 'by').map(([k, x]) => `${KEYS_ZH[k] ?? (/^\d$/.test(k) ? `第${k}档` : k)} ${show(x, lang)}`);
    return `{${typeof by === 'string' ? `${KEYS_ZH[by] ?? by}：` : ''}${parts.join('，')}}`;
  }
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
    .action(async (prefix: string | undefined, opts: { data: string; json?: boolean }) => {
      // loaded when the command runs, so that --help does not wait for them
      const { loadPolicyData } = await import('../input/policyData.ts');
      const { describeSource } = await import('../input/sourceSchema.ts');
      const { listParameters } = await import('../scenarios/parameterRegistry.ts');
      const { unitLabel } = await import('../i18n/units.ts');
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
        process.stdout.write(`  ${lang === 'zh' ? p.description_zh : p.description}\n`);
        process.stdout.write(`  ${m.paramsValues}${p.values.map((v) => `${v.from}: ${show(v.value, lang)}`).join('; ')}\n`);
        process.stdout.write(`  ${m.paramsSource}${describeSource(p.source, lang)}\n`);
      }
    });
}
