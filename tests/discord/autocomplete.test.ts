import { describe, expect, it } from 'vitest';
import type { AnswerEngine } from '../../src/engine/engine.js';
import { engineWithGuides } from '../support/content.js';
import { harnessPerTest } from './discord-harness.js';

const startHarness = harnessPerTest();

interface Choices {
  type: number;
  data: { choices: { name: string; value: string }[] };
}

async function autocomplete(value: string, engine?: AnswerEngine) {
  const harness = await startHarness(engine ? { engine } : {});
  const { callback, elapsedMs } = await harness.interact(
    harness.fake.autocompleteInteraction({ value }),
  );
  const body = callback.body as Choices;
  return { type: body.type, choices: body.data.choices, elapsedMs, status: callback.status };
}

describe('autocomplete of the /devops query on Discord', () => {
  it('suggests the Kubernetes topic first for "kube", within 3 s', async () => {
    const { type, choices, elapsedMs } = await autocomplete('kube');
    expect(type).toBe(8);
    expect(elapsedMs).toBeLessThan(3000);
    expect(choices[0]).toEqual({
      name: 'Platform › Kubernetes · 7 resources',
      value: 'Kubernetes',
    });
  });

  it('offers at most 25 choices, each name within 100 characters', async () => {
    const { choices, status } = await autocomplete('guides', await engineWithGuides(30));
    expect(status).toBe(204);
    expect(choices).toHaveLength(25);
    for (const choice of choices) expect([...choice.name].length).toBeLessThanOrEqual(100);
  });

  it('suggests the top-level topics when the field is empty', async () => {
    const { choices } = await autocomplete('');
    expect(choices.map((choice) => choice.value)).toEqual(
      expect.arrayContaining(['Platform', 'MLOps', 'Docker', 'Kubernetes']),
    );
  });
});
