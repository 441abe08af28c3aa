import { Context, ProcessingMode } from 'mingo';
import type { Options } from 'mingo/types';

/** The mingo options every query, update and pipeline runs with. */
export function queryOptions(extra: Partial<Options> = {}): Partial<Options> {
  return { processingMode: ProcessingMode.CLONE_OFF, useStrictMode: true, scriptEnabled: false, ...extra };
}

export { Context };
