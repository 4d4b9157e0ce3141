'use client';

/**
 * fetch for the dashboard's own JSON routes. A 401 means the session ended while the page was open: the request
 * waits while the sign-in-again dialog is shown (the page, and any form on it, stays as it was), then runs again.
 */

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly body: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

type ReauthenticateListener = () => Promise<boolean>;
let reauthenticate: ReauthenticateListener | null = null;

/** Registered by <SessionExpiryProvider>; resolves true once the user has signed in again. */
export function setReauthenticate(listener: ReauthenticateListener | null): void {
  reauthenticate = listener;
}

export async function apiRequest<T>(url: string, init: RequestInit = {}): Promise<T> {
  const send = () =>
    fetch(url, {
      ...init,
      headers: { ...(init.body ? { 'content-type': 'application/json' } : {}), ...init.headers },
      credentials: 'same-origin',
    });
  let response = await send();
  if (response.status === 401 && reauthenticate && (await reauthenticate())) response = await send();
  const body: unknown = response.headers.get('content-type')?.includes('application/json')
    ? await response.json()
    : await response.text();
  if (!response.ok) {
    const message =
      typeof body === 'object' && body && 'message' in body && typeof body.message === 'string'
        ? body.message
        : `Request failed (${response.status})`;
    throw new ApiError(response.status, message, body);
  }
  return body as T;
}
