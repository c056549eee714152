// UCUM codes as OpenEMR emits them (bracketed in `code`, unbracketed in `unit`) mapped to what a patient should read.
const DISPLAY: Record<string, string> = {
  lb_av: 'lb', in_i: 'in', degF: '°F', Cel: '°C', 'mm[Hg]': 'mmHg', mmHg: 'mmHg',
  '/min': '/min', '{beats}/min': '/min', '{breaths}/min': '/min', '%': '%',
  'kg/m2': 'kg/m²', 'mL/min/{1.73_m2}': 'mL/min/1.73 m²', 'mL/min/1.73m2': 'mL/min/1.73 m²',
  '10*3/uL': '×10³/µL', '10*6/uL': '×10⁶/µL', '10*9/L': '×10⁹/L', '10*12/L': '×10¹²/L',
  ug: 'µg', 'ug/dL': 'µg/dL', 'ug/L': 'µg/L', uL: 'µL', 'u[IU]/mL': 'µIU/mL', '[IU]/L': 'IU/L', 'm[IU]/L': 'mIU/L',
  kg: 'kg', cm: 'cm', g: 'g', 'L/min': 'L/min',
};

/** Returns a display unit, or null when there is none. Unknown codes pass through with UCUM's brackets removed. */
export function displayUnit(ucum: string | null | undefined): string | null {
  if (ucum === null || ucum === undefined) return null;
  const u = ucum.trim();
  if (u === '') return null;
  const direct = DISPLAY[u];
  if (direct) return direct;
  // "[lb_av]" and "lb_av" name the same unit; OpenEMR uses both forms in one Observation.
  const unbracketed = u.replace(/^\[(.*)\]$/, '$1');
  const again = DISPLAY[unbracketed];
  if (again) return again;
  return unbracketed
    .replace(/\{([^}]*)\}/g, (_m, inner: string) => inner.replace(/_/g, ' ').replace(/m2$/, 'm²'))
    .replace(/\[([^\]]*)\]/g, '$1')
    .replace(/\bu(?=[gLlm]|IU)/g, 'µ')
    .replace(/m2\b/g, 'm²');
}
