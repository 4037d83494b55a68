import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startFakeSlack } from '../tests/fakes/fake-slack.js';
import { postToSlackApp, slashCommandBody } from '../tests/fakes/slack-requests.js';
import { blockKitProblem } from './block-kit-check.js';
import { elapsedMs, percentile } from './measure.js';

/** What {@link runSlackLoad} sends, and to which bot. */
export interface SlackLoadOptions {
  /** The built bot entry (`dist/.../main.js`). */
  botEntry: string;
  contentDir: string;
  /** Queries sent in turn as slash command texts. */
  queries: string[];
  commands: number;
  concurrency: number;
  /** An ack later than this counts as not answered; default Slack's 3 s. */
  ackLimitMs?: number;
}

/** How the bot held up. */
export interface SlackLoadFigures {
  commands: number;
  /** Commands answered in the ack (HTTP 200 within Slack's 3 s) with a valid Block Kit body. */
  answered: number;
  ackP50Ms: number;
  ackP99Ms: number;
  rssBeforeMb: number;
  rssAfterMb: number;
  /**
   * The bot's CPU time per command, user and system, over the run: what the figures cost
   * whatever else the machine is doing (latency on a shared machine depends on that too).
   */
  cpuMsPerCommand: number;
  /** Commands not answered only because the ack came after the limit (a valid body, late). */
  late: number;
  /** Up to five commands that were not answered, and why. */
  failures: string[];
}

const SIGNING_SECRET = 'load-signing-secret';
// Slack shows an error to the asker when an ack takes longer.
const SLACK_ACK_LIMIT_MS = 3000;
// The target: well inside Slack's 3 s, with room for a slower network.
const ACK_P99_TARGET_MS = 1000;

/**
 * Starts the built bot in Slack HTTP mode against a fake Slack, sends `commands` correctly signed
 * slash commands to `/slack/events`, `concurrency` at a time, and measures the acks and the bot's
 * resident memory (from its `/metrics` on OPS_PORT) before and after.
 */
export async function runSlackLoad(options: SlackLoadOptions): Promise<SlackLoadFigures> {
  const fake = await startFakeSlack();
  const bot = await startSlackBot(options, fake.apiUrl).catch(async (error: unknown) => {
    await fake.close();
    throw error;
  });
  try {
    const before = await processFigures(bot.opsUrl);
    const latencies: number[] = [];
    const failures: string[] = [];
    let late = 0;
    let next = 0;
    const worker = async () => {
      for (let index = next++; index < options.commands; index = next++) {
        const text = options.queries[index % options.queries.length]!;
        const body = slashCommandBody({
          text,
          user_id: `U${String(index % 97).padStart(4, '0')}`,
          response_url: fake.responseUrl(),
        });
        const started = process.hrtime.bigint();
        const problem = await postToSlackApp(bot.slackUrl, { body, signingSecret: SIGNING_SECRET })
          .then((ack) => (ack.status === 200 ? blockKitProblem(ack.json) : `HTTP ${ack.status}`))
          .catch((error: unknown) => String(error));
        const ms = elapsedMs(started);
        latencies.push(ms);
        if (problem) failures.push(`"${text}": ${problem}`);
        else if (ms > (options.ackLimitMs ?? SLACK_ACK_LIMIT_MS)) {
          late += 1;
          failures.push(`"${text}": acknowledged after ${Math.round(ms)} ms`);
        }
      }
    };
    await Promise.all(Array.from({ length: options.concurrency }, worker));
    const after = await processFigures(bot.opsUrl);
    return {
      commands: options.commands,
      answered: options.commands - failures.length,
      ackP50Ms: percentile(latencies, 50),
      ackP99Ms: percentile(latencies, 99),
      rssBeforeMb: before.rssMb,
      rssAfterMb: after.rssMb,
      cpuMsPerCommand: ((after.cpuSeconds - before.cpuSeconds) * 1000) / options.commands,
      late,
      failures: failures.slice(0, 5),
    };
  } finally {
    await bot.stop();
    await fake.close();
  }
}

