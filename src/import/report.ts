/**
 * The texts the import writes: the CSV files, the import report and the data dictionary.
 * Generated from the build result so that they never disagree with the data.
 */
import type { DriverName } from './drivers.ts';
import { pilotArea } from './flags.ts';
import { describeImportSource, type Param } from './params.ts';
import { columnsCsv, outputColumns, toCsv, type ColumnInfo } from './output.ts';
import type { BuildResult, BuiltUnit } from './pipeline.ts';
import type { MatchKind } from './units.ts';
import { budgetReportLines } from './budgetOutput.ts';

export const OUTPUT_FILES = ['china_2012.csv', 'guangdong_2012.csv', 'columns.csv', 'import_report.md', 'README.md'] as const;

const fmt = (n: number): string => n.toLocaleString('en-US');
const pct = (x: number, digits = 4): string => `${(x * 100).toFixed(digits)}%`;
const yi = (fen: number): string => (fen / 1e10).toFixed(2);

const MATCH_LABEL: Readonly<Record<MatchKind, string>> = {
  direct: 'same code, same name',
  variant: 'same code, spelling variant (provinces.yaml name_variants)',
  renamed_same_code: 'same code, renamed (name in the code history)',
  reassigned_by_name: 'code corrected by name within the prefecture',
  crosswalk_renamed: 'new code through the code history (renamed / re-coded)',
  crosswalk_merged: 'merged into a 2012 unit through the code history',
  crosswalk_split: 'split by population share through the code history',
};

export interface FlagCounts {
  readonly difficult: number;
  readonly nutrition_pilot: number;
  readonly directly_managed: number;
}

export function flagCounts(units: readonly BuiltUnit[]): FlagCounts {
  return {
    difficult: units.filter((u) => u.flags.difficult).length,
    nutrition_pilot: units.filter((u) => u.flags.nutrition_pilot).length,
    directly_managed: units.filter((u) => u.flags.directly_managed).length,
  };
}

/** National sum of a driver over the units. */
export function driverTotal(units: readonly BuiltUnit[], name: DriverName): number {
  return units.reduce((s, u) => s + u.drivers[name], 0);
}

/** Pilot units by contiguous area (each unit under the first area that lists it). */
export function pilotByArea(r: BuildResult): Array<{ name: string; published: number; flagged: number }> {
  const areas = r.params.flags.nutrition_pilot.areas;
  return areas.map((a) => ({
    name: a.name,
    published: a.counties,
    flagged: r.units.filter((u) => u.flags.nutrition_pilot && pilotArea(u, areas) === a.name).length,
  }));
}

/** Lines checking the new drivers against published national figures (import report and dictionary). */
export function driverCheckLines(r: BuildResult): string[] {
  const out: string[] = [];
  const c = r.pupilCalibration;
  const y = r.params.data_year;
  for (const [level, name] of [['primary', 'pupils_primary'], ['junior', 'pupils_junior']] as const) {
    const cal = c[level];
    const total = driverTotal(r.units, name);
    out.push(cal.published === undefined
      ? `\`${name}\`: ${fmt(total)} (no published total configured: age group × rate, not calibrated)`
      : `\`${name}\`: ${fmt(total)} against published ${y} enrolment ${fmt(cal.published)} (${pct(total / cal.published - 1, 3)}, rounding); age group × rate gave ${fmt(Math.round(cal.modelled))}, calibration factor ${cal.factor.toFixed(4)}`);
  }
  const rural = driverTotal(r.units, 'rural_pupils_primary') + driverTotal(r.units, 'rural_pupils_junior');
  const urban = driverTotal(r.units, 'urban_pupils_primary') + driverTotal(r.units, 'urban_pupils_junior');
  const all = rural + urban;
  out.push(`rural compulsory pupils (school location): primary ${fmt(driverTotal(r.units, 'rural_pupils_primary'))} + junior ${fmt(driverTotal(r.units, 'rural_pupils_junior'))} = ${fmt(rural)} (${pct(all ? rural / all : 0, 1)} of all compulsory pupils); city pupils ${fmt(urban)} (${pct(all ? urban / all : 0, 1)})`);
  const uc = r.params.rural_pupils.published_urban_check;
  if (uc) out.push(`published check: ${uc.year} city pupils ${fmt(uc.persons)}${uc.share_of_all === undefined ? '' : ` = ${pct(uc.share_of_all, 0)} of compulsory pupils`} (${describeImportSource(uc.source)}); modelled city share ${pct(all ? urban / all : 0, 1)}`);
  const rc = r.params.rural_pupils.published_check;
  if (rc) out.push(`published check: ${rc.year} rural compulsory pupils ${fmt(rc.persons)} (${describeImportSource(rc.source)}); modelled ${fmt(rural)} (${pct(rural / rc.persons - 1, 1)})`);
  const agri = driverTotal(r.units, 'agri_hukou_pop');
  const nonagri = driverTotal(r.units, 'nonagri_hukou_pop');
  out.push(`\`agri_hukou_pop\` ${fmt(agri)}, \`nonagri_hukou_pop\` ${fmt(nonagri)} (sum ${fmt(agri + nonagri)} = registered population; agricultural share ${pct(agri / Math.max(1, agri + nonagri), 1)})`);
  out.push(`\`age_0_6\` ${fmt(driverTotal(r.units, 'age_0_6'))} (age_0_5 ${fmt(driverTotal(r.units, 'age_0_5'))})`);
  const pub = r.params.flags.nutrition_pilot.published_counties;
  const f = flagCounts(r.units);
  out.push(`\`nutrition_pilot\` (PROXY): ${f.nutrition_pilot} units flagged${pub === undefined ? '' : ` against ${pub} counties in the published roster (${f.nutrition_pilot - pub >= 0 ? '+' : ''}${f.nutrition_pilot - pub})`}`);
  return out;
}

