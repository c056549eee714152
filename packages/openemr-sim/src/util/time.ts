const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export function todayUtc(): string {
  return new Date().toISOString().slice(0, 10);
}

export function weekday(date: string): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay();
}

/** Shift to a weekday so seeded visits never land on a weekend. */
export function weekdayOnOrAfter(date: string): string {
  let d = date;
  while (weekday(d) === 0 || weekday(d) === 6) d = addDays(d, 1);
  return d;
}

function parts(tz: string, at: Date): Record<string, string> {
  const f = new Intl.DateTimeFormat('en-US', {
    timeZone: tz, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit',
    second: '2-digit', hourCycle: 'h23', timeZoneName: 'longOffset',
  });
  return Object.fromEntries(f.formatToParts(at).map((p) => [p.type, p.value]));
}

/** Offset such as "-05:00" that the zone has right now. */
export function currentOffset(tz: string, at = new Date()): string {
  const name = parts(tz, at).timeZoneName ?? 'GMT';
  const m = /GMT([+-]\d{2}):?(\d{2})?/.exec(name);
  return m ? `${m[1]}:${m[2] ?? '00'}` : '+00:00';
}

/** "YYYY-MM-DD HH:MM:SS" wall time in the clinic zone, as OpenEMR's MySQL NOW() would give. */
export function nowLocal(tz: string, at = new Date()): string {
  const p = parts(tz, at);
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}:${p.second}`;
}

/**
 * OpenEMR 7.0.2 formats stored local wall times with the server's offset at the moment of the request,
 * not the offset in force on that date; the simulator copies that so DST bugs show up here too.
 */
export function fhirDate(local: string, tz: string): string {
  const full = local.length === 10 ? `${local} 00:00:00` : local;
  return `${full.replace(' ', 'T')}${currentOffset(tz)}`;
}

export function fhirDateMillis(local: string, tz: string): string {
  const full = local.length === 10 ? `${local} 00:00:00` : local;
  return `${full.replace(' ', 'T')}.000${currentOffset(tz)}`;
}

export function addMinutes(hhmmss: string, minutes: number): string {
  const [h, m, s] = hhmmss.split(':').map(Number);
  const total = (h ?? 0) * 60 + (m ?? 0) + minutes;
  return `${pad(Math.floor(total / 60) % 24)}:${pad(total % 60)}:${pad(s ?? 0)}`;
}

export function time(h: number, m: number): string {
  return `${pad(h)}:${pad(m)}:00`;
}
