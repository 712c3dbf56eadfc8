/**
 * Progress for long batches (one report per county of the whole country): a cli-progress
 * bar when stderr is a terminal, plain lines otherwise (CI logs, files), at most every
 * 10% or every few seconds, and a final line with the time taken.
 */
import cliProgress from 'cli-progress';
import { say } from '../i18n/messageLang.ts';

export interface Progress {
  /** `n` more units done; `what` names the last one (e.g. a county) */
  tick(n?: number, what?: string): void;
  /** finish: the bar is stopped and the final line printed */
  stop(): void;
}

export interface ProgressOptions {
  readonly stream?: NodeJS.WriteStream;
  /** print nothing */
  readonly quiet?: boolean;
  /** force plain lines (default: plain unless the stream is a TTY) */
  readonly plain?: boolean;
  /** minimum seconds between plain lines (default 5) */
  readonly interval?: number;
  /** clock, for tests */
  readonly now?: () => number;
}

export function createProgress(total: number, label: string, options: ProgressOptions = {}): Progress {
  const stream = options.stream ?? process.stderr;
  const now = options.now ?? ((): number => performance.now());
  const started = now();
  let done = 0;
  if (options.quiet) return { tick: (n = 1) => void (done += n), stop: () => undefined };
  if (!options.plain && stream.isTTY) {
    const bar = new cliProgress.SingleBar(
      { format: `${label} [{bar}] {percentage}% | {value}/{total} | ${say({ zh: '已用 {duration_formatted}，预计还需 {eta_formatted}', en: '{duration_formatted} elapsed, ETA {eta_formatted}' })} | {what}`, stream, hideCursor: true, clearOnComplete: false, etaBuffer: 50, fps: 10 },
      cliProgress.Presets.shades_classic,
    );
    bar.start(total, 0, { what: '' });
    return {
      tick(n = 1, what = '') {
        done += n;
        bar.update(done, { what });
      },
      stop() {
        bar.stop();
      },
    };
  }
  const interval = (options.interval ?? 5) * 1000;
  let lastTime = started;
  let lastDecile = 0;
  const seconds = (): string => ((now() - started) / 1000).toFixed(1);
  const sep = say({ zh: '：', en: ': ' });
  stream.write(`${label}${sep}0/${total}\n`);
  return {
    tick(n = 1, what = '') {
      done += n;
      const decile = total > 0 ? Math.floor((done / total) * 10) : 10;
      const t = now();
      if (done < total && (decile > lastDecile || t - lastTime >= interval)) {
        lastDecile = decile;
        lastTime = t;
        stream.write(`${label}${sep}${done}/${total} (${total ? Math.floor((done / total) * 100) : 100}%) ${seconds()} ${say({ zh: '秒', en: 's' })}${what ? ` — ${what}` : ''}\n`);
      }
    },
    stop() {
      stream.write(say({ zh: `${label}：${done}/${total}，完成，用时 ${seconds()} 秒\n`, en: `${label}: ${done}/${total} done in ${seconds()} s\n` }));
    },
  };
}
