import { InvalidConfigurationError } from '../../src/config/validate-environment.js';

/** The problem lines a configuration reader refuses with; fails the test if it accepts. */
export function problemsOf(read: () => unknown): string[] {
  try {
    read();
  } catch (error) {
    if (error instanceof InvalidConfigurationError) return error.problems;
    throw error;
  }
  throw new Error('expected the configuration to be refused');
}
