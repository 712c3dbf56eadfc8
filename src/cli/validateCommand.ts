/**
 * `fiscal-sim validate`: national and provincial aggregates of a run beside published figures
 * (data/validation/*.yaml), each with its source and tolerance band. Exits 1 when a figure lies
 * outside its band or cannot be computed.
 */
import { join, resolve } from 'node:path';
import type { Command } from 'commander';
import { DEFAULT_VALIDATION_DIR, NATIONAL_COUNTIES } from '../input/bundledPaths.ts';
import type { ValidationRow } from '../tables/validationTable.ts';
import { addInputOptions, type RunOptions } from './commonOptions.ts';
import { parseYears } from './yearOptions.ts';
import type { Lang } from '../i18n/lang.ts';
import { inLang } from '../i18n/text.ts';
import { CLI_TEXT } from './cliText.ts';

interface ValidateOptions extends RunOptions {
  year?: number[];
  figures: string;
  out?: string;
  verbose?: boolean;
}


/** A published or modelled figure: in Chinese in 亿元 / 万人 as the sources print them; in English in billions of yuan / millions of persons. */
function formatValue(v: number, unit: string, lang: Lang): string {
  if (!Number.isFinite(v)) return '—';
  const fixed = (x: number, d: number): string => x.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });
  if (lang === 'zh') {
    if (unit === 'yuan') return `${fixed(v / 1e8, 2)}亿元`;
    if (unit === 'yuan_per_person') return `${v.toLocaleString('en-US', { maximumFractionDigits: 2 })}元/人`;
    return `${fixed(v / 1e4, 1)}万${unit === 'person_times' ? '人次' : '人'}`;
  }
  if (unit === 'yuan') return `${fixed(v / 1e9, 3)} bn yuan`;
  if (unit === 'yuan_per_person') return `${v.toLocaleString('en-US', { maximumFractionDigits: 2 })} yuan/person`;
  return `${fixed(v / 1e6, 3)} m ${unit === 'person_times' ? 'person-times' : 'persons'}`;
}

const pct = (x: number): string => (Number.isFinite(x) ? `${x >= 0 ? '+' : '−'}${Math.abs(x * 100).toFixed(1)}%` : '—');

export const VALIDATION_COLUMNS = ['id', 'year', 'scope', 'name_zh', 'name_en', 'unit', 'published', 'model', 'difference', 'band', 'status', 'source', 'band_reason', 'problem'] as const;

export function registerValidateCommand(program: Command, lang: Lang): void {
  const m = inLang(CLI_TEXT, lang);
  const STATUS: Readonly<Record<ValidationRow['status'], string>> = { pass: m.statusPass, outside: m.statusOutside, reference: m.statusReference, error: m.statusError };
  const cmd = program
    .command('validate')
    .description(m.validateDescription)
    .option('--year <years>', m.validateOptYear, parseYears)
    .option('--figures <dir>', m.validateOptFigures, DEFAULT_VALIDATION_DIR)
    .option('--out <dir>', m.validateOptOut)
    .option('--verbose', m.validateOptVerbose);
  addInputOptions(cmd, lang).action(async (opts: ValidateOptions) => {
    // loaded when the command runs, so that --help does not wait for them
    const { loadValidationFigures } = await import('../input/validationSchema.ts');
    const { describeSource } = await import('../input/sourceSchema.ts');
    const { writeFilesAtomically } = await import('../report/atomicWrite.ts');
    const { toCsv } = await import('../report/csv.ts');
    const { runScenario } = await import('../simulation/runScenario.ts');
    const { validationRows } = await import('../tables/validationTable.ts');
    const { loadInputs } = await import('../simulation/loadInputs.ts');
    const figures = loadValidationFigures(opts.figures);
    const { scenario, set, ownFigures } = loadInputs({ ...opts, counties: opts.counties ?? NATIONAL_COUNTIES });
    const wanted = opts.year ?? [...new Set(figures.map((f) => f.year))].filter((y) => y >= 2011 && y <= 2015).sort();
    (await import('./yearCoverage.ts')).checkYears(wanted, scenario.policy);
    const runs = runScenario(scenario, set.counties, wanted, (year) => process.stderr.write(`${m.computingYear(year)}\n`), ownFigures);
    const rows = validationRows(figures.filter((f) => wanted.includes(f.year)), runs);
    const lines: string[] = [];
    lines.push(m.validateTitle(scenario.name, set.counties.length, wanted.join(', ')));
    lines.push(m.validateHeader);
    for (const r of rows) {
      const f = r.figure;
      lines.push(`${STATUS[r.status]} | ${f.year} | ${lang === 'zh' ? f.name_zh : f.name_en}${f.scope === 'national' ? '' : ` [${f.scope}]`} (${f.id}) | ${formatValue(f.published, f.unit, lang)} | ${formatValue(r.model, f.unit, lang)} | ${pct(r.difference)} | ±${(f.band * 100).toFixed(0)}%${r.problem ? ` | ${r.problem}` : ''}`);
      if (opts.verbose) {
        lines.push(`    ${m.validateSource}${describeSource(f.source, lang)}`);
        lines.push(`    ${m.validateBand}${f.band_reason}${f.reference_reason ? ` | ${m.validateReference}${f.reference_reason}` : ''}`);
      }
    }
    const count = (s: ValidationRow['status']): number => rows.filter((r) => r.status === s).length;
    const failed = count('outside') + count('error');
    lines.push('');
    lines.push(m.validateCounts(count('pass'), count('outside'), count('error'), count('reference')));
    lines.push(m.validateResult(count('pass'), failed));
    process.stdout.write(`${lines.join('\n')}\n`);
    if (opts.out) {
      const out = resolve(opts.out);
      writeFilesAtomically([{ path: join(out, 'validation.csv'), content: toCsv(VALIDATION_COLUMNS, rows.map((r) => ({
        id: r.figure.id, year: r.figure.year, scope: r.figure.scope, name_zh: r.figure.name_zh, name_en: r.figure.name_en, unit: r.figure.unit,
        published: String(r.figure.published), model: Number.isFinite(r.model) ? r.model.toFixed(2) : '', difference: Number.isFinite(r.difference) ? r.difference.toFixed(6) : '',
        band: String(r.figure.band), status: r.status, source: describeSource(r.figure.source), band_reason: r.figure.band_reason, problem: r.problem ?? '',
      }))) }]);
    }
    if (failed > 0) process.exitCode = 1;
  });
}
