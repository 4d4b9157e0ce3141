import type { Metadata } from 'next';
import Link from 'next/link';

export const metadata: Metadata = { title: 'No access' };

/** Where requirePagePermission sends a signed-in user who may not open a page; the reason comes from the permission table. */
export default async function ForbiddenPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { reason } = await searchParams;
  return (
    <main className="flex min-h-dvh items-center justify-center px-4 py-12">
      <div className="grid max-w-md gap-4 rounded-xl border border-zinc-200 p-6 dark:border-zinc-800">
        <p className="text-sm font-medium text-zinc-600 dark:text-zinc-400">403</p>
        <h1 className="text-2xl font-semibold tracking-tight">You do not have access to this page</h1>
        <p className="text-zinc-700 dark:text-zinc-300">
          {typeof reason === 'string' ? reason.slice(0, 200) : 'Your role does not allow it.'}
        </p>
        <Link
          href="/"
          className="text-sm font-medium text-blue-700 underline-offset-4 hover:underline dark:text-blue-400"
        >
          Back to the overview
        </Link>
      </div>
    </main>
  );
}
