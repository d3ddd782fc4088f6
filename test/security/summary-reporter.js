import { sep } from 'node:path';

// Must match STATE_CHANGED in test/support/state-watch.ts (a reporter cannot import TS).
const STATE_CHANGED = 'STATE CHANGED';
const SECURITY_DIR = `${sep}test${sep}security${sep}`;

/**
 * Prints the attack suite's one-line summary after every run that included it, computed
 * from the cases that ran in any file under test/security/: each case is one attack. A
 * passing case was refused with nothing changed; a case that failed on its StateWatch was
 * refused but changed something; any other failure counts as not refused.
 */
export default class SecuritySummaryReporter {
  onRunComplete(_contexts, results) {
    const files = results.testResults.filter((file) => file.testFilePath.includes(SECURITY_DIR));
    if (files.length === 0) return;
    const cases = files
      .flatMap((file) => file.testResults)
      .filter((test) => test.status === 'passed' || test.status === 'failed');
    const changed = cases.filter(
      (test) =>
        test.status === 'failed' &&
        test.failureMessages.some((message) => message.includes(STATE_CHANGED)),
    ).length;
    const passed = cases.filter((test) => test.status === 'passed').length;
    const broken = files.filter((file) => file.testExecError).length;
    const note = broken > 0 ? ` (${broken} file(s) of attacks could not run)` : '';
    process.stdout.write(
      `security: ${cases.length} attacks tried, ${passed + changed} refused, ${changed} state changes${note}\n`,
    );
  }
}
