import { loadFiles } from '../support/content.js';
import { createEngine, type AnswerEngine } from '../../src/engine/engine.js';

/** A small catalog written for the query-understanding tests, with any extra files given. */
export const UNDERSTANDING_FILES: Record<string, string> = {
  'platform.md': `# Platform

Running software well.

## Containers

Packaging an app with everything it needs.

- [Multi-stage image builds](https://example.org/containers/multi-stage) — Keep images small by building in one stage and shipping from another. (article)
- [Container images in ten minutes](https://example.org/containers/video) — A short video that builds and runs a first image. (video)
- [Image reference](https://example.org/containers/reference) — The official reference for every image build option. (docs)
- [Push images to a cloud registry](https://example.org/containers/push) — Tagging images and pushing them to a registry in the cloud. (article)

## Orchestration (or Schedulers)

Running containers across many machines.

- [Scheduling batch jobs](https://example.org/orchestration/jobs) — Run batch jobs to completion and retry the failed ones. (article)
- [Hands-on cluster lab](https://example.org/orchestration/lab) — An interactive lab that deploys a service to a practice cluster. (lab)

## Pipelines

Automating builds and deployments.

- [Deploying on every push](https://example.org/pipelines/deploy) — A pipeline that builds images and deploys them with a runner on every push. (article)

### Runner

The build server that runs pipeline jobs; nothing is filed here yet.
`,
};

/** An engine over the fixture catalog, with extra or replaced files. */
export async function understandingEngine(
  extra: Record<string, string> = {},
): Promise<AnswerEngine> {
  const { catalog } = await loadFiles({ ...UNDERSTANDING_FILES, ...extra });
  return createEngine(catalog);
}

/** The URLs an answer lists, in order. */
export function urlsOf(answer: ReturnType<AnswerEngine['answer']>): string[] {
  return 'results' in answer ? answer.results.map((result) => result.resource.url) : [];
}
