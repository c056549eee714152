type J = unknown;

const kind = (v: J): string => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);
// Objects keyed by data (drug codes such as "314076" or "E11.9") are compared as maps, not records.
const isMapLike = (o: Record<string, J>) => Object.keys(o).length > 0 && Object.keys(o).every((k) => /^[A-Z0-9.]+$/.test(k));

/** Lists every JSON path where `actual` does not have the recorded shape. */
export function shapeDiff(rec: J, act: J, path = '$'): string[] {
  if (rec === null) return [];
  if (kind(rec) !== kind(act)) return [`${path}: expected ${kind(rec)}, got ${kind(act)}`];
  if (Array.isArray(rec)) {
    const a = act as J[];
    if (rec.length === 0) return [];
    const out: string[] = [];
    a.forEach((el, i) => {
      let best: string[] | undefined;
      for (const r of rec) {
        const d = shapeDiff(r, el, `${path}[${i}]`);
        if (d.length === 0) return;
        if (!best || d.length < best.length) best = d;
      }
      out.push(...(best ?? []));
    });
    return out;
  }
  if (typeof rec === 'object') {
    const r = rec as Record<string, J>;
    const a = act as Record<string, J>;
    if (isMapLike(r)) {
      const sample = Object.values(r);
      return Object.entries(a).flatMap(([k, v]) => {
        const diffs = sample.map((s) => shapeDiff(s, v, `${path}.${k}`));
        return diffs.find((d) => d.length === 0) ?? diffs[0] ?? [];
      });
    }
    const out: string[] = [];
    for (const k of Object.keys(r)) if (!(k in a)) out.push(`${path}.${k}: missing`);
    for (const k of Object.keys(a)) if (!(k in r)) out.push(`${path}.${k}: unexpected key`);
    for (const k of Object.keys(r)) if (k in a) out.push(...shapeDiff(r[k], a[k], `${path}.${k}`));
    return out;
  }
  return [];
}
