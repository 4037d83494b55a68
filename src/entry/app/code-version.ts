// Set by scripts/build.mjs when it bundles the code; absent when the sources run directly (tests).
declare const __DEVOPS_BOT_CODE_VERSION__: string | undefined;

/**
 * The version of the running code: the package version and a hash of the bundle, such as
 * `0.1.0+3f9a0c2b7d1e4a55`. Undefined when running from sources, where no version can be told
 * apart from the next edit, so nothing keyed by it may be trusted.
 */
export const CODE_VERSION: string | undefined =
  typeof __DEVOPS_BOT_CODE_VERSION__ === 'string' ? __DEVOPS_BOT_CODE_VERSION__ : undefined;
