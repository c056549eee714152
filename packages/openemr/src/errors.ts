// Typed failures so the server can map them to problem+json without reading messages. Messages carry endpoint
// templates and statuses only, never ids or PHI.

export class OpenEmrError extends Error {
  constructor(message: string, readonly endpoint: string | null = null, readonly status: number | null = null, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** OpenEMR could not be reached or answered 5xx, timed out, or the circuit breaker is open. Retryable later. */
export class OpenEmrUnavailableError extends OpenEmrError {
  constructor(message: string, endpoint: string | null = null, status: number | null = null, readonly reason: 'network' | 'timeout' | 'server' | 'circuit-open' = 'server', options?: { cause?: unknown }) {
    super(message, endpoint, status, options);
  }
}

/** 401/403 that a token refresh did not cure, or no way to obtain a token at all. */
export class OpenEmrAuthError extends OpenEmrError {}

export class OpenEmrNotFoundError extends OpenEmrError {}

export type ValidationErrors = Record<string, unknown>;

/** OpenEMR rejected the input; `validationErrors` is OpenEMR's field -> {rule: message} map. */
export class OpenEmrValidationError extends OpenEmrError {
  constructor(message: string, readonly validationErrors: ValidationErrors, endpoint: string | null = null, status: number | null = null) {
    super(message, endpoint, status);
  }
}

/** OpenEMR answered something this client does not understand (or reported an internal error inside a 200). */
export class OpenEmrProtocolError extends OpenEmrError {}

/** OAuth2 endpoint error ({error, error_description, hint}). */
export class OpenEmrOAuthError extends OpenEmrAuthError {
  constructor(readonly error: string, readonly description: string | null, endpoint: string | null, status: number | null) {
    super(`OAuth error ${error}${description ? `: ${description}` : ''}`, endpoint, status);
  }
}
