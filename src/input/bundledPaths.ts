/**
 * Where the bundled files are: data/, the county files and the published figures, found from
 * the package root. This module sits two folders below the root both in the TypeScript
 * sources (src/input/) and in the compiled CLI (dist/input/), so either finds the same files.
 * It imports nothing, so that a command can name its defaults without loading any reader.
 */
import { fileURLToPath } from 'node:url';

export const PACKAGE_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const DEFAULT_DATA_DIR = fileURLToPath(new URL('../../data/', import.meta.url));
export const DEFAULT_VALIDATION_DIR = fileURLToPath(new URL('../../data/validation/', import.meta.url));
export const DEFAULT_COUNTIES = fileURLToPath(new URL('../../data/counties/guangdong_2012.csv', import.meta.url));
export const NATIONAL_COUNTIES = fileURLToPath(new URL('../../data/counties/china_2012.csv', import.meta.url));
