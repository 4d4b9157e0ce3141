/**
 * The dashboard's sections, in sidebar order. One list feeds the sidebar, the overview cards and each section's
 * placeholder, so a section is named and described the same way everywhere.
 */
import { ROLE_PERMISSIONS, type Permission } from '@/lib/auth/permissions';
import type { Role } from '@/lib/auth/role-names';

export type SectionId = 'api-keys' | 'search' | 'request-builder' | 'usage' | 'audit' | 'accounts' | 'users';

export interface DashboardSection {
  id: SectionId;
  title: string;
  href: `/${SectionId}`;
  /** What the section does for its users, in a sentence. */
  summary: string;
  /** The permission that opens it: a role without it does not see the section anywhere (sidebar, overview). */
  permission: Permission;
}

export const dashboardSections: Readonly<Record<SectionId, DashboardSection>> = {
  'api-keys': {
    id: 'api-keys',
    title: 'API Keys',
    href: '/api-keys',
    permission: 'keys.read',
    summary:
      'Generate Default and Cloud keys, name and delete them, and see the IPs each key is Locked On, for every sendSMS account you belong to.',
  },
  search: {
    id: 'search',
    title: 'Find a key',
    href: '/search',
    permission: 'keys.read',
    summary:
      'Find a customer’s key from what they tell you: the last characters of the key, its name, an IP address or their sendSMS username.',
  },
  'request-builder': {
    id: 'request-builder',
    title: 'Request Builder',
    href: '/request-builder',
    permission: 'requests.read',
    summary:
      'Build and test a sendSMS API request, such as token_add_ip to whitelist an IP for a key, and see the answer on the page.',
  },
  usage: {
    id: 'usage',
    title: 'Usage',
    href: '/usage',
    permission: 'usage.read',
    summary: 'When each key was last used and how many times, over time, so that idle or failing keys stand out.',
  },
  audit: {
    id: 'audit',
    title: 'Audit',
    href: '/audit',
    permission: 'audit.read',
    summary:
      'Who did what to which key, when and from where, including every view of a customer’s keys by support staff.',
  },
  accounts: {
    id: 'accounts',
    title: 'Accounts',
    href: '/accounts',
    permission: 'accounts.read',
    summary:
      'The sendSMS accounts this dashboard manages: their credentials, kept encrypted, when those were last rotated, and who is a member.',
  },
  users: {
    id: 'users',
    title: 'Users',
    href: '/users',
    permission: 'users.manage',
    summary: 'Who can sign in, and with which role: account admin, support staff or team lead.',
  },
};

export const sectionOrder: readonly SectionId[] = [
  'api-keys',
  'search',
  'request-builder',
  'usage',
  'audit',
  'accounts',
  'users',
];

export const orderedSections: readonly DashboardSection[] = sectionOrder.map((id) => dashboardSections[id]);

/** The sections the role may open, in sidebar order: what the sidebar, the mobile menu and the overview list. */
export function sectionsFor(role: Role): readonly DashboardSection[] {
  const allowed = ROLE_PERMISSIONS[role].permissions;
  return orderedSections.filter((section) => allowed.includes(section.permission));
}
