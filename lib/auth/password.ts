import 'server-only';
import { hash, verify } from '@node-rs/argon2';

/** argon2id (the @node-rs/argon2 default), through a package that ships prebuilt binaries: no network build. */
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

export function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  return verify(passwordHash, password).catch(() => false);
}

let dummy: Promise<string> | undefined;

/**
 * A hash of no one's password, made once per process with the same parameters as real ones: checking a password
 * against it when the email has no password takes as long as a real check (see credentials-sign-in.ts).
 */
export function dummyPasswordHash(): Promise<string> {
  dummy ??= hash(`no-one's password ${Math.random()}`);
  return dummy;
}
