import '@testing-library/jest-dom/vitest';
import { afterEach, beforeEach, vi } from 'vitest';
import { cleanup, configure } from '@testing-library/react';
import { resetTaroMock } from './taro';

// The H5 build is the default under test; a test may switch to weapp with vi.stubEnv.
process.env.TARO_ENV = 'h5';

// Pages chain several mocked requests; under a loaded CI machine 1 s is not always enough.
configure({ asyncUtilTimeout: 10_000 });

beforeEach(() => resetTaroMock());
afterEach(() => vi.unstubAllEnvs());
afterEach(() => cleanup());
