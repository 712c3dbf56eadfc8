/**
 * Checks the data files of the service catalog (data/standards/*.yaml) and the
 * responsibility rules (data/sharing/rules.yaml): schema, seed quotes, cross-references,
 * and spot checks of real values.
 */
import { describe, it, expect } from 'vitest';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { CatalogDomainFile, DOMAINS, RULE_KINDS, SharingFile } from '../../src/input/catalogSchema.ts';
import type { CatalogItem } from '../../src/input/catalogSchema.ts';
import { valueAt } from '../../src/input/datedValues.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const STANDARDS_DIR = `${ROOT}data/standards/`;
const RULES_FILE = `${ROOT}data/sharing/rules.yaml`;
const SEED_FILE = fileURLToPath(new URL('../../../shared/seeds/000_5326b893058d94bc.txt', import.meta.url));

const PREFIX: Record<string, string> = {
  education: 'edu',
  employment: 'emp',
  social_insurance: 'si',
  social_services: 'ss',
  health: 'health',
  family_planning: 'fp',
  housing: 'housing',
  culture_sports: 'culture',
  disability: 'disab',
};

function readYaml(path: string): unknown {
  return parse(readFileSync(path, 'utf8'));
}

/**
 * The seed text lives in ../shared/seeds, beside the project, not in it: a user's clone standing
 * alone skips the quote checks (and says so); CI (CI=true, or FISCAL_SIM_REQUIRE_SHARED=1) runs
 * them and fails, never skips, when the text is missing.
 */
const SEED_REQUIRED = process.env['CI'] === 'true' || process.env['FISCAL_SIM_REQUIRE_SHARED'] === '1';
const SEED_PRESENT = existsSync(SEED_FILE);
const describeSeed = SEED_PRESENT || SEED_REQUIRED ? describe : describe.skip;
if (!SEED_PRESENT && !SEED_REQUIRED) console.warn(`seed quote checks skipped: ${SEED_FILE} is not here (they run, and are required, in CI)`);

function loadSeed(): string {
  if (!existsSync(SEED_FILE)) {
    throw new Error(`seed text not found at ${SEED_FILE}: the quote check needs ../shared/seeds next to the project root`);
  }
  return readFileSync(SEED_FILE, 'utf8');
}

const catalogFiles = readdirSync(STANDARDS_DIR)
  .filter((f) => f.endsWith('.yaml'))
  .sort();

/** Every file parsed against its schema (throws with the zod message on failure). */
function loadCatalog(): Map<string, CatalogDomainFile> {
  const out = new Map<string, CatalogDomainFile>();
  for (const file of catalogFiles) {
    const result = CatalogDomainFile.safeParse(readYaml(STANDARDS_DIR + file));
    if (!result.success) throw new Error(`${file}: ${result.error.message}`);
    out.set(file, result.data);
  }
  return out;
}

function loadRules(): SharingFile {
  const result = SharingFile.safeParse(readYaml(RULES_FILE));
  if (!result.success) throw new Error(`rules.yaml: ${result.error.message}`);
  return result.data;
}

interface SeedRef {
  where: string;
  quote: string;
  table?: string;
}

/** Walk any parsed YAML and collect every source of kind seed, wherever it is nested. */
function collectSeedSources(node: unknown, where: string, out: SeedRef[]): void {
  if (Array.isArray(node)) {
    node.forEach((child, i) => collectSeedSources(child, `${where}[${i}]`, out));
    return;
  }
  if (node === null || typeof node !== 'object') return;
  const obj = node as Record<string, unknown>;
  if (obj['kind'] === 'seed') {
    const ref: SeedRef = { where, quote: String(obj['quote']) };
    if (typeof obj['table'] === 'string') ref.table = obj['table'];
    out.push(ref);
  }
  for (const [key, child] of Object.entries(obj)) {
    const label = typeof obj['id'] === 'string' ? `${where}{${obj['id']}}.${key}` : `${where}.${key}`;
    collectSeedSources(child, label, out);
  }
}

function allItems(catalog: Map<string, CatalogDomainFile>): CatalogItem[] {
  return [...catalog.values()].flatMap((f) => f.items);
}

function item(catalog: Map<string, CatalogDomainFile>, id: string): CatalogItem {
  const found = allItems(catalog).find((i) => i.id === id);
  if (!found) throw new Error(`no catalog item ${id}`);
  return found;
}

