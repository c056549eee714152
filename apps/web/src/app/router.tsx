import { createBrowserRouter } from 'react-router';
import { AccessLogPage } from '../features/access-log/components/access-log-page';
import { AppointmentsPage } from '../features/appointments/components/appointments-page';
import { SignInPage } from '../features/auth/components/sign-in-page';
import { DevicesPage } from '../features/devices/components/devices-page';
import { DashboardPage } from '../features/dashboard/components/dashboard-page';
import { DocumentsPage } from '../features/documents/components/documents-page';
import { RecordPage } from '../features/record/components/record-page';
import { ResultsPage } from '../features/results/components/results-page';
import { AppShell } from './app-shell';
import { NotFoundPage } from './not-found-page';

export function createAppRouter(): ReturnType<typeof createBrowserRouter> {
  return createBrowserRouter([
    { path: '/sign-in', element: <SignInPage /> },
    {
      element: <AppShell />,
      children: [
        { index: true, element: <DashboardPage /> },
        { path: 'results', element: <ResultsPage /> },
        // The chart library loads only with the pages that draw charts.
        { path: 'results/:key', lazy: async () => ({ Component: (await import('../features/results/components/result-detail-page')).ResultDetailPage }) },
        { path: 'vitals', lazy: async () => ({ Component: (await import('../features/vitals/components/vitals-page')).VitalsPage }) },
        { path: 'record', element: <RecordPage /> },
        { path: 'documents', element: <DocumentsPage /> },
        { path: 'appointments', element: <AppointmentsPage /> },
        { path: 'access-log', element: <AccessLogPage /> },
        { path: 'devices', element: <DevicesPage /> },
        { path: '*', element: <NotFoundPage /> },
      ],
    },
  ]);
}
