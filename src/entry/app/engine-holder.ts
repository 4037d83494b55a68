import type { AnswerEngine } from '../../engine/engine.js';
import type { Logger } from '../../logger.js';
import { loadEngine } from './load-engine.js';
import { formatIssue } from './startup-errors.js';

/**
 * The engine being served, swapped whole when content is reloaded: a query sees the old index
 * or the new one, never half of each. A reload that fails keeps the previous engine serving.
 */
export class EngineHolder {
  private reloading: Promise<boolean> | undefined;
  private again = false;

  constructor(
    private engine: AnswerEngine,
    private readonly contentDir: string,
    private readonly logger: Logger,
    private readonly onLoaded: (engine: AnswerEngine) => void = () => undefined,
  ) {
    onLoaded(engine);
  }

  /** The engine to answer with now. */
  get current(): AnswerEngine {
    return this.engine;
  }

  /** Re-reads the content folder; resolves true when the new index is in service. */
  reload(): Promise<boolean> {
    if (this.reloading) {
      // An edit during a reload gets one more reload after it, so the last edit always wins.
      this.again = true;
      return this.reloading;
    }
    this.reloading = this.load().finally(() => {
      this.reloading = undefined;
      if (this.again) {
        this.again = false;
        void this.reload();
      }
    });
    return this.reloading;
  }

  private async load(): Promise<boolean> {
    try {
      const { engine, report } = await loadEngine(this.contentDir);
      for (const warning of report.warnings) this.logger.warn(formatIssue(warning, 'warning'));
      this.engine = engine;
      this.onLoaded(engine);
      this.logger.info({ resources: engine.catalog.resources.length }, 'content reloaded');
      return true;
    } catch (error) {
      this.logger.error(
        { error: error instanceof Error ? error.message : String(error) },
        'content reload failed; the previous content is still served',
      );
      return false;
    }
  }
}
