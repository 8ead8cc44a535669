/**
 * An environment as a record, from `KEY=VALUE` entries: a container's `Config.Env` or a process's
 * /proc/<pid>/environ. A value may itself hold `=`; an entry without one is a key with no value.
 */
export function envFromEntries(entries: readonly string[]): Record<string, string> {
  return Object.fromEntries(
    entries.map((kv) => {
      const at = kv.indexOf("=");
      return at < 0 ? [kv, ""] : [kv.slice(0, at), kv.slice(at + 1)];
    }),
  );
}
