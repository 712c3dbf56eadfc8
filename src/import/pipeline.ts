/**
 * The county import from source texts to output rows: pure (the script reads and writes files),
 * so tests run it end to end on small fixtures.
 */
import { InputError, type InputProblem } from '../input/inputError.ts';
import { parseYamlText, validateYaml } from '../input/yamlFile.ts';
import { parseAdminCodes, provinceOf, type AdminList } from './adminCodes.ts';
import { parseCensus, reconcileAgeBands, type BandCheck, type CensusRow } from './census.ts';
import { parseCrosswalk, type Crosswalk } from './crosswalk.ts';
import { cohortPupils, loadCohorts, type CohortResult, type CohortsFile } from './cohorts.ts';
import { calibrationFactor, deriveDrivers, schoolUnitType, type DriverName, type DriverParams } from './drivers.ts';
import { estimateFiscal, fiscalParamsAt, parseProvinceSpending, provinceRevenue, type FiscalEstimates } from './estimates.ts';
import { matchPoverty, parsePoverty, unitFlags, type PovertyResult, type UnitFlags } from './flags.ts';
import { enrolmentParam, paramAt, ProvincesFile } from './params.ts';
import { parseTable } from './table.ts';
import { buildUnits, type Unit, type UnitsReport } from './units.ts';
import { loadBudgetParams, type BudgetFile } from './budgetParams.ts';
import { estimateBudget, type BudgetEstimates } from './budgetColumns.ts';
import { checkSelections, parseAutonomy, programmeFlags, type ProgrammeFlags } from './programmeFlags.ts';

export interface SourceText {
  /** the name used in messages and reports (e.g. census2010_county.csv) */
  readonly name: string;
  readonly text: string;
}

export interface Sources {
  readonly census: SourceText;
  readonly adminCodes: SourceText;
  readonly crosswalk: SourceText;
  readonly expenditure: SourceText;
  readonly poverty: SourceText;
  readonly provinces: SourceText;
  /** data/provinces/budget.yaml: parameters of the county budget columns and programme flags */
  readonly budget: SourceText;
  /** county_codes_2010_2012_gb2260.csv: autonomous counties and prefectures */
  readonly countyCodes: SourceText;
  /** data/projection/cohorts.yaml: birth cohorts for the dated pupil columns (none without it) */
  readonly cohorts?: SourceText;
}

export interface BuiltUnit extends Unit {
  readonly regionGroup: 'east' | 'central' | 'west';
  readonly tier2018: number;
  readonly flags: UnitFlags;
  readonly drivers: Record<DriverName, number>;
  /** `<stem>_<year>` → fen */
  readonly fiscal: Readonly<Record<string, number>>;
  readonly povertyEntries: number;
  /** programme flags of the county budget (budget.yaml; directly_managed is the 2012 rule) */
  readonly budgetFlags: ProgrammeFlags;
  readonly budgetFlagReasons: readonly string[];
  /** staff on establishment paid by the county budget, persons (estimate) */
  readonly fiscalStaff: number;
  /** dated pupil columns `pupils_<level>_<year>` (cohorts.ts); absent without cohorts.yaml */
  readonly cohortPupils?: Readonly<Record<string, number>>;
}

export interface ProvinceCheck {
  readonly code: string;
  readonly name: string;
  readonly census: number;
  readonly units: number;
  readonly unitCount: number;
  readonly difference: number;
  readonly relative: number;
  readonly explanation?: string;
}

export interface PupilCalibrationLevel {
  /** published national enrolment (persons), when given */
  published: number | undefined;
  /** national sum of age group × enrolment rate before calibration */
  modelled: number;
  /** published ÷ modelled (1 without a published figure) */
  factor: number;
}
export interface PupilCalibration {
  primary: PupilCalibrationLevel;
  junior: PupilCalibrationLevel;
}

export interface BuildResult {
  readonly params: ProvincesFile;
  readonly pupilCalibration: PupilCalibration;
  readonly units: BuiltUnit[];
  readonly censusNotes: readonly string[];
  readonly bands: Omit<BandCheck, 'rows'>;
  readonly unitsReport: UnitsReport;
  readonly poverty: PovertyResult;
  readonly povertyFile: string;
  readonly povertyRows: number;
  readonly fiscal: FiscalEstimates;
  readonly provinceChecks: ProvinceCheck[];
  readonly censusCountyRows: number;
  readonly sources: Readonly<Record<Exclude<keyof Sources, 'cohorts'>, string>>;
  readonly budget: BudgetFile;
  readonly budgetEstimates: BudgetEstimates;
  /** the cohort file and its national closure, when cohorts.yaml was given */
  readonly cohorts?: { readonly file: CohortsFile; readonly name: string; readonly national: CohortResult['national'] };
}

