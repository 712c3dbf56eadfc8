/**
 * The set of counties a run computes over. The central equalization pool is shared among
 * all 31 provinces, so a run always covers the whole country: the user's file supplies its
 * provinces, and the bundled national file (the reference) supplies the rest. Reports cover
 * the user's counties (optionally one province of them).
 */
import { resolve } from 'node:path';
import { loadCountyFile } from '../input/countyFile.ts';
import { InputError } from '../input/inputError.ts';
import { defaultCache } from '../input/inputCache.ts';
import { resolveProvince } from '../input/placeNames.ts';
import type { County } from '../model/county.ts';
import { DEFAULT_COUNTIES, NATIONAL_COUNTIES } from '../input/bundledPaths.ts';
import { say } from '../i18n/messageLang.ts';

export { DEFAULT_COUNTIES, NATIONAL_COUNTIES };

export interface CountySet {
  readonly counties: County[];
  /** indexes of the counties the reports cover */
  readonly focus: number[];
  readonly sources: string[];
  readonly notes: string[];
}

export interface CountySetOptions {
  readonly countiesFile?: string;
  /** national file used for provinces the user's file lacks; 'none' computes over the user's file alone */
  readonly reference?: string;
  readonly province?: string;
  /** called with each county file's path and the bytes its counties are read from, in the order of `sources` */
  readonly onSource?: (file: string, bytes: Uint8Array) => void;
  /** counties from the input cache build their drivers and dated columns when first read (for a command that reads few counties'; the values are the same) */
  readonly lazily?: boolean;
}

export function loadCountySet(options: CountySetOptions): CountySet {
  const file = resolve(options.countiesFile ?? DEFAULT_COUNTIES);
  const cache = { ...defaultCache(), lazily: options.lazily === true };
  const own = loadCountyFile(file, cache, options.onSource && ((bytes) => options.onSource!(file, bytes)));
  const counties = [...own.counties];
  const sources = [file];
  const notes: string[] = [];
  const ownProvinces = new Set(own.counties.map((c) => c.provinceCode));
  const reference = options.reference ?? NATIONAL_COUNTIES;
  if (reference !== 'none' && ownProvinces.size < 31 && resolve(reference) !== file) {
    const refFile = resolve(reference);
    const ref = loadCountyFile(refFile, cache, options.onSource && ((bytes) => options.onSource!(refFile, bytes)));
    const added = ref.counties.filter((c) => !ownProvinces.has(c.provinceCode));
    for (const c of added) counties.push(c);
    sources.push(resolve(reference));
    const others = new Set(added.map((c) => c.provinceCode)).size;
    notes.push(say({
      zh: `中央均衡性转移支付在全国各省间分配：其他 ${others} 个省的 ${added.length} 个县取自 ${reference}`,
      en: `the central equalization pool is shared among all provinces: ${added.length} counties of ${others} other provinces come from ${reference}`,
    }));
  }
  let focus = own.counties.map((_, i) => i);
  if (options.province) {
    const { code, problem } = resolveProvince(options.province);
    if (!code) throw new InputError([{ file: '--province', message: problem ?? '' }]);
    focus = focus.filter((i) => counties[i]!.provinceCode === code);
    if (focus.length === 0) throw new InputError([{ file, message: `no county of province ${code} in the file` }]);
  }
  return { counties, focus, sources, notes };
}
