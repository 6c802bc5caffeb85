/** Callers as a verified token would make them. */

import { PUBLIC_VIEWER, type Viewer } from '../../../src/domain/access/viewer.js';
import { mallIdOf } from '../../../src/domain/catalog/catalog.js';

export { PUBLIC_VIEWER };

export function adminOf(mallId: string): Viewer {
  return { role: 'ADMIN', mallId, agencyId: null };
}

export function officerOf(agencyId: string): Viewer {
  return { role: 'OFFICER', mallId: mallIdOf(agencyId), agencyId };
}

export function partnerOf(agencyId: string): Viewer {
  return { role: 'PARTNER', mallId: mallIdOf(agencyId), agencyId };
}
