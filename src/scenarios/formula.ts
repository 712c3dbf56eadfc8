/**
 * Formulas over county columns in scenario files, e.g. `= 0.3 * own_revenue / resident_pop`.
 *
 * Parsed once with mathjs (≥ 15.2.0) and then checked against a whitelist of node types and
 * functions: numbers, county columns, arithmetic, comparisons, `cond ? a : b`, and a few
 * pure math functions. Assignment, function definition, property access, matrices, imports
 * and every other mathjs function are refused. The formula is evaluated by our own tree walk,
 * never by mathjs's evaluator, so a scenario file can never run code.
 */
import { say } from '../i18n/messageLang.ts';
import { createRequire } from 'node:module';
import { Decimal } from 'decimal.js';
import type * as MathJs from 'mathjs';
import type { MathNode } from 'mathjs';
import type { CompiledFormula, Evaluate, FormulaLocation, FormulaScope } from '../input/compiledFormula.ts';
import { DRIVER_COLUMNS } from '../input/countyColumns.ts';

/**
 * mathjs's parser, loaded on the first formula rather than with the program: mathjs takes
 * over a second to load, and most runs have no formula. require() keeps compileFormula
 * synchronous (mathjs ships a CommonJS build beside its ES modules).
 */
let mathParse: typeof MathJs.parse | undefined;
function mathParser(): typeof MathJs.parse {
  mathParse ??= (createRequire(import.meta.url)('mathjs') as typeof MathJs).parse;
  return mathParse;
}

/** round(x, n): x to n decimals (default 0), half away from zero, in decimal arithmetic (so round(1.005, 2) = 1.01). */
function roundTo(x: number, n = 0): number {
  if (!Number.isInteger(n) || n < 0 || n > 10) throw new FormulaError(say({ zh: `round(x, n)：n 须为 0 到 10 之间的整数位数，而不是 ${n}`, en: `round(x, n): n must be a whole number of decimals from 0 to 10, not ${n}` }));
  if (!Number.isFinite(x)) return x;
  const r = new Decimal(x).toDecimalPlaces(n, Decimal.ROUND_HALF_UP).toNumber();
  return r === 0 ? 0 : r;
}

/** log(x) is the natural logarithm; log(x, base) the logarithm to that base (exact for bases 2 and 10 at their powers). */
function logarithm(x: number, base?: number): number {
  if (!(x > 0)) throw new FormulaError(say({ zh: `log(${x}${base === undefined ? '' : `, ${base}`}) 无值：对数的自变量须大于 0`, en: `log(${x}${base === undefined ? '' : `, ${base}`}) has no value: the logarithm needs a number above 0` }));
  if (base === undefined) return Math.log(x);
  if (!(base > 0) || base === 1) throw new FormulaError(say({ zh: `log(${x}, ${base}) 无值：底数须大于 0 且不等于 1`, en: `log(${x}, ${base}) has no value: the base must be above 0 and not 1` }));
  if (base === 10) return Math.log10(x);
  if (base === 2) return Math.log2(x);
  return Math.log(x) / Math.log(base);
}

function squareRoot(x: number): number {
  if (x < 0) throw new FormulaError(say({ zh: `sqrt(${x}) 无实数值：平方根的自变量须不小于 0`, en: `sqrt(${x}) has no real value: the square root needs a number of 0 or more` }));
  return Math.sqrt(x);
}

/** The functions a formula may call, with the number of arguments each takes. */
export const FORMULA_FUNCTIONS: Readonly<Record<string, { readonly fn: (...args: number[]) => number; readonly minArgs: number; readonly maxArgs: number }>> = {
  min: { fn: Math.min, minArgs: 1, maxArgs: Infinity },
  max: { fn: Math.max, minArgs: 1, maxArgs: Infinity },
  abs: { fn: Math.abs, minArgs: 1, maxArgs: 1 },
  round: { fn: roundTo, minArgs: 1, maxArgs: 2 },
  floor: { fn: Math.floor, minArgs: 1, maxArgs: 1 },
  ceil: { fn: Math.ceil, minArgs: 1, maxArgs: 1 },
  sqrt: { fn: squareRoot, minArgs: 1, maxArgs: 1 },
  log: { fn: logarithm, minArgs: 1, maxArgs: 2 },
  exp: { fn: Math.exp, minArgs: 1, maxArgs: 1 },
};

