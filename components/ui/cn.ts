import { clsx, type ClassValue } from 'clsx';
import { twMerge } from 'tailwind-merge';

/** Joins conditional class names, letting a later Tailwind utility override an earlier one (`px-2` then `px-4`). */
export function cn(...classes: ClassValue[]): string {
  return twMerge(clsx(classes));
}
