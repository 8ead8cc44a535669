/** One sample of the Prometheus text format. */
export interface TextSample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

/** Parses the sample lines of a Prometheus text exposition (comments skipped). */
export function parsePromText(text: string): TextSample[] {
  const samples: TextSample[] = [];
  for (const raw of text.split("\n")) {
    const line = raw.trim();
    if (!line || line.startsWith("#")) continue;
    const m = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{(.*)\})?\s+(\S+)/.exec(line);
    if (!m) continue;
    const labels: Record<string, string> = {};
    for (const l of (m[3] ?? "").matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g)) {
      labels[l[1]!] = l[2]!;
    }
    samples.push({ name: m[1]!, labels, value: Number(m[4]) });
  }
  return samples;
}

/** Samples of a counter, named with or without `_total` (collector versions differ). */
export function counter(samples: TextSample[], name: string): TextSample[] {
  const base = name.replace(/_total$/, "");
  return samples.filter((s) => s.name === base || s.name === `${base}_total`);
}

/** The sum of a counter's samples, or undefined when the counter is absent. */
export function counterSum(samples: TextSample[], name: string): number | undefined {
  const found = counter(samples, name);
  return found.length ? found.reduce((sum, s) => sum + s.value, 0) : undefined;
}
