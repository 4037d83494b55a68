import { randomBytes } from 'node:crypto';
import type { IncomingMessage, Server } from 'node:http';
import {
  GatewayCloseCodes,
  GatewayDispatchEvents,
  GatewayOpcodes,
  type GatewayIdentifyData,
  type GatewayReadyDispatchData,
  type GatewayRequestGuildMembersData,
  type GatewayResumeData,
} from 'discord.js';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import { NO_FLAGS, guildCreatePayload, guildMember } from './discord-payloads.js';
import { filterForIntents, wantsGuilds } from './fake-discord-intents.js';
import type { FakeDiscordState } from './fake-discord-state.js';

/** A payload the client sent to the gateway (`{ op, d }`). */
export interface GatewayClientPayload {
  op: number;
  d: unknown;
}

interface Session {
  id: string;
  seq: number;
  intents: number;
  socket: WebSocket | undefined;
}

interface Connection {
  socket: WebSocket;
  session: Session | undefined;
}

function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

/** Gateway side of the fake: Discord's v10 JSON protocol over `ws`, uncompressed. */
export class FakeGateway {
  /** Every IDENTIFY payload received, in order. */
  readonly identifies: GatewayIdentifyData[] = [];
  /** Path and query of every gateway connection, e.g. `/?v=10&encoding=json`. */
  readonly connections: string[] = [];
  /** Every payload clients sent (heartbeats, identify, presence updates, …). */
  readonly received: GatewayClientPayload[] = [];
  private readonly wss: WebSocketServer;
  private readonly sessions = new Map<string, Session>();
  private readonly firstIdentify = deferred<GatewayIdentifyData>();
  private readonly firstReady = deferred<void>();
  /** When set, READY waits for {@link releaseReady} (to observe a bot that is still connecting). */
  holdingReady = false;
  private heldReady: (() => void) | undefined;
  /** When set, IDENTIFY is answered by closing the connection with this code instead of READY. */
  identifyCloseCode: number | undefined;
  /** The most sessions ever connected at the same moment (Discord allows one per bot without sharding). */
  peakSessions = 0;
  private readonly identifyWaiters = new Set<() => void>();

  constructor(
    server: Server,
    private readonly state: FakeDiscordState,
    private readonly heartbeatIntervalMs: number,
  ) {
    // No `path` option: Discord's gateway URL has no path and clients may add one.
    this.wss = new WebSocketServer({ server });
    this.wss.on('connection', (socket, req) => this.onConnection(socket, req));
  }

  /** Resolves with the first IDENTIFY payload (token, intents, properties, shard). */
  identified(): Promise<GatewayIdentifyData> {
    return this.firstIdentify.promise;
  }

  /** Resolves once READY and every GUILD_CREATE have been sent to the first identified client. */
  ready(): Promise<void> {
    return this.firstReady.promise;
  }

  /** How many identified sessions are connected now. */
  liveSessions(): number {
    return [...this.sessions.values()].filter((session) => session.socket).length;
  }

  /** Resolves once `count` IDENTIFYs were accepted in all; rejects after `timeoutMs`. */
  identifiedTimes(count: number, timeoutMs: number): Promise<void> {
    return new Promise((resolve, reject) => {
      const check = () => {
        if (this.identifies.length < count) return;
        clearTimeout(timer);
        this.identifyWaiters.delete(check);
        resolve();
      };
      const timer = setTimeout(() => {
        this.identifyWaiters.delete(check);
        reject(
          new Error(
            `fake discord: ${this.identifies.length} of ${count} IDENTIFYs after ${timeoutMs}ms`,
          ),
        );
      }, timeoutMs);
      this.identifyWaiters.add(check);
      check();
    });
  }

  /** Sends dispatch `t` to every live session (filtered by its intents); returns how many got it. */
  dispatch(t: string, d: unknown): number {
    const live = [...this.sessions.values()].filter((s) => s.socket);
    if (live.length === 0)
      throw new Error(`fake discord: no identified gateway session to send ${t} to`);
    let delivered = 0;
    for (const session of live) {
      const payload = filterForIntents(t, d, session.intents, this.state.botUser.id);
      if (payload === undefined) continue;
      this.sendDispatch(session, t, payload);
      delivered += 1;
    }
    return delivered;
  }

  /** Closes every live connection with `code` (a reconnectable one makes clients resume). */
  closeConnections(code: number, reason = 'Closed by the test.'): void {
    for (const socket of this.wss.clients) socket.close(code, reason);
  }

  /** Drops every connection and stops accepting new ones. */
  async close(): Promise<void> {
    for (const socket of this.wss.clients) socket.terminate();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
  }

  private onConnection(socket: WebSocket, req: IncomingMessage): void {
    this.connections.push(req.url ?? '/');
    const query = new URL(req.url ?? '/', 'ws://127.0.0.1').searchParams;
    if ((query.get('v') ?? '10') !== '10') {
      socket.close(GatewayCloseCodes.InvalidAPIVersion, 'Invalid API version');
      return;
    }
    if ((query.get('encoding') ?? 'json') !== 'json') {
      socket.close(GatewayCloseCodes.DecodeError, 'Fake gateway only speaks encoding=json');
      return;
    }
    const connection: Connection = { socket, session: undefined };
    socket.on('message', (raw) => this.onMessage(connection, raw));
    socket.on('close', () => {
      if (connection.session?.socket === socket) connection.session.socket = undefined;
    });
    this.send(socket, {
      op: GatewayOpcodes.Hello,
      d: { heartbeat_interval: this.heartbeatIntervalMs },
    });
  }

