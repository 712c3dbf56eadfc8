/**
 * The workbook `fiscal-sim template` writes (templateCommand.ts registers the command): its
 * bytes, and the command's work, loaded only when the command runs.
 */
import { resolve } from 'node:path';
import { BUDGET_STEMS, FISCAL_STEMS, FIXED_COLUMNS } from '../input/countyColumns.ts';
import { loadCountyFile } from '../input/countyFile.ts';
import { valueAt } from '../input/datedValues.ts';
import { loadPolicyData, type PolicyData } from '../input/policyData.ts';
import { findProvince } from '../input/provinces.ts';
import { describeSource } from '../input/sourceSchema.ts';
import { COUNTY_SHEET, PARAMETER_HEADER, PARAMETER_SHEET, parameterCell, SCENARIO_COUNTY_FIELDS, SCENARIO_ROWS, SCENARIO_SHEET } from '../input/xlsxScenario.ts';
import { InputError } from '../input/inputError.ts';
import { writeFilesAtomically } from '../report/atomicWrite.ts';
import { safeText } from '../report/cellSafety.ts';
import { listParameters, type ParameterInfo } from '../scenarios/parameterRegistry.ts';
import { DEFAULT_HORIZON } from '../scenarios/scenario.ts';
import { DEFAULT_COUNTIES } from '../simulation/countySet.ts';
import { GENERAL_MECHANISMS, MECHANISM_NAMES } from '../model/transfers/mechanisms.ts';

const FIELD_ZH: Record<string, string> = { standard: '单位标准', coverage: '覆盖率', central_share: '中央分担比例', central_amount: '中央定额补助', through_prefecture: '经地市', directly_managed: '省直管县' };

/** A parameter's Chinese name: the item's Chinese name and what the path sets, or the transfer's Chinese description. */
function chineseName(info: ParameterInfo, policy: PolicyData): string {
  const t = info.target;
  if (t.area === 'item' || t.area === 'eligibility') {
    const item = policy.items.find((i) => i.id === t.itemId);
    const what = t.area === 'item' ? FIELD_ZH[t.field] : `资格系数 ${t.factorId}${t.otherwise ? '（其他县）' : ''}`;
    return `${item?.name_zh ?? t.itemId}：${what}`;
  }
  if (t.area === 'rule') return `分担规则 ${t.ruleId}：${FIELD_ZH[t.field]}`;
  if (t.area === 'local_split') return `${t.province === 'default' ? '默认' : t.province}省以下分担（省/地市/县）：${FIELD_ZH[t.variant]}`;
  if (t.area === 'transfers') return policy.transfers[t.name]?.description_zh ?? `转移支付参数 ${t.name}`;
  return `增长率 ${t.name}`;
}

/** The Chinese header of a county column: its first Chinese alias (dated: `2012年一般预算收入`), else its name. */
function countyHeader(name: string, year?: number): string {
  const spec = [...FIXED_COLUMNS, ...FISCAL_STEMS, ...BUDGET_STEMS].find((c) => c.name === name);
  const zh = spec?.aliases.find((a) => /[\u4e00-\u9fff]/.test(a) && !/\d/.test(a));
  if (year !== undefined) return zh ? `${year}年${zh}` : `${name}_${year}`;
  return zh ?? name;
}

/** What the command was given. */
export interface TemplateOptions {
  readonly out: string;
  readonly counties?: string;
  readonly province?: string;
  readonly data: string;
}

/** Writes the template for the options' counties (messages in `m`'s language). */
export async function writeTemplate(opts: TemplateOptions, m: { templateUnknownProvince: (province: string) => string; templateDone: (out: string, given: string) => string }): Promise<void> {
  const policy = loadPolicyData(opts.data);
  const counties = loadCountyFile(resolve(opts.counties ?? DEFAULT_COUNTIES)).counties;
  const code = opts.province ? findProvince(opts.province) : undefined;
  if (opts.province && !code) throw new InputError([{ file: '--province', message: m.templateUnknownProvince(opts.province) }]);
  const listed = code ? counties.filter((c) => c.provinceCode === code) : counties;
  const bytes = await templateWorkbook(policy, listed);
  const out = resolve(opts.out);
  writeFilesAtomically([{ path: out, content: bytes }]);
  process.stderr.write(`${m.templateDone(out, opts.out)}\n`);
}

/** The template workbook's bytes. */
export async function templateWorkbook(policy: PolicyData, counties: ReadonlyArray<{ code: string; name: string }>, years: readonly number[] = DEFAULT_HORIZON): Promise<Uint8Array> {
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  const bold = { bold: true } as const;

  const settings = wb.addWorksheet(SCENARIO_SHEET);
  settings.addRow(['项目 / item', '键 / key', '值 / value', '说明 / note']).font = bold;
  for (const [label, key, note] of SCENARIO_ROWS) settings.addRow([label, key, null, note]);
  settings.addRow([]);
  settings.addRow(['在“参数”表中修改数值；与原值不同的单元格即为情景的改动（自该年起生效）。在“县级数据”表中填写要替换的县级数值。 / Edit values on 参数: each cell that differs from the value shown changes that parameter from that year on. Fill the county figures to replace on 县级数据.']);
  settings.addRow(['“县级数据”表最后各列为各县实收的转移支付（如“2012年均衡性转移支付”，元）：这是县的账目而非政策修改，只在用 --override 给出该工作簿时生效（--scenario 不接受）。 / The last columns of 县级数据 are the transfers a county received (yuan): its accounts, not a policy change, so they apply when the workbook is given with --override (--scenario refuses them).']);
  settings.columns = [{ width: 28 }, { width: 18 }, { width: 30 }, { width: 50 }];

  const params = wb.addWorksheet(PARAMETER_SHEET, { views: [{ state: 'frozen', xSplit: 1, ySplit: 1 }] });
  params.addRow([...PARAMETER_HEADER, ...years, '来源 / source']).font = bold;
  for (const info of listParameters(policy)) {
    params.addRow([info.path, safeText(chineseName(info, policy)), info.unit, safeText(info.description), ...years.map((y) => parameterCell(valueAt(info.values, y)) ?? null), safeText(describeSource(info.source))]);
  }
  params.columns = [{ width: 48 }, { width: 36 }, { width: 18 }, { width: 40 }, ...years.map(() => ({ width: 14 })), { width: 60 }];

  const fields = [...FISCAL_STEMS, ...BUDGET_STEMS].flatMap((s) => years.map((y) => countyHeader(s.name, y)));
  const others = SCENARIO_COUNTY_FIELDS.map((f) => countyHeader(f));
  // transfers received (an --override file's transfer_<id>_<year>), under their Chinese names: 2012年均衡性转移支付
  const transfers = GENERAL_MECHANISMS.flatMap((id) => years.map((y) => `${y}年${MECHANISM_NAMES[id].zh}`));
  const sheet = wb.addWorksheet(COUNTY_SHEET, { views: [{ state: 'frozen', xSplit: 2, ySplit: 1 }] });
  sheet.addRow([countyHeader('code'), countyHeader('name'), ...fields, ...others, ...transfers]).font = bold;
  for (const c of counties) sheet.addRow([c.code, safeText(c.name)]);
  sheet.getColumn(1).numFmt = '@';
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
