import { StartupError } from './startup-error.js';

/** Error codes of a connection that failed or never came about. */
const NETWORK_CODE = /^(E[A-Z_]+|UND_ERR_[A-Z_]+)$/;

/**
 * What went wrong on the network at the root of `error`, such as `ENOTFOUND`, `ECONNREFUSED` or
 * `timed out`, looking through the wrappers HTTP clients put around it (`cause`, `original`);
 * undefined when no network failure is found.
 */
export function networkFailure(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 6 && typeof current === 'object' && current !== null; depth += 1) {
    const { code, name, cause, original } = current as {
      code?: unknown;
      name?: unknown;
      cause?: unknown;
      original?: unknown;
    };
    if (typeof code === 'string' && NETWORK_CODE.test(code)) return code;
    if (name === 'TimeoutError' || name === 'ConnectTimeoutError') return 'timed out';
    current = original ?? cause;
  }
  return undefined;
}

/** The host a platform is reached at: the one in `apiUrl` when set, else its public one. */
export function platformHost(apiUrl: string | undefined, publicHost: string): string {
  return apiUrl ? new URL(apiUrl).host : publicHost;
}

/**
 * "cannot reach slack.com (ENOTFOUND)": the platform could not be reached, which a restart later
 * may cure (exit code 1), unlike a rejected token (exit code 2).
 */
export function unreachableError(host: string, cause: string, setting: string): StartupError {
  return new StartupError(
    `cannot reach ${host} (${cause}); check the network connection, any proxy or firewall, and ${setting} if it is set.`,
    'PLATFORM_UNREACHABLE',
    1,
  );
}
