// Stands in for @apollo/utils.createhash in the Lambda bundle. The original
// takes node:crypto only through `module.require`, which does not exist inside
// an esbuild bundle, and otherwise hashes every query with sha.js in
// JavaScript; Lambda always has node:crypto.
import { createHash as nodeCreateHash } from 'node:crypto';

export function createHash(kind) {
  return nodeCreateHash(kind);
}
