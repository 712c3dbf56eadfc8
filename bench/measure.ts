/** Timing and memory helpers shared by the benchmarks. */

export function mb(bytes: number): string {
  return `${(bytes / 2 ** 20).toFixed(0)} MB`;
}

/** Run `fn`, sampling resident memory every 5 ms (worker threads are part of the process); returns seconds and peak RSS. */
export async function measure<T>(fn: () => T | Promise<T>): Promise<{ value: T; seconds: number; peakRss: number }> {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
  const t0 = performance.now();
  const value = await fn();
  const seconds = (performance.now() - t0) / 1000;
  clearInterval(timer);
  return { value, seconds, peakRss: Math.max(peak, process.memoryUsage().rss) };
}
