/**
 * The query inside a message addressed to the bot: `/devops docker`, `@devops-bot docker` and
 * `devops-bot: docker` all mean `docker`. A bare leading name is not an address: `devops` alone
 * asks for the DevOps topic.
 */
export function stripInvocation(text: string, names: string[] = ['devops', 'devops-bot']): string {
  const query = text.trim();
  // Longest first, so that `@devops-bot` is not read as `@devops` followed by `-bot`.
  for (const name of [...names].sort((a, b) => b.length - a.length)) {
    const escaped = escapeRegExp(name);
    const address = new RegExp(`^(?:[/@]${escaped}[:,]?|${escaped}[:,])(?=\\s|$)`, 'i');
    if (address.test(query)) return query.replace(address, '').trim();
  }
  return query;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
