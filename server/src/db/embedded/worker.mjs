// Bootstrap of the engine's worker thread (see index.ts, `thread: true`): the engine is TypeScript, so load it
// through tsx whether the parent runs under tsx, `node --import tsx` or vitest.
import { tsImport } from 'tsx/esm/api';

await tsImport('./workerMain.ts', import.meta.url);
