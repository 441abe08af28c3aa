import { randomInt } from 'node:crypto';
import { bindingCodeAlphabet, bindingCodeLength } from '@jiugai/shared';
import type { BindingCodeView } from '@jiugai/shared';
import { Household, type HouseholdDoc } from '../models/household';
import { Region } from '../models/region';

export const newBindingCode = (): string =>
  Array.from(
    { length: bindingCodeLength },
    () => bindingCodeAlphabet[randomInt(bindingCodeAlphabet.length)],
  ).join('');

/**
 * Gives every household matching `filter` a one-time binding code (keeping existing codes unless `regenerate`),
 * and returns the codes for printing, ordered by building, unit and room.
 */
export async function issueBindingCodes(
  filter: Record<string, unknown>,
  regenerate: boolean,
): Promise<BindingCodeView[]> {
  const households = await Household.find(filter).lean<HouseholdDoc[]>();
  const fresh = new Map<string, string>();
  for (const h of households) if (regenerate || !h.bindingCode) fresh.set(String(h._id), newBindingCode());
  if (fresh.size) {
    await Household.bulkWrite(
      [...fresh].map(([id, code]) => ({
        updateOne: { filter: { _id: id }, update: { $set: { bindingCode: code } } },
      })),
      { ordered: false },
    );
  }
  const buildings = await Region.find(
    { _id: { $in: [...new Set(households.map((h) => String(h.buildingId)))] } },
    { name: 1 },
  ).lean();
  const names = new Map(buildings.map((b) => [String(b._id), b.name]));
  return households
    .map((h) => ({
      householdId: String(h._id),
      buildingName: names.get(String(h.buildingId)) ?? '',
      unit: h.unit,
      room: h.room,
      code: fresh.get(String(h._id)) ?? h.bindingCode!,
    }))
    .sort((a, b) =>
      `${a.buildingName}|${a.unit}|${a.room}`.localeCompare(
        `${b.buildingName}|${b.unit}|${b.room}`,
        'zh-CN',
        { numeric: true },
      ),
    );
}
