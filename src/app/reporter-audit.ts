/**
 * The audit trail of personal data (docs/domain-rules.md, 'Complaint desk'): every time a staff
 * member sees a reporter unmasked, one log line names who (role, token subject), which complaint and
 * which mall. The line never holds the data read.
 */
import type { ReporterReadListener } from '../domain/complaints/complaint-service.js';
import { logger } from './logger.js';

/** Logs an unmasked read of a reporter by staff. */
export const logReporterRead: ReporterReadListener = (read) => {
  logger.info('Reporter read unmasked', {
    audit: 'complaint.reporter.read',
    complaintId: read.complaintId,
    mallId: read.mallId,
    readerRole: read.role,
    readerSubject: read.subject,
  });
};
