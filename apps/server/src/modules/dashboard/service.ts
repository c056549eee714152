import type { Dashboard, DashboardSectionName, HealthSummary, PatientSummary, Section, VitalReading } from '@portico/contracts';
import type { CachedEhr } from '../records/ehr-access';
import { recentResults, splitAppointments } from '../records/service';

const ACTIVE_PROBLEM = new Set(['active', 'recurrence', 'relapse']);
const ACTIVE_MED = new Set(['active', 'on-hold', 'draft']);

function latestPerKind(readings: VitalReading[]): VitalReading[] {
  const latest = new Map<string, VitalReading>();
  for (const r of readings) {
    const cur = latest.get(r.kind);
    if (!cur || r.effectiveAt > cur.effectiveAt) latest.set(r.kind, r);
  }
  return [...latest.values()];
}

type Builders = { [K in DashboardSectionName]: (ehr: CachedEhr, now: Date) => Promise<Dashboard['sections'][K] extends Section<infer T> ? T : never> };

const builders: Builders = {
  appointments: async (ehr, now) => splitAppointments(await ehr.read('appointments'), now).upcoming.slice(0, 5),
  results: async (ehr) => recentResults(await ehr.read('labs'), 8),
  summary: async (ehr): Promise<HealthSummary> => {
    const [problems, meds, allergies, vitals] = await Promise.all([ehr.read('problems'), ehr.read('medications'), ehr.read('allergies'), ehr.read('vitals')]);
    return {
      activeProblems: problems.filter((p) => ACTIVE_PROBLEM.has(p.status)),
      activeMedications: meds.filter((m) => ACTIVE_MED.has(m.status)),
      allergies,
      latestVitals: latestPerKind(vitals),
    };
  },
};

const messages: Record<DashboardSectionName, string> = {
  appointments: 'We could not load your appointments just now.',
  results: 'We could not load your recent results just now.',
  summary: 'We could not load your health summary just now.',
};

export async function buildSection<K extends DashboardSectionName>(name: K, ehr: CachedEhr, now: Date, onError: (name: K, err: unknown) => void): Promise<Dashboard['sections'][K]> {
  try {
    return { status: 'ok', data: await builders[name](ehr, now) } as Dashboard['sections'][K];
  } catch (err) {
    onError(name, err);
    return { status: 'error', message: messages[name], retryable: true } as Dashboard['sections'][K];
  }
}

/** All sections in parallel; one failing section says so and the others still render. */
export async function buildDashboard(ehr: CachedEhr, fallbackPatient: PatientSummary, clinicTimeZone: string, now: Date, onError: (name: string, err: unknown) => void): Promise<Dashboard> {
  const [patient, appointments, results, summary] = await Promise.all([
    ehr.read('patient').catch((err) => (onError('patient', err), fallbackPatient)),
    buildSection('appointments', ehr, now, onError),
    buildSection('results', ehr, now, onError),
    buildSection('summary', ehr, now, onError),
  ]);
  return { patient, clinicTimeZone, generatedAt: now.toISOString(), sections: { appointments, results, summary } };
}
