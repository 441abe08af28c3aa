import { describe, expect, it } from 'vitest';
import { decodeScene, lastProject, rememberProject } from './scene';
import { formatDate, formatDateTime, maskPhone } from './format';

describe('scene decoding', () => {
  it('reads a bare scene id, a URL-encoded one and a p= pair', () => {
    expect(decodeScene('dh2024-07')).toBe('dh2024-07');
    expect(decodeScene(encodeURIComponent('p=dh2024-07'))).toBe('dh2024-07');
    expect(decodeScene('s%3DAbC_1')).toBe('AbC_1');
  });
  it('ignores missing, overlong or unsafe scenes', () => {
    expect(decodeScene(undefined)).toBeNull();
    expect(decodeScene('x'.repeat(33))).toBeNull();
    expect(decodeScene('../admin')).toBeNull();
  });
  it('remembers the last project for the board tab', () => {
    expect(lastProject()).toBeNull();
    rememberProject('dh2024-07');
    expect(lastProject()).toBe('dh2024-07');
  });
});

describe('formatting for residents', () => {
  it('shows times in Asia/Shanghai and plain dates as they are', () => {
    expect(formatDateTime('2024-04-09T16:30:00.000Z')).toBe('2024-04-10 00:30');
    expect(formatDate('2024-10-31')).toBe('2024年10月31日');
    expect(formatDate(null)).toBe('待定');
  });
  it('masks mobile numbers but keeps office numbers', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone('0472-1234567')).toBe('0472-1234567');
  });
});
