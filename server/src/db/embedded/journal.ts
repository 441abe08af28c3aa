import type { ChangeBatch } from './engine';

/** Makes a command's changes durable before its reply is sent. */
export interface Journal {
  commit(batch: ChangeBatch): Promise<void>;
  close(): Promise<void>;
}
