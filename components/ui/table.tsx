import type { ComponentProps } from 'react';

import { cn } from './cn';

export function Table({ className, ...props }: ComponentProps<'table'>) {
  // The wrapper scrolls sideways on narrow screens instead of squeezing columns such as Locked On IP.
  return (
    <div className="w-full overflow-x-auto rounded-lg border border-zinc-200 dark:border-zinc-800">
      <table className={cn('w-full caption-bottom border-collapse text-left text-sm', className)} {...props} />
    </div>
  );
}

export function TableHeader({ className, ...props }: ComponentProps<'thead'>) {
  return <thead className={cn('bg-zinc-50 dark:bg-zinc-900 [&_tr]:hover:bg-transparent', className)} {...props} />;
}

export function TableBody({ className, ...props }: ComponentProps<'tbody'>) {
  return <tbody className={cn('divide-y divide-zinc-200 dark:divide-zinc-800', className)} {...props} />;
}

export function TableRow({ className, ...props }: ComponentProps<'tr'>) {
  return (
    <tr
      className={cn(
        'transition-colors hover:bg-zinc-50 dark:hover:bg-zinc-900/60',
        'border-b border-zinc-200 dark:border-zinc-800 last:border-b-0',
        className,
      )}
      {...props}
    />
  );
}

export function TableHead({ className, scope, ...props }: ComponentProps<'th'>) {
  return (
    <th
      // scope="col" by default so screen readers announce the column name with each cell.
      scope={scope ?? 'col'}
      className={cn(
        'h-10 px-3 text-xs font-semibold tracking-wide text-zinc-600 uppercase dark:text-zinc-400',
        className,
      )}
      {...props}
    />
  );
}

export function TableCell({ className, ...props }: ComponentProps<'td'>) {
  return <td className={cn('px-3 py-2.5 align-middle text-zinc-900 dark:text-zinc-100', className)} {...props} />;
}

export function TableCaption({ className, ...props }: ComponentProps<'caption'>) {
  return <caption className={cn('px-3 py-2.5 text-sm text-zinc-600 dark:text-zinc-400', className)} {...props} />;
}
