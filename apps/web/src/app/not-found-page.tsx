import type { ReactElement } from 'react';
import { Link } from 'react-router';
import { PageHeader } from '../components/ui/page-header';

export function NotFoundPage(): ReactElement {
  return (
    <>
      <PageHeader title="Page not found" description="There is no page at this address." />
      <Link to="/" className="font-semibold text-teal-800 underline">Go to your dashboard</Link>
    </>
  );
}