/** Own revenue per resident in Guangdong: the migrant districts against the mountain county seats. */
export function revenueCheckLines(r: BuildResult): string[] {
  const year = r.params.fiscal_years.includes(r.params.data_year) ? r.params.data_year : r.params.fiscal_years[0]!;
  const key = `own_revenue_${year}`;
  const gd = r.units.filter((u) => u.provinceCode === '440000' && u.fiscal[key] !== undefined);
  if (!gd.length) return [];
  const per = (u: BuiltUnit): number => u.fiscal[key]! / 100 / u.facts.counts.resident_pop;
  const ranked = [...gd].sort((a, b) => per(b) - per(a));
  const rank = (code: string): string => {
    const i = ranked.findIndex((u) => u.code === code);
    return i < 0 ? 'not in the data' : `${per(ranked[i]!).toFixed(0)} yuan per resident (rank ${i + 1} of ${ranked.length})`;
  };
  return [
    `${year}: highest ${ranked.slice(0, 8).map((u) => `${u.name} ${per(u).toFixed(0)}`).join(', ')}; lowest ${ranked.slice(-3).map((u) => `${u.name} ${per(u).toFixed(0)}`).join(', ')} (yuan per resident)`,
    `宝安区 ${rank('440306')}; 梅江区 ${rank('441402')}`,
  ];
}

/** What changed in the drivers and estimates for issue 10, for the dictionary and the import report. */
export function changeLines(r: BuildResult): string[] {
  const short = (l: 'primary' | 'junior'): string => {
    const c = r.pupilCalibration[l];
    return c.published === undefined ? 'not calibrated' : pct(1 - c.modelled / c.published, 1);
  };
  return [
    '`age_0_6` (new): children 0–6 for immunisation and child health care, which cover ages 0–6; `age_0_5` is kept.',
    `\`pupils_primary\`, \`pupils_junior\` (changed): calibrated to the published national enrolment of the data year (education.published_pupils); before, age group × rate fell ${short('primary')} (primary) and ${short('junior')} (junior) short of enrolment.`,
    '`rural_pupils_primary`, `rural_pupils_junior` (redefined): pupils of rural SCHOOLS by school location (all pupils of counties, banners and county-level cities; the rural share in city districts), the coverage rule of the 2006 rural compulsory-education mechanism; before, census-rural residents only, which left out the county towns.',
    '`urban_pupils_primary`, `urban_pupils_junior` (new): pupils of city schools (pupils − rural pupils), for the 2008 urban fee waiver.',
    ...(r.cohorts ? [`\`pupils_primary_YYYY\`, \`pupils_junior_YYYY\` (new, ${r.cohorts.file.years.join(', ')}): pupils by year following the birth cohorts (census single-year ages aged forward, closed nationally to registered births; see Derived drivers); before, the ${r.params.data_year} pupils were used in every year.`] : []),
    '`agri_hukou_pop`, `nonagri_hukou_pop` (new): registered population by hukou type, counted where registered (NCMS and urban resident medical insurance bases).',
    '`nonagri_hukou_pct` of merged or split units (changed): weighted by residents, because the census share is a share of residents; single units are unchanged.',
    '`nutrition_pilot` (changed): the 832-list units inside the 14 contiguous poverty areas (a proxy of the 680-county roster) instead of the whole 832 list.',
    '`own_revenue_YYYY` (changed) and all fiscal columns (extended to 2011–2015): calibrated to provincial own revenue instead of expenditure × an assumed self-financing ratio; spread with a development index that counts in-migration as activity instead of penalising migrants (non-agricultural hukou share), with the revenue elasticity estimated across provinces.',
  ];
}

export function renderFiles(r: BuildResult): Record<(typeof OUTPUT_FILES)[number], string> {
  const columns = outputColumns(r.params.fiscal_years, r.budget.years, r.cohorts?.file.years ?? []);
  const guangdong = r.units.filter((u) => u.provinceCode === '440000');
  return {
    'china_2012.csv': toCsv(r.units, columns),
    'guangdong_2012.csv': toCsv(guangdong, columns),
    'columns.csv': columnsCsv(columns),
    'import_report.md': importReport(r),
    'README.md': dataDictionary(r, columns),
  };
}

export function summaryLines(r: BuildResult): string[] {
  const kinds = countBy(r.units, (u) => u.kind);
  const maxRel = Math.max(...r.provinceChecks.map((c) => Math.abs(c.relative)));
  const worst = r.provinceChecks.reduce((a, b) => (Math.abs(b.relative) > Math.abs(a.relative) ? b : a));
  const gd = r.units.filter((u) => u.provinceCode === '440000');
  const f = flagCounts(r.units);
  const nonDirect = r.unitsReport.matches.filter((m) => m.kind !== 'direct');
  return [
    `units: ${r.units.length} (${kinds.get('county') ?? 0} county-level units of the 2012 list, ${kinds.get('county_equivalent') ?? 0} county-equivalent cities, ${kinds.get('residual') ?? 0} residual units; ${r.unitsReport.dropped.length} dropped)`,
    `census county rows: ${r.censusCountyRows}; matched directly ${r.unitsReport.matches.length - nonDirect.length}, otherwise ${nonDirect.length} (${[...countBy(nonDirect, (m) => m.kind)].map(([k, n]) => `${k} ${n}`).join(', ')})`,
    `boundary transfers applied: ${r.unitsReport.transfers.length}; later transfers not adjusted: ${r.unitsReport.notAdjusted.length}`,
    `province population check: max |difference| ${pct(maxRel)} (${worst.code} ${worst.name}, ${worst.difference} persons)`,
    `Guangdong: ${gd.length} units, resident population ${fmt(gd.reduce((s, u) => s + u.facts.counts.resident_pop, 0))}`,
    `832 list: ${r.poverty.matches.length} of ${r.povertyRows} matched (${[...countBy(r.poverty.matches, (m) => m.method)].map(([k, n]) => `${k} ${n}`).join(', ')}), ${r.poverty.unmatched.length} unmatched`,
    `flags: difficult ${f.difficult}, nutrition_pilot ${f.nutrition_pilot}, directly_managed ${f.directly_managed}`,
    ...r.poverty.unmatched.map((u) => `  unmatched: ${r.povertyFile} line ${u.entry.line}, adcode/county_name ${u.entry.code} ${u.entry.name}: ${u.reason}`),
  ];
}

