import type mongoose from 'mongoose';
import { Region } from '../models/region';
import { addressOf } from '../presenters/survey';
import { batchedById } from './surveyVoteBatching';

/**
 * Building names for receipts, kept for a few minutes: every ballot and survey answer shows its household's
 * address, and re-reading the building for each of thousands of ballots in a burst is wasted work. A renamed
 * building shows its new name in receipts after at most `ttlMs`.
 */
const ttlMs = 5 * 60_000;
const cache = new Map<string, { name: Promise<string>; until: number }>();
/** Misses of one turn are read together; a burst's first ballots for a building share one read. */
const loadBuildings = batchedById((ids) =>
  Region.find({ _id: { $in: ids } }, { name: 1 }).lean<{ _id: unknown; name?: string }[]>(),
);

export async function buildingName(buildingId: mongoose.Types.ObjectId | string): Promise<string> {
  const key = String(buildingId);
  const hit = cache.get(key);
  if (hit && hit.until > Date.now()) return hit.name;
  const name = loadBuildings(key).then((building) => building?.name ?? '');
  if (cache.size > 10_000) cache.clear();
  const entry = { name, until: Date.now() + ttlMs };
  cache.set(key, entry);
  // A failed read is not cached: the next receipt tries again.
  name.catch(() => {
    if (cache.get(key) === entry) cache.delete(key);
  });
  return name;
}

/** "3号楼 2单元 301" for a household. */
export async function householdAddress(h: {
  buildingId: mongoose.Types.ObjectId;
  unit: string;
  room: string;
}): Promise<string> {
  return addressOf(h, await buildingName(h.buildingId));
}
