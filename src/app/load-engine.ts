import type { ContentReport } from '../content/types.js';
import { loadContent } from '../content/load-content.js';
import { createEngine, type AnswerEngine } from '../engine/engine.js';
import { ContentInvalidError } from './startup-errors.js';

/** An engine over a content folder, with the warnings its content had. */
export interface LoadedEngine {
  engine: AnswerEngine;
  report: ContentReport;
}

/** Loads a content folder and indexes it; throws when the content has errors. */
export async function loadEngine(contentDir: string): Promise<LoadedEngine> {
  const { catalog, report } = await loadContent(contentDir);
  if (report.errors.length > 0) throw new ContentInvalidError(report.errors);
  return { engine: createEngine(catalog), report };
}