function countBy<T, K>(list: readonly T[], key: (t: T) => K): Map<K, number> {
  const m = new Map<K, number>();
  for (const t of list) m.set(key(t), (m.get(key(t)) ?? 0) + 1);
  return m;
}

const esc = (s: string): string => s.replace(/\|/g, '\\|');

export function importReport(r: BuildResult): string {
  const out: string[] = [];
  const L = (s = ''): void => void out.push(s);
  const kinds = countBy(r.units, (u) => u.kind);
  L('# Import report: data/counties');
  L();
  L('Generated by `npm run data:build` (scripts/build-counties.ts); do not edit by hand.');
  L();
  L('## Summary');
  L();
  for (const line of summaryLines(r)) L(`- ${line}`);
  L();
  L(`Unit list: the ${kinds.get('county') ?? 0} county-level units of the December 2012 list (${r.sources.adminCodes}) that remain after dropping ${r.unitsReport.dropped.map((d) => `${d.code} ${d.name}`).join(', ') || 'none'}, ` +
    `plus ${kinds.get('county_equivalent') ?? 0} prefecture-level cities without counties as county-equivalents and ${kinds.get('residual') ?? 0} residual units (prefecture population outside any listed county).`);
  L();

  L('## Changed drivers (issue 10)');
  L();
  for (const line of changeLines(r)) L(`- ${line}`);
  L();
  L('## Census data notes');
  L();
  for (const n of r.censusNotes) L(`- ${n}`);
  for (const c of r.bands.corrections) {
    L(`- ${r.sources.census} line ${c.line}, column ${c.band}: ${c.code} ${c.name} ${c.band} corrected ${fmt(c.from)} → ${fmt(c.to)}; its bands did not add up to its resident population and the prefecture row ${c.prefecture} shows the difference in exactly this band.`);
  }
  for (const u of r.bands.unresolved) L(`- ${r.sources.census} line ${u.line}: ${u.code} ${u.name} age bands add up to ${fmt(u.bandSum)}, resident_pop ${fmt(u.resident)}; left as is.`);
  if (!r.censusNotes.length && !r.bands.corrections.length && !r.bands.unresolved.length) L('- none');
  L();

  L('## Matching census codes to 2012 codes');
  L();
  L('| how | census rows |');
  L('|---|---:|');
  for (const [k, n] of countBy(r.unitsReport.matches, (m) => m.kind)) L(`| ${MATCH_LABEL[k]} | ${n} |`);
  L();
  L('Every census county row that is not a same-code, same-name match:');
  L();
  L(`| census line | census code and name | resolution | 2012 unit(s) | note |`);
  L('|---:|---|---|---|---|');
  for (const m of r.unitsReport.matches.filter((x) => x.kind !== 'direct')) {
    const targets = m.targets.map((t) => `${t.code} ${t.name}${t.share === 1 ? '' : ` (${pct(t.share, 1)})`}`).join('; ');
    L(`| ${m.line} | ${m.code} ${m.name} | ${MATCH_LABEL[m.kind]} | ${targets} | ${esc(m.note ?? '')} |`);
  }
  L();
  L('### Boundary changes after the census applied from provinces.yaml');
  L();
  L('Part of a census unit moved to another 2012 unit (new units without a census row of their own get their population this way). Shares are labelled assumptions in `data/provinces/provinces.yaml` (`boundary.transfers`).');
  L();
  L('| from (census) | to (2012) | year | share | persons moved | source |');
  L('|---|---|---:|---:|---:|---|');
  for (const t of r.unitsReport.transfers) L(`| ${t.from} ${t.fromName} | ${t.to} ${t.toName} | ${t.year} | ${pct(t.share, 1)} | ${fmt(t.persons)} | ${t.source} |`);
  L();
  L('### Later partial transfers in the code history not adjusted');
  L();
  L('| from | to | year | why |');
  L('|---|---|---:|---|');
  for (const t of r.unitsReport.notAdjusted) L(`| ${t.from} ${t.fromName} | ${t.to} ${t.toName} | ${t.year} | ${esc(t.reason)} |`);
  L();
  L('### Units dropped');
  L();
  for (const d of r.unitsReport.dropped) L(`- ${d.code} ${d.name}: ${d.reason}`);
  L();
  L('### County-equivalents and residual units');
  L();
  for (const c of r.unitsReport.countyEquivalents) L(`- ${c.code} ${c.name}: prefecture-level city without counties, census prefecture row taken whole (${fmt(c.persons)} residents).`);
  for (const c of r.unitsReport.residuals) L(`- ${c.code} ${c.name}: prefecture row minus its ${c.countyRows} county rows (${fmt(c.persons)} residents outside any county of the 2012 list).`);
  L();

  L('## Province population check');
  L();
  L('Resident population of the units of each province against the census province row (tolerance 0.1%).');
  L();
  L('| province | units | census total | sum of units | difference | relative | explanation |');
  L('|---|---:|---:|---:|---:|---:|---|');
  for (const c of r.provinceChecks) L(`| ${c.code} ${c.name} | ${c.unitCount} | ${fmt(c.census)} | ${fmt(c.units)} | ${c.difference} | ${pct(c.relative)} | ${esc(c.explanation ?? '')} |`);
  L();

  L('## 832 poverty counties');
  L();
  L(`${r.povertyRows} rows in ${r.povertyFile}; ${r.poverty.matches.length} matched to ${r.poverty.byUnit.size} units, ${r.poverty.unmatched.length} unmatched.`);
  L();
  L('| method | rows |');
  L('|---|---:|');
  for (const [k, n] of countBy(r.poverty.matches, (m) => m.method)) L(`| ${k} | ${n} |`);
  L();
  L('Rows not matched by code and name (line, code and name in the list → 2012 unit):');
  L();
  L('| line | code | name | prefecture | method | 2012 unit |');
  L('|---:|---|---|---|---|---|');
  for (const m of r.poverty.matches.filter((x) => x.method !== 'code')) L(`| ${m.entry.line} | ${m.entry.code} | ${m.entry.name} | ${m.entry.prefecture} | ${m.method} | ${m.unit} ${m.unitName} |`);
  L();
  L('Unmatched rows:');
  L();
  if (!r.poverty.unmatched.length) L('- none');
  for (const u of r.poverty.unmatched) L(`- ${r.povertyFile} line ${u.entry.line}, column adcode/county_name: ${u.entry.code} ${u.entry.name} (${u.entry.province} ${u.entry.prefecture}): ${u.reason}`);
  const multi = [...r.poverty.byUnit].filter(([, list]) => list.length > 1);
  if (multi.length) {
    L();
    L('2012 units that several list rows matched (later splits or renamed areas):');
    L();
    for (const [code, list] of multi) L(`- ${code} ${r.units.find((u) => u.code === code)?.name ?? ''}: ${list.map((e) => `line ${e.line} ${e.code} ${e.name}`).join('; ')}`);
  }
  L();

  L('## Drivers checked against published national figures');
  L();
  for (const line of driverCheckLines(r)) L(`- ${line}`);
  L();
  L('Pupils by province (after calibration) and the school-location split:');
  L();
  L('| province | pupils_primary | pupils_junior | rural_pupils_primary | rural_pupils_junior | urban pupils (both) | agri_hukou_pop | nonagri_hukou_pop |');
  L('|---|---:|---:|---:|---:|---:|---:|---:|');
  for (const c of r.provinceChecks) {
    const us = r.units.filter((u) => u.provinceCode === c.code);
    const t = (n: DriverName): number => driverTotal(us, n);
    L(`| ${c.code} ${c.name} | ${fmt(t('pupils_primary'))} | ${fmt(t('pupils_junior'))} | ${fmt(t('rural_pupils_primary'))} | ${fmt(t('rural_pupils_junior'))} | ${fmt(t('urban_pupils_primary') + t('urban_pupils_junior'))} | ${fmt(t('agri_hukou_pop'))} | ${fmt(t('nonagri_hukou_pop'))} |`);
  }
  L();
  L('## Flags');
  L();
  const f = flagCounts(r.units);
  L(`| flag | units | rule |`);
  L('|---|---:|---|');
  L(`| difficult | ${f.difficult} | ${esc(describeImportSource(r.params.flags.difficult.source))} |`);
  L(`| nutrition_pilot | ${f.nutrition_pilot} | ${esc(describeImportSource(r.params.flags.nutrition_pilot.source))} |`);
  L(`| directly_managed | ${f.directly_managed} | 2012 fiscal 省直管县 rule of budget.yaml: ${esc(describeImportSource(r.budget.flags.directly_managed.source))} |`);
  L();
  L('Nutrition pilot proxy by contiguous poverty area (832-list units inside the area\'s provinces, prefectures and units; a unit counts under the first area that lists it):');
  L();
  L('| area | counties in the published roster | units flagged |');
  L('|---|---:|---:|');
  for (const a of pilotByArea(r)) L(`| ${a.name} | ${a.published} | ${a.flagged} |`);
  const areaTotal = pilotByArea(r);
  L(`| total | ${areaTotal.reduce((s2, a) => s2 + a.published, 0)} | ${areaTotal.reduce((s2, a) => s2 + a.flagged, 0)} |`);
  L();
  L('By province:');
  L();
  L('| province | units | difficult | nutrition_pilot | directly_managed |');
  L('|---|---:|---:|---:|---:|');
  for (const c of r.provinceChecks) {
    const us = r.units.filter((u) => u.provinceCode === c.code);
    const g = flagCounts(us);
    L(`| ${c.code} ${c.name} | ${us.length} | ${g.difficult} | ${g.nutrition_pilot} | ${g.directly_managed} |`);
  }
  L();

  L('## Fiscal estimates by province (亿元)');
  L();
  L('County-level columns are estimates; see the data dictionary (README.md, Estimates) for the method. Revenue elasticity by year (estimated across provinces):');
  L();
  for (const y of r.params.fiscal_years) {
    const e = r.fiscal.provinces.find((x) => x.year === y);
    if (e) L(`- ${y}: ε = ${e.revenueElasticity.toFixed(3)}${e.fit ? ` (R² ${e.fit.r2.toFixed(3)} over ${e.fit.provinces} provinces)` : ' (fixed in provinces.yaml)'}`);
  }
  L();
  L('Own revenue per resident in Guangdong:');
  L();
  for (const line of revenueCheckLines(r)) L(`- ${line}`);
  L();
  L('| province | year | expenditure (source) | own revenue (provinces.yaml) | county-level revenue | county-level expenditure | other std. expenditure | education share |');
  L('|---|---:|---:|---:|---:|---:|---:|---:|');
  for (const p of r.fiscal.provinces) {
    L(`| ${p.provinceCode} ${r.params.provinces[p.provinceCode]?.short_name ?? ''} | ${p.year} | ${yi(p.expenditure)} | ${yi(p.revenue)} | ${yi(p.countyRevenue)} | ${yi(p.countyExpenditure)} | ${yi(p.countyOther)} | ${pct(p.educationShare, 1)} |`);
  }
  L();
  // the county budget columns (budgetOutput.ts) close the report
  for (const line of budgetReportLines(r)) L(line);
  return `${out.join('\n')}\n`;
}

