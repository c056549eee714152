import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactElement, ReactNode } from 'react';
import { QueryView } from '../../../components/ui/query-view';
import { Card } from '../../../components/ui/card';

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
        <QueryView query={query} lines={3} isEmpty={(data) => data.items.length === 0} empty={empty}>
          {(data) => (
            children(data.items)
          )}
        </QueryView>
      </Card>
    </div>
  );
}
