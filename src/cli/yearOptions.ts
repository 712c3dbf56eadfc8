/**
 * Parsing of --year options: the form only. Whether the data cover a year is checked once the
 * policy data are loaded (yearCoverage.ts), so that the message can name the years they cover.
 */
import { InvalidArgumentError } from 'commander';
import { say } from '../i18n/messageLang.ts';

export function parseYear(value: string): number {
  if (!/^\d{4}$/.test(value.trim())) throw new InvalidArgumentError(say({ zh: `“${value}”不是年份（例如 2012）`, en: `"${value}" is not a year such as 2012` }));
  return Number(value.trim());
}

/** Years from "2012", "2011-2015" or "2011,2013". */
export function parseYears(value: string): number[] {
  const range = /^(\d{4})\s*[-–:]\s*(\d{4})$/.exec(value.trim());
  if (range) {
    const [a, b] = [Number(range[1]), Number(range[2])];
    if (b < a) throw new InvalidArgumentError(say({ zh: `年份范围 ${value} 前后颠倒`, en: `year range ${value} runs backwards` }));
    return Array.from({ length: b - a + 1 }, (_, i) => a + i);
  }
  return [...new Set(value.split(',').map((v) => parseYear(v.trim())))].sort((x, y) => x - y);
}