/** Largest accepted gap between a province's census total and the sum of its units. */
export const PROVINCE_TOLERANCE = 0.001;

export function loadParams(src: SourceText): ProvincesFile {
  return validateYaml(parseYamlText(src.text.replace(/^\uFEFF/, ''), src.name), ProvincesFile);
}

export function buildCountyData(src: Sources): BuildResult {
  const params = loadParams(src.provinces);
  const censusParsed = parseCensus(parseTable(src.census.text, src.census.name));
  const bands = reconcileAgeBands(censusParsed.rows);
  const census: CensusRow[] = bands.rows;
  const admin: AdminList = parseAdminCodes(parseTable(src.adminCodes.text, src.adminCodes.name, '\t'));
  const cw: Crosswalk = parseCrosswalk(parseTable(src.crosswalk.text, src.crosswalk.name));
  const years = params.fiscal_years;
  const spending = parseProvinceSpending(parseTable(src.expenditure.text, src.expenditure.name), params.provinces, years);
  const revenue = provinceRevenue(params, src.provinces.name, years);
  const povertyEntries = parsePoverty(parseTable(src.poverty.text, src.poverty.name));

  const { units, report: unitsReport } = buildUnits({
    admin,
    crosswalk: cw,
    census,
    censusFile: src.census.name,
    boundary: params.boundary,
    paramsFile: src.provinces.name,
    censusYear: 2010,
    listYear: 2012,
  });

  const problems: InputProblem[] = [];
  for (const u of units) {
    if (!params.provinces[u.provinceCode]) problems.push({ file: src.provinces.name, field: `provinces.${u.provinceCode}`, message: `no entry for province ${u.provinceCode} ${u.province} (unit ${u.code} ${u.name})` });
  }
  for (const [code, p] of Object.entries(params.provinces)) {
    const listed = admin.byCode.get(code);
    if (!listed) continue; // a fixture may carry fewer provinces than the parameter file
    if (listed.name !== p.name) problems.push({ file: src.provinces.name, field: `provinces.${code}.name`, message: `${p.name} is ${listed.name} in the 2012 list` });
  }
  if (problems.length) throw new InputError(problems);

  const year = params.data_year;
  const driverParams = (provinceCode: string, factors: { primary: number; junior: number; agriHukou?: number } = { primary: 1, junior: 1 }, allSchoolsRural = false): DriverParams => ({
    primaryNetEnrolment: paramAt(enrolmentParam(params, provinceCode, 'primary_net_enrolment'), year, 'education.primary_net_enrolment'),
    juniorGrossEnrolment: paramAt(enrolmentParam(params, provinceCode, 'junior_gross_enrolment'), year, 'education.junior_gross_enrolment'),
    seniorGrossEnrolment: paramAt(enrolmentParam(params, provinceCode, 'senior_gross_enrolment'), year, 'education.senior_gross_enrolment'),
    seniorVocationalShare: paramAt(enrolmentParam(params, provinceCode, 'senior_vocational_share'), year, 'education.senior_vocational_share'),
    preschoolGrossEnrolment: paramAt(enrolmentParam(params, provinceCode, 'preschool_gross_enrolment'), year, 'education.preschool_gross_enrolment'),
    childrenRuralOddsRatio: paramAt(params.rural_proxy.children_odds_ratio, year, 'rural_proxy.children_odds_ratio'),
    age16to59RuralOddsRatio: paramAt(params.rural_proxy.age_16_59_odds_ratio, year, 'rural_proxy.age_16_59_odds_ratio'),
    age60plusRuralOddsRatio: paramAt(params.rural_proxy.age_60plus_odds_ratio, year, 'rural_proxy.age_60plus_odds_ratio'),
    primaryPupilFactor: factors.primary,
    juniorPupilFactor: factors.junior,
    allSchoolsRural,
    migrantAgriShare: paramAt(params.hukou.migrant_agri_share, year, 'hukou.migrant_agri_share'),
    agriHukouFactor: factors.agriHukou ?? 1,
  });

  // pupils calibrated to published national enrolment: first pass without calibration gives
  // the national sum of age group × rate (unrounded), the factor is published ÷ that sum
  const published = params.education.published_pupils;
  let modelledPrimary = 0;
  let modelledJunior = 0;
  let modelledAgri = 0;
  let registered = 0;
  for (const u of units) {
    const p = driverParams(u.provinceCode);
    const d = deriveDrivers(u.facts, p);
    modelledAgri += d.agri_hukou_pop;
    registered += u.facts.counts.registered_pop;
    modelledPrimary += d.age_6_11 * p.primaryNetEnrolment;
    modelledJunior += d.age_12_14 * p.juniorGrossEnrolment;
  }
  const pupilCalibration: PupilCalibration = {
    primary: { published: published ? paramAt(published.primary, year, 'education.published_pupils.primary') : undefined, modelled: modelledPrimary, factor: 0 },
    junior: { published: published ? paramAt(published.junior, year, 'education.published_pupils.junior') : undefined, modelled: modelledJunior, factor: 0 },
  };
  // agricultural hukou closed to the published national share of the registered population
  const agriShare = params.hukou.published_agri_share ? paramAt(params.hukou.published_agri_share, year, 'hukou.published_agri_share') : undefined;
  const factors = {
    primary: calibrationFactor(pupilCalibration.primary.published, modelledPrimary),
    junior: calibrationFactor(pupilCalibration.junior.published, modelledJunior),
    agriHukou: agriShare === undefined || modelledAgri === 0 ? 1 : (agriShare * registered) / modelledAgri,
  };
  pupilCalibration.primary.factor = factors.primary;
  pupilCalibration.junior.factor = factors.junior;
  const wholeTypes: readonly string[] = params.rural_pupils.whole_unit_types;

  // every code named for a contiguous poverty area must be a province, prefecture or unit of the units
  const known = new Set(units.flatMap((u) => [u.code, u.prefectureCode, u.provinceCode]));
  params.flags.nutrition_pilot.areas.forEach((a, i) => {
    for (const code of [...a.provinces, ...Object.keys(a.prefectures), ...Object.keys(a.units)]) {
      // a province absent from the list (a partial test list) is not checked
      if (!known.has(code) && admin.byCode.has(provinceOf(code))) {
        problems.push({ file: src.provinces.name, field: `flags.nutrition_pilot.areas[${i}] (${a.name})`, message: `${code} is not a province, prefecture or unit of the 2012 unit list` });
      }
    }
  });
  if (problems.length) throw new InputError(problems);

  const fiscal = estimateFiscal(units, spending, revenue, params.provinces, years, (y) => fiscalParamsAt(params, y));

  const regionOf = (u: Unit): 'east' | 'central' | 'west' => params.provinces[u.provinceCode]!.region_group;
  const poverty = matchPoverty(povertyEntries, units, cw, admin);

  const baseUnits: BaseUnit[] = units.map((u) => {
    const tierOverride = params.tier_2018.prefecture_overrides[u.prefectureCode];
    const onList = poverty.byUnit.has(u.code);
    return {
      ...u,
      regionGroup: regionOf(u),
      tier2018: tierOverride?.tier ?? params.provinces[u.provinceCode]!.tier_2018,
      flags: unitFlags({ ...u, regionGroup: regionOf(u) }, onList, params.flags),
      drivers: deriveDrivers(u.facts, driverParams(u.provinceCode, factors, wholeTypes.includes(schoolUnitType(u.code, u.name, u.kind)))),
      fiscal: fiscal.byUnit.get(u.code)!,
      povertyEntries: poverty.byUnit.get(u.code)?.length ?? 0,
    };
  });
  const budget = budgetColumnsHook(src, baseUnits, admin, params.data_year);
  let built: BuiltUnit[] = budget.units;
  let cohorts: BuildResult['cohorts'];
  if (src.cohorts) {
    const file = loadCohorts(src.cohorts.text, src.cohorts.name);
    if (file.base_year !== params.data_year) throw new Error(`${src.cohorts.name}: base_year ${file.base_year} is not the data year ${params.data_year} of the pupil drivers`);
    const res = cohortPupils(built.map((u) => ({ code: u.code, counts: u.facts.counts, pupils: { primary: u.drivers.pupils_primary, junior: u.drivers.pupils_junior } })), file);
    built = built.map((u) => ({ ...u, cohortPupils: res.byUnit.get(u.code)! }));
    cohorts = { file, name: src.cohorts.name, national: res.national };
  }

  // every province's units add up to its census total
  const provinceChecks: ProvinceCheck[] = [];
  for (const row of census.filter((r) => r.level === 'province')) {
    const mine = built.filter((u) => u.provinceCode === row.code);
    const sum = mine.reduce((s, u) => s + u.facts.counts.resident_pop, 0);
    const difference = sum - row.facts.counts.resident_pop;
    const relative = difference / row.facts.counts.resident_pop;
    const known = params.boundary.unassigned_population.find((g) => g.province_code === row.code);
    provinceChecks.push({ code: row.code, name: row.name, census: row.facts.counts.resident_pop, units: sum, unitCount: mine.length, difference, relative, ...(known ? { explanation: `${known.persons} persons: ${known.reason}` } : {}) });
    if (Math.abs(relative) > PROVINCE_TOLERANCE) {
      problems.push({ file: src.census.name, line: row.line, column: 'resident_pop', message: `province ${row.code} ${row.name}: units sum to ${sum}, census total ${row.facts.counts.resident_pop} (${(relative * 100).toFixed(3)}%, beyond ${PROVINCE_TOLERANCE * 100}%)` });
    } else if (difference !== 0 && (!known || known.persons !== -difference)) {
      problems.push({ file: src.provinces.name, field: 'boundary.unassigned_population', message: `province ${row.code} ${row.name}: units sum to ${difference} persons ${difference < 0 ? 'below' : 'above'} the census total; explain the gap in boundary.unassigned_population (persons: ${-difference})` });
    }
  }
  for (const u of built) if (!census.some((r) => r.level === 'province' && r.code === u.provinceCode)) problems.push({ file: src.census.name, message: `no province row ${u.provinceCode} for unit ${u.code}` });
  if (problems.length) throw new InputError(problems);

  return {
    params,
    pupilCalibration,
    units: built,
    censusNotes: censusParsed.notes,
    bands: { corrections: bands.corrections, unresolved: bands.unresolved },
    unitsReport,
    poverty,
    povertyFile: src.poverty.name,
    povertyRows: povertyEntries.length,
    fiscal,
    provinceChecks,
    censusCountyRows: census.filter((r) => r.level === 'county').length,
    sources: {
      census: src.census.name,
      adminCodes: src.adminCodes.name,
      crosswalk: src.crosswalk.name,
      expenditure: src.expenditure.name,
      poverty: src.poverty.name,
      provinces: src.provinces.name,
      budget: src.budget.name,
      countyCodes: src.countyCodes.name,
    },
    budget: budget.file,
    budgetEstimates: budget.estimates,
    ...(cohorts ? { cohorts } : {}),
  };
}

