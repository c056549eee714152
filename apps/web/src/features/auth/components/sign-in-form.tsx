import { useState } from 'react';
import type { FormEvent, ReactElement } from 'react';
import { Button } from '../../../components/ui/button';
import { describeError } from '../../../components/ui/error-panel';
import { useSignIn } from '../api/sign-in';

const inputClass =
  'mt-1 block w-full rounded-md border border-slate-500 bg-white px-3 py-2.5 text-base text-slate-900 shadow-sm focus-visible:border-teal-700';

export function SignInForm({ onSignedIn }: { onSignedIn: () => void }): ReactElement {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [missing, setMissing] = useState<string | null>(null);
  const mutation = useSignIn();

  const submit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    if (!email.trim() || !password) {
      setMissing('Enter your email and password.');
      return;
    }
    setMissing(null);
    mutation.mutate({ email: email.trim(), password }, { onSuccess: onSignedIn });
  };

  const serverError = mutation.isError ? describeError(mutation.error) : null;
  const message = missing ?? (serverError ? [serverError.title, serverError.detail].filter(Boolean).join('. ') : '');

  return (
    <form onSubmit={submit} noValidate className="space-y-5" aria-describedby="sign-in-status">
      <div>
        <label htmlFor="email" className="block text-sm font-semibold text-slate-800">Email</label>
        <input id="email" name="email" type="email" autoComplete="username" required value={email}
          onChange={(e) => setEmail(e.target.value)} className={inputClass} aria-invalid={message ? true : undefined} />
      </div>
      <div>
        <label htmlFor="password" className="block text-sm font-semibold text-slate-800">Password</label>
        <input id="password" name="password" type="password" autoComplete="current-password" required value={password}
          onChange={(e) => setPassword(e.target.value)} className={inputClass} aria-invalid={message ? true : undefined} />
      </div>
      <div id="sign-in-status" aria-live="assertive" aria-atomic="true">
        {message && (
          <p className="rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm font-medium text-red-900" data-testid="sign-in-error">
            {message}
          </p>
        )}
      </div>
      <Button type="submit" disabled={mutation.isPending} className="w-full">
        {mutation.isPending ? 'Signing in…' : 'Sign in'}
      </Button>
    </form>
  );
}
