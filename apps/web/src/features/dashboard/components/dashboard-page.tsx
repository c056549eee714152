import type { Dashboard } from '@portico/contracts';
import type { ReactElement } from 'react';
import { Link } from 'react-router';
import { QueryView } from '../../../components/ui/query-view';
import { PageHeader } from '../../../components/ui/page-header';
import { inZone } from '../../../lib/format';
import { useDashboard } from '../api/get-dashboard';
import { UpcomingAppointments } from './appointments-section';
import { RecentResults } from './results-section';
import { SectionCard } from './section-card';
import { HealthSummaryView } from './summary-section';

function greeting(instant: string, timeZone: string): string {
  const hour = inZone(instant, timeZone).getHours();
  if (hour < 12) return 'Good morning';
  if (hour < 18) return 'Good afternoon';
  return 'Good evening';
}

const seeAll = (to: string, what: string): ReactElement => (
  <Link to={to} className="shrink-0 whitespace-nowrap text-sm font-semibold text-teal-800 underline-offset-2 hover:underline">
    See all<span className="sr-only"> {what}</span>
  </Link>
);

export function DashboardPage(): ReactElement {
  const dashboard = useDashboard();
  const data = dashboard.data;
  const title = data ? `${greeting(data.generatedAt, data.clinicTimeZone)}, ${data.patient.givenName}` : 'Dashboard';
  return (
    <>
      <PageHeader title={title} description={data ? "Here is what's new in your health record." : undefined} />
      <QueryView query={dashboard} lines={5}>
        {(data) => (
          <Sections dashboard={data} />
        )}
      </QueryView>
    </>
  );
}

function Sections({ dashboard }: { dashboard: Dashboard }): ReactElement {
  const { clinicTimeZone: tz, sections } = dashboard;
  return (
    <div className="grid gap-5 lg:grid-cols-2">
      <SectionCard name="appointments" title="Upcoming appointments" section={sections.appointments} action={seeAll('/appointments', 'appointments')}>
        {(items) => <UpcomingAppointments items={items} timeZone={tz} />}
      </SectionCard>
      <SectionCard name="results" title="Recent results" section={sections.results} action={seeAll('/results', 'results')}>
        {(items) => <RecentResults items={items} timeZone={tz} />}
      </SectionCard>
      <div className="lg:col-span-2">
        <SectionCard name="summary" title="Health summary" section={sections.summary} action={seeAll('/record', 'of your health record')}>
          {(summary) => <HealthSummaryView summary={summary} timeZone={tz} />}
        </SectionCard>
      </div>
    </div>
  );
}
