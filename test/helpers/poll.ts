/**
 * Reads `read` every `everyMs` until `done` accepts its value or `ms` pass; returns the last
 * value, so the test's own assertion says what was missing.
 */
export async function eventually<T>(
  read: () => Promise<T>,
  done: (v: T) => boolean,
  ms = 45_000,
  everyMs = 250,
): Promise<T> {
  const deadline = Date.now() + ms;
  let value = await read();
  while (!done(value) && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, everyMs));
    value = await read();
  }
  return value;
}
