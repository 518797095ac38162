/** Resolves once `cond()` holds, polling every 10 ms; rejects after `ms` (20 s unless given). For tests of devices and sockets. */
export async function until(cond: () => boolean, ms = 20_000, what = 'a condition'): Promise<void> {
  await waitFor(what, () => cond(), ms);
}

/** Resolves with the first truthy value of `probe()`, polling every 10 ms; rejects after `ms` naming `what`. */
export async function waitFor<T>(what: string, probe: () => T | undefined | null | false, ms = 20_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = probe();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}
