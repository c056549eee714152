import type { DashboardSectionName, Section } from '@portico/contracts';
import type { ReactElement, ReactNode } from 'react';
import { Card } from '../../../components/ui/card';
import { describeError, ErrorPanel } from '../../../components/ui/error-panel';
import { useRetryDashboardSection } from '../api/get-dashboard-section';

export interface SectionCardProps<T> {
  name: DashboardSectionName;
  title: string;
  section: Section<T>;
  action?: ReactNode;
  children: (data: T) => ReactNode;
}

/** One dashboard section: its data, or its own error with a retry that refreshes only this section. */
export function SectionCard<T>({ name, title, section, action, children }: SectionCardProps<T>): ReactElement {
  const retry = useRetryDashboardSection(name);
  return (
    <Card title={title} action={action} busy={retry.isPending}>
      {section.status === 'ok' ? (
        children(section.data)
      ) : (
        <ErrorPanel
          title={`We couldn't load your ${title.toLowerCase()}`}
          message={retry.isError ? describeError(retry.error).title : section.message}
          onRetry={section.retryable || retry.isError ? () => retry.mutate() : undefined}
          retrying={retry.isPending}
        />
      )}
    </Card>
  );
}
