import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { watchContent } from '../../src/entry/app/content-watcher.js';
import { EngineHolder } from '../../src/entry/app/engine-holder.js';
import { loadEngine } from '../../src/entry/app/load-engine.js';
import { makeContentDir } from '../support/content.js';

const page = (title: string, url: string) =>
  `# Notes\n\nSummary.\n\n- [${title}](${url}) — About ${title}. (article)\n`;
const stops: (() => void)[] = [];
afterEach(() => stops.splice(0).forEach((stop) => stop()));

async function holderFor(dir: string) {
  const { engine } = await loadEngine(dir);
  return new EngineHolder(engine, dir, pino({ level: 'silent' }));
}

function firstUrl(holder: EngineHolder, query: string): string | undefined {
  const answer = holder.current.answer(query);
  return 'results' in answer ? answer.results[0]?.resource.url : undefined;
}

describe('content reload', () => {
  it('serves an edited file after a reload, without restarting', async () => {
    const dir = await makeContentDir({
      'notes.md': page('Helm basics', 'https://helm.example.org/'),
    });
    const holder = await holderFor(dir);
    expect(firstUrl(holder, 'terraform')).toBeUndefined();
    await writeFile(
      path.join(dir, 'notes.md'),
      page('Terraform basics', 'https://terraform.example.org/'),
    );
    expect(await holder.reload()).toBe(true);
    expect(firstUrl(holder, 'terraform')).toBe('https://terraform.example.org/');
  });

  it('keeps serving the previous index when an edit breaks the content', async () => {
    const dir = await makeContentDir({
      'notes.md': page('Helm basics', 'https://helm.example.org/'),
    });
    const holder = await holderFor(dir);
    await writeFile(path.join(dir, 'notes.md'), '# Notes\n\n- [Broken](nope) — x. (article)\n');
    expect(await holder.reload()).toBe(false);
    expect(firstUrl(holder, 'helm')).toBe('https://helm.example.org/');
  });

  it('reloads by itself when a file under the content folder changes', async () => {
    const dir = await makeContentDir({
      'notes.md': page('Helm basics', 'https://helm.example.org/'),
    });
    const holder = await holderFor(dir);
    const reloaded = new Promise<boolean>((resolve) =>
      stops.push(watchContent(dir, () => void holder.reload().then(resolve))),
    );
    await writeFile(path.join(dir, 'more.md'), page('Argo CD', 'https://argo.example.org/'));
    expect(await reloaded).toBe(true);
    expect(firstUrl(holder, 'argo')).toBe('https://argo.example.org/');
  });
});