  private onMessage(connection: Connection, raw: RawData): void {
    let payload: GatewayClientPayload;
    try {
      payload = JSON.parse(raw.toString()) as GatewayClientPayload;
    } catch {
      connection.socket.close(GatewayCloseCodes.DecodeError, 'Error while decoding payload.');
      return;
    }
    this.received.push(payload);
    this.handle(connection, payload);
  }

  private handle(connection: Connection, { op, d }: GatewayClientPayload): void {
    const { socket } = connection;
    if (op === GatewayOpcodes.Heartbeat) {
      this.send(socket, { op: GatewayOpcodes.HeartbeatAck });
    } else if (op === GatewayOpcodes.Identify) {
      this.identify(connection, d as GatewayIdentifyData);
    } else if (op === GatewayOpcodes.Resume) {
      this.resume(connection, d as GatewayResumeData);
    } else if (!connection.session) {
      socket.close(GatewayCloseCodes.NotAuthenticated, 'Not authenticated.');
    } else if (op === GatewayOpcodes.RequestGuildMembers) {
      this.sendMemberChunk(connection.session, d as GatewayRequestGuildMembersData);
    } else if (op !== GatewayOpcodes.PresenceUpdate && op !== GatewayOpcodes.VoiceStateUpdate) {
      socket.close(GatewayCloseCodes.UnknownOpcode, 'Unknown opcode.');
    }
  }

  private identify(connection: Connection, data: GatewayIdentifyData): void {
    const { socket } = connection;
    if (connection.session) {
      socket.close(GatewayCloseCodes.AlreadyAuthenticated, 'Already authenticated.');
      return;
    }
    if (data?.token !== this.state.token) {
      socket.close(GatewayCloseCodes.AuthenticationFailed, 'Authentication failed.');
      return;
    }
    if (this.identifyCloseCode !== undefined) {
      socket.close(this.identifyCloseCode, 'Closed by the test.');
      return;
    }
    if (data.shard && (data.shard[0] !== 0 || data.shard[1] !== 1)) {
      socket.close(GatewayCloseCodes.InvalidShard, 'Invalid shard.');
      return;
    }
    if (!Number.isInteger(data.intents)) {
      socket.close(GatewayCloseCodes.InvalidIntents, 'Invalid intent(s).');
      return;
    }
    const session: Session = {
      id: randomBytes(16).toString('hex'),
      seq: 0,
      intents: data.intents,
      socket,
    };
    connection.session = session;
    this.sessions.set(session.id, session);
    this.peakSessions = Math.max(this.peakSessions, this.liveSessions());
    this.identifies.push(data);
    this.firstIdentify.resolve(data);
    for (const check of [...this.identifyWaiters]) check();
    const sendReady = () => {
      this.sendDispatch(session, GatewayDispatchEvents.Ready, this.readyData(session));
      if (wantsGuilds(session.intents)) {
        for (const guild of this.state.guilds) {
          this.sendDispatch(
            session,
            GatewayDispatchEvents.GuildCreate,
            guildCreatePayload(guild, this.state.botUser),
          );
        }
      }
      this.firstReady.resolve();
    };
    if (this.holdingReady) this.heldReady = sendReady;
    else sendReady();
  }

  /** Sends the READY held back since IDENTIFY (see {@link holdingReady}). */
  releaseReady(): void {
    this.holdingReady = false;
    const send = this.heldReady;
    this.heldReady = undefined;
    send?.();
  }

  private resume(connection: Connection, data: GatewayResumeData): void {
    const session = this.sessions.get(data?.session_id);
    if (!session || data.token !== this.state.token) {
      this.send(connection.socket, { op: GatewayOpcodes.InvalidSession, d: false });
      return;
    }
    session.socket = connection.socket;
    connection.session = session;
    this.peakSessions = Math.max(this.peakSessions, this.liveSessions());
    // The fake keeps no replay buffer: it resumes with nothing to replay.
    this.sendDispatch(session, GatewayDispatchEvents.Resumed, {});
  }

  private readyData(session: Session): GatewayReadyDispatchData {
    return {
      v: 10,
      user: {
        ...this.state.botUser,
        verified: true,
        mfa_enabled: false,
        flags: NO_FLAGS,
        email: null,
      },
      guilds: this.state.guilds.map((g) => ({ id: g.id, unavailable: true })),
      session_id: session.id,
      resume_gateway_url: this.state.gatewayUrl,
      shard: [0, 1],
      application: { id: this.state.appId, flags: NO_FLAGS, flags_new: '0' },
    };
  }

  private sendMemberChunk(session: Session, request: GatewayRequestGuildMembersData): void {
    const guild = this.state.guilds.find((g) => g.id === request?.guild_id);
    if (!guild) return;
    const wanted = 'user_ids' in request ? [request.user_ids].flat() : undefined;
    const users = [this.state.botUser, ...guild.members].filter(
      (u) => !wanted || wanted.includes(u.id),
    );
    this.sendDispatch(session, GatewayDispatchEvents.GuildMembersChunk, {
      guild_id: guild.id,
      members: users.map((u) => guildMember(u)),
      chunk_index: 0,
      chunk_count: 1,
      ...(request.nonce && { nonce: request.nonce }),
    });
  }

  private sendDispatch(session: Session, t: string, d: unknown): void {
    if (!session.socket) return;
    session.seq += 1;
    this.send(session.socket, { op: GatewayOpcodes.Dispatch, t, s: session.seq, d });
  }

  private send(
    socket: WebSocket,
    payload: { op: number; d?: unknown; s?: number; t?: string },
  ): void {
    const frame = { t: null, s: null, d: null, ...payload };
    socket.send(JSON.stringify(frame));
  }
}
