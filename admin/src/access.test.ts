import { describe, expect, it } from 'vitest';
import { accessFor, permissions } from './access';

describe('access rules', () => {
  it("gives a community worker the field work and their region's audit log, but not vote opening or staff management", () => {
    const a = accessFor({ role: 'community_staff' });
    expect(a['surveys.enterPaper']).toBe(true);
    expect(a['complaints.handle']).toBe(true);
    expect(a['regions.import']).toBe(true);
    expect(a['votes.manage']).toBe(false);
    expect(a['audit.view']).toBe(true);
    expect(a['staff.manage']).toBe(false);
  });

  it('lets the street office open votes and change stages, but only admins manage staff', () => {
    const street = accessFor({ role: 'street_staff' });
    expect(street['votes.manage']).toBe(true);
    expect(street['projects.stage']).toBe(true);
    expect(street['staff.manage']).toBe(false);
    expect(accessFor({ role: 'bureau_admin' })['staff.manage']).toBe(true);
  });

  it('limits an expert to projects and review opinions', () => {
    const a = accessFor({ role: 'expert' });
    const granted = permissions.filter((p) => a[p]);
    expect(granted).toEqual(['projects.view', 'reviews.write']);
  });

  it('gives residents and logged-out visitors nothing', () => {
    for (const user of [null, { role: 'resident' as const }, { role: 'supervisor' as const }]) {
      expect(Object.values(accessFor(user)).some(Boolean)).toBe(false);
    }
  });

  it('gives the system administrator everything', () => {
    expect(Object.values(accessFor({ role: 'super_admin' })).every(Boolean)).toBe(true);
  });
});