const BINARY: Readonly<Record<string, (a: number, b: number) => number>> = {
  add: (a, b) => a + b,
  subtract: (a, b) => a - b,
  multiply: (a, b) => a * b,
  divide: (a, b) => {
    if (b === 0) throw new FormulaError(say({ zh: `除数为零（${a} / 0）`, en: `division by zero (${a} / 0)` }));
    return a / b;
  },
  pow: (a, b) => {
    const v = a ** b;
    if (Number.isNaN(v)) throw new FormulaError(say({ zh: `${a} ^ ${b} 无实数值`, en: `${a} ^ ${b} has no real value` }));
    return v;
  },
  smaller: (a, b) => (a < b ? 1 : 0),
  larger: (a, b) => (a > b ? 1 : 0),
  smallerEq: (a, b) => (a <= b ? 1 : 0),
  largerEq: (a, b) => (a >= b ? 1 : 0),
  equal: (a, b) => (a === b ? 1 : 0),
  unequal: (a, b) => (a !== b ? 1 : 0),
  and: (a, b) => (a && b ? 1 : 0),
  or: (a, b) => (a || b ? 1 : 0),
};

const UNARY: Readonly<Record<string, (a: number) => number>> = {
  unaryMinus: (a) => -a,
  unaryPlus: (a) => a,
  not: (a) => (a ? 0 : 1),
};

/** Names a formula may use: county drivers, flags, cost index, and the year's fiscal figures. */
export type { CompiledFormula, Evaluate, FormulaLocation, FormulaScope };

export const FORMULA_SYMBOLS: readonly string[] = [
  ...DRIVER_COLUMNS,
  'directly_managed',
  'difficult',
  'nutrition_pilot',
  'tier_2018',
  'cost_index',
  'own_revenue',
  'other_std_expenditure',
  'general_expenditure',
];


export class FormulaError extends Error {
  /** 1-based character offset in the formula text where the problem is, when known */
  readonly offset?: number;
  constructor(message: string, offset?: number) {
    super(message);
    this.name = 'FormulaError';
    this.offset = offset;
  }
}

function symbolValue(name: string, scope: FormulaScope): number {
  const c = scope.county;
  switch (name) {
    case 'directly_managed':
      return c.directlyManaged ? 1 : 0;
    case 'difficult':
      return c.difficult ? 1 : 0;
    case 'nutrition_pilot':
      return c.nutritionPilot ? 1 : 0;
    case 'tier_2018':
      return c.tier2018;
    case 'cost_index':
      return c.costIndex;
    case 'own_revenue':
    case 'other_std_expenditure':
    case 'general_expenditure': {
      const byYear = c.fiscal[name] ?? {};
      const years = Object.keys(byYear).map(Number).filter((y) => y <= scope.year).sort((a, b) => b - a);
      const v = years.length ? byYear[years[0]!] : undefined;
      if (v === undefined) throw new FormulaError(say({ zh: `县 ${c.code} 没有 ${scope.year} 年或更早的 ${name}`, en: `county ${c.code} has no ${name} for ${scope.year} or earlier` }));
      return v;
    }
    default:
      return c.drivers[name] ?? 0;
  }
}

