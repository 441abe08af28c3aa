import { createHash, randomUUID } from 'node:crypto';

/**
 * Identifies an owner across households for vote headcount (one owner of several parts counts once).
 * Same name + phone ⇒ same owner; without an owner on record every household is its own owner.
 */
export function ownerKeyOf(ownerName?: string | null, ownerPhone?: string | null): string {
  const name = (ownerName ?? '').replace(/\s+/g, '');
  const phone = (ownerPhone ?? '').replace(/\D/g, '');
  if (!name || !phone) return `hh:${randomUUID()}`;
  return `owner:${createHash('sha256').update(`${name}|${phone}`).digest('hex').slice(0, 24)}`;
}
