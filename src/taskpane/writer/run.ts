/**
 * How the pane's writers reach Excel: `Excel.run` (or a fake, in tests and the benchmark), and
 * `context.sync` counted, so each writer reports its round trips. The one place either is written.
 */

export type RunFn = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/** Excel.run itself: the writers' default. */
export const excelRun: RunFn = (batch) => Excel.run(batch);

/** `context.sync`, counted: `count` is the round trips made so far (from `before`). */
export interface SyncCounter {
  sync(context: Excel.RequestContext): Promise<void>;
  readonly count: number;
}

/** A counter of round trips: each writer's every `context.sync` goes through one, and its report gives the count. */
export function syncCounter(before = 0): SyncCounter {
  let count = before;
  return {
    async sync(context) {
      count++;
      await context.sync();
    },
    get count() {
      return count;
    },
  };
}
