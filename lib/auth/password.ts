import { hash, verify } from '@node-rs/argon2';

/** argon2id (the @node-rs/argon2 default), through a package that ships prebuilt binaries: no network build. */
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

export function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  return verify(passwordHash, password).catch(() => false);
}
