/**
 * Work the callback does after it has answered WeChat (the 5-second rule): detached promises whose failures are
 * logged, never thrown at a request that has already been answered. Tests and the benchmark wait for them.
 */

const pending = new Set<Promise<void>>();

export function runDetached(label: string, work: () => Promise<unknown>): void {
  const run = Promise.resolve()
    .then(work)
    .then(
      () => undefined,
      (error: unknown) => console.error(`[wechat] ${label} failed`, error),
    )
    .finally(() => pending.delete(run));
  pending.add(run);
}

/** Resolves once every detached piece of work, including work started meanwhile, has finished. */
export async function inboundWorkSettled(): Promise<void> {
  while (pending.size) await Promise.all(pending);
}
