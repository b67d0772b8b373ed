import { isSafeUrl } from '@keuze/core';
import { logError, logWarning } from '@keuze/core/internal';
import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { AsyncTask } from '../internal/async-task.js';
import { i18n, shownText } from '../i18n/i18n.js';
import { buttonStyles, themeStyles } from '../internal/theme.styles.js';
import { KeuzeElement } from '../internal/keuze-element.js';
import { readStatement, type Statement } from './statement-source.js';
import { statementStyles } from './privacy-statement.styles.js';
import './statement.texts.js';

/** Where a language's statement comes from: `key` tells one source from another. */
type Source = { key: string; markdown?: string; url?: string };

/**
 * @tagname keuze-privacy-statement
 * @summary A privacy statement from Markdown, in the page's language: title, version, date,
 * contents, sections with stable ids, and a note when it changed since the visitor's last choice.
 *
 * @csspart base - The statement.
 * @csspart header - Title, version, date and the "changed" note.
 * @csspart title - The title.
 * @csspart meta - Version and date.
 * @csspart changed - The "changed since your last choice" note.
 * @csspart toc - The table of contents.
 * @csspart content - The statement's text.
 * @csspart placeholder - Shown while loading.
 * @csspart error - Shown when loading failed, with a retry button and a plain link.
 *
 * @cssproperty [--keuze-statement-max-width=42rem] - The line length of the text.
 *
 * @attr {string} src-en - The Markdown file for English, used before `src`; after it, for a language without a file. `src-<lang>` works for any language.
 * @attr {string} src-nl - The Markdown file for Dutch, used before `src`.
 */
export class PrivacyStatement extends KeuzeElement {
  static override styles = [themeStyles, buttonStyles, statementStyles];

  /** One Markdown file for every language. */
  @property() src?: string;

  /** `new-tab` opens links to other sites in a new tab; by default they open in the same tab. */
  @property({ attribute: 'external-links' }) externalLinks: 'same-tab' | 'new-tab' = 'same-tab';

  /** Milliseconds before a slow file counts as failed. */
  @property({ type: Number }) timeout = 10_000;

  /** The Markdown itself, one text or one per language, instead of a file. */
  @property({ attribute: false }) markdown?: string | Record<string, string>;

