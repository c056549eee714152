import { IDLE_EXPIRES_HEADER, IDLE_MINUTES_HEADER } from '@portico/contracts';

/** Warn this long before the server ends an idle session (SESS-05: T-2 min). */
export const WARN_BEFORE_MS = 2 * 60_000;
const STORAGE_KEY = 'portico-idle-deadline';

export type IdlePhase = 'unknown' | 'active' | 'warning' | 'expired';

/** Where the clock stands at `now`, and how long until that changes (null: nothing scheduled). */
export function idlePhase(deadline: number | null, now: number, warnBeforeMs = WARN_BEFORE_MS): { phase: IdlePhase; msLeft: number; nextChangeInMs: number | null } {
  if (deadline === null) return { phase: 'unknown', msLeft: Infinity, nextChangeInMs: null };
  const msLeft = deadline - now;
  if (msLeft <= 0) return { phase: 'expired', msLeft: 0, nextChangeInMs: null };
  if (msLeft <= warnBeforeMs) return { phase: 'warning', msLeft, nextChangeInMs: msLeft };
  return { phase: 'active', msLeft, nextChangeInMs: msLeft - warnBeforeMs };
}

/** "1 minute 30 seconds", whole units only. */
export function formatRemaining(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const m = Math.floor(total / 60);
  const s = total % 60;
  const parts = [];
  if (m) parts.push(`${m} ${m === 1 ? 'minute' : 'minutes'}`);
  if (s || !m) parts.push(`${s} ${s === 1 ? 'second' : 'seconds'}`);
  return parts.join(' ');
}

/** What a screen reader hears: coarse steps, so the live region does not talk every second. */
export function announcement(ms: number): string {
  const s = Math.ceil(ms / 1000);
  const step = s > 60 ? Math.ceil(s / 60) * 60 : s > 30 ? 60 : s > 10 ? 30 : 10;
  return `You will be signed out in ${formatRemaining(step * 1000)} unless you choose to stay signed in.`;
}

type Listener = () => void;

/**
 * The browser's copy of the server's idle deadline, in this browser's clock. It follows every API answer's
 * `x-portico-idle-expires-at` (corrected for clock skew with the answer's Date header) and other tabs' activity.
 */
export function createIdleClock(storage: Pick<Storage, 'getItem' | 'setItem'> | null = typeof localStorage === 'undefined' ? null : localStorage) {
  let deadline: number | null = null;
  let minutes: number | null = null;
  const listeners = new Set<Listener>();
  const emit = () => listeners.forEach((l) => l());

  const set = (next: number, fromOtherTab = false) => {
    if (next === deadline) return;
    deadline = next;
    if (!fromOtherTab) {
      try { storage?.setItem(STORAGE_KEY, String(next)); } catch { /* private mode: this tab only */ }
    }
    emit();
  };

  /** From an ISO expiry; `serverNow` (ms) corrects for a browser clock that is off. */
  const update = (expiresAt: string, serverNow?: number, localNow = Date.now()): void => {
    const at = Date.parse(expiresAt);
    if (Number.isNaN(at)) return;
    const skew = serverNow !== undefined && !Number.isNaN(serverNow) ? localNow - serverNow : 0;
    // The Date header has one-second resolution; ignore skew below that.
    set(at + (Math.abs(skew) > 1500 ? skew : 0));
  };

  return {
    get deadline() { return deadline; },
    get minutes() { return minutes; },
    subscribe(l: Listener): () => void {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    update,
    observe(res: Response): void {
      const header = res.headers.get(IDLE_EXPIRES_HEADER);
      const mins = Number(res.headers.get(IDLE_MINUTES_HEADER));
      if (Number.isInteger(mins) && mins > 0) minutes = mins;
      if (!header) return;
      const date = res.headers.get('date');
      update(header, date ? Date.parse(date) : undefined);
    },
    /** Another tab saw a newer deadline (its requests keep the same server session alive). */
    fromStorage(value: string | null): void {
      const v = Number(value);
      if (value && Number.isFinite(v) && (deadline === null || v > deadline)) set(v, true);
    },
    reset(): void {
      deadline = null;
      emit();
    },
  };
}
export type IdleClock = ReturnType<typeof createIdleClock>;

export const idleClock = createIdleClock();
