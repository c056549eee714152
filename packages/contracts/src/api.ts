import { z } from 'zod';
import {
  Allergy, Appointment, DocumentSummary, Immunization, LabPanelGroup, LabResult, LabTestHistory, Medication,
  PatientSummary, Problem, VitalReading,
} from './records';

/** RFC 9457 problem details; `type` is a stable URI such as https://portico.dev/problems/validation. */
export const Problem9457 = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string().optional(),
  instance: z.string().optional(),
  errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});
export type Problem9457 = z.infer<typeof Problem9457>;

export const SignInRequest = z.object({
  email: z.string().trim().min(1).max(254),
  password: z.string().min(1).max(1024),
});
export type SignInRequest = z.infer<typeof SignInRequest>;

export const Me = z.object({
  accountId: z.string(),
  email: z.string(),
  patient: PatientSummary,
  clinicTimeZone: z.string(),
  /** ISO instant when the session ends if idle. */
  idleExpiresAt: z.string(),
});
export type Me = z.infer<typeof Me>;

/** A dashboard section either has data or says it failed, so the others still render. */
export const sectionOf = <T extends z.ZodType>(data: T) =>
  z.discriminatedUnion('status', [
    z.object({ status: z.literal('ok'), data }),
    z.object({ status: z.literal('error'), message: z.string(), retryable: z.boolean() }),
  ]);

export const HealthSummary = z.object({
  activeProblems: z.array(Problem),
  activeMedications: z.array(Medication),
  allergies: z.array(Allergy),
  latestVitals: z.array(VitalReading),
});
export type HealthSummary = z.infer<typeof HealthSummary>;

export const DashboardSectionName = z.enum(['appointments', 'results', 'summary']);
export type DashboardSectionName = z.infer<typeof DashboardSectionName>;

export const Dashboard = z.object({
  patient: PatientSummary,
  clinicTimeZone: z.string(),
  generatedAt: z.string(),
  sections: z.object({
    appointments: sectionOf(z.array(Appointment)),
    results: sectionOf(z.array(LabResult)),
    summary: sectionOf(HealthSummary),
  }),
});
export type Dashboard = z.infer<typeof Dashboard>;
export type Section<T> = { status: 'ok'; data: T } | { status: 'error'; message: string; retryable: boolean };

export const ResultsResponse = z.object({ panels: z.array(LabPanelGroup) });
export type ResultsResponse = z.infer<typeof ResultsResponse>;
export const LabTestResponse = LabTestHistory;
export const VitalsResponse = z.object({ readings: z.array(VitalReading) });
export type VitalsResponse = z.infer<typeof VitalsResponse>;
export const MedicationsResponse = z.object({ items: z.array(Medication) });
export const AllergiesResponse = z.object({ items: z.array(Allergy) });
export const ProblemsResponse = z.object({ items: z.array(Problem) });
export const ImmunizationsResponse = z.object({ items: z.array(Immunization) });
export const DocumentsResponse = z.object({ items: z.array(DocumentSummary) });
export const AppointmentsResponse = z.object({ upcoming: z.array(Appointment), past: z.array(Appointment) });
export type AppointmentsResponse = z.infer<typeof AppointmentsResponse>;

/**
 * The portal API under /api/v1. Every path here is patient-scoped by the session; none takes a patient id.
 *   POST /auth/sign-in            SignInRequest -> 200 Me | 401 problem (one generic message)
 *   POST /auth/sign-out           -> 204
 *   GET  /me                      -> Me
 *   GET  /dashboard               -> Dashboard            (?refresh=1 bypasses the cache)
 *   GET  /dashboard/sections/:name -> sectionOf(...)      (retry of one failed section)
 *   GET  /records/results         -> ResultsResponse      (grouped by panel, then test)
 *   GET  /records/results/:key    -> LabTestHistory       (one test over time)
 *   GET  /records/vitals          -> VitalsResponse
 *   GET  /records/medications | allergies | problems | immunizations -> {items}
 *   GET  /records/documents       -> DocumentsResponse
 *   GET  /records/documents/:id/content -> the file, Content-Disposition: attachment
 *   GET  /appointments            -> AppointmentsResponse
 */
export const API_PREFIX = '/api/v1';
export const CSRF_HEADER = 'x-portico-csrf';
