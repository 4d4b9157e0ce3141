/**
 * The authorization matrix: one entry per route handler and method (and per server action, should one appear),
 * with the exact answer each kind of caller must get. authorization-matrix.test.ts fails when a route exists
 * without an entry here, or an entry names a route that no longer exists.
 *
 * 'allow' means the request got past the permission gate (any status but 401 and 403); a number is the exact
 * status. The callers: nobody signed in, a LEAD and an ADMIN who are members of account A, SUPPORT (no
 * memberships), an ADMIN of account B only (a second tenant), the INSTALLATION_ADMIN (member of no account), and
 * a disabled ADMIN of account A. Requests act on account A and on userInA (a LEAD of account A). Whatever the
 * second tenant's admin is let through to must not hold a trace of tenant A (the matrix checks every answer).
 * To add a route: add an entry with its file, method, the request to send, and the seven expectations.
 */

export type Caller = 'anonymous' | 'disabled' | 'lead' | 'support' | 'otherAdmin' | 'admin' | 'installAdmin';
export type Expected = 'allow' | 401 | 403;

export interface World {
  accountA: string;
  accountB: string;
  userInA: string;
  /** A string unique to this call, for things that must not collide (a new user's email). */
  unique: string;
}

export interface RouteAccess {
  /** The file under app/, as found on disk. */
  file: string;
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Public routes: why they need no session. Not called by the matrix (next-auth's own need a real request scope). */
  public?: string;
  request?: (world: World) => { params?: Record<string, string | string[]>; body?: unknown; query?: string };
  expect?: Expectations;
}

type Expectations = Record<Caller, Expected>;
/** Nobody signed in and a disabled user get 401 from every route. */
const SIGNED_OUT = { anonymous: 401, disabled: 401 } as const;

/** Changes to account A: its own admin only (the installation admin reads every account but changes only its own). */
const ADMIN_ONLY: Expectations = {
  ...SIGNED_OUT,
  lead: 403,
  support: 403,
  otherAdmin: 403,
  admin: 'allow',
  installAdmin: 403,
};
/** users.manage is not account-scoped: any admin passes the gate; the tenant check is the service's (see below). */
const ANY_ADMIN: Expectations = {
  ...SIGNED_OUT,
  lead: 403,
  support: 403,
  otherAdmin: 'allow',
  admin: 'allow',
  installAdmin: 'allow',
};
const ANY_ADMIN_OWN_TENANT: Expectations = {
  ...SIGNED_OUT,
  lead: 403,
  support: 403,
  otherAdmin: 403,
  admin: 'allow',
  installAdmin: 'allow',
};
/** Installation-wide settings: the installation admin alone. */
const INSTALLATION_ONLY: Expectations = {
  ...SIGNED_OUT,
  lead: 403,
  support: 403,
  otherAdmin: 403,
  admin: 403,
  installAdmin: 'allow',
};
const MEMBERS_AND_SUPPORT_READ: Expectations = {
  ...SIGNED_OUT,
  lead: 'allow',
  support: 'allow',
  otherAdmin: 403,
  admin: 'allow',
  installAdmin: 'allow',
};
const ADMINS_AND_SUPPORT_READ: Expectations = {
  ...SIGNED_OUT,
  lead: 403,
  support: 'allow',
  otherAdmin: 'allow',
  admin: 'allow',
  installAdmin: 'allow',
};
const ADMINS_AND_SUPPORT_READ_ACCOUNT: Expectations = {
  ...SIGNED_OUT,
  lead: 403,
  support: 'allow',
  otherAdmin: 403,
  admin: 'allow',
  installAdmin: 'allow',
};
const EVERYONE_SIGNED_IN: Expectations = {
  ...SIGNED_OUT,
  lead: 'allow',
  support: 'allow',
  otherAdmin: 'allow',
  admin: 'allow',
  installAdmin: 'allow',
};

const accountParams = (world: World) => ({ accountId: world.accountA });
const keyParams = (world: World) => ({ accountId: world.accountA, keyId: 'no-such-key' });

/**
 * A route on account A, or on a key of it, called with nothing but its params, and a write with an empty body: the
 * gate answers before the body is validated.
 */
function onAccount(
  file: string,
  method: RouteAccess['method'],
  params: (world: World) => Record<string, string>,
  expect: Expectations,
): RouteAccess {
  return {
    file,
    method,
    request: (world) => (method === 'GET' ? { params: params(world) } : { params: params(world), body: {} }),
    expect,
  };
}

export const ROUTE_ACCESS: RouteAccess[] = [
  {
    file: 'app/api/health/route.ts',
    method: 'GET',
    public: 'liveness probe for the start script and monitors; says nothing about accounts',
  },
  {
    file: 'app/api/auth/[...nextauth]/route.ts',
    method: 'GET',
    public: "next-auth's own endpoints (csrf, session, providers), protected by next-auth's CSRF token",
  },
  {
    file: 'app/api/auth/[...nextauth]/route.ts',
    method: 'POST',
    public: 'next-auth sign-in and sign-out; the credentials callback is rate limited per email and IP',
  },
  {
    file: 'app/api/auth/setup/route.ts',
    method: 'POST',
    public: 'creates the first admin only while no user exists (409 after)',
  },

  { file: 'app/api/auth/two-factor/route.ts', method: 'POST', expect: EVERYONE_SIGNED_IN },
  {
    file: 'app/api/auth/two-factor/route.ts',
    method: 'PUT',
    request: () => ({ body: { code: '000000' } }),
    expect: EVERYONE_SIGNED_IN,
  },
  // A wrong current password: past the gate, refused by the service (422) without changing anything.
  {
    file: 'app/api/auth/password/route.ts',
    method: 'PUT',
    request: () => ({ body: { currentPassword: 'not-the-password', newPassword: 'a-new-long-password' } }),
    expect: EVERYONE_SIGNED_IN,
  },
  // One's own language: every signed-in role, nobody else's.
  {
    file: 'app/api/preferences/route.ts',
    method: 'PUT',
    request: () => ({ body: { locale: 'en' } }),
    expect: EVERYONE_SIGNED_IN,
  },

  { file: 'app/api/accounts/route.ts', method: 'GET', expect: EVERYONE_SIGNED_IN },
  {
    file: 'app/api/accounts/route.ts',
    method: 'POST',
    // A closed port: the credential check fails (503, nothing saved) once the gate has let the request through.
    request: (world) => ({
      body: {
        label: 'New',
        username: `new-${world.unique}`,
        credential: 'x',
        credentialKind: 'API_KEY',
        apiBaseUrl: 'http://127.0.0.1:9/json',
      },
    }),
    expect: ANY_ADMIN,
  },
  onAccount('app/api/accounts/[accountId]/route.ts', 'GET', accountParams, MEMBERS_AND_SUPPORT_READ),
  {
    file: 'app/api/accounts/[accountId]/credential/route.ts',
    method: 'PUT',
    request: (world) => ({ params: accountParams(world), body: { credential: 'rotated', credentialKind: 'API_KEY' } }),
    expect: ADMIN_ONLY,
  },

  { file: 'app/api/users/route.ts', method: 'GET', expect: ANY_ADMIN },
  {
    file: 'app/api/users/route.ts',
    method: 'POST',
    // Granting account A: only its own admin may; B's admin reaching into A is a 403 from the service.
    request: (world) => ({
      body: { name: 'New', email: `new-${world.unique}@example.test`, role: 'LEAD', accountIds: [world.accountA] },
    }),
    expect: ANY_ADMIN_OWN_TENANT,
  },
  {
    file: 'app/api/users/[userId]/route.ts',
    method: 'PATCH',
    request: (world) => ({ params: { userId: world.userInA }, body: { role: 'LEAD' } }),
    expect: ANY_ADMIN_OWN_TENANT,
  },
  {
    file: 'app/api/users/[userId]/two-factor/route.ts',
    method: 'DELETE',
    request: (world) => ({ params: { userId: world.userInA } }),
    expect: ANY_ADMIN_OWN_TENANT,
  },
  {
    file: 'app/api/users/two-factor-policy/route.ts',
    method: 'PUT',
    request: () => ({ body: { requireAdminTwoFactor: false } }),
    expect: INSTALLATION_ONLY,
  },

  { file: 'app/api/audit/route.ts', method: 'GET', expect: ADMINS_AND_SUPPORT_READ },
  {
    file: 'app/api/audit/route.ts',
    method: 'GET',
    request: (world) => ({ query: `accountId=${world.accountA}` }),
    expect: ADMINS_AND_SUPPORT_READ_ACCOUNT,
  },
  { file: 'app/api/audit/export/route.ts', method: 'GET', expect: ADMINS_AND_SUPPORT_READ },

  // Issue 5's key routes, entered from their withPermission calls (keys.read / keys.manage / ips.authorize on the
  // account in the URL).
  onAccount('app/api/accounts/[accountId]/keys/route.ts', 'GET', accountParams, MEMBERS_AND_SUPPORT_READ),
  onAccount('app/api/accounts/[accountId]/keys/route.ts', 'POST', accountParams, ADMIN_ONLY),
  onAccount('app/api/accounts/[accountId]/keys/refresh/route.ts', 'POST', accountParams, MEMBERS_AND_SUPPORT_READ),
  onAccount('app/api/accounts/[accountId]/keys/import/route.ts', 'POST', accountParams, ADMIN_ONLY),
  onAccount('app/api/accounts/[accountId]/keys/export/route.ts', 'GET', accountParams, MEMBERS_AND_SUPPORT_READ),
  onAccount('app/api/accounts/[accountId]/keys/[keyId]/route.ts', 'GET', keyParams, MEMBERS_AND_SUPPORT_READ),
  onAccount('app/api/accounts/[accountId]/keys/[keyId]/route.ts', 'PATCH', keyParams, ADMIN_ONLY),
  onAccount('app/api/accounts/[accountId]/keys/[keyId]/route.ts', 'DELETE', keyParams, ADMIN_ONLY),
  onAccount('app/api/accounts/[accountId]/keys/[keyId]/ips/route.ts', 'POST', keyParams, ADMIN_ONLY),

  // Issue 12's usage views (usage.read), here on account A named in the query: its members and support staff read
  // it; an admin of another tenant is refused, whatever the usage of their own accounts.
  {
    file: 'app/api/usage/route.ts',
    method: 'GET',
    request: (world) => ({ query: `accountId=${world.accountA}` }),
    expect: MEMBERS_AND_SUPPORT_READ,
  },
  {
    file: 'app/api/usage/export/route.ts',
    method: 'GET',
    request: (world) => ({ query: `accountId=${world.accountA}&keys=never-used` }),
    expect: MEMBERS_AND_SUPPORT_READ,
  },

  // Issue 13's "Find a key" (keys.read, not account-scoped): every signed-in role passes the gate and finds keys in the
  // accounts it may read. The search matches account A's label ("Account a"): tenant B's admin must find none of A's.
  {
    file: 'app/api/keys/search/route.ts',
    method: 'GET',
    request: () => ({ query: 'q=Account' }),
    expect: EVERYONE_SIGNED_IN,
  },

  // The request builder (requests.read at the gate; the service asks for requests.write for token_add_ip).
  onAccount('app/api/accounts/[accountId]/requests/route.ts', 'POST', accountParams, ADMINS_AND_SUPPORT_READ_ACCOUNT),
];

/** Server actions ("use server" exports), as `file#export`. None today: every write is a route handler above. */
export const SERVER_ACTION_ACCESS: Array<{ action: string; expect: Expectations }> = [];
