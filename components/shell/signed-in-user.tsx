'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';

import { signOut } from '@/components/auth/auth-endpoints';
import { Button } from '@/components/ui/button';
import type { Role } from '@/lib/auth/role-names';

export interface SignedInUserProps {
  name: string;
  email: string;
  role: Role;
  roleName: string;
}

/** Who is signed in, with which role, and the way out; at the foot of the sidebar and the mobile menu. */
export function SignedInUser({ name, email, roleName }: SignedInUserProps) {
  const router = useRouter();
  const t = useTranslations('shell.signedInUser');
  return (
    <section aria-label={t('label')} className="grid gap-2 border-t border-zinc-200 pt-3 text-sm dark:border-zinc-800">
      <div className="grid gap-0.5">
        <span className="font-medium text-zinc-900 dark:text-zinc-100">{name}</span>
        <span className="truncate text-zinc-600 dark:text-zinc-400">{email}</span>
        <span className="text-zinc-600 dark:text-zinc-400" data-testid="signed-in-role">
          {roleName}
        </span>
      </div>
      <Link href="/two-factor" className="text-blue-700 underline-offset-4 hover:underline dark:text-blue-400">
        {t('twoFactor')}
      </Link>
      <Link href="/two-factor#password" className="text-blue-700 underline-offset-4 hover:underline dark:text-blue-400">
        {t('changePassword')}
      </Link>
      <Link href="/preferences" className="text-blue-700 underline-offset-4 hover:underline dark:text-blue-400">
        {t('preferences')}
      </Link>
      {/* Not next-auth's redirect: it would build the address from NEXTAUTH_URL, which a self-hosted install may not set. */}
      <Button variant="secondary" size="sm" onClick={() => void signOut().then(() => router.replace('/login'))}>
        {t('signOut')}
      </Button>
    </section>
  );
}
