/** Every source, catalog description and rule of the bundled policy data has its Chinese text. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { BilingualSource } from '../../src/input/sourceSchema.ts';
import { CatalogItem, ResponsibilityRule } from '../../src/input/catalogSchema.ts';

const DATA = new URL('../../data/', import.meta.url).pathname;
const files = ['standards', 'sharing', 'transfers'].flatMap((dir) => readdirSync(join(DATA, dir)).filter((f) => f.endsWith('.yaml')).map((f) => join(DATA, dir, f)));

interface Found {
  readonly file: string;
  readonly path: string;
  readonly value: Record<string, unknown>;
}

/** Every mapping with a `kind` of seed / policy / assumption: the sources. */
function sources(node: unknown, file: string, path: string, out: Found[]): Found[] {
  if (Array.isArray(node)) node.forEach((v, i) => sources(v, file, `${path}[${i}]`, out));
  else if (node && typeof node === 'object') {
    const o = node as Record<string, unknown>;
    if (o['kind'] === 'seed' || o['kind'] === 'policy' || o['kind'] === 'assumption') out.push({ file, path, value: o });
    for (const [k, v] of Object.entries(o)) sources(v, file, path ? `${path}.${k}` : k, out);
  }
  return out;
}

const all = files.flatMap((f) => sources(parse(readFileSync(f, 'utf8')), f.slice(DATA.length), '', []));

const CJK = /[\u4e00-\u9fff]/;
/** A text with Chinese in it. */
const zh = (v: unknown): boolean => typeof v === 'string' && CJK.test(v);

describe('Chinese texts of the bundled policy data', () => {
  it('finds the sources of the three folders', () => {
    expect(files.map((f) => f.slice(DATA.length)).sort()).toContain('sharing/rules.yaml');
    expect(all.filter((s) => s.value['kind'] === 'assumption').length).toBeGreaterThan(180);
    expect(all.filter((s) => s.value['kind'] === 'policy' && s.value['note'] !== undefined).length).toBeGreaterThan(40);
  });

  it('gives every assumption its reasoning in Chinese and every policy note its Chinese note', () => {
    const missing = all.filter(({ value: s }) => (s['kind'] === 'assumption' && !zh(s['reasoning_zh'])) || (s['kind'] === 'policy' && s['note'] !== undefined && !zh(s['note_zh'])));
    expect(missing.map((m) => `${m.file} ${m.path}`)).toEqual([]);
  });

  it('gives every eligibility factor, no-cost reason, standard note and rule its Chinese text', () => {
    const missing: string[] = [];
    for (const f of files.filter((x) => x.includes('/standards/'))) {
      const doc = parse(readFileSync(f, 'utf8')) as { items: Array<Record<string, unknown> & { id: string }> };
      for (const item of doc.items) {
        for (const e of (item['eligibility'] ?? []) as Array<Record<string, unknown>>) if (!zh(e['description_zh'])) missing.push(`${item.id}.${String(e['id'])}`);
        if (item['no_cost_reason'] !== undefined && !zh(item['no_cost_reason_zh'])) missing.push(`${item.id}.no_cost_reason`);
        const standard = item['standard'] as Record<string, unknown> | undefined;
        if (standard?.['note'] !== undefined && !zh(standard['note_zh'])) missing.push(`${item.id}.standard.note`);
      }
    }
    const rules = (parse(readFileSync(join(DATA, 'sharing/rules.yaml'), 'utf8')) as { rules: Array<Record<string, unknown>> }).rules;
    for (const r of rules) if (!zh(r['description_zh'])) missing.push(`rules.${String(r['id'])}`);
    expect(missing).toEqual([]);
  });

  it('refuses a source of the policy data without its Chinese text', () => {
    expect(BilingualSource.safeParse({ kind: 'assumption', reasoning: 'a guess with a reason' }).success).toBe(false);
    expect(BilingualSource.safeParse({ kind: 'assumption', reasoning: 'a guess with a reason', reasoning_zh: '有理由的估计' }).success).toBe(true);
    expect(BilingualSource.safeParse({ kind: 'policy', document: '财预〔2011〕392号', note: 'the formula' }).success).toBe(false);
    expect(BilingualSource.safeParse({ kind: 'policy', document: '财预〔2011〕392号', note: 'the formula', note_zh: '公式' }).success).toBe(true);
    expect(BilingualSource.safeParse({ kind: 'policy', document: '财预〔2011〕392号' }).success).toBe(true);
  });

  it('refuses a rule or eligibility factor without its Chinese description', () => {
    const rule = { id: 'r', kind: 'local', wording_zh: '地方政府负责', description: 'local only' };
    expect(ResponsibilityRule.safeParse(rule).success).toBe(false);
    expect(ResponsibilityRule.safeParse({ ...rule, description_zh: '仅地方负担' }).success).toBe(true);
    const item = {
      id: 'x.item', name_zh: '项目', name_en: 'item', service_zh: '服务', target_zh: '对象', target_en: 'target', driver: 'resident_pop',
      coverage: { unit: 'share', values: { 2011: 1 }, source: { kind: 'assumption', reasoning: 'everyone is covered', reasoning_zh: '所有人都被覆盖' } },
      eligibility: [{ id: 'e', description: 'a share', unit: 'share', values: { 2011: 0.5 }, source: { kind: 'assumption', reasoning: 'half of them are', reasoning_zh: '约一半的人符合条件' } }],
      no_cost_reason: 'an administrative service', no_cost_reason_zh: '行政服务', responsibility: 'local', responsibility_zh: '地方', source: { kind: 'assumption', reasoning: 'made up for the test', reasoning_zh: '为测试而设的数字' },
    };
    const problems = (v: unknown): string[] => {
      const r = CatalogItem.safeParse(v);
      return r.success ? [] : r.error.issues.map((i) => i.path.join('.'));
    };
    expect(problems(item)).toEqual(['eligibility.0.description_zh']);
    expect(problems({ ...item, eligibility: [{ ...item.eligibility[0], description_zh: '比例' }] })).toEqual([]);
    expect(problems({ ...item, eligibility: [], no_cost_reason_zh: undefined })).toEqual(['no_cost_reason_zh']);
  });
});
