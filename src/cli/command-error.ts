/** A command's failure an operator can fix; printed as one line, exit status 1. */
export class CommandError extends Error {}
