/**
 * Build data/counties from the public data in the shared folder:
 *
 *   npm run data:build                      # reads ../shared/data (relative to the project root)
 *   npm run data:build -- /path/to/data     # or FISCAL_SIM_SHARED_DATA=/path/to/data (relative to the
 *                                           # current directory)
 *
 * Writes data/counties/{china_2012.csv, guangdong_2012.csv, columns.csv, import_report.md,
 * README.md}. Parameters come from data/provinces/provinces.yaml and data/provinces/budget.yaml (county budget columns). Every file is written to a
 * temporary name first and renamed into place only when all are written. The output is
 * deterministic: the same inputs give byte-identical files.
 */
import { readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatProblem, InputError } from '../src/input/inputError.ts';
import { buildCountyData, type SourceText } from '../src/import/pipeline.ts';
import { renderFiles, summaryLines } from '../src/import/report.ts';
import { writeFilesAtomically } from '../src/report/atomicWrite.ts';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));

export const SOURCE_FILES = {
  census: 'census2010_county.csv',
  adminCodes: 'admin_codes_2012.tsv',
  crosswalk: 'admin_code_changes.csv',
  expenditure: 'province_general_budget_expenditure_2010_2015.csv',
  poverty: 'poverty_counties_832.csv',
  countyCodes: 'county_codes_2010_2012_gb2260.csv',
} as const;

function read(path: string, name: string): SourceText {
  try {
    return { name, text: readFileSync(path, 'utf8') };
  } catch (e) {
    throw new InputError([{ file: path, message: `cannot read source file: ${(e as Error).message}` }]);
  }
}

function main(): void {
  const started = performance.now();
  const arg = process.argv.slice(2).find((a) => !a.startsWith('-'));
  const given = arg ?? process.env['FISCAL_SIM_SHARED_DATA'];
  // a given folder is relative to where the command runs; the default to the project root
  const sharedDir = given ? resolve(process.cwd(), given) : resolve(ROOT, '../shared/data');
  const outDir = join(ROOT, 'data/counties');
  const paramsPath = join(ROOT, 'data/provinces/provinces.yaml');
  console.log(`reading ${relative(ROOT, sharedDir) || '.'} and ${relative(ROOT, paramsPath)}`);

  const src = {
    census: read(join(sharedDir, SOURCE_FILES.census), SOURCE_FILES.census),
    adminCodes: read(join(sharedDir, SOURCE_FILES.adminCodes), SOURCE_FILES.adminCodes),
    crosswalk: read(join(sharedDir, SOURCE_FILES.crosswalk), SOURCE_FILES.crosswalk),
    expenditure: read(join(sharedDir, SOURCE_FILES.expenditure), SOURCE_FILES.expenditure),
    poverty: read(join(sharedDir, SOURCE_FILES.poverty), SOURCE_FILES.poverty),
    provinces: read(paramsPath, 'data/provinces/provinces.yaml'),
    budget: read(join(ROOT, 'data/provinces/budget.yaml'), 'data/provinces/budget.yaml'),
    countyCodes: read(join(sharedDir, SOURCE_FILES.countyCodes), SOURCE_FILES.countyCodes),
    cohorts: read(join(ROOT, 'data/projection/cohorts.yaml'), 'data/projection/cohorts.yaml'),
  };
  const result = buildCountyData(src);
  const files = renderFiles(result);
  writeFilesAtomically(Object.entries(files).map(([name, content]) => ({ path: join(outDir, name), content })));
  for (const line of summaryLines(result)) console.log(line);
  console.log(`wrote ${Object.keys(files).map((f) => `data/counties/${f}`).join(', ')}`);
  console.log(`build time ${((performance.now() - started) / 1000).toFixed(2)} s`);
}

try {
  main();
} catch (e) {
  if (e instanceof InputError) {
    console.error(`data:build failed — ${e.problems.length} problem(s):`);
    for (const p of e.problems) console.error(`  ${formatProblem(p)}`);
  } else console.error(e);
  process.exitCode = 1;
}
