import { cn } from './cn';

/** A grey block where content is about to be, the size it will have, so the page does not jump when it arrives. */
export function Skeleton({ className }: { className?: string }) {
  return (
    <span
      aria-hidden="true"
      className={cn(
        'block animate-pulse rounded-md bg-zinc-200 motion-reduce:animate-none dark:bg-zinc-800',
        className,
      )}
    />
  );
}
