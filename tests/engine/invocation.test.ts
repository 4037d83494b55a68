import { describe, expect, it } from 'vitest';
import { stripInvocation } from '../../src/engine/invocation.js';

describe('the query inside a message addressed to the bot', () => {
  it('drops the slash command, the mention and a `name:` address', () => {
    expect(stripInvocation('/devops k8s cronjobs')).toBe('k8s cronjobs');
    expect(stripInvocation('@devops-bot docker')).toBe('docker');
    expect(stripInvocation('devops-bot: docker')).toBe('docker');
    expect(stripInvocation('  /devops  ')).toBe('');
  });

  it('keeps a leading word that only looks like the name', () => {
    expect(stripInvocation('devops')).toBe('devops');
    expect(stripInvocation('devops tools')).toBe('devops tools');
    expect(stripInvocation('/devopsy docker')).toBe('/devopsy docker');
  });
});
