/**
 * zod's messages in Chinese: zod's own zh-CN locale, with the type names it leaves in English
 * (string, boolean, object, undefined …) in Chinese, so that "期望 数字，实际接收 string" reads
 * "无效输入：应为数字，实际为文本“abc”".
 */
import { z } from 'zod';

const TYPE_ZH: Readonly<Record<string, string>> = {
  string: '文本',
  number: '数字',
  int: '整数',
  boolean: '是/否（true/false）',
  object: '键值表',
  array: '列表',
  undefined: '空（未填写）',
  null: '空值（null）',
  nan: '非数字（NaN）',
  bigint: '大整数',
  date: '日期',
  symbol: '符号',
  function: '函数',
};

/** The type of a value as zod names it (string, number, array, null …). */
function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number' && Number.isNaN(value)) return 'nan';
  if (value instanceof Date) return 'date';
  return typeof value;
}

/** A received value as Chinese text: its type, and a short string's text. */
function received(value: unknown): string {
  const type = typeOf(value);
  const name = TYPE_ZH[type] ?? type;
  return typeof value === 'string' && value.length <= 40 ? `${name}“${value}”` : name;
}

/** zod's zh-CN locale with Chinese type names; give it to z.config. */
export function zodLocaleZh(): { localeError: z.core.$ZodErrorMap } {
  const base = z.locales.zhCN().localeError;
  return {
    localeError: (issue) => {
      if (issue.code === 'invalid_type' && !/^[A-Z]/.test(issue.expected)) {
        return `无效输入：应为${TYPE_ZH[issue.expected] ?? issue.expected}，实际为${received(issue.input)}`;
      }
      return base(issue);
    },
  };
}
