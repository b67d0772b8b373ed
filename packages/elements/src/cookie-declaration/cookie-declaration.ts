import { NECESSARY, NEWSLETTER_COOKIE, PENDING_LOG_KEY, type CategoryConfig, type CookieInfo, type CookieSpec, type ResolvedConfig } from '@keuze/core';
import { css, html, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import { categoryDescription, categoryLabel, cookieInfo, textOf } from '../internal/config-text.js';
import { shownText, t } from '../i18n/i18n.js';
import { buttonStyles, themeStyles } from '../internal/theme.styles.js';
import { cookieTable } from '../internal/cookie-table.js';
import { KeuzeElement } from '../internal/keuze-element.js';
import './declaration.texts.js';

/**
 * @tagname keuze-cookie-declaration
 * @summary The cookie declaration, from the same config as the banner: per category each cookie's
 * name, service, provider, purpose, lifetime and party, with the visitor's current choice and a
 * button to change it. One source of truth, no second list to maintain.
 *
 * @csspart base - The declaration.
 * @csspart choice - The visitor's current choice.
 * @csspart button - The "change cookie settings" button.
 * @csspart category - One category.
 * @csspart state - A category's state (allowed, not allowed, always on).
 * @csspart table - A category's table of cookies.
 * @csspart services - A category's list of services: name, provider and description.
 */
export class CookieDeclaration extends KeuzeElement {
  static override styles = [
    themeStyles,
    buttonStyles,
    css`
      :host {
        display: block;
        color: var(--_text);
        background: var(--_bg);
      }
      .heading {
        display: flex;
        flex-wrap: wrap;
        align-items: baseline;
        gap: 0.25em 0.75em;
        margin: 1.5em 0 0.25em;
        font-size: 1.25em;
        font-weight: bold;
      }
      .heading > span {
        min-width: 0;
      }
      .state {
        font-size: 0.8em;
        font-weight: 600;
        color: var(--_muted);
      }
      .table-scroll {
        overflow-x: auto;
      }
      table {
        width: 100%;
        border-collapse: collapse;
      }
      th,
      td {
        padding: 0.4em 0.6em;
        text-align: start;
        vertical-align: top;
        border-bottom: 1px solid var(--_border);
      }
      code {
        overflow-wrap: anywhere;
      }
      .kind {
        font-size: 0.85em;
        font-weight: normal;
        color: var(--_muted);
      }
    `,
  ];

  /**
   * The level (2–6) of each category's heading, to fit the page's outline: 3 under a page's own
   * "Cookies" h2, for example. Default 2; other values are clamped to 2–6.
   */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 2;

  protected override render(): unknown {
    const { config, record } = this.consent;
    if (!config?.usable) return nothing;
    const categories = Object.entries(config.categories);
    const granted = categories.filter(([name]) => record?.categories.includes(name) || config.categories[name]!.readOnly);
    return html`
      <div part="base">
        <p part="choice" role="status">
          ${record ? shownText('declaration.choice', { categories: granted.map(([name, category]) => categoryLabel(name, category)).join(', ') }) : shownText('declaration.noChoice')}
        </p>
        <button part="button" class="button" data-keuze-open="preferences">${shownText('declaration.change')}</button>
        ${categories.map(([name, category]) => this.renderCategory(name, category, !!record?.categories.includes(name), config))}
      </div>
    `;
  }

  /**
   * What Keuze itself stores and no config lists, under necessary: the consent cookie and, with a
   * consent log, the entries not yet delivered (localStorage).
   */
  private ownStorage(config: ResolvedConfig): CookieInfo[] {
    const own = { provider: t('declaration.keuze'), thirdParty: false };
    // A choice with a refusal is kept until it may be asked again, when that is longer (core:
    // record-writer.ts; 182 is core's DEFAULT_REASK_DAYS, not imported: the loader would export it).
    const days = Math.max(config.lifetimeDays, config.reaskAfterRefusalDays ?? 182);
    return [
      { name: config.cookie.name, purpose: t('declaration.consentCookie'), lifetime: t('declaration.days', { days: String(days) }), ...own },
      ...(config.consentLog?.endpoint ? [{ name: PENDING_LOG_KEY, purpose: t('declaration.consentLog'), lifetime: t('declaration.untilSent'), ...own }] : []),
    ];
  }

  /** A cookie as the config gives it; Keuze's newsletter cookie with what Keuze knows of it. */
  private cookieRow(cookie: CookieSpec): CookieInfo {
    const info = cookieInfo(cookie);
    if (info.name != NEWSLETTER_COOKIE.name) return info;
    return { provider: t('declaration.keuze'), thirdParty: false, purpose: t('declaration.newsletterCookie'), lifetime: t('declaration.days', { days: String(NEWSLETTER_COOKIE.days) }), ...info };
  }

  private renderCategory(name: string, category: CategoryConfig, granted: boolean, config: ResolvedConfig): unknown {
    const services = Object.entries(category.services ?? {});
    // Web Storage keys are listed beside the cookies: withdrawal deletes them alike.
    const rows: { cookie: CookieSpec; service?: string; storage?: boolean }[] = [
      // A site that lists Keuze's own cookie itself describes it its own way: one row, the site's.
      ...(name == NECESSARY ? this.ownStorage(config) : []).filter((own) => !(category.cookies ?? []).some((cookie) => cookieInfo(cookie).name == own.name)).map((cookie) => ({ cookie })),
      ...(category.cookies ?? []).map((cookie) => ({ cookie })),
      ...(category.storage ?? []).map((cookie) => ({ cookie, storage: true })),
      ...services.flatMap(([service, config]) => [
        ...(config.cookies ?? []).map((cookie) => ({ cookie, service: textOf(config.label) || service })),
        ...(config.storage ?? []).map((cookie) => ({ cookie, service: textOf(config.label) || service, storage: true })),
      ]),
    ];
    const state = category.readOnly ? shownText('declaration.alwaysOn') : granted ? shownText('declaration.granted') : shownText('declaration.denied');
    const description = categoryDescription(name, category);
    return html`
      <section part="category" aria-labelledby="category-${name}">
        <div class="heading" role="heading" aria-level=${Math.min(6, Math.max(2, Math.round(this.headingLevel) || 2))} id="category-${name}">
          <span>${categoryLabel(name, category)}</span> <span part="state" class="state">${state}</span>
        </div>
        ${description ? html`<p>${description}</p>` : nothing}
        ${
          services.length
            ? html`<ul part="services">
              ${services.map(
                ([service, info]) => html`<li><bdi>${textOf(info.label) || service}</bdi>${info.provider ? ` (${info.provider})` : ''}${info.description ? `: ${textOf(info.description)}` : ''}</li>`,
              )}
            </ul>`
            : nothing
        }
        ${
          rows.length
            ? cookieTable(
                `category-${name}`,
                [
                  [
                    shownText('declaration.cookie'),
                    ({ info, storage }) => html`<code dir="ltr">${info.name}</code>${storage ? html` <span class="kind">${shownText('declaration.storage')}</span>` : nothing}`,
                  ],
                  [shownText('declaration.service'), ({ service }) => html`<bdi>${service ?? '—'}</bdi>`],
                  [shownText('declaration.provider'), ({ info }) => html`<bdi>${info.provider ?? '—'}</bdi>`],
                  [shownText('declaration.purpose'), ({ info }) => textOf(info.purpose) || '—'],
                  [shownText('declaration.lifetime'), ({ info }) => textOf(info.lifetime) || '—'],
                  [shownText('declaration.party'), ({ info }) => (info.thirdParty === undefined ? '—' : info.thirdParty ? shownText('declaration.thirdParty') : shownText('declaration.firstParty'))],
                ],
                rows.map((row) => ({ ...row, info: this.cookieRow(row.cookie) })),
                'table',
              )
            : html`<p>${shownText('declaration.none')}</p>`
        }
      </section>
    `;
  }
}
