/**
 * One full garbage collection between loading and computing, for a short command that loads
 * tens of MB it keeps (explain: every county of the country) and then computes. V8 sizes the old
 * generation from a small start: loading fills it, and without this V8 marks the (all live)
 * inputs incrementally while the model runs, with its write barriers on and marking threads
 * busy: about a tenth of explain's CPU time on a 2-core machine (measured: paired runs, CPU
 * user+system 1.87 s → 1.68 s median). After one collection the limit is set from what is live,
 * and the model runs with none. The same effect as `node --initial-old-space-size=32`, which a
 * command cannot give itself without starting a second process.
 *
 * V8 gives a program the collector only under --expose-gc; the flag is set at run time and the
 * collector taken from a fresh context, as V8's own test harness does. Where that is not possible
 * (another runtime, a V8 without the flag) nothing happens: the results never depend on it.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

export function settleHeap(): void {
  try {
    setFlagsFromString('--expose-gc');
    const gc: unknown = runInNewContext('gc');
    if (typeof gc === 'function') (gc as () => void)();
  } catch {
    // no collector to call: V8 then collects when it decides to
  }
}
