// Hand-judged labels, kept in the repository as data we write ourselves (a verdict and a reason, never code from
// the corpus): `bench/corpus/labels/<rule>.csv` judges findings, `fan-out-sites.csv` judges fan-out sites whether
// or not a rule flags them. A finding label is matched to a finding by repository, file, line and rule.
import { parseCsvRecords } from './csv';
import type { Finding } from './findings';

export const FINDING_VERDICTS = ['worth', 'borderline', 'noise'] as const;
export type FindingVerdict = (typeof FINDING_VERDICTS)[number];
export const FINDING_LABEL_HEADER = ['repo', 'file', 'line', 'rule', 'verdict', 'reason'] as const;

export const SITE_VERDICTS = ['needs-limit', 'fine'] as const;
export type SiteVerdict = (typeof SITE_VERDICTS)[number];
export const SITE_LABEL_HEADER = ['repo', 'file', 'line', 'verdict', 'reason'] as const;
export const SITE_LABELS_FILE = 'fan-out-sites.csv';
/** The rule whose findings the fan-out sites are scored against. */
export const FAN_OUT_RULE = 'no-unbounded-concurrency';

export interface FindingLabel {
  repo: string;
  file: string;
  line: number;
  rule: string;
  verdict: FindingVerdict;
  reason: string;
  /** Where the label is written: `file:row`. */
  source: string;
}

export interface SiteLabel {
  repo: string;
  file: string;
  line: number;
  verdict: SiteVerdict;
  reason: string;
  source: string;
}

export function labelKey(repo: string, file: string, line: number, rule: string): string {
  return [repo, file, line, rule].join('\0');
}

/** The labels of one `<rule>.csv`, and what is wrong with the rows that could not be read. */
export function parseFindingLabels(
  text: string,
  fileName: string,
): { labels: FindingLabel[]; problems: string[] } {
  const { records, problems } = parseCsvRecords(text, FINDING_LABEL_HEADER);
  const labels: FindingLabel[] = [];
  const out = problems.map((problem) => `${fileName}: ${problem}`);
  for (const { row, values } of records) {
    const where = `${fileName}:${row}`;
    const line = Number(values.line);
    const verdict = values.verdict as FindingVerdict;
    const rule = (values.rule ?? '').replace(/^loopguard\//, '');
    if (!values.repo || !values.file || !rule) {
      out.push(`${where}: repo, file and rule must not be empty`);
    } else if (!Number.isInteger(line) || line < 1) {
      out.push(`${where}: the line must be a whole number, not '${values.line}'`);
    } else if (!FINDING_VERDICTS.includes(verdict)) {
      // An empty verdict is a stub not judged yet: skipped without a complaint.
      if (values.verdict)
        out.push(
          `${where}: the verdict must be one of ${FINDING_VERDICTS.join(', ')}, not '${values.verdict}'`,
        );
    } else {
      labels.push({
        repo: values.repo,
        file: values.file,
        line,
        rule,
        verdict,
        reason: values.reason ?? '',
        source: where,
      });
    }
  }
  return { labels, problems: out };
}

/** The labels of `fan-out-sites.csv`. */
export function parseSiteLabels(
  text: string,
  fileName: string,
): { labels: SiteLabel[]; problems: string[] } {
  const { records, problems } = parseCsvRecords(text, SITE_LABEL_HEADER);
  const labels: SiteLabel[] = [];
  const out = problems.map((problem) => `${fileName}: ${problem}`);
  for (const { row, values } of records) {
    const where = `${fileName}:${row}`;
    const line = Number(values.line);
    const verdict = values.verdict as SiteVerdict;
    if (!values.repo || !values.file) {
      out.push(`${where}: repo and file must not be empty`);
    } else if (!Number.isInteger(line) || line < 1) {
      out.push(`${where}: the line must be a whole number, not '${values.line}'`);
    } else if (!SITE_VERDICTS.includes(verdict)) {
      if (values.verdict)
        out.push(
          `${where}: the verdict must be one of ${SITE_VERDICTS.join(', ')}, not '${values.verdict}'`,
        );
    } else {
      labels.push({
        repo: values.repo,
        file: values.file,
        line,
        verdict,
        reason: values.reason ?? '',
        source: where,
      });
    }
  }
  return { labels, problems: out };
}

/** Labels by key; a key labelled twice is a problem (the first label wins). */
export function indexFindingLabels(labels: readonly FindingLabel[]): {
  byKey: Map<string, FindingLabel>;
  problems: string[];
} {
  const byKey = new Map<string, FindingLabel>();
  const problems: string[] = [];
  for (const label of labels) {
    const key = labelKey(label.repo, label.file, label.line, label.rule);
    const earlier = byKey.get(key);
    if (earlier)
      problems.push(`${label.source}: the same finding is labelled at ${earlier.source}`);
    else byKey.set(key, label);
  }
  return { byKey, problems };
}

export function labelOf(
  finding: Finding,
  byKey: ReadonlyMap<string, FindingLabel>,
): FindingLabel | undefined {
  return byKey.get(labelKey(finding.repo, finding.file, finding.line, finding.rule));
}

export interface SampleVerdicts {
  sampled: number;
  labelled: number;
  worth: number;
  borderline: number;
  noise: number;
}

export function tallyVerdicts(
  sample: readonly Finding[],
  byKey: ReadonlyMap<string, FindingLabel>,
): SampleVerdicts {
  const tally: SampleVerdicts = {
    sampled: sample.length,
    labelled: 0,
    worth: 0,
    borderline: 0,
    noise: 0,
  };
  for (const finding of sample) {
    const label = labelOf(finding, byKey);
    if (!label) continue;
    tally.labelled++;
    tally[label.verdict]++;
  }
  return tally;
}

/** Labels that match no current finding of their rule in the repositories that were run (stale, or mistyped). */
export function unmatchedLabels(
  labels: readonly FindingLabel[],
  findings: readonly Finding[],
  repos: ReadonlySet<string>,
): FindingLabel[] {
  const current = new Set(
    findings.map((finding) => labelKey(finding.repo, finding.file, finding.line, finding.rule)),
  );
  return labels.filter(
    (label) =>
      repos.has(label.repo) &&
      !current.has(labelKey(label.repo, label.file, label.line, label.rule)),
  );
}

/**
 * Whether a finding flags a labelled site: it starts on the site's line, or its range covers the line (a finding
 * that underlines `Promise.all(` over several lines flags a site labelled at its `.map(` line).
 */
export function flagsSite(finding: Finding, site: SiteLabel): boolean {
  return (
    finding.repo === site.repo &&
    finding.file === site.file &&
    finding.line <= site.line &&
    site.line <= finding.endLine
  );
}

export interface SiteScore {
  needsLimit: number;
  needsLimitFlagged: number;
  fine: number;
  fineFlagged: number;
}

/** How many labelled sites of each verdict the rule's findings flag. */
export function scoreSites(sites: readonly SiteLabel[], findings: readonly Finding[]): SiteScore {
  const score: SiteScore = { needsLimit: 0, needsLimitFlagged: 0, fine: 0, fineFlagged: 0 };
  const ruleFindings = findings.filter((finding) => finding.rule === FAN_OUT_RULE);
  for (const site of sites) {
    const flagged = ruleFindings.some((finding) => flagsSite(finding, site));
    if (site.verdict === 'needs-limit') {
      score.needsLimit++;
      if (flagged) score.needsLimitFlagged++;
    } else {
      score.fine++;
      if (flagged) score.fineFlagged++;
    }
  }
  return score;
}
