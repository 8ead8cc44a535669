/** Small numeric and formatting helpers shared by the benchmark's measures. */

export const median = (xs: readonly number[]): number => {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

export const max = (xs: readonly number[]): number => (xs.length ? Math.max(...xs) : NaN);

/** A positive whole number from the environment, or the default. */
export function envInt(name: string, fallback: number): number {
  const text = process.env[name];
  if (text === undefined || text === "") return fallback;
  const n = Number(text);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`${name}=${text}: not a positive integer`);
  return n;
}

/** `digits`, or one more when the value would round onto `target` without being it. */
const precision = (x: number, digits: number, target?: number) =>
  target !== undefined && x !== target && x.toFixed(digits) === target.toFixed(digits)
    ? digits + 1
    : digits;

/** "1234 ms" (a decimal more when it would round onto `target`), or "—". */
export const ms = (x: number, target?: number): string =>
  Number.isFinite(x) ? `${x.toFixed(precision(x, 0, target))} ms` : "—";

/** "1.23×" (a decimal more when it would round onto `target`), or "—". */
export const ratio = (a: number, b: number, target?: number): string =>
  Number.isFinite(a / b) ? `${(a / b).toFixed(precision(a / b, 2, target))}×` : "—";

/** 12345 → "12,345" */
export const count = (n: number): string =>
  Number.isFinite(n) ? Math.round(n).toLocaleString("en-US") : "—";

export const sleep = (msToWait: number) =>
  new Promise<void>((resolve) => setTimeout(resolve, msToWait));