  /** Loading and reading the statement: pending while the file comes, an error when it cannot be shown. */
  private readonly statement = new AsyncTask<Statement>(this);
  private shownLanguage?: string;
  private shownSource?: Source;
  /** The outcome (statement or error) that updated() has scrolled to or focused after. */
  private handledOutcome?: unknown;
  /** The section to return to after a language switch, by position (ids differ per language). */
  private sectionIndex = -1;
  private scrolledToHash = false;
  private retrying = false;
  /** The visitor opened their settings from the note: it has done its job for this page view. */
  @state() private noteSeen = false;
  /** After a retry, focus goes to what replaced the retry button. */
  private focusAfterLoad = false;

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('hashchange', this.scrollToHash);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('hashchange', this.scrollToHash);
  }

  /** Loads the statement again (after a failure, or when the file changed). */
  reload(): void {
    this.retrying = true;
    this.focusAfterLoad = this.renderRoot.contains(this.shadowRoot?.activeElement ?? null);
    this.shownSource = undefined;
    this.requestUpdate();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // New text in the property is a new source, though it comes from the same place.
    if (changed.has('markdown')) this.shownSource = undefined;
    if (!this.consent.config) return;
    const lang = i18n.language;
    const source = this.sourceFor(lang);
    if (source.key === this.shownSource?.key) return;
    if (this.shownLanguage && this.shownLanguage !== lang) this.sectionIndex = this.currentSectionIndex();
    this.shownLanguage = lang;
    this.shownSource = source;
    // A retry goes to the network, past any cached failure.
    const cache = this.retrying ? 'reload' : 'default';
    this.retrying = false;
    // A newer source takes the place of one still loading: only its outcome is shown.
    void this.statement.run((signal) => {
      if (source.markdown !== undefined) return this.read(source.markdown);
      if (source.url) return this.fetchStatement(source.url, cache, signal);
      logError('<keuze-privacy-statement>: no statement given; set src, src-<lang>, a <template lang> child or the markdown property.');
      throw new Error('no statement');
    });
  }

  protected override updated(): void {
    const { status, value, error } = this.statement;
    const outcome = status == 'complete' ? value : status == 'error' ? error : undefined;
    if (outcome === undefined || outcome === this.handledOutcome) return;
    this.handledOutcome = outcome;
    if (this.focusAfterLoad) {
      this.focusAfterLoad = false;
      this.renderRoot.querySelector<HTMLElement>('h1[tabindex], .error button')?.focus();
    }
    if (status != 'complete') return;
    if (this.sectionIndex >= 0) {
      this.sections()[this.sectionIndex]?.scrollIntoView();
      this.sectionIndex = -1;
    } else if (!this.scrolledToHash) {
      this.scrolledToHash = true;
      this.scrollToHash();
    }
  }

  protected override render(): unknown {
    const { status, value: statement } = this.statement;
    if (status == 'error') {
      const url = this.shownSource?.url;
      // The statement is the page's h1; the page keeps one when the text could not come.
      return html`<div part="error" class="error">
        <h1 part="title">${shownText('statement.title')}</h1>
        <p role="alert">${shownText('statement.failed')}</p>
        <button class="button" @click=${() => this.reload()}>${shownText('statement.retry')}</button>
        ${url && isSafeUrl(url) ? html`<a href=${url}>${shownText('statement.openFile')}</a>` : nothing}
      </div>`;
    }
    if (status != 'complete' || !statement) return html`<div part="placeholder" class="placeholder" role="status">${shownText('statement.loading')}</div>`;
    const sections = [...statement.content.querySelectorAll('h2')];
    return html`
      <article part="base" lang=${i18n.language}>
        <header part="header">
          ${statement.title ? html`<h1 part="title" id="statement-title" tabindex="-1">${statement.title}</h1>` : nothing}
          <p part="meta" class="meta">
            ${statement.version ? html`<span>${shownText('statement.version', { version: statement.version })}</span>` : nothing}
            ${statement.updated ? html`<span>${shownText('statement.updated', { date: this.formatDate(statement.updated) })}</span>` : nothing}
          </p>
          ${
            this.changedSinceChoice(statement)
              ? html`<p part="changed" class="changed" role="note">
                ${shownText('statement.changed')}
                <button class="link" data-keuze-open="preferences" @click=${() => (this.noteSeen = true)}>${shownText('statement.review')}</button>
              </p>`
              : nothing
          }
        </header>
        ${
          sections.length
            ? html`<nav part="toc" class="toc" aria-labelledby="toc-title">
              <h2 id="toc-title">${shownText('statement.contents')}</h2>
              <ol>
                ${sections.map((heading) => html`<li><a href="#${heading.id}" @click=${this.followLink}>${heading.textContent}</a></li>`)}
              </ol>
            </nav>`
            : nothing
        }
        <div part="content" class="content" @click=${this.followLink}>${statement.content.cloneNode(true)}</div>
      </article>
    `;
  }

  /** Where this language's statement comes from: a template child, the property, or a file. */
  private sourceFor(lang: string): Source {
    const template =
      this.querySelector<HTMLTemplateElement>(`template[lang="${lang}"]`) ??
      this.querySelector<HTMLTemplateElement>('template:not([lang])') ??
      this.querySelector<HTMLTemplateElement>('template[lang="en"]');
    if (template) return { key: `template:${template.lang}`, markdown: template.content.textContent ?? '' };
    const { markdown } = this;
    if (typeof markdown == 'string') return { key: 'property', markdown };
    if (markdown?.[lang] ?? markdown?.en) return { key: `property:${lang}`, markdown: markdown[lang] ?? markdown.en };
    const url = this.getAttribute(`src-${lang}`) ?? this.src ?? this.getAttribute('src-en') ?? undefined;
    return { key: `url:${url}`, url };
  }

  private async fetchStatement(url: string, cache: RequestCache, signal: AbortSignal): Promise<Statement> {
    let markdown: string;
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(this.timeout), credentials: 'same-origin', cache });
      if (!response.ok) throw new Error(`${response.status} ${response.statusText}`);
      markdown = await response.text();
    } catch (error) {
      logError(`<keuze-privacy-statement>: could not load ${url}:`, error);
      throw error;
    }
    // A newer source took its place while it came: it is not read (nor its problems reported).
    signal.throwIfAborted();
    return this.read(markdown);
  }

  /** Reads the statement; one that cannot be read fails like a file that cannot be loaded. */
  private read(markdown: string): Statement {
    let statement: Statement;
    try {
      statement = readStatement(markdown, { externalLinksInNewTab: this.externalLinks == 'new-tab' });
    } catch (error) {
      logError('<keuze-privacy-statement>: could not show the statement:', error);
      throw error;
    }
    const config = this.consent.config;
    if (config?.revisionFrom == 'statement' && statement.version && statement.version !== config.statementVersion) {
      statement.problems.push(`the statement is version ${statement.version}, the config's statementVersion is ${config.statementVersion}: update the config, or visitors are not asked again`);
    }
    for (const problem of statement.problems) logWarning(`<keuze-privacy-statement>: ${problem}.`);
    return statement;
  }

  /** The statement is dated after the visitor's last choice, and they have not reviewed it yet. */
  private changedSinceChoice(statement: Statement): boolean {
    const consent = this.consent.record;
    // With revisionFrom 'statement' a new statement asks again through the banner instead.
    if (!consent || this.noteSeen || this.consent.config?.revisionFrom == 'statement') return false;
    return !!statement.updated && statement.updated > consent.timestamp.slice(0, 10);
  }

  private formatDate(isoDate: string): string {
    // "2 September 2016" rather than the US order for plain "en".
    return new Intl.DateTimeFormat(i18n.language == 'en' ? 'en-GB' : i18n.language, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${isoDate}T00:00:00Z`));
  }

  private sections(): HTMLElement[] {
    return [...this.renderRoot.querySelectorAll<HTMLElement>('.content h2')];
  }

  /** The section the reader is in: the last heading at the top of the window or above it. */
  private currentSectionIndex(): number {
    let index = -1;
    this.sections().forEach((heading, i) => {
      if (heading.getBoundingClientRect().top <= 48) index = i;
    });
    return index;
  }

  /** Links to a section scroll inside the shadow root (the page's own anchor search cannot see in). */
  private readonly followLink = (event: MouseEvent): void => {
    // Ctrl-, Cmd- and Shift-clicks open a new tab or window, as anywhere else.
    if (event.ctrlKey || event.metaKey || event.shiftKey || event.button != 0) return;
    const link = (event.target as Element).closest?.('a');
    const hash = link?.getAttribute('href');
    if (!link || !hash?.startsWith('#') || link.hasAttribute('data-keuze-open')) return;
    event.preventDefault();
    // The statement's own "#cookies" links mean the cookie settings, as on most sites.
    if (hash == '#cookies' && link.closest('.content')) {
      void this.consent.keuze?.showPreferences(link);
      return;
    }
    history.pushState(null, '', hash);
    this.scrollToHash();
  };

  private readonly scrollToHash = (): void => {
    const id = decodedHash();
    const target = id ? this.renderRoot.querySelector<HTMLElement>(`[id="${CSS.escape(id)}"]`) : null;
    if (!target) return;
    target.scrollIntoView();
    target.setAttribute('tabindex', '-1');
    target.focus({ preventScroll: true });
  };
}

/** The page's fragment, decoded; a truncated escape (`#%E0%A4%A`) is taken as it is, not thrown. */
function decodedHash(): string {
  const hash = location.hash.slice(1);
  try {
    return decodeURIComponent(hash);
  } catch {
    return hash;
  }
}
