/**
 * Cases that fail because of a bug in another team's route, reported to the lead and left out of the assertions
 * until fixed (each is still sent and its outcome printed). Key: "<METHOD> <path pattern> :: <case label or cell>".
 * Empty means every case is asserted.
 */
export const knownFailures: Record<string, string> = {};

export const isKnown = (key: string) => Object.prototype.hasOwnProperty.call(knownFailures, key);
