/** Usernames: letters, digits and . _ - ; compared case-insensitively after NFKC folding. */
export const USERNAME_PATTERN = /^[\p{L}\p{N}._-]{3,64}$/u;

export function usernameKey(username: string): string {
  return username.normalize('NFKC').toLowerCase();
}

/** The key must fit its 64-character column too: lower-casing can lengthen a name ('İ'). */
export function isValidUsername(username: string): boolean {
  return USERNAME_PATTERN.test(username.normalize('NFKC')) && usernameKey(username).length <= 64;
}
