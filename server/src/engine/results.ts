// Lint results in exactly the shape ESLint's `ESLint#lintFiles` produces, so that `--format json` output and
// tools written for ESLint read ours unchanged.
import type { ESLint, Linter } from 'eslint';

export type LintResult = ESLint.LintResult;
export type LintMessage = Linter.LintMessage;

export function createLintResult(
  filePath: string,
  messages: LintMessage[],
  suppressedMessages: Linter.SuppressedLintMessage[],
  source: string,
  output: string | undefined,
): LintResult {
  const result: LintResult = {
    filePath,
    messages,
    suppressedMessages,
    errorCount: 0,
    fatalErrorCount: 0,
    warningCount: 0,
    fixableErrorCount: 0,
    fixableWarningCount: 0,
    usedDeprecatedRules: [],
  };
  for (const message of messages) {
    if (message.fatal) result.fatalErrorCount++;
    if (message.severity === 2) {
      result.errorCount++;
      if (message.fix) result.fixableErrorCount++;
    } else if (message.severity === 1) {
      result.warningCount++;
      if (message.fix) result.fixableWarningCount++;
    }
  }
  // ESLint's own rule: `output` when fixes changed the file, else `source` when there is something to show.
  if (output !== undefined) {
    result.output = output;
  } else if (result.errorCount + result.warningCount > 0) {
    result.source = source;
  }
  // ESLint puts `usedDeprecatedRules` last; keep the same key order for byte-compatible JSON.
  const { usedDeprecatedRules } = result;
  delete (result as Partial<LintResult>).usedDeprecatedRules;
  result.usedDeprecatedRules = usedDeprecatedRules;
  return result;
}

/** A result for a file that could not be linted at all: one fatal message, as ESLint reports a parse error. */
export function createFatalResult(filePath: string, message: string): LintResult {
  const result = createLintResult(
    filePath,
    [{ ruleId: null, fatal: true, severity: 2, message, line: 1, column: 1 }],
    [],
    '',
    undefined,
  );
  delete result.source;
  return result;
}
