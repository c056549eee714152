import type { ReactElement, ReactNode } from 'react';
import { EmptyState } from './empty-state';
import { ErrorPanel } from './error-panel';
import { Skeleton } from './spinner';

/** The parts of a TanStack query (plain or infinite) a view needs. */
export interface QueryLike<T> {
  isPending: boolean;
  isError: boolean;
  isFetching: boolean;
  error: unknown;
  data: T | undefined;
  refetch(): unknown;
}

export interface QueryViewProps<T> {
  query: QueryLike<T>;
  /** Lines of the loading skeleton, roughly the height of what will load. */
  lines: number;
  isEmpty?: (data: T) => boolean;
  empty?: string;
  children: (data: T) => ReactNode;
}

/** Every page's loading, failure (with retry) and empty states in one place, so they look and behave alike. */
export function QueryView<T>({ query, lines, isEmpty, empty, children }: QueryViewProps<T>): ReactElement {
  if (query.isPending) return <Skeleton lines={lines} />;
  if (query.isError || query.data === undefined) {
    return <ErrorPanel error={query.error} onRetry={() => void query.refetch()} retrying={query.isFetching} />;
  }
  if (isEmpty?.(query.data)) return <EmptyState>{empty ?? 'Nothing here yet.'}</EmptyState>;
  return <>{children(query.data)}</>;
}
