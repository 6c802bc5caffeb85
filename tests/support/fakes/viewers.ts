/** Callers as a verified token would make them. */

import { PUBLIC_VIEWER, type Viewer } from '../../../src/domain/access/viewer.js';
import { mallIdOf } from '../../../src/domain/catalog/catalog.js';

export { PUBLIC_VIEWER };

export function adminOf(mallId: string): Viewer {
  return { role: 'ADMIN', mallId, agencyId: null, subject: `admin@${mallId}` };
}

/** A kiosk of the mall: issues walk-in tickets. */
export function kioskOf(mallId: string, n = 1): Viewer {
  return { role: 'KIOSK', mallId, agencyId: null, subject: `kiosk-${n}@${mallId}` };
}

export function officerOf(agencyId: string): Viewer {
  return { role: 'OFFICER', mallId: mallIdOf(agencyId), agencyId, subject: `officer@${agencyId}` };
}

export function partnerOf(agencyId: string): Viewer {
  return { role: 'PARTNER', mallId: mallIdOf(agencyId), agencyId, subject: `partner@${agencyId}` };
}
