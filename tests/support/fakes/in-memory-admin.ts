import type { AuditEntry, AuditPage, AuditRepository } from '../../../src/domain/admin/audit.js';
import type { MachineClient, MachineClientRepository } from '../../../src/domain/admin/machine-client.js';
import { BadInputError } from '../../../src/domain/shared/errors.js';
import { copy, FakeTransactionCanceled, roundTrip } from './conditions.js';

/** An audit sort key: an ISO instant, `#`, a UUID (as the store makes it). */
const AUDIT_SORT = /^\d{4}-\d{2}-\d{2}T[\d:.]+Z#[0-9a-f-]{36}$/;

/**
 * Machine clients and the audit log in memory, as the DynamoDB store (src/dynamo/admin/admin-store.ts)
 * keeps them: a client is registered only under a new id, revoked only while it is not (a second
 * revocation answers the first), each change with its audit entry in the same write; the audit log of a
 * mall is read newest first, `first` entries after a cursor, with a cursor back whenever `first` were read.
 * The catalog fake appends the entries of its commits here too (`append`).
 */
export class InMemoryAdminRepository implements MachineClientRepository, AuditRepository {
  readonly clients = new Map<string, MachineClient>();
  /** Audit entries by mall, each with its sort key. */
  readonly entries: { sort: string; entry: AuditEntry }[] = [];
  private uuids = 0;

  /** Stores audit entries, as the Puts of a transaction that succeeded. */
  append(entries: readonly AuditEntry[]): void {
    for (const entry of entries) {
      this.uuids++;
      const uuid = `00000000-0000-4000-8000-${String(this.uuids).padStart(12, '0')}`;
      this.entries.push({ sort: `${entry.at}#${uuid}`, entry: copy(entry) });
    }
  }

  async getMachineClient(id: string): Promise<MachineClient | null> {
    await roundTrip();
    const client = this.clients.get(id);
    return client ? copy(client) : null;
  }

  async listMachineClients(mallId: string): Promise<MachineClient[]> {
    await roundTrip();
    const key = (c: MachineClient) => `${c.createdAt}#${c.id}`;
    return [...this.clients.values()]
      .filter((c) => c.mallId === mallId)
      .sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0))
      .map(copy);
  }

  async registerMachineClient(client: MachineClient, audit: AuditEntry): Promise<void> {
    await roundTrip();
    if (this.clients.has(client.id)) throw new FakeTransactionCanceled(['ConditionalCheckFailed', 'None']);
    this.clients.set(client.id, copy(client));
    this.append([audit]);
  }

  async revokeMachineClient(
    current: MachineClient,
    revokedAt: string,
    audit: AuditEntry,
  ): Promise<MachineClient> {
    await roundTrip();
    const stored = this.clients.get(current.id);
    if (!stored || stored.revokedAt !== null) {
      // Revoked meanwhile by another request: the first revocation stands.
      if (stored?.revokedAt) return copy(stored);
      throw new FakeTransactionCanceled(['ConditionalCheckFailed', 'None']);
    }
    const revoked = { ...current, revokedAt };
    this.clients.set(current.id, copy(revoked));
    this.append([audit]);
    return revoked;
  }

  async listAudit(mallId: string, first: number, cursor: string | null): Promise<AuditPage> {
    let start: string | null = null;
    if (cursor !== null) {
      start = Buffer.from(cursor, 'base64url').toString('utf8');
      if (!AUDIT_SORT.test(start)) throw new BadInputError('after: is not a cursor of this list.', 'after');
    }
    await roundTrip();
    const evaluated = this.entries
      .filter((e) => e.entry.mallId === mallId && (start === null || e.sort < start))
      .sort((a, b) => (a.sort < b.sort ? 1 : a.sort > b.sort ? -1 : 0))
      .slice(0, first);
    const edges = evaluated.map((e) => ({
      entry: copy(e.entry),
      cursor: Buffer.from(e.sort, 'utf8').toString('base64url'),
    }));
    const last = edges[edges.length - 1];
    return { edges, nextCursor: evaluated.length === first && last ? last.cursor : null };
  }
}
