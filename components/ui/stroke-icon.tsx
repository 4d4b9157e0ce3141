import { cn } from './cn';

/** A line-drawn icon (the menu's bars, the close ×): decorative, so hidden from screen readers; the button names it. */
export function StrokeIcon({ path, size = 16, className }: { path: string; size?: 16 | 20; className?: string }) {
  return (
    <svg
      aria-hidden="true"
      viewBox={`0 0 ${size} ${size}`}
      className={cn('size-4', className)}
      fill="none"
      stroke="currentColor"
      strokeWidth="1.75"
      strokeLinecap="round"
    >
      <path d={path} />
    </svg>
  );
}
