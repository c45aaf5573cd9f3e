import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { PasswordHash } from './password.js';
import { normalizeReach, reachProblems, type Reach } from './reach.js';

/** One user: as the store keeps them, and as the seed file (AUTH_USERS_FILE) lists them. */
export interface StoredUser extends Reach {
  username: string;
  /** Free text for people reading the file, e.g. why the user exists. */
  note?: string;
  password: PasswordHash;
}

export interface UsersFile {
  users: StoredUser[];
}

export const USERNAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._@+-]{0,63}$/;

/** Reads and checks the users seed file; throws one message naming the file and every problem. */
export function readUsersFile(file: string): UsersFile {
  if (!existsSync(file))
    throw new Error(
      `AUTH_USERS_FILE=${file}: no such file, and the store has no user (create one with: npm run users -- add <username> --level system)`,
    );
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`AUTH_USERS_FILE=${file} cannot be read as JSON: ${(error as Error).message}`);
  }
  const problems: string[] = [];
  const users = (parsed as { users?: unknown } | null)?.users;
  if (!Array.isArray(users)) throw new Error(`AUTH_USERS_FILE=${file} must hold {"users": [...]}`);
  const seen = new Set<string>();
  users.forEach((raw: unknown, i) => {
    const where = `users[${i}]`;
    if (typeof raw !== 'object' || raw === null) return problems.push(`${where} must be an object`);
    const u = raw as Record<string, unknown>;
    if (typeof u.username !== 'string' || !USERNAME_PATTERN.test(u.username))
      problems.push(`${where}.username must match ${String(USERNAME_PATTERN)}`);
    else if (seen.has(u.username)) problems.push(`${where}.username ${u.username} appears twice`);
    else seen.add(u.username);
    problems.push(...reachProblems(u, where));
    if (u.note !== undefined && typeof u.note !== 'string') problems.push(`${where}.note must be a string`);
    problems.push(...hashProblems(u.password, `${where}.password`));
  });
  if (problems.length > 0) throw new Error(`AUTH_USERS_FILE=${file} is invalid:\n  ${problems.join('\n  ')}`);
  return {
    users: (users as StoredUser[]).map((u) => ({
      username: u.username,
      ...(u.note !== undefined ? { note: u.note } : {}),
      ...normalizeReach(u),
      password: u.password,
    })),
  };
}

function hashProblems(value: unknown, where: string): string[] {
  if (typeof value !== 'object' || value === null)
    return [`${where} must be a scrypt hash object (written by npm run users)`];
  const h = value as Record<string, unknown>;
  const ok =
    h.algorithm === 'scrypt' &&
    [h.N, h.r, h.p, h.keylen].every((n) => Number.isInteger(n) && (n as number) > 0) &&
    Number.isInteger(Math.log2(h.N as number)) &&
    (h.N as number) <= 2 ** 20 &&
    (h.keylen as number) <= 128 &&
    typeof h.salt === 'string' &&
    typeof h.hash === 'string' &&
    Buffer.from(h.hash, 'base64').length === h.keylen;
  return ok
    ? []
    : [`${where} must be {"algorithm": "scrypt", "N", "r", "p", "keylen", "salt", "hash"} as npm run users writes it`];
}

/** Writes the file atomically (temp file and rename), readable by its owner only. */
export function writeUsersFile(file: string, content: UsersFile): void {
  writeJsonAtomically(file, content);
}

export function writeJsonAtomically(file: string, content: unknown): void {
  const temp = join(dirname(file), `.${process.pid}.${Date.now()}.tmp`);
  writeFileSync(temp, `${JSON.stringify(content, null, 2)}\n`, { mode: 0o600 });
  renameSync(temp, file);
}
