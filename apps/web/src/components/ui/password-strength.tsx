import { useEffect, useState, type ReactElement } from 'react';

/** The server's rules (AUTH-01/02): 12..128 code points after collapsing runs of spaces; the server decides. */
export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 128;

export interface StrengthEstimate {
  score: 0 | 1 | 2 | 3 | 4;
  warning: string | null;
  suggestions: string[];
}
export type Estimator = (password: string, userInputs: string[]) => StrengthEstimate;

let zxcvbn: Promise<Estimator> | undefined;
/** zxcvbn and its dictionaries load on first use, in their own chunk, so the main bundle does not grow. */
export function loadZxcvbn(): Promise<Estimator> {
  zxcvbn ??= import('./password-strength-zxcvbn').then((m) => m.estimate);
  return zxcvbn;
}

const LABELS = ['Very weak', 'Weak', 'Fair', 'Good', 'Strong'] as const;
const BAR = ['bg-red-700', 'bg-red-700', 'bg-amber-600', 'bg-teal-600', 'bg-teal-800'] as const;

export const passwordLength = (pw: string): number => [...pw.normalize('NFKC').replace(/ {2,}/g, ' ')].length;

/**
 * A live strength meter under a new-password field: a meter plus text (never colour alone), announced politely.
 * Advisory only: the server's policy (length, blocklist, context words) decides.
 */
export function PasswordStrength({ password, userInputs = [], loadEstimator = loadZxcvbn, id }: {
  password: string;
  /** Words the password should not be built from: the email, the patient's name, the clinic's name. */
  userInputs?: string[];
  loadEstimator?: () => Promise<Estimator>;
  id?: string;
}): ReactElement {
  const [result, setResult] = useState<StrengthEstimate | null>(null);
  const inputsKey = userInputs.join('\u0000');
  const length = passwordLength(password);
  const tooLong = length > PASSWORD_MAX;

  useEffect(() => {
    let live = true;
    if (!password || tooLong) {
      setResult(null);
      return;
    }
    // A short pause so the estimate follows typing without running on every keystroke.
    const timer = setTimeout(() => {
      void loadEstimator().then((estimate) => {
        if (live) setResult(estimate(password, inputsKey ? inputsKey.split('\u0000') : []));
      }, () => undefined);
    }, 120);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [password, inputsKey, tooLong, loadEstimator]);

  const tooShort = length < PASSWORD_MIN;
  const score = result && !tooShort ? result.score : 0;
  const label = !password ? 'Enter a password' : tooLong ? `Too long (at most ${PASSWORD_MAX} characters)` : tooShort ? 'Too short' : result ? LABELS[score] : 'Checking…';

  return (
    <div id={id} className="mt-2 space-y-1 text-sm" data-testid="password-strength">
      <div className="flex items-center gap-3">
        <div
          role="meter"
          aria-label="Password strength"
          aria-valuemin={0}
          aria-valuemax={4}
          aria-valuenow={score}
          aria-valuetext={label}
          className="flex h-2 flex-1 gap-1"
        >
          {[0, 1, 2, 3].map((i) => (
            <span key={i} aria-hidden="true" className={`h-2 flex-1 rounded ${password && !tooShort && !tooLong && result && score > i ? BAR[score] : 'bg-slate-200'}`} />
          ))}
        </div>
      </div>
      <div aria-live="polite" aria-atomic="true" className="text-slate-700">
        <p data-testid="password-strength-label">
          <span className="font-medium">Strength: {label}</span>
          {password && !tooLong ? <span className="text-slate-600"> · {length} of at least {PASSWORD_MIN} characters</span> : null}
        </p>
        {password && tooShort ? <p>Use at least {PASSWORD_MIN} characters. A few unrelated words make a strong, memorable passphrase.</p> : null}
        {result && !tooShort && !tooLong && result.warning ? <p data-testid="password-strength-warning">{result.warning}</p> : null}
        {result && !tooShort && !tooLong && result.suggestions.length ? (
          <ul className="list-disc pl-5" data-testid="password-strength-suggestions">
            {result.suggestions.map((s) => <li key={s}>{s}</li>)}
          </ul>
        ) : null}
      </div>
    </div>
  );
}
