/**
 * The fiscal-sim command line. Commands load and validate input, call the model, and hand
 * tables to writers; no figure is computed here.
 */
import { Command } from 'commander';
import { InputError } from '../input/inputError.ts';
import { registerRunCommand } from './runCommand.ts';
import { registerExplainCommand } from './explainCommand.ts';
import { registerCompareCommand } from './compareCommand.ts';
import { registerParamsCommand } from './paramsCommand.ts';
import { registerMontecarloCommand } from './montecarloCommand.ts';
import { registerSchemesCommand } from './schemesCommand.ts';
import { registerSweepCommand } from './sweepCommand.ts';
import { registerReportCommand } from './reportCommand.ts';
import { registerValidateCommand } from './validateCommand.ts';
import { ResolutionError } from '../scenarios/resolveYear.ts';
import { ProjectionError } from '../scenarios/projection.ts';
import { FormulaError } from '../scenarios/formula.ts';

export function buildProgram(): Command {
  const program = new Command();
  program
    .name('fiscal-sim')
    .description("Who pays for basic public services in China's counties: cost sharing, transfers and each county's financing gap.")
    .showHelpAfterError()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });
  registerRunCommand(program);
  registerExplainCommand(program);
  registerCompareCommand(program);
  registerParamsCommand(program);
  registerSchemesCommand(program);
  registerSweepCommand(program);
  registerMontecarloCommand(program);
  registerReportCommand(program);
  registerValidateCommand(program);
  return program;
}

export async function main(argv: string[]): Promise<number> {
  try {
    await buildProgram().parseAsync(argv);
    // a command that found a problem it reports itself (validate) sets the exit code
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (e) {
    if (e instanceof InputError) {
      process.stderr.write(`fiscal-sim: ${e.message}\nNothing was written.\n`);
      return 2;
    }
    if (e instanceof ResolutionError || e instanceof ProjectionError || e instanceof FormulaError) {
      process.stderr.write(`fiscal-sim: ${e.message}\nNothing was written.\n`);
      return 2;
    }
    if (e instanceof Error && 'code' in e && typeof e.code === 'string' && e.code.startsWith('commander.')) {
      return 'exitCode' in e && typeof e.exitCode === 'number' ? e.exitCode : 1;
    }
    throw e;
  }
}

const isEntry = process.argv[1] !== undefined && import.meta.url === new URL(`file://${process.argv[1]}`).href;
if (isEntry) {
  main(process.argv).then((code) => process.exit(code), (e: unknown) => {
    process.stderr.write(`fiscal-sim: unexpected error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exit(1);
  });
}
