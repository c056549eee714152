import { z } from 'zod';

/** An instant in UTC, ISO-8601 with a trailing Z. OpenEMR's offset-less local times are converted with the clinic's zone. */
export const Instant = z.string().describe('ISO-8601 instant in UTC');
/** A calendar date, YYYY-MM-DD, with no time zone (birth dates, onset dates given as dates). */
export const CalendarDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** Flags as OpenEMR's proc_res_abnormal list codes them (v3 ObservationInterpretation). N means "normal". */
export const ResultFlag = z.enum(['N', 'H', 'L', 'HH', 'LL', 'A']);
export type ResultFlag = z.infer<typeof ResultFlag>;

export const Comparator = z.enum(['<', '<=', '>', '>=']);
export type Comparator = z.infer<typeof Comparator>;

/** A result value exactly as the lab wrote it (`text`), plus what can be plotted (`numeric`), never invented. */
export const ResultValue = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('quantity'), numeric: z.number(), comparator: Comparator.nullable(), text: z.string(), unit: z.string().nullable() }),
  z.object({ kind: z.literal('text'), text: z.string() }),
  z.object({ kind: z.literal('none') }),
]);
export type ResultValue = z.infer<typeof ResultValue>;

/** Reference range in every form OpenEMR produces: low-high, one-sided, text ("Negative"), or absent (null). */
export const ReferenceRange = z.object({
  low: z.number().nullable(),
  high: z.number().nullable(),
  /** The range as written, e.g. "3.5-5.1", "<200", ">=60", "Negative". */
  text: z.string(),
  unit: z.string().nullable(),
});
export type ReferenceRange = z.infer<typeof ReferenceRange>;

export const LabResult = z.object({
  id: z.string(),
  /** LOINC code, when OpenEMR has one. */
  code: z.string().nullable(),
  name: z.string(),
  /** The order/panel this result belongs to (e.g. "Lipid panel"), when known. */
  panel: z.string().nullable(),
  effectiveAt: Instant,
  status: z.string(),
  value: ResultValue,
  referenceRange: ReferenceRange.nullable(),
  /** The flag OpenEMR recorded, or one derived from value and range when OpenEMR recorded none. */
  flag: ResultFlag.nullable(),
  abnormal: z.boolean(),
  /** HH, LL (panic limits). */
  critical: z.boolean(),
  note: z.string().nullable(),
});
export type LabResult = z.infer<typeof LabResult>;

/** One test's history, oldest first, for the trend chart and its table. */
export const LabTestHistory = z.object({
  key: z.string().describe('stable id of the test: the LOINC code, or a slug of the name'),
  code: z.string().nullable(),
  name: z.string(),
  panel: z.string().nullable(),
  unit: z.string().nullable(),
  results: z.array(LabResult),
});
export type LabTestHistory = z.infer<typeof LabTestHistory>;

export const LabPanelGroup = z.object({
  panel: z.string(),
  tests: z.array(LabTestHistory),
});
export type LabPanelGroup = z.infer<typeof LabPanelGroup>;

export const VitalKind = z.enum(['blood-pressure', 'heart-rate', 'respiratory-rate', 'temperature', 'weight', 'height', 'bmi', 'oxygen-saturation']);
export type VitalKind = z.infer<typeof VitalKind>;

export const VitalReading = z.object({
  id: z.string(),
  kind: VitalKind,
  effectiveAt: Instant,
  /** For blood pressure: systolic in `value`, diastolic in `secondary`. */
  value: z.number(),
  secondary: z.number().nullable(),
  unit: z.string(),
});
export type VitalReading = z.infer<typeof VitalReading>;

export const Medication = z.object({
  id: z.string(),
  name: z.string(),
  dosage: z.string().nullable(),
  status: z.string(),
  startedOn: CalendarDate.nullable(),
  prescriber: z.string().nullable(),
});
export type Medication = z.infer<typeof Medication>;

export const Allergy = z.object({
  id: z.string(),
  substance: z.string(),
  reactions: z.array(z.string()),
  severity: z.string().nullable(),
  criticality: z.string().nullable(),
  status: z.string(),
  recordedOn: CalendarDate.nullable(),
});
export type Allergy = z.infer<typeof Allergy>;

export const Problem = z.object({
  id: z.string(),
  name: z.string(),
  code: z.string().nullable(),
  status: z.string(),
  onsetOn: CalendarDate.nullable(),
});
export type Problem = z.infer<typeof Problem>;

export const Immunization = z.object({
  id: z.string(),
  vaccine: z.string(),
  cvxCode: z.string().nullable(),
  occurredOn: CalendarDate.nullable(),
  status: z.string(),
  lotNumber: z.string().nullable(),
});
export type Immunization = z.infer<typeof Immunization>;

export const DocumentSummary = z.object({
  id: z.string(),
  title: z.string(),
  category: z.string().nullable(),
  contentType: z.string(),
  createdAt: Instant.nullable(),
});
export type DocumentSummary = z.infer<typeof DocumentSummary>;

export const AppointmentStatus = z.enum(['proposed', 'pending', 'booked', 'arrived', 'checked-in', 'fulfilled', 'cancelled', 'noshow', 'waitlist']);
export type AppointmentStatus = z.infer<typeof AppointmentStatus>;

export const Appointment = z.object({
  id: z.string(),
  start: Instant,
  end: Instant.nullable(),
  status: AppointmentStatus,
  type: z.string().nullable(),
  provider: z.string().nullable(),
  location: z.string().nullable(),
  comment: z.string().nullable(),
});
export type Appointment = z.infer<typeof Appointment>;

export const PatientSummary = z.object({
  uuid: z.string(),
  pid: z.string(),
  givenName: z.string(),
  familyName: z.string(),
  birthDate: CalendarDate.nullable(),
});
export type PatientSummary = z.infer<typeof PatientSummary>;

/** Stable id of a test across draws, used in /records/results/:key: its LOINC code, else a slug of its name. */
export const labTestKey = (r: { code: string | null; name: string }): string =>
  r.code ?? 'name-' + r.name.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
