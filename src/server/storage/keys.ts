// Lower-case segments of letters, digits, dot, dash and underscore, each starting with a letter or digit:
// no `..`, no absolute paths, no backslashes, no empty segments — so a key can never leave its root.
const KEY_PATTERN = /^[a-z0-9][a-z0-9._-]*(\/[a-z0-9][a-z0-9._-]*)*$/;

export function isSafeKey(key: string): boolean {
  return key.length <= 512 && KEY_PATTERN.test(key);
}

export function assertSafeKey(key: string): void {
  if (!isSafeKey(key)) throw new Error(`unsafe storage key: ${JSON.stringify(key)}`);
}
