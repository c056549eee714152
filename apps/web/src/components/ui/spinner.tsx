import type { ReactElement } from 'react';

export function Spinner({ label = 'Loading…' }: { label?: string }): ReactElement {
  return (
    <div role="status" aria-live="polite" className="flex items-center gap-3 py-6 text-slate-700">
      <span className="h-5 w-5 animate-spin rounded-full border-2 border-slate-300 border-t-teal-700" aria-hidden="true" />
      <span>{label}</span>
    </div>
  );
}

/** Placeholder rows while a section loads; the wrapper carries aria-busy, the text says so. */
export function Skeleton({ lines = 3 }: { lines?: number }): ReactElement {
  return (
    <div aria-busy="true" className="space-y-3 py-2">
      <span className="sr-only" role="status">Loading…</span>
      {Array.from({ length: lines }, (_, i) => (
        <div key={i} className="h-4 animate-pulse rounded bg-slate-200" style={{ width: `${90 - i * 15}%` }} aria-hidden="true" />
      ))}
    </div>
  );
}
