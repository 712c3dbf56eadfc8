/**
 * Published figures the model is checked against (data/validation/*.yaml, `fiscal-sim validate`):
 * each names the year, the scope, what to sum in a run (the measure), the published value, its
 * unit, a tolerance band with its reason, and a source. A figure the model does not represent
 * in full (a published total with lines the model leaves out) is `compare: reference`: printed
 * beside the model's figure with the reason, never failing the check.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { InputError, type InputProblem } from './inputError.ts';
import { Source } from './sourceSchema.ts';
import { readYamlFile, validateYaml } from './yamlFile.ts';
import { DEFAULT_VALIDATION_DIR } from './bundledPaths.ts';

export const ITEM_QUANTITIES = ['beneficiaries', 'cost', 'central', 'provincial', 'prefecture', 'county', 'local', 'standard'] as const;
export type ItemQuantity = (typeof ITEM_QUANTITIES)[number];

const ItemPattern = z.string().regex(/^[a-z_]+\.[a-z0-9_]*\*?$/, 'an item id, or a prefix ending in *');

export const Measure = z.union([
  // county_flag: only counties with that flag (the national nutrition pilot, for instance)
  z.strictObject({ quantity: z.enum(ITEM_QUANTITIES), items: z.array(ItemPattern).min(1), county_flag: z.string().regex(/^[a-z_]+$/).optional() }),
  z.strictObject({ quantity: z.literal('transfer'), mechanism: z.string().regex(/^[a-z_]+$/), items: z.array(ItemPattern).min(1).optional() }),
  z.strictObject({ quantity: z.literal('transfer'), mechanisms: z.array(z.string().regex(/^[a-z_]+$/)).min(1) }),
]);
export type Measure = z.infer<typeof Measure>;

export const ValidationFigure = z
  .strictObject({
    id: z.string().regex(/^[a-z0-9_]+$/),
    name_zh: z.string().min(2),
    name_en: z.string().min(2),
    year: z.number().int().min(2000).max(2100),
    scope: z.union([z.literal('national'), z.literal('ethnic_provinces'), z.string().regex(/^\d{2}0000$/)]),
    measure: Measure,
    published: z.number().min(0),
    unit: z.enum(['persons', 'yuan', 'person_times', 'yuan_per_person']),
    band: z.number().min(0).max(1),
    band_reason: z.string().min(10),
    compare: z.enum(['band', 'reference']).default('band'),
    reference_reason: z.string().min(10).optional(),
    source: Source,
  })
  .refine((f) => f.compare !== 'reference' || f.reference_reason !== undefined, { message: 'a reference figure needs reference_reason: why the model does not represent it in full', path: ['reference_reason'] });
export type ValidationFigure = z.infer<typeof ValidationFigure>;

export const ValidationFile = z.strictObject({ figures: z.array(ValidationFigure) });

export { DEFAULT_VALIDATION_DIR };

export interface LoadedFigure extends ValidationFigure {
  readonly file: string;
}

/** Every figure of every YAML file in the folder, ids checked unique; all problems at once. */
export function loadValidationFigures(dir: string = DEFAULT_VALIDATION_DIR): LoadedFigure[] {
  const problems: InputProblem[] = [];
  let files: string[];
  try {
    files = readdirSync(dir).filter((f) => /\.ya?ml$/.test(f)).sort();
  } catch (e) {
    throw new InputError([{ file: dir, message: `cannot read the validation folder: ${(e as Error).message}` }]);
  }
  const out: LoadedFigure[] = [];
  const seen = new Map<string, string>();
  for (const f of files) {
    const file = join(dir, f);
    try {
      const data = validateYaml(readYamlFile(file), ValidationFile);
      for (const fig of data.figures) {
        const earlier = seen.get(fig.id);
        if (earlier) problems.push({ file, field: fig.id, message: `figure id ${fig.id} is also in ${earlier}` });
        seen.set(fig.id, file);
        out.push({ ...fig, file });
      }
    } catch (e) {
      if (e instanceof InputError) problems.push(...e.problems);
      else throw e;
    }
  }
  if (problems.length) throw new InputError(problems);
  return out;
}
