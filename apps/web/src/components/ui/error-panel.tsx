import type { ReactElement } from 'react';
import { ApiError } from '../../lib/api-client';
import { Button } from './button';
import { Icon } from './icons';

export interface ErrorPanelProps {
  error?: unknown;
  title?: string;
  message?: string;
  onRetry?: () => void;
  retrying?: boolean;
}

export function describeError(error: unknown): { title: string; detail: string | undefined } {
  if (error instanceof ApiError) return { title: error.title, detail: error.detail };
  return { title: 'Something went wrong', detail: 'Please try again.' };
}

export function ErrorPanel({ error, title, message, onRetry, retrying }: ErrorPanelProps): ReactElement {
  const described = describeError(error);
  const heading = title ?? described.title;
  const detail = message ?? described.detail;
  return (
    <div role="alert" className="flex flex-col gap-3 rounded-lg border border-red-300 bg-red-50 p-4 text-red-900 sm:flex-row sm:items-start">
      <Icon name="alert" className="h-5 w-5 shrink-0" />
      <div className="flex-1">
        <p className="font-semibold">{heading}</p>
        {detail && <p className="mt-1 text-sm">{detail}</p>}
      </div>
      {onRetry && (
        <Button variant="secondary" onClick={onRetry} disabled={retrying} className="self-start">
          {retrying ? 'Trying again…' : 'Try again'}
        </Button>
      )}
    </div>
  );
}