function compileNode(node: MathNode): Evaluate {
  switch (node.type) {
    case 'ConstantNode': {
      const v = (node as unknown as { value: unknown }).value;
      if (typeof v !== 'number') throw new FormulaError(say({ zh: `常量只能是数字，不能是 ${JSON.stringify(v)}`, en: `only numbers are allowed as constants, not ${JSON.stringify(v)}` }));
      if (!Number.isFinite(v)) throw new FormulaError(say({ zh: `常量 ${String(v)} 不是有限数`, en: `the constant ${String(v)} is not a finite number` }));
      return () => v;
    }
    case 'SymbolNode': {
      const name = (node as unknown as { name: string }).name;
      if (!FORMULA_SYMBOLS.includes(name)) throw new FormulaError(say({ zh: `未知名称“${name}”（公式可使用的县级数据列：${FORMULA_SYMBOLS.join('、')}）`, en: `unknown name "${name}" (a formula may use county columns: ${FORMULA_SYMBOLS.join(', ')})` }));
      return (scope) => symbolValue(name, scope);
    }
    case 'ParenthesisNode':
      return compileNode((node as unknown as { content: MathNode }).content);
    case 'OperatorNode': {
      const op = node as unknown as { fn: string; op: string; args: MathNode[] };
      if (op.args.length === 1) {
        const f = UNARY[op.fn];
        if (!f) throw new FormulaError(say({ zh: `不允许使用运算符“${op.op}”`, en: `operator "${op.op}" is not allowed` }));
        const a = compileNode(op.args[0]!);
        return (s) => f(a(s));
      }
      const f = BINARY[op.fn];
      if (!f || op.args.length !== 2) throw new FormulaError(say({ zh: `不允许使用运算符“${op.op}”`, en: `operator "${op.op}" is not allowed` }));
      const a = compileNode(op.args[0]!);
      const b = compileNode(op.args[1]!);
      return (s) => f(a(s), b(s));
    }
    case 'ConditionalNode': {
      const c = node as unknown as { condition: MathNode; trueExpr: MathNode; falseExpr: MathNode };
      const cond = compileNode(c.condition);
      const t = compileNode(c.trueExpr);
      const e = compileNode(c.falseExpr);
      return (s) => (cond(s) ? t(s) : e(s));
    }
    case 'FunctionNode': {
      const fnNode = node as unknown as { fn: MathNode; args: MathNode[] };
      const name = fnNode.fn.type === 'SymbolNode' ? (fnNode.fn as unknown as { name: string }).name : undefined;
      const f = name !== undefined && Object.hasOwn(FORMULA_FUNCTIONS, name) ? FORMULA_FUNCTIONS[name] : undefined;
      if (!f || name === undefined) throw new FormulaError(say({ zh: `不允许使用函数 ${name ?? '（表达式）'}（允许：${Object.keys(FORMULA_FUNCTIONS).join('、')}）`, en: `function ${name ?? '(expression)'} is not allowed (allowed: ${Object.keys(FORMULA_FUNCTIONS).join(', ')})` }));
      const n = fnNode.args.length;
      if (n < f.minArgs || n > f.maxArgs) {
        const wanted = f.maxArgs === Infinity ? `at least ${f.minArgs}` : f.minArgs === f.maxArgs ? `${f.minArgs}` : `${f.minArgs} or ${f.maxArgs}`;
        throw new FormulaError(say({ zh: `函数 ${name} 需要 ${wanted} 个参数，而不是 ${n} 个`, en: `function ${name} takes ${wanted} argument${wanted === '1' ? '' : 's'}, not ${n}` }));
      }
      const args = fnNode.args.map(compileNode);
      return (s) => {
        const v = f.fn(...args.map((a) => a(s)));
        if (!Number.isFinite(v)) throw new FormulaError(say({ zh: `${name}(…) 得到 ${v}，不是有限数`, en: `${name}(…) gives ${v}, which is not a finite number` }));
        return v;
      };
    }
    case 'AssignmentNode':
    case 'FunctionAssignmentNode':
      throw new FormulaError(say({ zh: '公式中不允许赋值或定义函数', en: 'assignment and function definition are not allowed in a formula' }));
    default:
      throw new FormulaError(say({ zh: `公式中不允许 ${node.type.replace(/Node$/, '').toLowerCase()} 表达式`, en: `${node.type.replace(/Node$/, '').toLowerCase()} expressions are not allowed in a formula` }));
  }
}

/** Parse and check a formula ("= …" or bare expression). Throws FormulaError with the reason. */
export function compileFormula(source: string, where?: FormulaLocation): CompiledFormula {
  const text = source.replace(/^\s*=/, '').trim();
  if (text === '') throw new FormulaError(say({ zh: '公式为空', en: 'the formula is empty' }));
  if (text.length > 500) throw new FormulaError(say({ zh: '公式超过 500 个字符', en: 'the formula is longer than 500 characters' }));
  const parse = mathParser();
  let node: MathNode;
  try {
    node = parse(text);
  } catch (e) {
    const err = e as Error & { char?: number };
    throw new FormulaError(say({ zh: `语法：${err.message}`, en: `syntax: ${err.message}` }), err.char);
  }
  const evaluate = compileNode(node);
  return { text, evaluate, ...(where ? { where } : {}) };
}

export function isFormula(value: unknown): value is string {
  return typeof value === 'string' && value.trim().startsWith('=');
}
