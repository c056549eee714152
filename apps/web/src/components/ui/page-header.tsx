import { useEffect, useRef } from 'react';
import type { ReactElement, ReactNode } from 'react';
import { useLocation } from 'react-router';

// On the first page the browser's focus stays where it is. After each navigation, focus moves to the new page's
// heading so keyboard and screen-reader users learn the page changed; re-renders of the same page never steal it.
let handledLocation: string | null = null;

export function PageHeader({ title, description, children }: { title: string; description?: ReactNode; children?: ReactNode }): ReactElement {
  const ref = useRef<HTMLHeadingElement>(null);
  const { key } = useLocation();
  useEffect(() => {
    document.title = `${title} · Portico`;
  }, [title]);
  useEffect(() => {
    if (handledLocation === key) return;
    const first = handledLocation === null;
    handledLocation = key;
    if (!first) ref.current?.focus();
  }, [key]);
  return (
    <div className="mb-5 flex flex-col gap-2 sm:flex-row sm:items-end sm:justify-between">
      <div>
        <h1 ref={ref} tabIndex={-1} className="text-2xl font-bold tracking-tight text-slate-900 sm:text-3xl">{title}</h1>
        {description && <p className="mt-1 text-slate-700">{description}</p>}
      </div>
      {children}
    </div>
  );
}