/** A unit before the county budget columns are attached. */
type BaseUnit = Omit<BuiltUnit, 'budgetFlags' | 'budgetFlagReasons' | 'fiscalStaff'>;

/**
 * The county budget columns (budgetColumns.ts) and programme flags (programmeFlags.ts) attached to
 * the built units; directly_managed becomes the 2012 fiscal 省直管县 rule of budget.yaml.
 */
function budgetColumnsHook(src: Sources, base: readonly BaseUnit[], admin: AdminList, dataYear: number): { file: BudgetFile; estimates: BudgetEstimates; units: BuiltUnit[] } {
  const file = loadBudgetParams(src.budget.text, src.budget.name);
  checkSelections(file, admin, src.budget.name, new Set(base.map((u) => u.code)));
  const autonomy = parseAutonomy(parseTable(src.countyCodes.text, src.countyCodes.name));
  const flags = programmeFlags(base.map((u) => ({ code: u.code, name: u.name, kind: u.kind, provinceCode: u.provinceCode, prefectureCode: u.prefectureCode, urbanPop: u.facts.counts.urban_pop, ruralPop: u.facts.counts.rural_pop })), file, autonomy);
  const estimates = estimateBudget(base.map((u) => ({ code: u.code, provinceCode: u.provinceCode, residents: u.facts.counts.resident_pop, urban16to59: u.drivers.urban_age_16_59, rural16to59: u.drivers.rural_age_16_59, difficult: u.flags.difficult === 1 })), file, dataYear);
  const units = base.map((u): BuiltUnit => {
    const bf = flags.byUnit.get(u.code)!;
    return {
      ...u,
      flags: { ...u.flags, directly_managed: bf.flags.directly_managed },
      fiscal: { ...u.fiscal, ...estimates.byUnit.get(u.code)! },
      budgetFlags: bf.flags,
      budgetFlagReasons: bf.reasons,
      fiscalStaff: estimates.fiscalStaff.get(u.code)!,
    };
  });
  return { file, estimates, units };
}
