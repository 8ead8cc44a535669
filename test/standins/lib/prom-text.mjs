// TEST STAND-IN, not the product: Prometheus text exposition format (0.0.4) rendering.

export const sanitizeName = (s) =>
  String(s)
    .replace(/[^A-Za-z0-9_:]/g, "_")
    .replace(/^(\d)/, "_$1");
export const sanitizeLabel = (s) =>
  String(s)
    .replace(/[^A-Za-z0-9_]/g, "_")
    .replace(/^(\d)/, "key_$1");
const escapeValue = (v) =>
  String(v).replace(/\\/g, "\\\\").replace(/\n/g, "\\n").replace(/"/g, '\\"');

export function formatLabels(labels) {
  const parts = Object.entries(labels)
    .filter(([, v]) => v !== undefined && v !== null && v !== "")
    .map(([k, v]) => `${k}="${escapeValue(v)}"`);
  return parts.length ? `{${parts.join(",")}}` : "";
}

export function formatNumber(n) {
  if (n === Infinity) return "+Inf";
  if (n === -Infinity) return "-Inf";
  if (Number.isNaN(n)) return "NaN";
  return String(n);
}

/**
 * families: [{ name, help, type: "counter"|"gauge"|"histogram", samples }]
 * counter/gauge samples: { labels, value }; histogram samples: { labels, bounds, counts, sum, count }
 * (counts are per-bucket, not cumulative; the last entry is the +Inf overflow bucket).
 */
export function renderFamilies(families) {
  const out = [];
  for (const f of families) {
    if (f.samples.length === 0) continue;
    out.push(`# HELP ${f.name} ${f.help ?? ""}`.trimEnd(), `# TYPE ${f.name} ${f.type}`);
    for (const s of f.samples) {
      if (f.type !== "histogram") {
        out.push(`${f.name}${formatLabels(s.labels)} ${formatNumber(s.value)}`);
        continue;
      }
      let cumulative = 0;
      s.bounds.forEach((le, i) => {
        cumulative += s.counts[i] ?? 0;
        out.push(
          `${f.name}_bucket${formatLabels({ ...s.labels, le: formatNumber(le) })} ${cumulative}`,
        );
      });
      out.push(`${f.name}_bucket${formatLabels({ ...s.labels, le: "+Inf" })} ${s.count}`);
      out.push(`${f.name}_sum${formatLabels(s.labels)} ${formatNumber(s.sum)}`);
      out.push(`${f.name}_count${formatLabels(s.labels)} ${s.count}`);
    }
  }
  return out.length ? `${out.join("\n")}\n` : "";
}
