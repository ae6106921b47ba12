// Driving VS Code's workbench (code-server in headless Chromium) the way a person does: keyboard shortcuts, the
// Problems panel, the lightbulb menu. Every wait is on something the page shows, within a budget; keystrokes the
// workbench is known to drop now and then (Ctrl+P, Ctrl+. right after focusing the editor) are pressed again only
// while what they open is closed: inside an open menu the same key may mean something else (Ctrl+. in the lightbulb
// menu accepts the selected item), so a menu that opened without the awaited item is closed with Escape first.
import { setTimeout as delay } from 'node:timers/promises';

/** How long one attempt of a keystroke waits for what it should open before the key is pressed again. */
const KEYSTROKE_MS = 2_000;

/** Opens the lightbulb menu, and does nothing while it is open (the session's keybindings.json, below). */
const QUICK_FIX_AGAIN_KEY = 'Control+Alt+Shift+Q';

/** The user keybindings a session needs: QUICK_FIX_AGAIN_KEY. */
export const KEYBINDINGS = [
  {
    key: 'ctrl+alt+shift+q',
    command: 'editor.action.quickFix',
    when: 'editorTextFocus && !codeActionMenuVisible',
  },
];

export class Workbench {
  constructor(page, log) {
    this.page = page;
    this.log = log;
  }

  async open(url, budgetMs) {
    await this.page.goto(url, { timeout: budgetMs });
    await this.page.locator('.monaco-workbench').waitFor({ timeout: budgetMs });
  }

  /**
   * Presses `key` until `shown` appears within `opened` (the widget the key opens), each attempt waiting KEYSTROKE_MS,
   * within the budget. A key is pressed again (`again`, by default the same) only while `opened` is closed; a widget
   * that stays open without `shown` is closed with Escape, which accepts nothing, before the next press.
   */
  async pressUntil({ key, again = key, shown, opened, what }, budgetMs) {
    const deadline = Date.now() + budgetMs;
    const remaining = () => Math.max(1, deadline - Date.now());
    for (let presses = 1; ; presses++) {
      await this.page.keyboard.press(presses === 1 ? key : again);
      for (let round = 1; ; round++) {
        try {
          await shown.first().waitFor({ timeout: Math.min(KEYSTROKE_MS, remaining()) });
          return;
        } catch (error) {
          if (Date.now() >= deadline)
            throw new Error(`${what}: not shown after ${presses} presses within ${budgetMs} ms`, {
              cause: error,
            });
        }
        if (!(await opened.first().isVisible())) break;
        if (round < 3) continue;
        this.log(`${what}: open without it; closing with Escape`);
        await this.page.keyboard.press('Escape');
        await opened.first().waitFor({ state: 'hidden', timeout: remaining() });
        break;
      }
      this.log(`${what} not shown yet; pressing ${again} again`);
    }
  }

  /** Opens a file of the workspace with Quick Open and waits until its editor shows `expected` text. */
  async openFile(name, expected, budgetMs) {
    const input = this.page.locator('.quick-input-widget input');
    await this.pressUntil(
      { key: 'Control+P', shown: input, opened: input, what: 'Quick Open' },
      budgetMs,
    );
    await input.fill(name);
    await this.page
      .locator('.quick-input-list .monaco-list-row', { hasText: name })
      .first()
      .waitFor({ timeout: budgetMs });
    await this.page.keyboard.press('Enter');
    await this.activeTab(name).waitFor({ timeout: budgetMs });
    await this.editorLines(expected).waitFor({ timeout: budgetMs });
  }

  activeTab(name) {
    return this.page.locator('.tab.active', { hasText: name });
  }

  editorLines(text) {
    return this.page.locator('.editor-group-container.active .monaco-editor .view-lines', {
      hasText: text,
    });
  }

  /** The text of the active editor as rendered (VS Code draws spaces as non-breaking spaces). */
  async editorText() {
    const lines = await this.page
      .locator('.editor-group-container.active .monaco-editor .view-lines .view-line')
      .evaluateAll((elements) =>
        elements
          .map((element) => ({
            top: parseFloat(element.style.top),
            text: element.textContent ?? '',
          }))
          .sort((a, b) => a.top - b.top)
          .map((line) => line.text.replace(/\u00a0/g, ' ')),
      );
    return lines.join('\n');
  }

  async showProblems(budgetMs) {
    const panel = this.page.locator('.markers-panel');
    if (await panel.isVisible()) return;
    await this.pressUntil(
      { key: 'Control+Shift+M', shown: panel, opened: panel, what: 'the Problems panel' },
      budgetMs,
    );
  }

  problemRows(text) {
    return this.page.locator('.markers-panel .monaco-list-row', { hasText: text });
  }

  /** The Problems panel's rows as text. */
  async problems() {
    return this.page.locator('.markers-panel .monaco-list-row').allInnerTexts();
  }

  /** Focuses the editor on a problem (double-click on its row) and opens the lightbulb menu until `action` is listed. */
  async openQuickFixes(problemRow, action, budgetMs) {
    // On the message, near the row's start: the middle of the row may be the rule's documentation link.
    await problemRow.first().dblclick({ position: { x: 80, y: 8 } });
    await this.page
      .locator('.editor-group-container.active .monaco-editor.focused')
      .waitFor({ timeout: budgetMs });
    const item = this.quickFixItems(action);
    // Ctrl+. first, as a person presses it; again only with QUICK_FIX_AGAIN_KEY, which does nothing while the menu
    // is open (inside the menu Ctrl+. accepts the selected item, whatever it is).
    await this.pressUntil(
      {
        key: 'Control+.',
        again: QUICK_FIX_AGAIN_KEY,
        shown: item,
        opened: this.page.locator('.action-widget'),
        what: `the quick fix "${action}"`,
      },
      budgetMs,
    );
    return item;
  }

  quickFixItems(text) {
    return this.page.locator('.action-widget .monaco-list-row', { hasText: text });
  }

  /** The titles the open lightbulb menu lists. */
  async quickFixTitles() {
    const titles = await this.page
      .locator('.action-widget .monaco-list-row.action')
      .allInnerTexts();
    return titles.map((title) => title.trim()).filter((title) => title.length > 0);
  }

  /** Runs a command by its title from the Command Palette. */
  async runCommand(title, budgetMs) {
    const input = this.page.locator('.quick-input-widget input');
    await this.pressUntil(
      { key: 'F1', shown: input, opened: input, what: 'the Command Palette' },
      budgetMs,
    );
    await input.fill(`>${title}`);
    await this.page
      .locator('.quick-input-list .monaco-list-row', { hasText: title })
      .first()
      .waitFor({ timeout: budgetMs });
    await this.page.keyboard.press('Enter');
    await input.waitFor({ state: 'hidden', timeout: budgetMs });
  }

  /** The Output panel's visible text. */
  outputLines(text) {
    return this.page.locator('.panel .output-view .view-lines', { hasText: text });
  }

  async save() {
    await this.page.keyboard.press('Control+S');
  }
}

/** Resolves with the first value `probe` returns that is not undefined, probing every 50 ms within the budget. */
export async function waitUntil(what, probe, budgetMs) {
  const deadline = Date.now() + budgetMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() >= deadline) throw new Error(`${what}: not within ${budgetMs} ms`);
    await delay(50);
  }
}
