/**
 * The headers by which the CloudFront distribution in front of the API (infra/api-edge.ts) talks to the
 * function. In a module of their own so that CDK imports the names without the server.
 */

/** The header by which CloudFront proves a request came through it (a secret origin header). */
export const ORIGIN_VERIFY_HEADER = 'x-loket-origin-verify';

/**
 * The viewer's address as CloudFront saw it: the edge's viewer-request function writes it (the address
 * part of CloudFront-Viewer-Address), overwriting whatever a client sent under that name.
 */
export const VIEWER_ADDRESS_HEADER = 'x-loket-viewer-address';
