import type { ReactElement } from 'react';

export function EmptyState({ children }: { children: string }): ReactElement {
  return <p className="rounded-lg border border-dashed border-slate-300 p-4 text-center text-slate-700">{children}</p>;
}
