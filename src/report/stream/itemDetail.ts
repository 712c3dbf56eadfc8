/**
 * How much item detail `run` writes, and the files each level writes: a module of its own,
 * with no imports, so that the command line can offer the choice without loading the writers.
 */

/** every county × item × year (items.csv with item_sources.csv), one row per item × year (items_summary.csv), or none */
export const ITEM_DETAILS = ['full', 'summary', 'none'] as const;
export type ItemDetail = (typeof ITEM_DETAILS)[number];

/** The companion of items.csv: one row per item and year with its names, driver, rule and the source of its standard. */
export const ITEM_SOURCES_FILE = 'item_sources.csv';

/** The name of the item file for a level of detail (none: no file). */
export function itemFileName(items: ItemDetail): string | undefined {
  return items === 'full' ? 'items.csv' : items === 'summary' ? 'items_summary.csv' : undefined;
}

/** The files a level of detail writes beside its item file: item_sources.csv (each item's source, once per item and year) with `full`. */
export function itemCompanionFiles(items: ItemDetail): readonly string[] {
  return items === 'full' ? [ITEM_SOURCES_FILE] : [];
}
