/** Escapes user text for use inside a MongoDB $regex, so searches match it literally. */
export const escapeRegex = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A case-insensitive "contains" condition on a field, for keyword search boxes. */
export const containsText = (q: string) => ({ $regex: escapeRegex(q), $options: 'i' });
