import { describe, expect, it } from 'vitest';
import { formatDateTime, maskName, maskPhone, formatPercent } from './format';

describe('display formats', () => {
  it('shows server times in Shanghai time', () => {
    expect(formatDateTime('2024-04-09T16:30:00.000Z')).toBe('2024-04-10 00:30');
  });
  it('masks phones and names', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskName('张三丰')).toBe('张**');
    expect(maskPhone('')).toBe('—');
  });
  it('formats ratios as percent', () => {
    expect(formatPercent(0.8)).toBe('80.0%');
  });
});
