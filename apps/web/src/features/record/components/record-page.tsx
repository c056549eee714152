import type { Allergy, Immunization, Medication, Problem } from '@portico/contracts';
import type { ReactElement } from 'react';
import { AllergySeverity, Badge } from '../../../components/ui/badge';
import { PageHeader } from '../../../components/ui/page-header';
import { Table } from '../../../components/ui/table';
import { formatReactions, severeFirst } from '../../../lib/allergy';
import { formatCalendarDate } from '../../../lib/format';
import { useAllergies } from '../api/get-allergies';
import { useImmunizations } from '../api/get-immunizations';
import { useMedications } from '../api/get-medications';
import { useProblems } from '../api/get-problems';
import { RecordSection } from './record-section';

const SECTIONS = [
  { id: 'medications', label: 'Medications' },
  { id: 'allergies', label: 'Allergies' },
  { id: 'problems', label: 'Problems' },
  { id: 'immunizations', label: 'Immunizations' },
];

const nowrap = (date: string | null): ReactElement | string =>
  date ? <span className="whitespace-nowrap">{formatCalendarDate(date)}</span> : '–';

const status = (s: string): ReactElement => (
  <Badge tone={s === 'active' ? 'info' : 'neutral'}>{s.charAt(0).toUpperCase() + s.slice(1)}</Badge>
);

export function RecordPage(): ReactElement {
  const medications = useMedications();
  const allergies = useAllergies();
  const problems = useProblems();
  const immunizations = useImmunizations();
  return (
    <>
      <PageHeader title="Health record" description="Your medications, allergies, problems and immunizations as your clinic records them." />
      <nav aria-label="Health record sections" className="mb-5">
        <ul className="flex flex-wrap gap-2">
          {SECTIONS.map((s) => (
            <li key={s.id}>
              <a href={`#${s.id}`} className="inline-flex min-h-10 items-center rounded-full border border-slate-300 bg-white px-4 text-sm font-medium text-slate-800 hover:bg-slate-100">
                {s.label}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <div className="space-y-5">
        <RecordSection<Medication> id="medications" title="Medications" query={medications} empty="No medications recorded.">
          {(items) => (
            <Table<Medication> caption="Medications" hideCaption rows={items} rowKey={(m) => m.id} columns={[
              { header: 'Medication', rowHeader: true, cell: (m) => m.name },
              { header: 'Dosage', cell: (m) => m.dosage ?? '–' },
              { header: 'Status', cell: (m) => status(m.status) },
              { header: 'Started', cell: (m) => nowrap(m.startedOn) },
            ]} />
          )}
        </RecordSection>
        <RecordSection<Allergy> id="allergies" title="Allergies" query={allergies} empty="No known allergies.">
          {(items) => (
            <Table<Allergy> caption="Allergies" hideCaption rows={severeFirst(items)} rowKey={(a) => a.id} columns={[
              { header: 'Substance', rowHeader: true, cell: (a) => a.substance },
              { header: 'Reactions', cell: (a) => formatReactions(a.reactions) ?? 'Not recorded' },
              { header: 'Severity', cell: (a) => <AllergySeverity severity={a.severity} criticality={a.criticality} /> },
              { header: 'Status', cell: (a) => status(a.status) },
            ]} />
          )}
        </RecordSection>
        <RecordSection<Problem> id="problems" title="Problems" query={problems} empty="No problems recorded.">
          {(items) => (
            <Table<Problem> caption="Problems" hideCaption rows={items} rowKey={(p) => p.id} columns={[
              { header: 'Problem', rowHeader: true, cell: (p) => p.name },
              { header: 'Status', cell: (p) => status(p.status) },
              { header: 'Since', cell: (p) => nowrap(p.onsetOn) },
            ]} />
          )}
        </RecordSection>
        <RecordSection<Immunization> id="immunizations" title="Immunizations" query={immunizations} empty="No immunizations recorded.">
          {(items) => (
            <Table<Immunization> caption="Immunizations" hideCaption rows={items} rowKey={(i) => i.id} columns={[
              { header: 'Vaccine', rowHeader: true, cell: (i) => i.vaccine },
              { header: 'Date', cell: (i) => nowrap(i.occurredOn) },
              { header: 'Status', cell: (i) => status(i.status) },
            ]} />
          )}
        </RecordSection>
      </div>
    </>
  );
}
