import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactElement, ReactNode } from 'react';
import { Card } from '../../../components/ui/card';
import { EmptyState } from '../../../components/ui/empty-state';
import { ErrorPanel } from '../../../components/ui/error-panel';
import { Skeleton } from '../../../components/ui/spinner';

export interface RecordSectionProps<T> {
  id: string;
  title: string;
  query: UseQueryResult<{ items: T[] }>;
  empty: string;
  children: (items: T[]) => ReactNode;
}

/** One part of the health record; each loads and fails on its own. */
export function RecordSection<T>({ id, title, query, empty, children }: RecordSectionProps<T>): ReactElement {
  return (
    <div id={id} className="scroll-mt-20">
      <Card title={title} busy={query.isPending}>
        {query.isPending ? (
          <Skeleton lines={3} />
        ) : query.isError ? (
          <ErrorPanel error={query.error} onRetry={() => void query.refetch()} retrying={query.isFetching} />
        ) : query.data.items.length === 0 ? (
          <EmptyState>{empty}</EmptyState>
        ) : (
          children(query.data.items)
        )}
      </Card>
    </div>
  );
}
