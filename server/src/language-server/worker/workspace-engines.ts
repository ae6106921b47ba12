// The engines of one language-server session, inside the lint worker. What is keyed by project root lives once per
// workspace folder (`Projects`: the overlay with every open document, the TypeScript projects and their programs);
// what is keyed by configuration is an `Engine` per folder, lint config and rule-severity overrides over that folder's
// projects, so a settings change makes a new engine and keeps the warm programs. In a trusted workspace a file is
// linted with the nearest `eslint.config.*` in its folder, else with the built-in `recommended` config.
import * as fs from 'node:fs';
import * as path from 'node:path';

import {
  ConfigLoadError,
  DEFAULT_SUPPRESSIONS_FILE,
  Engine,
  findConfigFile,
  forgetResolvedImports,
  forgetSyntax,
  type LintConfigSource,
  type LintMessage,
  loadConfigFile,
  noLoopguardRulesMessage,
  normalizePath,
  Projects,
  readSuppressions,
  suppressedRulesOf,
  type Suppressions,
  SuppressionsError,
  turnsOnLoopguardRules,
  unsupportedConfigMessage,
} from '../../engine';
import type { RuleSeverities, WorkerLog, WorkerSetup } from '../worker-protocol';

interface OpenDocument {
  text: string;
  version: number;
}

export type Logger = (level: WorkerLog['level'], message: string) => void;

export class WorkspaceEngines {
  private readonly documents = new Map<string, OpenDocument>();
  /** The importers of a closed buffer of a file not on disk, found as it closed (`closeDocument`). */
  private readonly importersOfClosed = new Map<string, string[]>();
  /** By workspace folder: the projects every engine of that folder lints in. */
  private readonly projects = new Map<string, Projects>();
  private readonly engines = new Map<string, Engine>();
  /** The folder each open document was last linted in, so importers are looked up where they live. */
  private readonly documentRoots = new Map<string, string>();
  private readonly configs = new Map<string, Promise<LintConfigSource | undefined>>();
  private readonly knownRules = new Map<string, Set<string>>();
  private readonly reported = new Set<string>();
  /** Each workspace folder's `eslint-suppressions.json`, read again when it changes on disk. */
  private readonly suppressions = new Map<string, { stamp: string; suppressions: Suppressions }>();

  constructor(
    private readonly setup: WorkerSetup,
    private readonly log: Logger,
  ) {}

  setDocument(file: string, text: string, version: number): void {
    this.documents.set(file, { text, version });
    for (const projects of this.projects.values()) projects.overlay.set(file, text, version);
  }

  closeDocument(file: string): void {
    // Importers reach a buffer of a file not on disk only through the program's resolution, which the close undoes:
    // they are found before, for the importers request that follows.
    if (this.documents.has(file) && !fs.existsSync(file))
      this.importersOfClosed.set(file, this.importersOf([file]));
    forgetSyntax(file);
    for (const engine of this.engines.values()) engine.forgetLint(file);
    this.documents.delete(file);
    this.documentRoots.delete(file);
    for (const projects of this.projects.values()) projects.overlay.delete(file);
  }

  /** Whether an open document's buffer differs from its file on disk, or the file cannot be read (not saved yet). */
  unlikeDisk(file: string): boolean {
    const document = this.documents.get(file);
    if (!document) return false;
    try {
      return fs.readFileSync(file, 'utf8') !== document.text;
    } catch {
      return true;
    }
  }

  documentVersion(file: string): number | null {
    return this.documents.get(file)?.version ?? null;
  }

  fileChanged(file: string): void {
    for (const projects of this.projects.values()) projects.fileChanged(file);
  }

  resetProjects(): void {
    forgetResolvedImports();
    for (const projects of this.projects.values()) projects.reset();
  }

  /** TypeScript programs built in this worker, in every folder (for `loopguard/status`). */
  programsBuilt(): number {
    let built = 0;
    for (const projects of this.projects.values()) built += projects.programsBuilt;
    return built;
  }

  /** The engine for a file under the given severity overrides, created (and its config loaded) on first use. */
  async engineFor(file: string, ruleSeverities: RuleSeverities): Promise<Engine> {
    const root = this.folderOf(file);
    const configPath = this.setup.untrusted ? undefined : this.findConfigFile(file, root);
    const config = configPath === undefined ? undefined : await this.loadConfig(configPath);
    const configKey = config?.kind === 'file' ? config.path : 'builtin';
    const severities = this.knownSeverities(root, configKey, config, ruleSeverities);
    const key = JSON.stringify([root, configKey, severities]);
    let engine = this.engines.get(key);
    if (!engine) {
      // Settings changed: the engine with the old overrides for this folder and config is not needed any more. Its
      // projects are: the new engine lints in them, with the programs they have built.
      const prefix = JSON.stringify([root, configKey]).slice(0, -1);
      for (const otherKey of this.engines.keys())
        if (otherKey.startsWith(prefix)) this.engines.delete(otherKey);
      engine = new Engine({
        root,
        projects: this.projectsOf(root),
        ...(config ? { config } : {}),
        ruleSeverities: severities,
      });
      this.engines.set(key, engine);
    }
    this.documentRoots.set(file, root);
    return engine;
  }

