/**
 * The query inside a message addressed to the bot: `/devops docker`, `@devops-bot docker` and
 * `devops-bot: docker` all mean `docker`.
 */
export function stripInvocation(text: string, names: string[] = ['devops', 'devops-bot']): string {
  let query = text.trim();
  for (const name of names) {
    const pattern = new RegExp(`^(?:/|@)?${escapeRegExp(name)}(?:[:,]|\\s|$)\\s*`, 'i');
    if (pattern.test(query)) {
      query = query.replace(pattern, '');
      break;
    }
  }
  return query.trim();
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
