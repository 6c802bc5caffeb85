/**
 * The audit log: one entry per change to a mall's catalog or machine clients, written in the same
 * transaction as the change (docs/domain-rules.md, 'Administration and machine clients').
 */
import type { Viewer } from '../access/viewer.js';

/** One change: who made it, what it was (the mutation's name), which id it changed, and when. */
export interface AuditEntry {
  mallId: string;
  /** ISO instant of the change. */
  at: string;
  /** Role, mall, agency and subject of the caller (the loader is an ADMIN with subject `loader`). */
  by: Viewer;
  /** The mutation, e.g. `upsertService`; a load writes the mutation that would make the same change. */
  action: string;
  /** The id of what changed (for a schedule exception, `<scopeId>@<date>`). */
  target: string;
}

/** A page of the audit log, newest first. */
export interface AuditPage {
  /** Each entry with its cursor (opaque; made by the repository, which owns the keys). */
  edges: { entry: AuditEntry; cursor: string }[];
  /** Set when older entries follow. */
  nextCursor: string | null;
}

/** Reads the audit log (entries are written by the catalog and machine-client writers). */
export interface AuditRepository {
  /**
   * Entries of a mall, newest first, after `cursor`.
   * @throws BadInputError for a cursor it did not make.
   */
  listAudit(mallId: string, first: number, cursor: string | null): Promise<AuditPage>;
}

/** Who the data load acts as: the mall's ADMIN, named `loader` in the audit log. */
export function loaderViewer(mallId: string): Viewer {
  return { role: 'ADMIN', mallId, agencyId: null, subject: 'loader' };
}
