import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { i18n } from './i18n.js';

/** Re-renders its element whenever the Keuze language changes, and sets the element's `lang`. */
export class I18nController implements ReactiveController {
  constructor(private readonly host: ReactiveControllerHost & HTMLElement) {
    host.addController(this);
  }

  private readonly update = (): void => {
    this.host.lang = i18n.language;
    this.host.requestUpdate();
  };

  hostConnected(): void {
    this.host.lang = i18n.language;
    i18n.on('languageChanged', this.update);
  }

  hostDisconnected(): void {
    i18n.off('languageChanged', this.update);
  }
}
