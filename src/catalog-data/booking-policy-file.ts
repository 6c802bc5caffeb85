/**
 * The optional `booking` object of a service in the data files: a service with one takes online bookings
 * with that policy, every field defaulted (docs/data-files.md, docs/domain-rules.md 'The ticket door and
 * booking').
 */
import { bookingPolicyRule } from '../domain/admin/catalog-rules.js';

/** A service's booking policy as a data file declares it (the rule upsertService uses too); null (the default) takes no bookings. */
export const bookingPolicyFile = bookingPolicyRule.default(null);
