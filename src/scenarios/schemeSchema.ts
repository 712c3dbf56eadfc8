/**
 * Schemas for transfer schemes:
 * - the scheme data files (data/schemes/<id>.yaml): a scheme's formula, its source, and the
 *   default of each setting with a unit and a source;
 * - a scenario's `scheme:` section: the scheme to use and any settings to override, either a
 *   bare id (`scheme: equal_per_capita`) or `{ name: china_equalization, settings: {…} }`.
 * `resolveScheme` merges a scenario's settings over the data defaults into a SchemeConfig.
 */
import { z } from 'zod';
import { Source } from '../input/sourceSchema.ts';
import { SCHEMES, SCHEME_IDS, type SchemeConfig, type SchemeId } from '../model/transfers/schemes/registry.ts';

interface SettingSpec {
  readonly min: number;
  readonly max: number;
  /** null switches the setting off */
  readonly nullable?: boolean;
}

/** Allowed range of every setting (checked in data files and scenarios alike). */
export const SETTING_SPECS: Readonly<Record<string, SettingSpec>> = {
  difficulty_weight: { min: 0, max: 10 },
  must_fund_weight: { min: 0, max: 1 },
  difficulty_min: { min: 0, max: 100 },
  difficulty_max: { min: 0, max: 100 },
  revenue_floor_per_resident: { min: 0, max: 1e6 },
  growth_cap: { min: -1, max: 100, nullable: true },
  growth_floor: { min: -1, max: 100, nullable: true },
  award_share: { min: 0, max: 1 },
  match_rate_east: { min: 0, max: 100 },
  match_rate_central: { min: 0, max: 100 },
  match_rate_west: { min: 0, max: 100 },
  revenue_inclusion_rate: { min: 0, max: 1 },
  relativity_floor: { min: 0, max: 100 },
  cap_ratio: { min: 0, max: 100 },
};

function settingValue(name: string): z.ZodType<number | null> {
  const spec = SETTING_SPECS[name];
  if (!spec) throw new Error(`no spec for scheme setting ${name}`);
  const n = z.number().min(spec.min).max(spec.max);
  return spec.nullable ? n.nullable() : n;
}

export const SchemeSettingDefault = z.strictObject({
  unit: z.string().min(1),
  description: z.string().min(3),
  value: z.number().nullable(),
  source: Source,
});

export const SchemeDataFile = z
  .strictObject({
    scheme: z.enum(SCHEME_IDS),
    title: z.string().min(3),
    formula: z.string().min(3),
    source: Source,
    settings: z.record(z.string(), SchemeSettingDefault),
  })
  .superRefine((f, ctx) => {
    const expected = SCHEMES[f.scheme].settings;
    for (const name of expected) {
      if (!f.settings[name]) ctx.addIssue({ code: 'custom', path: ['settings'], message: `setting ${name} is missing` });
    }
    for (const [name, s] of Object.entries(f.settings)) {
      if (!expected.includes(name)) {
        ctx.addIssue({ code: 'custom', path: ['settings', name], message: `${f.scheme} has no setting ${name} (it has ${expected.join(', ') || 'none'})` });
        continue;
      }
      const r = settingValue(name).safeParse(s.value);
      if (!r.success) ctx.addIssue({ code: 'custom', path: ['settings', name, 'value'], message: r.error.issues[0]?.message ?? 'invalid value' });
    }
  });
export type SchemeDataFile = z.infer<typeof SchemeDataFile>;

const NamedScheme = z
  .strictObject({
    name: z.enum(SCHEME_IDS),
    settings: z.record(z.string(), z.number().nullable()).optional(),
    note: z.string().optional(),
  })
  .superRefine((s, ctx) => {
    const expected = SCHEMES[s.name].settings;
    for (const [name, value] of Object.entries(s.settings ?? {})) {
      if (!expected.includes(name)) {
        ctx.addIssue({ code: 'custom', path: ['settings', name], message: `${s.name} has no setting ${name} (it has ${expected.join(', ') || 'none'})` });
        continue;
      }
      const r = settingValue(name).safeParse(value);
      if (!r.success) ctx.addIssue({ code: 'custom', path: ['settings', name], message: r.error.issues[0]?.message ?? 'invalid value' });
    }
  });

/** A scenario's `scheme:` section: a bare scheme id, or a name with settings to override. */
export const ScenarioScheme = z.union([z.enum(SCHEME_IDS).transform((name) => ({ name })), NamedScheme]);

export interface SchemeSpec {
  readonly name: SchemeId;
  readonly settings?: Readonly<Record<string, number | null>>;
}

/** The defaults of every scheme, from its data file. */
export type SchemeDefaults = ReadonlyMap<SchemeId, SchemeDataFile>;

/** A scheme's settings: the data file's defaults with the spec's overrides on top. */
export function resolveScheme(spec: SchemeSpec, defaults: SchemeDefaults): SchemeConfig {
  const file = defaults.get(spec.name);
  if (!file) throw new RangeError(`no data file for scheme ${spec.name}`);
  const settings: Record<string, number | null> = {};
  for (const name of SCHEMES[spec.name].settings) {
    const override = spec.settings?.[name];
    settings[name] = override !== undefined ? override : file.settings[name]!.value;
    if (settings[name] === null && !SETTING_SPECS[name]!.nullable) throw new RangeError(`${spec.name}.${name} cannot be null`);
  }
  if (spec.name === 'china_equalization') {
    if (settings['difficulty_min']! > settings['difficulty_max']!) throw new RangeError('china_equalization: difficulty_min is above difficulty_max');
    const cap = settings['growth_cap'];
    const floor = settings['growth_floor'];
    if (cap !== null && cap !== undefined && floor !== null && floor !== undefined && floor > cap) throw new RangeError('china_equalization: growth_floor is above growth_cap');
  }
  return { id: spec.name, settings } as unknown as SchemeConfig;
}