function paramLine(name: string, p: Param): string {
  const values = p.values.map((v) => `${v.value} from ${v.from}`).join(', ');
  return `| \`${name}\` | ${values} | ${esc(describeImportSource(p.source))} |`;
}

export function dataDictionary(r: BuildResult, columns: readonly ColumnInfo[]): string {
  const out: string[] = [];
  const L = (s = ''): void => void out.push(s);
  const p = r.params;
  const kinds = countBy(r.units, (u) => u.kind);
  const f = flagCounts(r.units);
  const gd = r.units.filter((u) => u.provinceCode === '440000');
  const maxRel = Math.max(...r.provinceChecks.map((c) => Math.abs(c.relative)));
  L('# County data set: data dictionary');
  L();
  L('Generated by `npm run data:build` (scripts/build-counties.ts) from the public data in `../shared/data` and the parameters in `data/provinces/provinces.yaml`; do not edit by hand. The output files are committed, so the shared folder is only needed to rebuild them.');
  L();
  L('## Files');
  L();
  L(`| file | content |`);
  L('|---|---|');
  L(`| \`china_2012.csv\` | all ${r.units.length} units, one row each, in code order |`);
  L(`| \`guangdong_2012.csv\` | the ${gd.length} units of Guangdong (the default data set), same columns |`);
  L('| `columns.csv` | the columns below as a table: name, origin (identity / census fact / derived by rule / flag by rule / estimated by method), unit, method |');
  L('| `import_report.md` | how every census row and list entry was matched, the checks, the flags and the provincial fiscal totals |');
  L();
  L('CSV: UTF-8 without BOM, comma-separated, LF line ends, English headers (the loader contract `src/input/countyColumns.ts`). Populations are whole persons; money is yuan with two decimals; flags are 0/1. `cost_index` is not filled (the loader uses 1).');
  L();
  L('## Changes for issue 10 (programme beneficiaries)');
  L();
  for (const line of changeLines(r)) L(`- ${line}`);
  L();
  L('## What a row is');
  L();
  L(`- ${kinds.get('county') ?? 0} county-level units (districts, counties, county-level cities, banners …) of the Ministry of Civil Affairs list of December 2012, under their 2012 codes and names; dropped: ${r.unitsReport.dropped.map((d) => `${d.code} ${d.name} (${d.reason.replace(/\.$/, '')})`).join('; ') || 'none'}.`);
  L(`- ${kinds.get('county_equivalent') ?? 0} county-equivalents: the prefecture-level cities without county-level divisions (${r.unitsReport.countyEquivalents.map((c) => `${c.code} ${c.name}`).join(', ')}). Their code and prefecture_code are the city's own code.`);
  L(`- ${kinds.get('residual') ?? 0} residual units: prefecture populations that the census counts in the prefecture but in none of its county rows, because the areas were not county-level units of the 2012 list (${r.unitsReport.residuals.map((c) => `${c.code} ${c.name}`).join('; ')}). They carry the prefecture code. Without them Heilongjiang, Guangxi and Qinghai would fall 0.7–0.9% short of their census totals.`);
  L('- Units directly under a province (xx90yy, e.g. 仙桃市, 济源市, Hainan\'s counties, Xinjiang\'s Corps cities) have prefecture_code xx9000 and prefecture 省直辖县级行政区划 (自治区直辖县级行政区划 in Xinjiang). Municipal districts have prefecture_code xx0100 and counties xx0200, named e.g. 北京市（市辖区）/ 北京市（县）.');
  L();
  L('Population facts are those of the 2010 census (1 November 2010) on 2012 boundaries; they are not projected to 2012.');
  L();
  L('## Columns');
  L();
  L('Column-level provenance: `origin` says where each column comes from — *identity* (the 2012 list and provinces.yaml), *census fact* (the 2010 census table, summed or shared out over boundary changes), *derived by rule* (a formula on census facts and the parameters below), *flag by rule*, or *estimated by method* (the fiscal columns: **estimates**, not data). The same table is in `columns.csv`. Row-level provenance: the `provenance` column names the census rows a unit is made of and how they were matched.');
  L();
  L('| column | unit | origin | description | how |');
  L('|---|---|---|---|---|');
  for (const c of columns) L(`| \`${c.name}\` | ${esc(c.spec.unit)} | ${c.origin} | ${esc(c.spec.description)} | ${esc(c.method)} |`);
  L();
  L('## Census facts and the code crosswalk');
  L();
  L('- Census county rows are matched to 2012 codes: same code and name; same code with a spelling variant or a name the code carried (code history); a code corrected by its name within the prefecture (the census source swaps 丰南区 and 丰润区); otherwise through the code history (`admin_code_changes.csv`), following successor codes to the 2012 list. A unit dissolved into several 2012 units is split by population shares given in `provinces.yaml` (`boundary.splits`); parts moved after the census go by `boundary.transfers`. A code or name that no rule resolves stops the build with file, line and column.');
  L('- Counts of merged units are sums; split parts get shares of each count by largest remainder (whole persons that add up to the whole). Rates (non-agricultural registration, minority share, years of schooling, birth rate) are carried as amounts (rate × base) and recomputed, so a merged unit\'s rate is the population-weighted rate.');
  L('- Blank `rural_pop` means 0 (fully urban district; checked against urban_pop = resident_pop). Blank `in_migrants_same_county` and `minority_pct` mean not reported: the output cell is empty.');
  L('- Age bands that do not add up to the resident population are corrected when the prefecture row shows the same difference in exactly one band (see the import report).');
  L();
  L('## Derived drivers');
  L();
  L('Single years of age are spread uniformly within each census band: one year of the 5–9 band is one fifth of it, the two years 3–4 are half of the 1–4 band. The weights are multiples of one tenth, so age groups are computed exactly and rounded half up to whole persons. Derived counts are rounded half up; where two parts must add up (rural + urban), the total is rounded first, the rural part second, and the urban part is the rest. Pupils and students are computed from the rounded age groups.');
  L();
  L('Rural and urban age groups: the census county tables give age bands for all residents only. The rural share of an age group is the unit\'s rural share of residents s adjusted by an odds ratio k: s\' = k·s ÷ (1 − s + k·s) — a proxy, not a census fact.');
  L();
  L('| parameter | value | source |');
  L('|---|---|---|');
  L(paramLine('education.primary_net_enrolment', p.education.primary_net_enrolment));
  L(paramLine('education.junior_gross_enrolment', p.education.junior_gross_enrolment));
  L(paramLine('education.senior_gross_enrolment', p.education.senior_gross_enrolment));
  L(paramLine('education.senior_vocational_share', p.education.senior_vocational_share));
  L(paramLine('education.preschool_gross_enrolment', p.education.preschool_gross_enrolment));
  L(paramLine('rural_proxy.children_odds_ratio', p.rural_proxy.children_odds_ratio));
  L(paramLine('rural_proxy.age_16_59_odds_ratio', p.rural_proxy.age_16_59_odds_ratio));
  L(paramLine('rural_proxy.age_60plus_odds_ratio', p.rural_proxy.age_60plus_odds_ratio));
  L();
  const overrides = Object.keys(p.education.province_overrides);
  L(`Rates of data year ${p.data_year} are used. The national rates apply to every province${overrides.length ? ` except the overrides for ${overrides.join(', ')}` : ' (no provincial overrides are set)'}; primary age is taken as 6–11 (six-year primary school) everywhere.`);
  L();
  L('### Pupils: calibrated to published enrolment');
  L();
  L(`Age group × enrolment rate falls short of the pupils actually enrolled: the census (November 2010) undercounts young children, and enrolment includes over-age pupils and the pupils of five-year primary systems in 12–14. Pupils are therefore calibrated to the published national enrolment of the data year: pupils = age group × rate × f, where f = published national enrolment ÷ the national sum of age group × rate (one factor per level, applied in every province). No published enrolment by province was found in open sources for ${p.data_year}, so the provinces keep the census distribution of the age groups.`);
  L();
  if (p.education.published_pupils) {
    L('| parameter | value | source |');
    L('|---|---|---|');
    L(paramLine('education.published_pupils.primary', p.education.published_pupils.primary));
    L(paramLine('education.published_pupils.junior', p.education.published_pupils.junior));
    L();
  }
  if (r.cohorts) {
    const c = r.cohorts.file;
    L('### Pupils by year: birth cohorts');
    L();
    L(`The pupil drivers describe ${p.data_year}. The dated columns \`pupils_primary_YYYY\` and \`pupils_junior_YYYY\` (${c.years.join(', ')}) follow the birth cohorts through the school ages (primary ${c.ages.primary.join('–')}, junior ${c.ages.junior.join('–')}): pupils in year Y = driver × C(Y) ÷ C(${c.base_year}) × κ(Y), where C(Y) is the unit's census population at the school ages of Y — single-year ages 0–14, each census band (0, 1–4, 5–9, 10–14) spread over its years by the national within-band profile from Sprague multipliers on the national bands (a unit's own 15–24 bands would bend its split wherever young migrant workers swell them), aged forward by Y − ${c.census_year} — and κ(Y) is one national factor that closes the national total to the driver total × N(Y) ÷ N(${c.base_year}), N(Y) the registered births of the cohorts at the school ages of Y (${esc(r.cohorts.name)}, ${esc(describeImportSource(c.births.source))}). The ${c.base_year} column equals the driver. Enrolment rates and the calibration factor are those of the data year. The census age profile alone does not follow the published enrolment (it shows a much smaller fall of junior pupils from 2012 to 2015 than the births and the enrolment do), so the national path is the births' and the census gives only each unit's departure from it. The model's projection scales \`pupils_*\`, \`rural_pupils_*\` and \`urban_pupils_*\` by the column ÷ the driver (src/scenarios/projection.ts); years after the last column keep the last one.`);
    L();
    L('| level | year | births ratio N(Y)÷N(base) | census-cohort ratio ΣC-weighted | κ | national pupils |');
    L('|---|---:|---:|---:|---:|---:|');
    for (const n of r.cohorts.national) L(`| ${n.level} | ${n.year} | ${n.birthsRatio.toFixed(4)} | ${n.censusRatio.toFixed(4)} | ${n.kappa.toFixed(4)} | ${fmt(n.total)} |`);
    L();
  }
  L('### Rural and city pupils: by school location');
  L();
  L(`\`rural_pupils_*\` count pupils by WHERE THEIR SCHOOL IS, because that is the rule of the programmes that use them: the 2006 rural compulsory-education funding mechanism (fee waiver, running-cost benchmarks, free textbooks, boarding subsidy) funds the pupils of rural schools — township and village schools and the schools of county towns — whatever the pupils' residence or hukou; the 2008 urban fee waiver covers the remaining city schools. A census-rural-resident proxy would leave out the county towns, which hold a large part of rural-mechanism pupils. Rule: every pupil of a unit of type ${p.rural_pupils.whole_unit_types.join(', ')} (GB/T 2260 code yy 21–99, or a xx90 unit) is in a rural school; in city districts (yy 01–20), county-equivalent cities and residual units the rural share of children (rural share of residents adjusted by \`rural_proxy.children_odds_ratio\`) is. \`urban_pupils_*\` = pupils − rural pupils. Source: ${esc(describeImportSource(p.rural_pupils.source))}`);
  L();
  L('### Hukou populations');
  L();
  L(`\`agri_hukou_pop\` counts persons with agricultural hukou WHERE THEIR HUKOU IS REGISTERED, and \`nonagri_hukou_pop\` = registered_pop − agri_hukou_pop. The new rural cooperative medical scheme (NCMS) enrolls persons with agricultural hukou where their hukou is registered (migrants enrol at home), and the urban resident medical insurance enrolls non-agricultural-hukou persons not in the employee scheme; the programmes’ own eligibility rule is hukou, so the hukou split of the REGISTERED population is their base, not the census rural residents (who omit registered villagers working elsewhere and include urban-hukou residents of villages). The census share \`nonagri_hukou_pct\` is a share of RESIDENTS, migrants included (the province rows equal the resident-weighted mean of their counties, and 宝安区, whose hukou have all been non-agricultural since 2004, shows 19.58% because of its migrants), so it cannot be applied to the registered population as it is: the residents registered in another county (in_migrants_other_county_same_province + in_migrants_other_province) are taken out with the agricultural share \`hukou.migrant_agri_share\` = ${p.hukou.migrant_agri_share.values.map((v) => v.value).join(', ')}, and the agricultural share of the remaining (local-hukou) residents is applied to registered_pop. ${esc(describeImportSource(p.hukou.migrant_agri_share.source))}. Several provinces were merging the two hukou categories from 2010; the shares reflect the census classification. Limit: one migrant share for all counties cannot empty the local agricultural share of cities whose residents are nearly all migrants: 宝安区 keeps about 428 thousand agricultural-hukou persons of 509 thousand registered although Shenzhen abolished agricultural hukou in 2004 (its migrants are more agricultural than the national 0.8). A county file can replace the column.`);
  L();
  L("NCMS members are not the whole driver: counties that ran an integrated urban-rural resident medical insurance instead of NCMS (all of Tianjin, 59 of Guangdong's 121 county units in 2011, more from 2012) enrol their agricultural-hukou population elsewhere. The catalog (`si.ncms_subsidy`, eligibility `in_ncms_county`) applies that share by region: 2011 from 《中国统计年鉴2012》 table 21-21 (2637 of 2853 counties ran NCMS, 83163.1万 members; west and centre taken as fully covered, the east 0.9595 so that driver × 97.5% × share = the published members), 2012–2014 scaled to the published 8.05亿, 8.02亿 and 7.36亿. By region the 2011 members are 101.6% (west), 98.8% (centre) and 88.7% (east) of this driver, so the driver is not changed; a county file can replace `agri_hukou_pop` where a county's scheme is known.");
  L();
  L('`age_0_6` = age_0 + age_1_4 + 0.4 × age_5_9 (ages 5 and 6 as two fifths of the 5–9 band): immunisation and child health care cover children up to 6 years; `age_0_5` is kept.');
  L();
  L('Checks against published national figures:');
  L();
  for (const line of driverCheckLines(r)) L(`- ${line}`);
  L();
  L('## Estimates (fiscal columns)');
  L();
  L(`**All fiscal columns are estimates**, for the fiscal years ${r.params.fiscal_years.join(', ')}. The shared data hold no county fiscal figures; the provincial totals are general-budget expenditure by province (\`${r.sources.expenditure}\`, total and education) and the provinces' own general-budget revenue (\`provinces.yaml\` \`revenue.by_province\`, 亿元). For each province and year:`);
  L();
  L('1. Province own revenue = the province\'s local general-budget revenue (地方一般公共预算收入, all levels below the centre) as the statistical yearbook publishes it, entered in `revenue.by_province` (labelled an assumption because the values were entered from recall, not from a file found here; as a set they reproduce the national totals, see the check below). It replaces the earlier self-financing ratio × expenditure, which were rounded guesses.');
  L('2. County-level totals: revenue × `fiscal.county_share_revenue`, expenditure × `fiscal.county_share_expenditure` — the province and prefecture levels keep the rest.');
  L('3. Other standard expenditure (outside basic services) = county-level expenditure × (1 − the province\'s education share of expenditure − `fiscal.non_education_basic_share`).');
  L('4. Each total is spread over the province\'s units in proportion to residents × d^ε. Residents include migrants, who work and pay taxes where they live. The development index d is the geometric mean of the urban share of residents (floored at `fiscal.urban_share_floor`), 1 + the share of residents who came from another county (in_migrants_other_county_same_province + in_migrants_other_province: in-migration marks where the jobs and the tax base are) and the average years of schooling. The earlier index used the non-agricultural hukou share in place of in-migration, which counts migrants as agricultural and made the migrant districts of the Pearl River Delta poorer per resident than mountain county seats (梅江区 above 宝安区); d now uses characteristics of residents that do not penalise in-migrants.');
  L('5. The revenue elasticity ε is not assumed but estimated each year across the 31 provinces: the least-squares slope of log(own revenue per resident) on log(d of the province, from the sum of its units). The within-province spread is assumed to follow the cross-province relation. Expenditure uses `fiscal.expenditure_elasticity` (transfers equalise spending).');
  L('6. Money is split in fen by largest remainder, so the units add up exactly to the county-level totals.');
  L();
  L('County-equivalent cities and residual units are spread like counties, although a prefecture-level city\'s budget also carries prefecture-level revenue and spending; their estimates are therefore low.');
  L();
  L('| year | revenue elasticity ε | R² across provinces | provinces |');
  L('|---:|---:|---:|---:|');
  for (const y of r.params.fiscal_years) {
    const e = r.fiscal.provinces.find((x) => x.year === y);
    if (e) L(`| ${y} | ${e.revenueElasticity.toFixed(3)} | ${e.fit ? e.fit.r2.toFixed(3) : 'fixed'} | ${e.fit?.provinces ?? ''} |`);
  }
  L();
  L('| parameter | value | source |');
  L('|---|---|---|');
  L(paramLine('fiscal.county_share_revenue', p.fiscal.county_share_revenue));
  L(paramLine('fiscal.county_share_expenditure', p.fiscal.county_share_expenditure));
  if (p.fiscal.revenue_elasticity) L(paramLine('fiscal.revenue_elasticity', p.fiscal.revenue_elasticity));
  if (p.fiscal.revenue_elasticity_method) L(`| \`fiscal.revenue_elasticity_method\` | estimated each year (table above) | ${esc(describeImportSource(p.fiscal.revenue_elasticity_method.source))} |`);
  L(paramLine('fiscal.expenditure_elasticity', p.fiscal.expenditure_elasticity));
  L(paramLine('fiscal.urban_share_floor', p.fiscal.urban_share_floor));
  L(paramLine('fiscal.non_education_basic_share', p.fiscal.non_education_basic_share));
  L(`| \`revenue.by_province\` | ${r.params.fiscal_years.length} years × ${Object.keys(p.revenue.by_province).length} provinces (亿元; the table in the import report) | ${esc(describeImportSource(p.revenue.source))} |`);
  if (p.revenue.national_totals) L(paramLine('revenue.national_totals', p.revenue.national_totals));
  L();
  const totals = r.params.fiscal_years.map((y) => {
    const list = r.fiscal.provinces.filter((x) => x.year === y);
    return `${y}: provincial expenditure ${yi(list.reduce((s, x) => s + x.expenditure, 0))} 亿元, own revenue ${yi(list.reduce((s, x) => s + x.revenue, 0))} 亿元, county-level revenue ${yi(list.reduce((s, x) => s + x.countyRevenue, 0))} 亿元, county-level expenditure ${yi(list.reduce((s, x) => s + x.countyExpenditure, 0))} 亿元`;
  });
  L(`National sums: ${totals.join('; ')}.`);
  L();
  if (p.revenue.national_totals) L(`Check of the provincial revenue as a set: the provinces add up to the national totals of \`revenue.national_totals\` within ${p.revenue.national_tolerance} 亿元 in every year (the build stops otherwise).`);
  L();
  L('Check in Guangdong (own revenue per resident, data year):');
  L();
  for (const line of revenueCheckLines(r)) L(`- ${line}`);
  L();
  L('Known limits of the estimates: the county-level shares are national round numbers, while the real split between province, prefecture and county differs by province (municipalities keep more at city level); the development index ranks units within a province but cannot see industry or resource revenue, so mining and industrial counties are underestimated; the cross-province elasticity need not hold within a province; county-equivalent cities and residual units are spread like counties although their budgets include prefecture-level items. Replace these columns with real county fiscal data when available.');
  L();
  for (const line of budgetReportLines(r)) L(line);
  L('## Flags');
  L();
  L(`| flag | units | rule | source |`);
  L('|---|---:|---|---|');
  L(`| \`directly_managed\` | ${f.directly_managed} | 2012 fiscal 省直管县 (budget.yaml flags.directly_managed): 1 for units with no prefecture between them and the province (xx90yy units; districts and counties of Beijing, Tianjin, Shanghai, Chongqing) and for counties, county-level cities and banners (not districts) of ${Object.values(r.budget.flags.directly_managed.fiscal_reform_provinces).map((x) => `${x.name}${x.except_prefectures?.length ? ` (except ${x.except_prefectures.join(', ')})` : ''}`).join(', ')}. County-equivalent cities and residual units: 0. This replaces the provinces.yaml rule (flags.directly_managed), which is no longer used. | ${esc(describeImportSource(r.budget.flags.directly_managed.source))} |`);
  L(`| \`difficult\` | ${f.difficult} | 1 when the province is in the ${p.flags.difficult.region_groups.join(' or ')} region group, the prefecture is one of ${Object.values(p.flags.difficult.prefectures).join(', ')}, or the unit is on the 832 poverty list | ${esc(describeImportSource(p.flags.difficult.source))} Prefectures: ${esc(describeImportSource(p.flags.difficult.prefectures_source))} |`);
  L(`| \`nutrition_pilot\` | ${f.nutrition_pilot} | **ESTIMATE (proxy)**: 1 when the unit is on the 832 poverty list AND inside a province, prefecture or unit listed for one of the 14 contiguous poverty areas (\`flags.nutrition_pilot.areas\`: ${p.flags.nutrition_pilot.areas.map((a) => a.name).join(', ')}). The 2011 national pilot was the ${p.flags.nutrition_pilot.published_counties ?? 680} counties of these areas; their roster is not open data. The proxy flags ${f.nutrition_pilot}: prefectures only partly inside an area bring their key counties outside the area. A county file may replace the flag. | ${esc(describeImportSource(p.flags.nutrition_pilot.source))} Areas: ${p.flags.nutrition_pilot.areas_source ? esc(describeImportSource(p.flags.nutrition_pilot.areas_source)) : 'none'} |`);
  L();
  L(`The 832 list (codes of about 2019–2021) is matched to 2012 units by code and name, through the code history, then by name within the province and prefecture; ${r.poverty.matches.length} of ${r.povertyRows} rows matched, ${r.poverty.unmatched.length} not (listed in the import report).`);
  L();
  L('## Import report summary');
  L();
  for (const line of summaryLines(r)) L(`- ${line}`);
  L(`- the resident population of every province's units is within ${pct(maxRel)} of its census total (tolerance 0.1%); Guangdong's ${gd.length} units sum to ${fmt(gd.reduce((s, u) => s + u.facts.counts.resident_pop, 0))}.`);
  L();
  L('Details: `import_report.md`.');
  L();
  L('## Sources and licences');
  L();
  L('| file | what | source and licence |');
  L('|---|---|---|');
  L('| `census2010_county.csv` | 2010 Sixth Census by county-level unit | extracted from `data/census/census_county_2010_v1.xlsx` of the public repository leiii/census (MIT licence, © 2022 Lei Dong), digitized from the census county volume |');
  L('| `admin_codes_2012.tsv` | administrative division codes, Ministry of Civil Affairs, December 2012 | public repository cn/GB2260 (file mca/201212.tsv) |');
  L('| `admin_code_changes.csv` | code history since 1980 (the crosswalk) | public repository yescallop/areacodes, result.csv (CC0) |');
  L(`| \`${r.sources.expenditure}\` | general-budget expenditure by province (total and education) | public repository huhuaping/techme (MIT), China Statistical Yearbook table 各地区一般公共预算支出 |`);
  L('| `poverty_counties_832.csv` | the 832 national poverty counties | official list of the State Council poverty alleviation office; this copy compiled by a third party (public repository Clebeech/ds_project, no licence stated); the list itself is public government information |');
  L('| `county_codes_2010_2012_gb2260.csv` | county-level units of the 2010–2012 code lists with name-derived autonomy flags (ethnic_area) | public repository yescallop/areacodes (CC0), Ministry of Civil Affairs codes |');
  L('| `data/provinces/provinces.yaml` | parameters of this import, each with its source | this project |');
  L('| `data/provinces/budget.yaml` | parameters and rosters of the county budget columns and programme flags, each with its source | this project |');
  L();
  return `${out.join('\n')}\n`;
}
