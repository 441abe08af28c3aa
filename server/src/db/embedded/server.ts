import net from 'node:net';
import type { Document } from 'bson';
import { errorReply, runCommand } from './commands';
import { Cursors } from './cursors';
import type { Engine } from './engine';
import { invalidBson } from './errors';
import type { Journal } from './journal';
import { removeExpired } from './ttl';
import {
  encodeLegacyReply,
  encodeMsgReply,
  FLAG_MORE_TO_COME,
  MAX_MESSAGE_SIZE,
  parseRequest,
  readHeader,
  WireError,
} from './wire';

/** The TCP side: splits the byte stream into frames, runs each command, journals its changes, replies. */

export interface WireServerOptions {
  engine: Engine;
  journal?: Journal;
  /** How often expired TTL-indexed documents are removed (MongoDB: 60s). */
  ttlMonitorMs?: number;
}

export class WireServer {
  readonly server: net.Server;
  readonly cursors = new Cursors();
  private readonly sockets = new Set<net.Socket>();
  private connections = 0;
  private readonly ttlTimer: NodeJS.Timeout;

  constructor(private readonly opts: WireServerOptions) {
    this.server = net.createServer((socket) => this.accept(socket));
    this.ttlTimer = setInterval(() => void this.removeExpired(), opts.ttlMonitorMs ?? 60_000);
    this.ttlTimer.unref();
  }

  private async removeExpired(): Promise<void> {
    const batch = this.opts.engine.begin();
    try {
      removeExpired(this.opts.engine);
    } finally {
      this.opts.engine.end();
    }
    // A failed journal write has already undone the removals; the next round retries them.
    if (batch.ops.length) await this.opts.journal?.commit(batch).catch(() => undefined);
  }

  private accept(socket: net.Socket): void {
    const connectionId = ++this.connections;
    this.sockets.add(socket);
    socket.setNoDelay(true);
    // Chunks are kept in a list and joined only once a whole frame is there (large inserts arrive in many).
    const chunks: Buffer[] = [];
    let buffered = 0;
    let queue = Promise.resolve();
    socket.on('data', (chunk) => {
      chunks.push(chunk);
      buffered += chunk.length;
      while (buffered >= 4) {
        if (chunks[0].length < 4) chunks.splice(0, chunks.length, Buffer.concat(chunks));
        const length = chunks[0].readInt32LE(0);
        if (length < 16 || length > MAX_MESSAGE_SIZE) {
          // The stream cannot be re-synchronised after a bad length; the only safe answer is to close it.
          socket.destroy();
          return;
        }
        if (buffered < length) break;
        const all = chunks.length === 1 ? chunks[0] : Buffer.concat(chunks);
        const frame = all.subarray(0, length);
        chunks.length = 0;
        if (all.length > length) chunks.push(all.subarray(length));
        buffered -= length;
        queue = queue.then(() => this.handle(frame, socket, connectionId)).catch(() => void socket.destroy());
      }
    });
    socket.on('error', () => socket.destroy());
    socket.on('close', () => this.sockets.delete(socket));
  }

  private async handle(frame: Buffer, socket: net.Socket, connectionId: number): Promise<void> {
    const header = readHeader(frame);
    let reply: Document;
    let legacy = false;
    let silent = false;
    try {
      const req = parseRequest(frame);
      legacy = req.kind === 'query';
      silent = req.kind === 'msg' && (req.flags & FLAG_MORE_TO_COME) !== 0;
      const db = req.kind === 'msg' ? String(req.command.$db ?? 'test') : req.collection.split('.')[0];
      reply = await this.execute(req.command, db, connectionId);
    } catch (err) {
      reply = errorReply(err instanceof WireError ? invalidBson(err.message) : err);
    }
    if (silent || socket.destroyed) return;
    try {
      socket.write(
        legacy ? encodeLegacyReply(header.requestId, reply) : encodeMsgReply(header.requestId, reply),
      );
    } catch (err) {
      socket.write(encodeMsgReply(header.requestId, errorReply(err)));
    }
  }

  private async execute(cmd: Document, db: string, connectionId: number): Promise<Document> {
    const { engine, journal } = this.opts;
    // Commands run synchronously, so the batch holds exactly this command's changes.
    const batch = engine.begin();
    let reply: Document;
    try {
      reply = runCommand(cmd, { engine, cursors: this.cursors, db, connectionId });
    } finally {
      engine.end();
    }
    if (batch.ops.length && journal) {
      try {
        await journal.commit(batch);
      } catch (err) {
        return errorReply(err);
      }
    }
    return reply;
  }

  listen(port: number, host: string): Promise<number> {
    return new Promise((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, host, () => {
        this.server.off('error', reject);
        resolve((this.server.address() as net.AddressInfo).port);
      });
    });
  }

  async close(): Promise<void> {
    this.cursors.close();
    clearInterval(this.ttlTimer);
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    for (const s of this.sockets) s.destroy();
    await closed;
  }
}