describe('catalog data files', () => {
  it('has one file per domain, named after it, and every domain is present', () => {
    const catalog = loadCatalog();
    expect(catalogFiles).toEqual(DOMAINS.map((d) => `${d}.yaml`).sort());
    for (const [file, data] of catalog) expect(`${data.domain}.yaml`).toBe(file);
  });

  it('parses every catalog file against CatalogDomainFile', () => {
    for (const file of catalogFiles) {
      const result = CatalogDomainFile.safeParse(readYaml(STANDARDS_DIR + file));
      expect(result.success, result.success ? file : `${file}: ${result.error.message}`).toBe(true);
    }
  });

  it('parses data/sharing/rules.yaml against SharingFile', () => {
    const result = SharingFile.safeParse(readYaml(RULES_FILE));
    expect(result.success, result.success ? '' : result.error.message).toBe(true);
  });

  it('uses unique item ids with the domain prefix', () => {
    const catalog = loadCatalog();
    const ids = allItems(catalog).map((i) => i.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const data of catalog.values()) {
      for (const i of data.items) expect(i.id.startsWith(`${PREFIX[data.domain]}.`), i.id).toBe(true);
    }
  });

  it('uses unique rule ids', () => {
    const ids = loadRules().rules.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('gives every item a responsibility rule that exists, and funded_by items that exist', () => {
    const catalog = loadCatalog();
    const ruleIds = new Set(loadRules().rules.map((r) => r.id));
    const itemIds = new Set(allItems(catalog).map((i) => i.id));
    for (const i of allItems(catalog)) {
      expect(ruleIds.has(i.responsibility), `${i.id} → ${i.responsibility}`).toBe(true);
      if (i.funded_by !== undefined) {
        expect(itemIds.has(i.funded_by), `${i.id} funded_by ${i.funded_by}`).toBe(true);
        expect(i.funded_by).not.toBe(i.id);
      }
    }
  });

  it('defines only rule kinds the schema knows, uses every kind, and covers every rule the items name', () => {
    const rules = loadRules().rules;
    for (const r of rules) expect(RULE_KINDS).toContain(r.kind);
    expect(new Set(rules.map((r) => r.kind))).toEqual(new Set(RULE_KINDS));
    const used = new Set(allItems(loadCatalog()).map((i) => i.responsibility));
    for (const id of used) expect(rules.some((r) => r.id === id)).toBe(true);
  });

  it('has values for every year 2011–2015 in which the item runs, in every dated parameter of every item', () => {
    for (const i of allItems(loadCatalog())) {
      for (let year = Math.max(2011, i.years?.from ?? 2011); year <= Math.min(2015, i.years?.to ?? 2015); year++) {
        expect(valueAt(i.coverage.values, year), `${i.id} coverage ${year}`).toBeDefined();
        if (i.standard) expect(valueAt(i.standard.values, year), `${i.id} standard ${year}`).toBeDefined();
        for (const e of i.eligibility) expect(valueAt(e.values, year), `${i.id} ${e.id} ${year}`).toBeDefined();
      }
    }
  });

  it('has sharing values for every year 2011–2015 and local splits for the four municipalities', () => {
    const sharing = loadRules();
    for (const r of sharing.rules) {
      const p = r.central_share ?? r.central_amount;
      if (!p) continue;
      for (let year = 2011; year <= 2015; year++) expect(valueAt(p.values, year), `${r.id} ${year}`).toBeDefined();
    }
    for (const code of ['110000', '120000', '310000', '500000']) {
      const entry = sharing.local_split.provinces[code];
      expect(entry, code).toBeDefined();
      expect(valueAt(entry!.through_prefecture.values, 2012)?.prefecture).toBe(0);
      expect(valueAt(entry!.directly_managed.values, 2012)?.prefecture).toBe(0);
    }
  });
});

describeSeed('seed quotes', () => {
  it('finds the seed text (fails, not skips, in CI when ../shared/seeds is absent)', () => {
    expect(() => loadSeed()).not.toThrow();
  });

  it('quotes the seed exactly, in short phrases, everywhere a source says kind: seed', () => {
    const seed = loadSeed();
    const refs: SeedRef[] = [];
    for (const file of catalogFiles) collectSeedSources(readYaml(STANDARDS_DIR + file), file, refs);
    collectSeedSources(readYaml(RULES_FILE), 'rules.yaml', refs);
    expect(refs.length).toBeGreaterThan(50);
    const missing = refs.filter((r) => !seed.includes(r.quote)).map((r) => `${r.where}: “${r.quote}”`);
    expect(missing, 'quotes not found in the seed').toEqual([]);
    const badLength = refs.filter((r) => [...r.quote].length < 4 || [...r.quote].length > 40).map((r) => `${r.where}: “${r.quote}”`);
    expect(badLength, 'quotes should be 4–40 characters').toEqual([]);
    const badTables = refs.filter((r) => r.table !== undefined && !seed.includes(r.table)).map((r) => `${r.where}: ${r.table}`);
    expect(badTables, 'table names not found in the seed').toEqual([]);
  });

  it('copies the table wording verbatim for items of the five seed tables', () => {
    const seed = loadSeed();
    for (const data of loadCatalog().values()) {
      if (!data.has_seed_table) continue;
      for (const i of data.items) {
        expect(seed.includes(i.service_zh), `${i.id} service_zh ${i.service_zh}`).toBe(true);
        expect(seed.includes(i.responsibility_zh), `${i.id} responsibility_zh ${i.responsibility_zh}`).toBe(true);
        if (i.coverage.target_zh !== undefined) {
          expect(seed.includes(i.coverage.target_zh), `${i.id} coverage.target_zh ${i.coverage.target_zh}`).toBe(true);
        }
      }
    }
  });

  it('copies the rules’ seed wording verbatim for the table kinds', () => {
    const seed = loadSeed();
    for (const r of loadRules().rules) {
      if (r.wording_zh.startsWith('（')) continue; // rules for ch.8–11 say in brackets that the seed has no wording
      expect(seed.includes(r.wording_zh), `${r.id}: ${r.wording_zh}`).toBe(true);
    }
  });
});

describe('spot checks of real values', () => {
  // loaded once, lazily, so that a broken file fails the tests above with its own message
  let cached: Map<string, CatalogDomainFile> | undefined;
  const catalogData = () => (cached ??= loadCatalog());
  const rule = (id: string) => {
    const r = loadRules().rules.find((x) => x.id === id);
    if (!r) throw new Error(`no rule ${id}`);
    return r;
  };

  // NCMS: yearly health-reform work plans (200, 240, 280, 320) and the 2015 NCMS notice (380, above the seed's floor of 360)
  it('NCMS subsidy: 200 (2011), 240, 280 (2013), 320, 380 (2015) per participant per year', () => {
    const ncms = item(catalogData(), 'si.ncms_subsidy');
    expect(ncms.standard?.unit).toBe('yuan/participant/year');
    expect([2011, 2012, 2013, 2014, 2015].map((y) => valueAt(ncms.standard!.values, y))).toEqual([200, 240, 280, 320, 380]);
    // NCMS enrols agricultural hukou where registered; coverage = published participation rate (98.7% in 2013, 2013 bulletin)
    expect(valueAt(ncms.coverage.values, 2013)).toBe(0.987);
    expect(ncms.driver).toBe('agri_hukou_pop');
    const urbmi = item(catalogData(), 'si.urban_resident_medical_subsidy');
    expect(urbmi.driver).toBe('nonagri_hukou_pop');
    expect(urbmi.eligibility).toEqual([]);
    expect(valueAt(item(catalogData(), 'si.urban_resident_medical_subsidy').standard!.values, 2013)).toBe(280);
  });

  // NCMS members: 中国统计年鉴2012 表21-21 (2011: 2637 of 2853 counties ran NCMS, 83163.1万 members, none in Tianjin,
  // 62 of Guangdong's 121); 0.975 × (west + centre + x × east agri_hukou_pop) = 83163.1万 gives the east x = 0.9595;
  // 2012 (8.05亿, 陈竺 2013-02-21) scales the 2011 shares by 0.9601
  it('NCMS: share of agricultural hukou in counties running NCMS, by region, from the 2011 yearbook table', () => {
    const ncms = item(catalogData(), 'si.ncms_subsidy');
    const share = ncms.eligibility.find((e) => e.id === 'in_ncms_county')!;
    expect(valueAt(share.values, 2011)).toEqual({ by: 'region_group', west: 1, central: 1, east: 0.9595 });
    expect(valueAt(share.values, 2012)).toEqual({ by: 'region_group', west: 0.9601, central: 0.9601, east: 0.9212 });
    expect(valueAt(ncms.coverage.values, 2011)).toBe(0.975);
    // 卫农卫发〔2011〕27号 and the 2012 notice: each rise shared 80% (west) / 60% (centre) by the centre: 124/200 and 108/200 in 2011;
    // the east's share fitted to the centre's published money for both schemes (2011 execution 779.81亿, 2012 budget 1063.48亿,
    // 财政部 2012 budget report): least squares 0.0486, rounded to 0.05
    expect(valueAt(rule('si_resident_medical').central_share!.values, 2011)).toEqual({ by: 'region_group', west: 0.62, central: 0.54, east: 0.05 });
    expect(valueAt(rule('si_resident_medical').central_share!.values, 2015)).toEqual({ by: 'region_group', west: 0.7053, central: 0.5684, east: 0.05 });
  });

  // Wubao: 民政部 社会服务发展统计公报 2012 (4060.9 / 3008.0 元, +19.4% / +21.8% on 2011) and 2014 (5371 / 4006, +14.6% / +14.5%
  // on 2013); the fiscal part 0.797 = mean of 145.0亿 ÷ 183.63亿 (2012) and 189.8亿 ÷ 235.75亿 (2014)
  it('wubao: the fiscal part of the published average support standards, 2011–2014, held in 2015', () => {
    const conc = item(catalogData(), 'ss.wubao_concentrated');
    const scat = item(catalogData(), 'ss.wubao_scattered');
    expect([2011, 2012, 2013, 2014, 2015].map((y) => valueAt(conc.standard!.values, y))).toEqual([2710.6, 3236.5, 3735.5, 4280.7, 4280.7]);
    expect([2011, 2012, 2013, 2014, 2015].map((y) => valueAt(scat.standard!.values, y))).toEqual([1968.6, 2397.4, 2788.7, 3192.8, 3192.8]);
    // 2012: 4060.9 × 0.797 = 3236.5; 3008.0 × 0.797 = 2397.4
    expect(Math.round(4060.9 * 0.797 * 10) / 10).toBe(3236.5);
    expect(Math.round(3008.0 * 0.797 * 10) / 10).toBe(2397.4);
    expect(conc.standard!.source.kind).toBe('policy');
  });

  // Free textbooks: 财教〔2007〕337号 (光明日报 2007-11-30): from autumn 2007 national-curriculum textbooks for all rural
  // compulsory pupils, "所需资金全部由中央财政承担" — in the east too (the catalog had kept the east at 0, the 2006 rule)
  it('free textbooks for rural pupils are paid in full by the centre in every region', () => {
    expect(valueAt(rule('edu_textbooks').central_share!.values, 2011)).toBe(1);
    expect(item(catalogData(), 'edu.free_textbooks_rural_primary').responsibility).toBe('edu_textbooks');
  });

  // School-building maintenance (国发〔2005〕43号: pupils × floor area per pupil × unit cost ÷ service life, 5:5 in the centre
  // and west, the east local with awards); unit cost 500 (west) / 400 (centre) 元/m² from 2007 (财教〔2007〕337号);
  // 6.5 / 7.9 m² a pupil (建标102-2002, 12 classes) and a 50-year life (GB 50068-2001): 6.5 × 500 × 2% = 65
  it('rural school-building maintenance: per-pupil norm by region, shared 5:5 in the centre and west', () => {
    const primary = item(catalogData(), 'edu.building_maintenance_rural_primary');
    const junior = item(catalogData(), 'edu.building_maintenance_rural_junior');
    expect(primary.driver).toBe('rural_pupils_primary');
    // floor area 6.5 / 7.9 m² a pupil (建标102-2002) × unit cost × 3.36% renovated a year (rounded to the fen), the share derived from the
    // centre's 2011 allocation of 42.9亿 (Xinhua 2010-11-02). Unit costs west/centre: 500/400 from 2007 (光明日报
    // 2007-11-30), 700/600 from 2013 (河南 400→600, 新华社 2013-07-10), 900/800 from 2015 (财政部 2016-02-05).
    expect(valueAt(primary.standard!.values, 2012)).toEqual({ by: 'region_group', west: 109.2, central: 87.36, east: 87.36 });
    expect(valueAt(junior.standard!.values, 2012)).toEqual({ by: 'region_group', west: 132.72, central: 106.18, east: 106.18 });
    expect(valueAt(primary.standard!.values, 2013)).toEqual({ by: 'region_group', west: 152.88, central: 131.04, east: 131.04 });
    expect(valueAt(junior.standard!.values, 2015)).toEqual({ by: 'region_group', west: 238.9, central: 212.35, east: 212.35 });
    expect(valueAt(rule('edu_building_maintenance').central_share!.values, 2012)).toEqual({ by: 'region_group', west: 0.5, central: 0.5, east: 0 });
  });

  // 全国学生资助管理中心《2012年中国学生资助发展报告》: free textbooks "161.41亿元（其中包括汉语字典资金17.35亿元）";
  // one 《新华字典》 for each of "约1.2亿" rural pupils in autumn 2012: 17.35亿 ÷ 1.2亿 = 14.46 yuan, paid by the centre
  it('free dictionaries: 14.46 yuan a rural pupil, in 2012 only, paid by the centre as the textbooks', () => {
    for (const level of ['primary', 'junior']) {
      const d = item(catalogData(), `edu.free_dictionaries_rural_${level}`);
      expect(d.driver).toBe(`rural_pupils_${level}`);
      expect(d.years).toEqual({ from: 2012, to: 2012 });
      expect(valueAt(d.standard!.values, 2012)).toBe(14.46);
      expect(d.responsibility).toBe('edu_textbooks');
    }
    expect(valueAt(rule('edu_textbooks').central_share!.values, 2012)).toBe(1);
  });

  // Nutrition: seed (3 yuan × 200 school days); 国办发〔2011〕54号 (from the autumn term of 2011: 100 days in 2011);
  // 4 yuan from November 2014 (国新办 briefing 2015-01-30): 3.25 as the 2014 school-day average, 4 in 2015
  it('nutrition: 3 yuan per school day, 100 days in 2011 and 200 from 2012, under the pilot rule', () => {
    for (const id of ['edu.nutrition_primary', 'edu.nutrition_junior']) {
      const n = item(catalogData(), id);
      expect(n.standard?.period).toBe('day');
      expect(n.standard?.days_per_year).toEqual([
        { from: 2011, value: 100 },
        { from: 2012, value: 200 },
      ]);
      expect([2011, 2012, 2013, 2014, 2015].map((y) => valueAt(n.standard!.values, y))).toEqual([3, 3, 3, 3.25, 4]);
      const area = n.eligibility.find((e) => e.id === 'in_programme_area')!;
      expect(area.when).toBe('nutrition_pilot');
      // national pilot 2288万 and local pilots 870万 pupils in 2012 (全国学生资助管理中心 2012 report) over the modelled pupils
      expect(valueAt(area.values, 2011)).toBe(0.7034);
      expect(valueAt(area.otherwise!, 2011)).toBe(0);
      expect(valueAt(area.otherwise!, 2012)).toBe(0.105);
      const r = rule(n.responsibility);
      expect(r.kind).toBe('pilot');
      expect(r.pilot_flag).toBe('nutrition_pilot');
      expect(valueAt(r.central_share!.values, 2012)).toBe(0.5);
    }
  });

  it('boarding subsidy: 1000 primary, 1250 junior; central pays half in the centre and west, nothing in the east', () => {
    expect(valueAt(item(catalogData(), 'edu.boarding_subsidy_primary').standard!.values, 2012)).toBe(1000);
    expect(valueAt(item(catalogData(), 'edu.boarding_subsidy_junior').standard!.values, 2012)).toBe(1250);
    const share = valueAt(rule('edu_boarding_subsidy').central_share!.values, 2012);
    expect(share).toEqual({ by: 'region_group', west: 0.5, central: 0.5, east: 0 });
    // subsidised boarders: 1228万 (2011) and 1333万 (2012) in the centre and west (财政部) over the modelled boarders there
    const poor = item(catalogData(), 'edu.boarding_subsidy_junior').eligibility.find((e) => e.id === 'poor_among_boarders')!;
    expect(valueAt(poor.values, 2011)).toEqual({ by: 'region_group', west: 0.5947, central: 0.5947, east: 0 });
    expect(valueAt(poor.values, 2012)).toEqual({ by: 'region_group', west: 0.6455, central: 0.6455, east: 0 });
  });

  it('urban fee waiver (国发〔2008〕25号) on city-school pupils, free lodging for rural boarders (seed 义务教育免费 row)', () => {
    for (const level of ['primary', 'junior']) {
      expect(item(catalogData(), `edu.fee_waiver_urban_${level}`).driver).toBe(`urban_pupils_${level}`);
      expect(item(catalogData(), `edu.free_lodging_rural_${level}`).driver).toBe(`rural_pupils_${level}`);
    }
    // central award 77亿 (2011 budget report) over the modelled 2011 cost of the two items
    expect(valueAt(rule('edu_urban_fee_waiver').central_share!.values, 2012)).toBe(0.4466);
  });

  // Benchmarks: 2011 budget report (+100 in 2011), 莆田晚报 2011-11-29 (east 550/750), 湖南省财政厅 2013-12-27
  // ("2013年起 … 提高60元，达到小学每生每年560元、初中每生每年760元"), 经济日报 2014-06-11 (2014: +40 to 600/800 and 650/850)
  it('rural running costs: 500/700 centre-west and 550/750 east from 2011, +60 in 2013, +40 in 2014; shared 8:2 west, 6:4 centre, the east by the 2018 tiers', () => {
    const primary = item(catalogData(), 'edu.running_costs_rural_primary').standard!.values;
    const junior = item(catalogData(), 'edu.running_costs_rural_junior').standard!.values;
    expect(valueAt(primary, 2011)).toEqual({ by: 'region_group', west: 500, central: 500, east: 550 });
    expect(valueAt(primary, 2012)).toEqual({ by: 'region_group', west: 500, central: 500, east: 550 });
    expect(valueAt(primary, 2013)).toEqual({ by: 'region_group', west: 560, central: 560, east: 610 });
    expect(valueAt(primary, 2015)).toEqual({ by: 'region_group', west: 600, central: 600, east: 650 });
    expect(valueAt(junior, 2011)).toEqual({ by: 'region_group', west: 700, central: 700, east: 750 });
    expect(valueAt(junior, 2014)).toEqual({ by: 'region_group', west: 800, central: 800, east: 850 });
    // 国发〔2005〕43号: west 8:2, centre 6:4; the east "分省确定" (unpublished), proxied by the 2018 tiers
    // (国办发〔2018〕6号: 6:4 in tier 2 = the centre with 河北 and 海南, 5:5 elsewhere), 北京 and 上海 paying their own
    expect(valueAt(rule('edu_compulsory_ratio').central_share!.values, 2012)).toEqual({ by: 'tier_2018', 1: 0.8, 2: 0.6, 3: 0.5, 4: 0.5, 5: 0 });
  });

  // Pension: seed (55); 人社部发〔2015〕5号 raised it to 70 from 1 July 2014: 62.5 as the 2014 monthly average, 70 in 2015
  it('rural and urban resident pensions: basic pension 55 → 62.5 (2014) → 70 yuan a month, government-paid, central 100% centre/west and 50% east', () => {
    for (const id of ['si.rural_pension_basic', 'si.urban_resident_pension_basic']) {
      const p = item(catalogData(), id);
      expect(p.standard?.period).toBe('month');
      expect(p.standard?.unit).toBe('yuan/person/month');
      expect([2011, 2012, 2013, 2014, 2015].map((y) => valueAt(p.standard!.values, y))).toEqual([55, 55, 55, 62.5, 70]);
      const r = rule(p.responsibility);
      expect(r.kind).toBe('government_full');
      expect(valueAt(r.central_share!.values, 2012)).toEqual({ by: 'region_group', west: 1, central: 1, east: 0.5 });
    }
  });

  it('basic public health funding 25, 25, 30, 35, 40 per resident; the ten categories are funded by it', () => {
    const bph = item(catalogData(), 'health.basic_public_health');
    expect(bph.driver).toBe('resident_pop');
    expect([2011, 2012, 2013, 2014, 2015].map((y) => valueAt(bph.standard!.values, y))).toEqual([25, 25, 30, 35, 40]);
    const categories = allItems(catalogData()).filter((i) => i.funded_by === 'health.basic_public_health');
    expect(categories).toHaveLength(10);
    for (const c of categories) expect(c.standard).toBeUndefined();
    expect(valueAt(item(catalogData(), 'health.health_records').coverage.values, 2013)).toBe(0.75);
    expect(valueAt(item(catalogData(), 'health.immunisation').coverage.values, 2013)).toBe(0.9);
    // the seed's target groups are children aged 0–6 (0—6岁儿童)
    expect(item(catalogData(), 'health.immunisation').driver).toBe('age_0_6');
    expect(item(catalogData(), 'health.child_care').driver).toBe('age_0_6');
  });

  it('vocational grant: 1500 a year for two of three years', () => {
    const v = item(catalogData(), 'edu.vocational_grant');
    expect(valueAt(v.standard!.values, 2012)).toBe(1500);
    const years = v.eligibility.find((e) => e.id === 'grant_years');
    expect(valueAt(years!.values, 2012)).toBeCloseTo(2 / 3, 2);
  });

  // Orphans: 180/270/360 a month from 2010 (民政部、财政部, 新华社 2010-12-03), raised to 200/300/400 in 2011 (新华社 2011-07-25)
  it('orphans: central fixed amount 2400 / 3600 / 4800 a year (200 / 300 / 400 a month, east / centre / west)', () => {
    const r = rule('ss_orphans');
    expect(r.kind).toBe('fixed_amount');
    expect(r.central_amount?.unit).toBe('yuan/beneficiary/year');
    expect(valueAt(r.central_amount!.values, 2011)).toEqual({ by: 'region_group', west: 4800, central: 3600, east: 2400 });
    expect(valueAt(r.central_amount!.values, 2015)).toEqual({ by: 'region_group', west: 4800, central: 3600, east: 2400 });
  });

  it('dibao: 2012 recipients and average subsidies from the Ministry of Civil Affairs bulletin', () => {
    const urban = item(catalogData(), 'ss.dibao_urban');
    const rural = item(catalogData(), 'ss.dibao_rural');
    expect(valueAt(urban.standard!.values, 2012)).toBe(239);
    expect(valueAt(rural.standard!.values, 2012)).toBe(104);
    // 民政部 2012 bulletin: the centre paid 65.1% (urban) and 60.1% (rural), in every province: a subsidy by region, not only difficult counties
    expect(rule(urban.responsibility).kind).toBe('subsidy');
    expect(rule(rural.responsibility).kind).toBe('subsidy');
    // rates solved so the national central share equals the published 75.7% (2011) and 62.5% (2012), east at half the rate
    expect(valueAt(rule('ss_dibao').central_share!.values, 2012)).toEqual({ by: 'region_group', west: 0.7859, central: 0.7859, east: 0.393 });
    // recipients: published year-end counts ÷ the driver's national sum (2012: 2143.5万 urban, 5344.5万 rural)
    expect(valueAt(urban.eligibility[0]!.values, 2012)).toBe(0.032);
    expect(valueAt(rural.eligibility[0]!.values, 2012)).toBe(0.0806);
  });

  // Employee schemes: the seed's participant targets (3 / 2.6 / 1.6 / 2.1 / 1.5亿) ÷ the driver's national sum (491.955 million)
  it('employee insurance coverage ratios reproduce the seed targets over the driver sum', () => {
    const ratios: Record<string, number> = { 'si.employee_pension': 0.6098, 'si.employee_medical': 0.5285, 'si.unemployment': 0.3252, 'si.work_injury': 0.4269, 'si.maternity': 0.3049 };
    for (const [id, ratio] of Object.entries(ratios)) {
      const i = item(catalogData(), id);
      expect(i.driver).toBe('urban_age_16_59');
      expect(valueAt(i.coverage.values, 2012)).toBe(ratio);
    }
  });

  it('employee insurance fund deficits default to zero under the county-and-above rule', () => {
    for (const id of ['si.employee_pension', 'si.employee_medical', 'si.unemployment', 'si.work_injury', 'si.maternity']) {
      const i = item(catalogData(), id);
      expect(valueAt(i.standard!.values, 2012)).toBe(0);
      expect(i.standard!.source.kind).toBe('assumption');
      expect(rule(i.responsibility).kind).toBe('county_and_above');
    }
  });

  it('local split: default tiers sum to one; municipalities have no prefecture tier', () => {
    const split = loadRules().local_split;
    expect(valueAt(split.default.through_prefecture.values, 2012)).toEqual({ province: 0.3, prefecture: 0.2, county: 0.5 });
    expect(valueAt(split.default.directly_managed.values, 2012)).toEqual({ province: 0.4, prefecture: 0, county: 0.6 });
  });
});
