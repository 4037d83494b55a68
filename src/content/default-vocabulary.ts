import type { Vocabulary } from './vocabulary.js';

/** A comma-separated list of words and phrases, as the lists below are written. */
function list(text: string): string[] {
  return text
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
}

/**
 * The words every catalog understands without a `vocabulary.yml`. A content folder's file adds
 * to these lists; it cannot take words away.
 */
export const DEFAULT_VOCABULARY: Vocabulary = {
  filler: list(
    // greetings, thanks and chat noise
    'hi, hey, hello, hiya, yo, morning, evening, folks, guys, team, everyone, everybody, thanks, thank, ' +
      'thx, ty, tia, cheers, pls, plz, kindly, lol, xd, haha, ok, okay, hmm, btw, fyi, asap, quick, ' +
      'question, q, bot, devops bot, ' +
      // asking for something
      'anyone, anybody, someone, somebody, does anyone have, can someone share, share, sharing, shared, ' +
      'recommend, recommends, recommended, recommendation, recommendations, suggest, suggestion, ' +
      'suggestions, know, knows, know of, aware, point me, send, help, helpful, got, search, searching, ' +
      'look up, list, list of, lists, collection, bunch, handy, useful, cool, awesome, decent, solid, ' +
      'favourite, favorite, top, url, urls, page, pages, site, website, websites, info, information, ' +
      'content, way, ways, place, places, somewhere, wondering, wonder, curious, idea, ideas, pointer, ' +
      'pointers, hint, hints, tip, tips, trick, tricks, needs, wanted, trying, try, tried, figure, ' +
      'figure out, understand, understanding, explain, explained, explaining, explanation, read, ' +
      'reading, us, really, actually, maybe, probably, still, else, currently, today, soon, new, newbie, ' +
      'noob, sorry, dumb, stupid, silly, basically, one more, another, kind of, sort of, worth, ' +
      'bother, much, many, others, one, every, able, possible, go, goes, going, gets, make, makes, ' +
      'making, put, puts, putting, done, stuck, work, works, working, ' +
      // contractions typed without their apostrophe
      'im, ive, id, dont, doesnt, didnt, cant, cannot, isnt, arent, wasnt, wont, wouldnt, shouldnt, ' +
      'couldnt, whats, hows, wheres, thats, theres, youre, lets',
  ),
  generic: list(
    'tutorial, tutorials, guide, guides, intro, introduction, introductions, introductory, beginner, ' +
      'beginners, novice, newcomer, newcomers, dummies, 101, basics, basic, fundamentals, fundamental, ' +
      'essentials, primer, overview, concept, concepts, learn, learning, learned, learner, study, ' +
      'studying, teach, teaching, training, bootcamp, workshop, workshops, cheatsheet, cheat sheet, ' +
      'best, getting started, get started, start, started, starting, first steps, from scratch, ' +
      'zero to hero, step by step, walkthrough, walk through, how to, howto, example, examples, sample, ' +
      'samples, demo, demos, easy, simple, simply, quickstart, quick start, crash course, in depth, ' +
      'deep dive, advanced, intermediate, master, mastering, level, notes, knowledge, book, books, ' +
      'ebook, free, online, onboarding, refresher, real world, real, hello world, first, ' +
      'explainer, everything, anything about, set up, setup, setting up',
  ),
  types: {
    video: list(
      'video, videos, watch, watching, youtube, yt, screencast, screencasts, talk, talks, recording, webinar',
    ),
    docs: list(
      'docs, doc, documentation, reference, references, api, apis, official, manual, manuals, spec, specification',
    ),
    lab: list(
      'hands on, handson, lab, labs, practice, practise, practical, interactive, playground, exercise, exercises, sandbox',
    ),
    course: list('course, courses, class, classes, lesson, lessons, curriculum, mooc, learning path'),
    slides: list('slides, slide, slide deck, deck, pdf, pdfs, presentation, presentations'),
    article: list('article, articles, blog, blogs, blog post, post, posts, writeup, write up'),
  },
  comparison: list(
    'vs, versus, compare, compared, compared to, compared with, comparing, comparison, comparison of, ' +
      'difference, differences, difference between, differences between, against',
  ),
};
