/** settleHeap (src/cli/settleHeap.ts) runs a full collection: an object nothing refers to is gone after it. */
import { setTimeout as tick } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { settleHeap } from '../../src/cli/settleHeap.ts';

describe('settleHeap', () => {
  it('collects what is unreachable, and leaves no gc on the global object', async () => {
    // made in a function, so that nothing in this one refers to it
    const ref = ((): WeakRef<object> => new WeakRef({ big: new Array<number>(1000).fill(1) }))();
    // a WeakRef's target is kept until the current job ends
    await tick(0);
    settleHeap();
    expect(ref.deref()).toBeUndefined();
    expect((globalThis as { gc?: unknown }).gc).toBeUndefined();
  });
});