interface SlackBot {
  slackUrl: string;
  opsUrl: string;
  stop(): Promise<void>;
}

/** The built bot in Slack HTTP mode, on free ports it reports in its JSON log. */
function startSlackBot(options: SlackLoadOptions, apiUrl: string): Promise<SlackBot> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'devops-bot-load-'));
  const child = spawn(process.execPath, [options.botEntry], {
    cwd: dataDir,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      PATH: process.env.PATH,
      HOME: os.tmpdir(),
      NODE_ENV: 'production',
      LOG_FORMAT: 'json',
      CONTENT_DIR: options.contentDir,
      DATA_DIR: dataDir,
      SLACK_BOT_TOKEN: 'xoxb-load-test',
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: apiUrl,
      PORT: '0',
      OPS_PORT: '0',
    },
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let output = '';
  let partialLine = '';
  let slackPort: number | undefined;
  return new Promise((resolve, reject) => {
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const lines = (partialLine + chunk.toString()).split('\n');
      partialLine = lines.pop()!;
      for (const line of lines) {
        const entry = parseLogLine(line);
        if (entry.msg === 'listening for Slack requests') slackPort = entry.port;
        if (entry.msg === 'devops-bot is ready' && slackPort && entry.opsPort) {
          resolve({
            slackUrl: `http://127.0.0.1:${slackPort}`,
            opsUrl: `http://127.0.0.1:${entry.opsPort}`,
            async stop() {
              child.kill('SIGTERM');
              await exited;
            },
          });
        }
      }
    });
    void exited.then(() => reject(new Error(`the bot exited before it was ready:\n${output}`)));
  });
}

function parseLogLine(line: string): { msg?: string; port?: number; opsPort?: number } {
  try {
    return JSON.parse(line) as { msg?: string; port?: number; opsPort?: number };
  } catch {
    return {};
  }
}

/** The bot's resident memory in MB and CPU time so far, as its Prometheus metrics report them. */
async function processFigures(opsUrl: string): Promise<{ rssMb: number; cpuSeconds: number }> {
  const metrics = await (await fetch(`${opsUrl}/metrics`)).text();
  const sample = (name: string) => {
    const value = new RegExp(`^devops_bot_${name} ([0-9.e+-]+)$`, 'm').exec(metrics)?.[1];
    if (value === undefined) throw new Error(`the bot reported no devops_bot_${name}`);
    return Number(value);
  };
  return {
    rssMb: sample('process_resident_memory_bytes') / 1024 / 1024,
    cpuSeconds: sample('process_cpu_seconds_total'),
  };
}

/**
 * The figures as `npm run load` prints them, and whether they meet the targets: every command
 * answered in the ack, p99 under 1 s.
 */
export function describeLoad(figures: SlackLoadFigures): { text: string; ok: boolean } {
  const rate = (100 * figures.answered) / figures.commands;
  const ok = figures.answered === figures.commands && figures.ackP99Ms < ACK_P99_TARGET_MS;
  const lines = [
    `answered in the ack with valid Block Kit: ${figures.answered} / ${figures.commands} (${rate.toFixed(1)}%)`,
    `ack latency p50 / p99: ${figures.ackP50Ms.toFixed(0)} / ${figures.ackP99Ms.toFixed(0)} ms (target: p99 under ${ACK_P99_TARGET_MS} ms)`,
    `bot RSS before / after: ${figures.rssBeforeMb.toFixed(0)} / ${figures.rssAfterMb.toFixed(0)} MB`,
    `bot CPU per command: ${figures.cpuMsPerCommand.toFixed(1)} ms`,
    ...(figures.answered < figures.commands
      ? [
          `not answered: ${figures.commands - figures.answered}, of which ${figures.late} late with a valid body`,
        ]
      : []),
    ...figures.failures.map((failure) => `not answered: ${failure}`),
  ];
  return { text: lines.join('\n'), ok };
}
