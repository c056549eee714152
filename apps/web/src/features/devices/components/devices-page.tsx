import type { SessionInfo } from '@portico/contracts';
import { useEffect, useRef, useState } from 'react';
import type { ReactElement } from 'react';
import { QueryView } from '../../../components/ui/query-view';
import { Badge } from '../../../components/ui/badge';
import { Button } from '../../../components/ui/button';
import { describeError } from '../../../components/ui/error-panel';
import { PageHeader } from '../../../components/ui/page-header';
import { formatDateTime } from '../../../lib/format';
import { useClinicTimeZone } from '../../../lib/session';
import { useRevokeOthers, useRevokeSession, useSessions } from '../api/sessions';

const DEVICE_TYPES: Record<SessionInfo['deviceType'], string> = { desktop: 'Computer', phone: 'Phone', tablet: 'Tablet', unknown: 'Unknown device' };

export function deviceName(s: Pick<SessionInfo, 'browser' | 'os'>): string {
  if (s.browser === 'Unknown' && s.os === 'Unknown') return 'Unknown browser';
  if (s.os === 'Unknown') return s.browser;
  return `${s.browser === 'Unknown' ? 'Unknown browser' : s.browser} on ${s.os}`;
}

function SessionCard({ session, tz }: { session: SessionInfo; tz: string }): ReactElement {
  const revoke = useRevokeSession();
  const headingId = `session-${session.id}`;
  const name = deviceName(session);
  return (
    <li className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm sm:p-5">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0">
          <h2 id={headingId} className="text-lg font-semibold text-slate-900">{name}</h2>
          <p className="text-sm text-slate-700">{DEVICE_TYPES[session.deviceType]}</p>
        </div>
        {session.current ? (
          <Badge tone="success" icon="check">This device</Badge>
        ) : (
          <Button variant="secondary" disabled={revoke.isPending} onClick={() => revoke.mutate(session.id)}>
            {revoke.isPending ? 'Signing out…' : 'Sign out'}
            <span className="sr-only"> {name}, last active {formatDateTime(session.lastSeenAt, tz)}</span>
          </Button>
        )}
      </div>
      <dl className="mt-3 grid grid-cols-1 gap-x-6 gap-y-2 text-sm sm:grid-cols-2">
        <div><dt className="font-semibold text-slate-800">Signed in</dt><dd className="text-slate-900"><time dateTime={session.createdAt}>{formatDateTime(session.createdAt, tz)}</time></dd></div>
        <div><dt className="font-semibold text-slate-800">Last active</dt><dd className="text-slate-900"><time dateTime={session.lastSeenAt}>{formatDateTime(session.lastSeenAt, tz)}</time></dd></div>
        <div><dt className="font-semibold text-slate-800">IP address</dt><dd className="break-all text-slate-900">{session.ip ?? 'Not recorded'}</dd></div>
        <div><dt className="font-semibold text-slate-800">Approximate location</dt><dd className="text-slate-900">{session.location ?? session.locationNote ?? 'Not known'}</dd></div>
      </dl>
      {revoke.isError && <p role="alert" className="mt-3 text-sm font-semibold text-red-800">{describeError(revoke.error).title}</p>}
    </li>
  );
}

function RevokeOthers({ count }: { count: number }): ReactElement {
  const [confirming, setConfirming] = useState(false);
  const [done, setDone] = useState<number | null>(null);
  const revoke = useRevokeOthers();
  const questionRef = useRef<HTMLParagraphElement>(null);
  const openRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (confirming) questionRef.current?.focus();
  }, [confirming]);

  return (
    <section aria-labelledby="revoke-others-heading" className="mt-6 rounded-xl border border-slate-200 bg-white p-4 shadow-sm sm:p-5">
      <h2 id="revoke-others-heading" className="text-lg font-semibold text-slate-900">Other devices</h2>
      <p role="status" className="text-sm text-slate-700">
        {done !== null ? `Signed out ${done} other ${done === 1 ? 'device' : 'devices'}.` : count === 0 ? 'You are not signed in anywhere else.' : ''}
      </p>
      {count > 0 && !confirming && (
        <Button ref={openRef} variant="secondary" className="mt-3" onClick={() => { setDone(null); setConfirming(true); }}>Sign out all other devices</Button>
      )}
      {count > 0 && confirming && (
        <div className="mt-3 rounded-lg border border-amber-400 bg-amber-50 p-4">
          <p ref={questionRef} tabIndex={-1} className="font-semibold text-slate-900 focus:outline-none">
            Sign out {count} other {count === 1 ? 'device' : 'devices'}? Anyone using them will have to sign in again.
          </p>
          <div className="mt-3 flex flex-wrap gap-3">
            <Button disabled={revoke.isPending} onClick={() => revoke.mutate(undefined, { onSuccess: (r) => { setDone(r.revoked); setConfirming(false); } })}>
              {revoke.isPending ? 'Signing out…' : 'Yes, sign them out'}
            </Button>
            <Button variant="secondary" onClick={() => { setConfirming(false); requestAnimationFrame(() => openRef.current?.focus()); }}>Cancel</Button>
          </div>
          {revoke.isError && <p role="alert" className="mt-3 text-sm font-semibold text-red-800">{describeError(revoke.error).title}</p>}
        </div>
      )}
    </section>
  );
}

export function DevicesPage(): ReactElement {
  const sessions = useSessions();
  const tz = useClinicTimeZone();
  const list = sessions.data?.sessions ?? [];
  return (
    <>
      <PageHeader title="Devices" description="Where you are signed in to the portal right now. Sign out any device you do not recognise." />
      <QueryView query={sessions} lines={4} isEmpty={(data) => data.sessions.length === 0} empty="No active sessions.">
        {(data) => (
          <>
            <p className="mb-3 text-sm text-slate-700">Times are clinic time. Sessions end after {data.idleMinutes} minutes without activity.</p>
            <ul className="grid grid-cols-1 gap-4 lg:grid-cols-2">
              {list.map((s) => <SessionCard key={s.id} session={s} tz={tz} />)}
            </ul>
            <RevokeOthers count={list.filter((s) => !s.current).length} />
          </>
        )}
      </QueryView>
    </>
  );
}
