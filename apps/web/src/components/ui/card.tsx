import { useId } from 'react';
import type { ReactElement, ReactNode } from 'react';

export interface CardProps {
  title?: string;
  /** Heading level of the title; sections on a page use h2. */
  level?: 2 | 3;
  action?: ReactNode;
  children: ReactNode;
  className?: string;
  busy?: boolean;
}

export function Card({ title, level = 2, action, children, className = '', busy }: CardProps): ReactElement {
  const Heading = level === 2 ? 'h2' : 'h3';
  const id = useId();
  const headingId = title ? id : undefined;
  return (
    <section
      aria-labelledby={headingId}
      aria-busy={busy || undefined}
      className={`rounded-xl border border-slate-200 bg-white p-4 shadow-sm sm:p-5 ${className}`}
    >
      {title && (
        <div className="mb-3 flex items-center justify-between gap-3">
          <Heading id={headingId} className="text-lg font-semibold text-slate-900">{title}</Heading>
          {action}
        </div>
      )}
      {children}
    </section>
  );
}
