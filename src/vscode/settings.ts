import * as vscode from 'vscode';
import { readSettings, type TakossSettings } from '../core/config';
import { Disposable, Emitter } from '../core/lifecycle';
import type { Logger } from '../core/log';

/** Current `takoss.*` settings, validated, with a change event. */
export class SettingsWatcher extends Disposable {
  private current: TakossSettings;
  private readonly changed = this._register(new Emitter<TakossSettings>());
  readonly onDidChange = this.changed.event;

  constructor(private readonly log: Logger) {
    super();
    this.current = this.read();
    this._register(
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (!event.affectsConfiguration('takoss')) return;
        this.current = this.read();
        this.changed.fire(this.current);
      }),
    );
  }

  get settings(): TakossSettings {
    return this.current;
  }

  private read(): TakossSettings {
    const config = vscode.workspace.getConfiguration('takoss');
    const raw: Record<string, unknown> = {};
    for (const key of ['provider', 'model', 'maxConcurrentStages', 'budgetPerRunUsd', 'outputFolderPattern', 'learningExplore', 'learningModels']) {
      raw[key] = config.get(key);
    }
    const { settings, warnings } = readSettings(raw);
    for (const warning of warnings) this.log.warn(warning);
    return settings;
  }
}
