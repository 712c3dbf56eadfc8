/** Parsing of --year options. */
import { InvalidArgumentError } from 'commander';
import { MAX_YEAR, MIN_YEAR } from '../input/fileLimits.ts';

export function parseYear(value: string): number {
  if (!/^\d{4}$/.test(value)) throw new InvalidArgumentError(`"${value}" is not a year such as 2012`);
  const year = Number(value);
  if (year > MAX_YEAR) throw new InvalidArgumentError(`${year} is too far ahead: the latest year accepted is ${MAX_YEAR} / 年份超出上限 ${MAX_YEAR}`);
  if (year < MIN_YEAR) throw new InvalidArgumentError(`${year} is too early: the earliest year accepted is ${MIN_YEAR} / 年份早于下限 ${MIN_YEAR}`);
  return year;
}

/** Years from "2012", "2011-2015" or "2011,2013". */
export function parseYears(value: string): number[] {
  const range = /^(\d{4})\s*[-–:]\s*(\d{4})$/.exec(value.trim());
  if (range) {
    const [a, b] = [Number(range[1]), Number(range[2])];
    if (b < a) throw new InvalidArgumentError(`year range ${value} runs backwards`);
    parseYear(String(a));
    parseYear(String(b));
    return Array.from({ length: b - a + 1 }, (_, i) => a + i);
  }
  return [...new Set(value.split(',').map((v) => parseYear(v.trim())))].sort((x, y) => x - y);
}

