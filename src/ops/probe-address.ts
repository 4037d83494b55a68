import { isIPv6 } from 'node:net';

const EVERY_INTERFACE = new Set(['0.0.0.0', '::']);

/**
 * The host part of a URL that reaches a server listening on `bindAddress` from this machine: the
 * loopback address for "every interface", the address itself otherwise (bracketed when IPv6).
 */
export function probeAddress(bindAddress: string): string {
  if (EVERY_INTERFACE.has(bindAddress)) return '127.0.0.1';
  return isIPv6(bindAddress) ? `[${bindAddress}]` : bindAddress;
}
