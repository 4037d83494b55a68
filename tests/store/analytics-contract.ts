import { afterEach, describe, expect, it } from 'vitest';
import type { BotStore } from '../../src/store/bot-store.js';
import {
  ANALYTICS_START as START,
  makeAsk,
  makeShownAnswer,
  makeVote,
} from '../support/analytics.js';
import type { OpenAt } from './store-contract.js';

const DAY = 24 * 60 * 60 * 1000;
const daysLater = (days: number) => new Date(START.getTime() + days * DAY);

/** The analytics part of the {@link BotStore} contract, run against every implementation. */
export function describeAnalyticsContract(name: string, newLocation: () => Promise<OpenAt>): void {
  describe(`the ${name} store's analytics`, () => {
    const opened: BotStore[] = [];
    afterEach(async () => {
      await Promise.all(opened.splice(0).map((store) => store.close()));
    });

    async function openFresh(): Promise<{ store: BotStore; openAt: OpenAt }> {
      const location = await newLocation();
      const openAt: OpenAt = async (clock) => {
        const store = await location(clock);
        opened.push(store);
        return store;
      };
      return { store: await openAt(), openAt };
    }

    it('keeps the questions asked, with their topics, across a restart', async () => {
      const { store, openAt } = await openFresh();
      await store.analytics.recordAsk(makeAsk());
      await store.analytics.recordAsk(
        makeAsk({ kind: 'topic', topicId: 'docker', suggestedTopics: [], at: daysLater(1) }),
      );
      await store.close();
      const asks = await (await openAt()).analytics.asksSince(START);
      expect(asks).toEqual([
        makeAsk(),
        makeAsk({ kind: 'topic', topicId: 'docker', suggestedTopics: [], at: daysLater(1) }),
      ]);
    });

    it('lists only the questions asked since a date', async () => {
      const { store } = await openFresh();
      await store.analytics.recordAsk(makeAsk({ normalizedQuery: 'old', at: START }));
      await store.analytics.recordAsk(makeAsk({ normalizedQuery: 'new', at: daysLater(3) }));
      const asks = await store.analytics.asksSince(daysLater(2));
      expect(asks.map((ask) => ask.normalizedQuery)).toEqual(['new']);
    });

    it('keeps the answers shown for their votes, across a restart', async () => {
      const { store, openAt } = await openFresh();
      await store.analytics.rememberAnswer(makeShownAnswer());
      await store.analytics.rememberAnswer(
        makeShownAnswer({ answerId: 'answer-2', resultIds: [] }),
      );
      await store.close();
      const reopened = await openAt();
      expect(await reopened.analytics.shownAnswer('answer-1')).toEqual(makeShownAnswer());
      expect(await reopened.analytics.shownAnswer('answer-2')).toEqual(
        makeShownAnswer({ answerId: 'answer-2', resultIds: [] }),
      );
      expect(await reopened.analytics.shownAnswer('answer-3')).toBeUndefined();
    });

    it('keeps one vote per person per answer, and lets that person change it', async () => {
      const { store } = await openFresh();
      expect(await store.analytics.recordVote(makeVote())).toBeUndefined();
      expect(await store.analytics.recordVote(makeVote())).toBe('helpful');
      expect(
        await store.analytics.recordVote(makeVote({ verdict: 'not_helpful', at: daysLater(1) })),
      ).toBe('helpful');
      await store.analytics.recordVote(makeVote({ voterHash: 'hash-b' }));
      await store.analytics.recordVote(makeVote({ answerId: 'answer-2' }));
      const votes = await store.analytics.votesSince(START);
      expect(votes).toHaveLength(3);
      expect(
        votes.find((vote) => vote.answerId === 'answer-1' && vote.voterHash === 'hash-a'),
      ).toEqual(makeVote({ verdict: 'not_helpful', at: daysLater(1) }));
    });

    it('counts a suggested URL again instead of storing it twice, and keeps the first note', async () => {
      const { store } = await openFresh();
      const first = await store.analytics.addSuggestion({
        id: 's1',
        url: 'https://example.com/helm',
        note: 'helm charts',
        suggestedBy: 'hash-a',
        at: START,
      });
      expect(first).toMatchObject({ id: 's1', count: 1, note: 'helm charts' });
      const again = await store.analytics.addSuggestion({
        id: 's1',
        url: 'https://example.com/helm',
        note: 'another note',
        suggestedBy: 'hash-b',
        at: daysLater(1),
      });
      expect(again).toEqual({
        id: 's1',
        url: 'https://example.com/helm',
        note: 'helm charts',
        count: 2,
        suggestedBy: 'hash-a',
        firstAt: START,
        lastAt: daysLater(1),
      });
      await store.analytics.addSuggestion({
        id: 's2',
        url: 'https://example.com/argo',
        suggestedBy: 'hash-c',
        at: daysLater(2),
      });
      expect((await store.analytics.suggestions()).map((entry) => [entry.id, entry.count])).toEqual(
        [
          ['s1', 2],
          ['s2', 1],
        ],
      );
    });

    it('dismisses a suggestion once', async () => {
      const { store } = await openFresh();
      await store.analytics.addSuggestion({
        id: 's1',
        url: 'https://example.com/helm',
        suggestedBy: 'hash-a',
        at: START,
      });
      expect(await store.analytics.dismissSuggestion('s1')).toBe(true);
      expect(await store.analytics.dismissSuggestion('s1')).toBe(false);
      expect(await store.analytics.suggestions()).toEqual([]);
    });

    it('purges questions, shown answers and votes older than the cutoff, and keeps suggestions', async () => {
      const { store } = await openFresh();
      await store.analytics.rememberAnswer(makeShownAnswer({ at: START }));
      await store.analytics.rememberAnswer(
        makeShownAnswer({ answerId: 'answer-2', at: daysLater(10) }),
      );
      await store.analytics.recordAsk(makeAsk({ at: START }));
      await store.analytics.recordAsk(makeAsk({ at: daysLater(10) }));
      await store.analytics.recordVote(makeVote({ at: START }));
      await store.analytics.recordVote(makeVote({ answerId: 'answer-2', at: daysLater(10) }));
      await store.analytics.addSuggestion({
        id: 's1',
        url: 'https://example.com/helm',
        suggestedBy: 'hash-a',
        at: START,
      });
      expect(await store.analytics.purgeBefore(daysLater(5))).toBe(3);
      expect(await store.analytics.shownAnswer('answer-1')).toBeUndefined();
      expect(await store.analytics.shownAnswer('answer-2')).toBeDefined();
      expect(await store.analytics.asksSince(START)).toEqual([makeAsk({ at: daysLater(10) })]);
      expect((await store.analytics.votesSince(START)).map((vote) => vote.answerId)).toEqual([
        'answer-2',
      ]);
      expect(await store.analytics.suggestions()).toHaveLength(1);
    });

    it('keeps the first salt offered, for every process sharing the store', async () => {
      const { store, openAt } = await openFresh();
      const other = await openAt();
      const salts = await Promise.all([
        store.analytics.salt('salt-one'),
        other.analytics.salt('salt-two'),
      ]);
      expect(salts[0]).toBe(salts[1]);
      expect(await store.analytics.salt('salt-three')).toBe(salts[0]);
    });
  });
}
