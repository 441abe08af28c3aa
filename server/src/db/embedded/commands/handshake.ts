import type { Document } from 'bson';
import type { CommandHandler } from './context';

/**
 * Server identity: a standalone at MongoDB 7.0's wire version, which mongodb driver 7.x accepts. No
 * topologyVersion is sent, so the driver monitors by polling rather than by streaming (exhaust) hello.
 */

export const SERVER_VERSION = '7.0.0';
const MAX_WIRE_VERSION = 21;

const hello: CommandHandler = (cmd, ctx) => {
  const legacy = 'ismaster' in cmd || 'isMaster' in cmd;
  const reply: Document = {
    helloOk: true,
    ismaster: true,
    ...(legacy ? {} : { isWritablePrimary: true }),
    maxBsonObjectSize: 16 * 1024 * 1024,
    maxMessageSizeBytes: 48_000_000,
    maxWriteBatchSize: 100_000,
    localTime: new Date(),
    logicalSessionTimeoutMinutes: 30,
    connectionId: ctx.connectionId,
    minWireVersion: 0,
    maxWireVersion: MAX_WIRE_VERSION,
    readOnly: false,
    ok: 1,
  };
  return reply;
};

export const handshakeCommands: Record<string, CommandHandler> = {
  hello,
  ismaster: hello,
  isMaster: hello,
  ping: () => ({ ok: 1 }),
  buildInfo: () => ({
    version: SERVER_VERSION,
    gitVersion: 'embedded',
    versionArray: [7, 0, 0, 0],
    bits: 64,
    maxBsonObjectSize: 16 * 1024 * 1024,
    storageEngines: ['embedded'],
    embedded: true,
    ok: 1,
  }),
  buildinfo: (cmd, ctx) => handshakeCommands.buildInfo(cmd, ctx),
  getParameter: (cmd) => {
    const out: Document = { ok: 1 };
    if (cmd.featureCompatibilityVersion !== undefined || cmd.getParameter === '*')
      out.featureCompatibilityVersion = { version: '7.0' };
    return out;
  },
  endSessions: () => ({ ok: 1 }),
  killAllSessions: () => ({ ok: 1 }),
  refreshSessions: () => ({ ok: 1 }),
  getLastError: () => ({ n: 0, err: null, ok: 1 }),
  serverStatus: () => ({
    host: 'embedded',
    version: SERVER_VERSION,
    process: 'jiugai-embedded',
    uptime: process.uptime(),
    ok: 1,
  }),
  hostInfo: () => ({ system: { hostname: 'embedded' }, ok: 1 }),
  whatsmyuri: () => ({ you: '127.0.0.1', ok: 1 }),
  connectionStatus: () => ({ authInfo: { authenticatedUsers: [], authenticatedUserRoles: [] }, ok: 1 }),
};
