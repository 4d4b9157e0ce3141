import type { LogLevel } from '@/lib/config';
import { redact } from '@/lib/redact';

/**
 * One line per event, on stderr, every line passed through redact() so that no secret reaches a log.
 * The level comes from LOG_LEVEL; it is read here rather than from getConfig() so that logging still works while
 * the configuration itself is being reported as invalid.
 */

const ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

function threshold(): number {
  const level = (process.env.LOG_LEVEL ?? 'info').toLowerCase() as LogLevel;
  return ORDER[level] ?? ORDER.info;
}

export interface Logger {
  /** A function is called only when debug lines are written: for messages that cost something to build. */
  debug(message: string | (() => string)): void;
  info(message: string): void;
  warn(message: string): void;
  error(message: string, error?: unknown): void;
}

export function describeError(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}

export function createLogger(
  scope: string,
  write: (line: string) => void = (line) => process.stderr.write(`${line}\n`),
): Logger {
  const emit = (level: LogLevel, message: string | (() => string)) => {
    if (ORDER[level] < threshold()) return;
    const text = typeof message === 'function' ? message() : message;
    write(redact(`${new Date().toISOString()} ${level.padEnd(5)} [${scope}] ${text}`));
  };
  return {
    debug: (message) => emit('debug', message),
    info: (message) => emit('info', message),
    warn: (message) => emit('warn', message),
    error: (message, error) => emit('error', error === undefined ? message : `${message}: ${describeError(error)}`),
  };
}
