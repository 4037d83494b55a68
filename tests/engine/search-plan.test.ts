import { describe, expect, it } from 'vitest';
import type { Answer } from '../../src/engine/answer.js';
import { createEngine, type AnswerEngine } from '../../src/engine/engine.js';
import { ResourceIndex, wordUnit } from '../../src/search/resource-index.js';
import type { Catalog } from '../../src/content/types.js';
import { loadFiles } from '../support/content.js';

function urls(answer: Answer): string[] {
  return 'results' in answer ? answer.results.map((result) => result.resource.url) : [];
}

function bullet(slug: string, title: string, description: string): string {
  return `- [${title}](https://example.org/${slug}) — ${description} (article)`;
}

/** An engine over one notes file of `bullets`, with the catalog and the index it built. */
async function engineOver(
  bullets: string[],
): Promise<{ engine: AnswerEngine; catalog: Catalog; index: ResourceIndex }> {
  const { catalog } = await loadFiles({
    'notes.md': `# Notes\n\nAssorted notes.\n\n${bullets.join('\n')}\n`,
  });
  let index: ResourceIndex | undefined;
  const engine = createEngine(catalog, undefined, (of, topics) => {
    return (index = new ResourceIndex(of, topics));
  });
  return { engine, catalog, index: index! };
}

const small = [
  bullet(
    'release-2023',
    'Release notes 2023',
    'What changed in the 2023 release of the scheduler.',
  ),
  bullet('ec2-sizing', 'Sizing ec2 instances', 'Picking instance families for batch jobs.'),
  bullet('observability', 'Observability primer', 'Metrics, traces and structured logging.'),
  bullet('pipelines', 'Pipeline caching', 'Caching dependencies between pipeline runs.'),
];

describe('planning a search from the index vocabulary', () => {
  it('matches a number or a name with digits only as written', async () => {
    const { engine } = await engineOver(small);
    expect(urls(engine.answer('2023'))).toEqual(['https://example.org/release-2023']);
    expect(urls(engine.answer('ec2'))).toEqual(['https://example.org/ec2-sizing']);
    // Porter2 would have turned 2023 into 202i; a made-up word like that matches nothing now.
    expect(engine.answer('202i').kind).toBe('none');
  });

  it('finds a word by the start of a longer word, and a misspelt word by a typo', async () => {
    const { engine } = await engineOver(small);
    expect(urls(engine.answer('observ'))).toEqual(['https://example.org/observability']);
    expect(urls(engine.answer('structurd'))).toEqual(['https://example.org/observability']);
  });

  it('answers nothing for a word no resource has, even with a typo, and the same again', async () => {
    const { engine } = await engineOver(small);
    const first = engine.answer('quantum');
    expect(first.kind).toBe('none');
    expect(engine.answer('quantum')).toEqual(first);
  });

  it('finds every resource with all the words on a catalog large enough to narrow by the rarest word', async () => {
    const many = Array.from({ length: 2_500 }, (_, index) =>
      bullet(
        `guide-${index}`,
        `Deployment guide ${index}`,
        index % 500 === 0 ? 'Rollback of a canary deployment.' : 'Rolling out a deployment.',
      ),
    );
    const { engine, index } = await engineOver(many);
    const expected = [0, 500, 1000, 1500, 2000]
      .map((index) => `https://example.org/guide-${index}`)
      .sort();
    expect(urls(engine.answer('canary deployment', { pageSize: 20 })).sort()).toEqual(expected);
    // Narrowed to the resources of the rarest word as a search widens it: by prefix, by a typo.
    for (const rarest of ['rollb', 'kanary']) {
      const found = index.find([wordUnit(rarest), wordUnit('deployment')], { relaxed: false });
      expect(found.map((result) => result.resource.url).sort()).toEqual(expected);
    }
  });

  it('runs one plain search of a text with the index options, the benchmark reference', async () => {
    const { catalog, index } = await engineOver(small);
    const found = index.searchOnce('caching pipelines').map((result) => String(result.id));
    expect(found.map((id) => catalog.resourcesById.get(id)!.url)).toEqual([
      'https://example.org/pipelines',
    ]);
  });

  it('lists resources with every word first, then those with enough of them as written', async () => {
    const { index } = await engineOver([
      bullet('data-notebooks', 'Data notebooks', 'Notebooks for exploring tables.'),
      bullet('databricks', 'Databricks notebooks', 'Notebooks on a managed cluster.'),
      bullet('all-three', 'Data notebooks', 'Scheduling notebooks that load data.'),
      bullet('scheduling', 'Scheduling jobs', 'Cron and friends.'),
    ]);
    const slugs = (words: string[]) =>
      index
        .find(words.map(wordUnit))
        .map((result) => result.resource.url.replace('https://example.org/', ''));
    // "data" starts "databricks": a resource with every word may have it so, a partial match not.
    expect(slugs(['data', 'notebooks', 'scheduling'])).toEqual(['all-three', 'data-notebooks']);
    expect(slugs(['data', 'notebooks'])).toEqual(
      expect.arrayContaining(['all-three', 'data-notebooks', 'databricks']),
    );
    expect(slugs(['notebooks', 'scheduling', 'cron'])).toEqual(['scheduling', 'all-three']);
  });
});
