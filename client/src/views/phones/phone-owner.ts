/** Whose numbers these are, for the words on screen. */
export type PhoneOwner = { kind: 'self' } | { kind: 'user'; username: string };
