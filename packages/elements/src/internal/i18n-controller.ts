import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { i18n } from '../i18n/i18n.js';

/**
 * Re-renders its element whenever the Keuze language changes, and sets the element's `lang` and
 * `dir` to the language shown (not the page's: Dutch texts on a Hebrew page read left to right).
 */
export class I18nController implements ReactiveController {
  constructor(private readonly host: ReactiveControllerHost & HTMLElement) {
    host.addController(this);
  }

  private readonly update = (): void => {
    this.setLanguage();
    this.host.requestUpdate();
  };

  private setLanguage(): void {
    this.host.lang = i18n.language;
    this.host.dir = i18n.dir(i18n.language);
  }

  hostConnected(): void {
    this.setLanguage();
    i18n.on('languageChanged', this.update);
  }

  hostDisconnected(): void {
    i18n.off('languageChanged', this.update);
  }
}
