/** Words that carry no meaning for a search, dropped from queries and documents alike. */
export const STOP_WORDS = new Set(
  (
    'a about above after again all also am an and any are as at be been before being below between both but by ' +
    'can could did do does doing down during each few for from further get got had has have having he her here ' +
    'hers him his how i if in into is it its itself just let me more most my myself no nor not now of off on ' +
    'once only or other our ours out over own please same she should show so some such tell than that the their ' +
    'theirs them then there these they this those through to too under until up very want was we were what when ' +
    'where which while who whom why will with would you your yours need find looking look give any anything ' +
    'something thing things resource resources link links material materials stuff good great nice using use'
  ).split(' '),
);

/** Words that describe the kind of page wanted rather than its subject. */
export const GENERIC_WORDS = new Set(
  'tutorial tutorials guide guides intro introduction video videos article articles example examples course ' +
    'courses docs documentation doc learn learning beginner beginners basics started start overview'.split(
      ' ',
    ),
);

/** Splits text into lower-case words (letters and digits), keeping accents folded. */
export function splitWords(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word !== '');
}

/**
 * The form of a word that both the index and queries use: plural and simple verb endings folded
 * so that `cronjobs` finds `cronjob` and `deployments` finds `deployment`.
 */
export function stem(word: string): string {
  if (word.length > 4 && word.endsWith('ies')) return word.slice(0, -3) + 'y';
  if (word.length > 3 && word.endsWith('s') && !/(ss|us|is)$/.test(word)) return word.slice(0, -1);
  return word;
}

/** The words of a text as the index sees them: split, stop words dropped, stemmed. */
export function indexTerms(text: string): string[] {
  return splitWords(text)
    .filter((word) => !STOP_WORDS.has(word))
    .map(stem);
}
