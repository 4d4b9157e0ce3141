/**
 * The dashboard's sections, in sidebar order. One list feeds the sidebar, the overview cards and each section's
 * heading, so a section is named and described the same way everywhere: its title and summary are the messages
 * `shell.sections.<id>.title` and `.summary` (messages/<language>/shell.json).
 */
import { ROLE_PERMISSIONS, type Permission } from '@/lib/auth/permissions';
import type { Role } from '@/lib/auth/role-names';

export type SectionId = 'api-keys' | 'search' | 'request-builder' | 'usage' | 'audit' | 'accounts' | 'users';

export interface DashboardSection {
  id: SectionId;
  href: `/${SectionId}`;
  /** The permission that opens it: a role without it does not see the section anywhere (sidebar, overview). */
  permission: Permission;
}

export const dashboardSections: Readonly<Record<SectionId, DashboardSection>> = {
  'api-keys': {
    id: 'api-keys',
    href: '/api-keys',
    permission: 'keys.read',
  },
  search: {
    id: 'search',
    href: '/search',
    permission: 'keys.read',
  },
  'request-builder': {
    id: 'request-builder',
    href: '/request-builder',
    permission: 'requests.read',
  },
  usage: {
    id: 'usage',
    href: '/usage',
    permission: 'usage.read',
  },
  audit: {
    id: 'audit',
    href: '/audit',
    permission: 'audit.read',
  },
  accounts: {
    id: 'accounts',
    href: '/accounts',
    permission: 'accounts.read',
  },
  users: {
    id: 'users',
    href: '/users',
    permission: 'users.manage',
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
