import { describe, expect, it } from 'vitest';
import { defaultErrorMessage, ErrorCode } from './errors';

describe('error codes', () => {
  it('give every code a Chinese message for people', () => {
    for (const code of Object.values(ErrorCode)) {
      expect(defaultErrorMessage[code]).toMatch(/[\u4e00-\u9fa5]/);
    }
  });
});
