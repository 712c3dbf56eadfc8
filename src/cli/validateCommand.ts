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

interface ValidateOptions extends RunOptions {
  year?: number[];
  figures: string;
  out?: string;
  verbose?: boolean;
}

const STATUS: Readonly<Record<ValidationRow['status'], string>> = { pass: '✓ 通过 pass', outside: '✗ 超出 outside', reference: '· 参考 reference', error: '! 错误 error' };

function formatValue(v: number, unit: string): string {
  if (!Number.isFinite(v)) return '—';
  if (unit === 'yuan') return `${(v / 1e8).toLocaleString('en-US', { maximumFractionDigits: 2, minimumFractionDigits: 2 })}亿元`;
  if (unit === 'yuan_per_person') return `${v.toLocaleString('en-US', { maximumFractionDigits: 2 })}元/人`;
  return `${(v / 1e4).toLocaleString('en-US', { maximumFractionDigits: 1, minimumFractionDigits: 1 })}万${unit === 'person_times' ? '人次' : '人'}`;
}

const pct = (x: number): string => (Number.isFinite(x) ? `${x >= 0 ? '+' : '−'}${Math.abs(x * 100).toFixed(1)}%` : '—');

export const VALIDATION_COLUMNS = ['id', 'year', 'scope', 'name_zh', 'name_en', 'unit', 'published', 'model', 'difference', 'band', 'status', 'source', 'band_reason', 'problem'] as const;

export function registerValidateCommand(program: Command): void {
  const cmd = program
    .command('validate')
    .description('compare national and provincial aggregates of a run with published figures (transfer pools, tax rebates, programme spending and beneficiaries); exit 1 when any lies outside its band / 将模型汇总数与公开数据对照，超出容差时返回 1')
    .option('--year <years>', 'years to check (default: every year with a published figure, 2011–2015)', parseYears)
    .option('--figures <dir>', 'folder of published figures', DEFAULT_VALIDATION_DIR)
    .option('--out <dir>', 'also write validation.csv to this folder')
    .option('--verbose', 'print each figure\'s source and band reason');
  addInputOptions(cmd).action(async (opts: ValidateOptions) => {
    // loaded when the command runs, so that --help does not wait for them
    const { loadValidationFigures } = await import('../input/validationSchema.ts');
    const { describeSource } = await import('../input/sourceSchema.ts');
    const { writeFilesAtomically } = await import('../report/atomicWrite.ts');
    const { toCsv } = await import('../report/csv.ts');
    const { runScenario } = await import('../scenarios/scenario.ts');
    const { validationRows } = await import('../tables/validationTable.ts');
    const { loadInputs } = await import('./loadInputs.ts');
    const figures = loadValidationFigures(opts.figures);
    const { scenario, set } = loadInputs({ ...opts, counties: opts.counties ?? NATIONAL_COUNTIES });
    const wanted = opts.year ?? [...new Set(figures.map((f) => f.year))].filter((y) => y >= 2011 && y <= 2015).sort();
    (await import('./yearCoverage.ts')).checkYears(wanted, scenario.policy);
    const runs = runScenario(scenario, set.counties, wanted, (year) => process.stderr.write(`computing ${year}… / 计算 ${year} 年…\n`));
    const rows = validationRows(figures.filter((f) => wanted.includes(f.year)), runs);
    const lines: string[] = [];
    lines.push(`fiscal-sim validate — ${scenario.name}, ${set.counties.length} counties, ${wanted.join(', ')}`);
    lines.push('状态 status | 年 year | 指标 figure | 公开 published | 模型 model | 差 difference | 容差 band');
    for (const r of rows) {
      const f = r.figure;
      lines.push(`${STATUS[r.status]} | ${f.year} | ${f.name_zh} / ${f.name_en}${f.scope === 'national' ? '' : ` [${f.scope}]`} (${f.id}) | ${formatValue(f.published, f.unit)} | ${formatValue(r.model, f.unit)} | ${pct(r.difference)} | ±${(f.band * 100).toFixed(0)}%${r.problem ? ` | ${r.problem}` : ''}`);
      if (opts.verbose) {
        lines.push(`    source: ${describeSource(f.source)}`);
        lines.push(`    band: ${f.band_reason}${f.reference_reason ? ` | reference: ${f.reference_reason}` : ''}`);
      }
    }
    const count = (s: ValidationRow['status']): number => rows.filter((r) => r.status === s).length;
    const failed = count('outside') + count('error');
    lines.push('');
    lines.push(`${count('pass')} 通过 within band, ${count('outside')} 超出 outside band, ${count('error')} 错误 not computable, ${count('reference')} 参考 reference only`);
    lines.push(`validate: ${count('pass')} passed, ${failed} failed`);
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