  /** Open documents that import one of `changed`, directly or transitively, asking each folder about its own files. */
  importersOf(changed: readonly string[]): string[] {
    const importers = new Set<string>();
    for (const file of changed) {
      for (const importer of this.importersOfClosed.get(file) ?? [])
        if (this.documents.has(importer)) importers.add(importer);
      this.importersOfClosed.delete(file);
    }
    const byRoot = new Map<string, string[]>();
    for (const [file, root] of this.documentRoots) {
      if (changed.includes(file)) continue;
      byRoot.set(root, [...(byRoot.get(root) ?? []), file]);
    }
    for (const [root, candidates] of byRoot) {
      const projects = this.projects.get(root);
      if (!projects) continue;
      for (const importer of projects.importersOf(changed, candidates)) importers.add(importer);
    }
    return [...importers];
  }

  /** The projects of a workspace folder, created with every open document in their overlay. */
  private projectsOf(root: string): Projects {
    let projects = this.projects.get(root);
    if (!projects) {
      projects = new Projects(root);
      for (const [openFile, document] of this.documents)
        projects.overlay.set(openFile, document.text, document.version);
      this.projects.set(root, projects);
    }
    return projects;
  }

  /**
   * The rules whose findings in `file` the `eslint-suppressions.json` at the root of its workspace folder suppresses
   * (ESLint's default location when it runs there), counted as ESLint counts them. A file that cannot be read is
   * logged once and suppresses nothing.
   */
  suppressedRules(file: string, messages: readonly LintMessage[]): Set<string> {
    const folder = this.setup.folders
      .filter((candidate) => file.startsWith(`${candidate}/`))
      .sort((a, b) => b.length - a.length)[0];
    if (folder === undefined) return new Set();
    const location = path.join(folder, DEFAULT_SUPPRESSIONS_FILE);
    const stats = fs.statSync(location, { throwIfNoEntry: false });
    if (!stats) return new Set();
    const stamp = `${stats.mtimeMs}:${stats.size}`;
    let cached = this.suppressions.get(location);
    if (cached?.stamp !== stamp) {
      try {
        cached = { stamp, suppressions: readSuppressions(location) };
      } catch (error) {
        if (!(error instanceof SuppressionsError)) throw error;
        this.log('warning', `loopguard: ${error.message}`);
        cached = { stamp, suppressions: {} };
      }
      this.suppressions.set(location, cached);
    }
    return suppressedRulesOf(file, messages, cached.suppressions, folder);
  }

  /** The innermost workspace folder that holds the file; a file outside every folder is its own folder's root. */
  private folderOf(file: string): string {
    let best: string | undefined;
    for (const folder of this.setup.folders) {
      if (
        (file === folder || file.startsWith(`${folder}/`)) &&
        (!best || folder.length > best.length)
      )
        best = folder;
    }
    return best ?? normalizePath(path.dirname(file));
  }

  /** The nearest flat config from the file's folder up to the workspace folder (the engine's shared lookup). */
  private findConfigFile(file: string, root: string): string | undefined {
    const lookup = findConfigFile(path.dirname(file), root);
    for (const candidate of lookup.unsupported)
      this.reportOnce(
        'warning',
        `${unsupportedConfigMessage(candidate)} Linting with the built-in config.`,
      );
    return lookup.configPath;
  }

  private loadConfig(configPath: string): Promise<LintConfigSource | undefined> {
    let loading = this.configs.get(configPath);
    if (!loading) {
      loading = loadConfigFile(configPath).then(
        (config) => {
          this.log('info', `Linting with ${configPath}.`);
          if (config.kind === 'file' && !turnsOnLoopguardRules(config.configs))
            this.log('warning', noLoopguardRulesMessage(configPath));
          return config;
        },
        (error: unknown) => {
          if (!(error instanceof ConfigLoadError)) throw error;
          this.log(
            'error',
            `Config error: ${error.message}. Linting with the built-in config until it is fixed.`,
          );
          return undefined;
        },
      );
      this.configs.set(configPath, loading);
    }
    return loading;
  }

  /** The overrides for rules the config can run; an unknown rule id would make ESLint reject the whole config. */
  private knownSeverities(
    root: string,
    configKey: string,
    config: LintConfigSource | undefined,
    wanted: RuleSeverities,
  ): Record<string, 'off' | 'warn' | 'error'> {
    let known = this.knownRules.get(configKey);
    if (!known) {
      const engine = new Engine({
        root,
        projects: this.projectsOf(root),
        ...(config ? { config } : {}),
      });
      known = new Set(Object.keys(engine.rulesMeta()));
      this.knownRules.set(configKey, known);
    }
    const severities: Record<string, 'off' | 'warn' | 'error'> = {};
    for (const ruleId of Object.keys(wanted).sort()) {
      const severity = wanted[ruleId];
      if (severity === undefined) continue;
      if (known.has(ruleId)) severities[ruleId] = severity;
      else
        this.reportOnce(
          'warning',
          `loopguard.rules: no rule '${ruleId}' in the lint config; its setting is ignored.`,
        );
    }
    return severities;
  }

  private reportOnce(level: WorkerLog['level'], message: string): void {
    if (this.reported.has(message)) return;
    this.reported.add(message);
    this.log(level, message);
  }
}
