import { existsSync, readFileSync } from 'node:fs';
import { Inject, Injectable } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { authConfig } from '../config/namespaces.js';
import { reachProblems, type Reach } from './reach.js';
import { writeJsonAtomically } from './users-file.js';
import { FileSignature } from './watched-file.js';

/** A machine token as the registry keeps it: never the token itself, only its id (the JWT's jti). */
export interface MachineTokenRecord extends Reach {
  id: string;
  name: string;
  created_by: string;
  created_at: string;
  expires_at: string;
}

/**
 * The machine tokens in force (AUTH_TOKENS_FILE). A machine token is accepted only while its id
 * is here: revoking deletes the record, and the deletion is on disk before the answer, so it
 * survives a restart. A missing file is an empty registry.
 */
@Injectable()
export class MachineTokensStore {
  private records = new Map<string, MachineTokenRecord>();
  private readonly signature: FileSignature;

  constructor(@Inject(authConfig.KEY) private readonly config: ConfigType<typeof authConfig>) {
    this.signature = new FileSignature(config.tokensFile);
    this.load();
  }

  list(): MachineTokenRecord[] {
    this.load();
    return [...this.records.values()];
  }

  find(id: string): MachineTokenRecord | undefined {
    this.load();
    return this.records.get(id);
  }

  add(record: MachineTokenRecord): void {
    this.load();
    const next = new Map(this.records).set(record.id, record);
    this.save(next);
  }

  /** False when no token has this id. */
  remove(id: string): boolean {
    this.load();
    if (!this.records.has(id)) return false;
    const next = new Map(this.records);
    next.delete(id);
    this.save(next);
    return true;
  }

  private save(next: Map<string, MachineTokenRecord>): void {
    writeJsonAtomically(this.config.tokensFile, { machine_tokens: [...next.values()] });
    this.records = next;
    this.signature.changed();
  }

  private load(): void {
    if (!this.signature.changed()) return;
    const file = this.config.tokensFile;
    if (!existsSync(file)) {
      this.records = new Map();
      return;
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(readFileSync(file, 'utf8'));
    } catch (error) {
      throw new Error(`AUTH_TOKENS_FILE=${file} cannot be read as JSON: ${(error as Error).message}`);
    }
    const list = (parsed as { machine_tokens?: unknown } | null)?.machine_tokens;
    if (!Array.isArray(list)) throw new Error(`AUTH_TOKENS_FILE=${file} must hold {"machine_tokens": [...]}`);
    const problems = list.flatMap((r: Record<string, unknown>, i) => [
      ...(typeof r?.id === 'string' && typeof r.name === 'string'
        ? []
        : [`machine_tokens[${i}] needs a string id and name`]),
      ...reachProblems(r ?? {}, `machine_tokens[${i}]`),
    ]);
    if (problems.length > 0) throw new Error(`AUTH_TOKENS_FILE=${file} is invalid:\n  ${problems.join('\n  ')}`);
    this.records = new Map(
      (list as MachineTokenRecord[]).map((r) => [r.id, { ...r, tenants: r.tenants ?? [], groups: r.groups ?? [] }]),
    );
  }
}
