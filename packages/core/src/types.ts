/** A cookie a category or service sets: its name, or a `*` pattern such as `_ga_*`. */
export type CookieName = string;

/** Text shown to visitors: one string, or one per language code (`{ nl: '…', en: '…' }`). */
export type LocalizedText = string | Record<string, string>;

/** A cookie with what the cookie declaration and preferences dialog show about it. */
export interface CookieInfo {
  name: CookieName;
  /** How long it lives, as shown to visitors (e.g. `{ nl: '2 jaar', en: '2 years' }`). */
  lifetime?: LocalizedText;
  provider?: string;
  purpose?: LocalizedText;
  thirdParty?: boolean;
}

export type CookieSpec = CookieName | CookieInfo;

/**
 * A localStorage or sessionStorage key a category or service writes: its name, or a prefix
 * pattern ending in `*` such as `_hjSession*`.
 */
export type StorageKey = string;

export interface ServiceConfig {
  label?: LocalizedText;
  description?: LocalizedText;
  /** Who runs the service (e.g. `Google Ireland Ltd.`), shown on an embed's placeholder. */
  provider?: string;
  cookies?: CookieSpec[];
  /** Web Storage keys of this service, deleted (in localStorage and sessionStorage) when it is withdrawn. */
  storage?: StorageKey[];
}

export interface CategoryConfig {
  label?: LocalizedText;
  description?: LocalizedText;
  /** Always granted and shown locked. Forced for `necessary`. */
  readOnly?: boolean;
  /**
   * Counts as "sale or sharing" for Global Privacy Control: denied by default and left out of
   * "accept all" when the browser sends GPC. Defaults to true for `marketing`.
   */
  sale?: boolean;
  services?: Record<string, ServiceConfig>;
  /** Cookies deleted when this category is withdrawn. */
  cookies?: CookieSpec[];
  /** Web Storage keys deleted (in localStorage and sessionStorage) when this category is withdrawn. */
  storage?: StorageKey[];
}

export interface CookieOptions {
  /** Default `keuze_consent`. */
  name?: string;
  /** Share consent across subdomains, e.g. `example.com`. Must be the page's host or a parent of it. */
  domain?: string;
  /** Default `/`. */
  path?: string;
  /**
   * When browsers send the cookie along with requests from other sites (RFC 6265bis `SameSite`).
   * Default `Lax`. `None` is for a site shown in another site's iframe: Keuze then also writes
   * `Secure` and `Partitioned` (CHIPS), which browsers require for such a cookie; it works only
   * on https, and where the browser allows partitioned cookies (see docs/faq.md).
   */
  sameSite?: 'Lax' | 'Strict' | 'None';
  /**
   * The consent cookie renewal route of @keuze/server (`POST /consent-cookie`), e.g. `/keuze/consent-cookie`.
   * On a returning visit the script tag asks it, once per page view and without waiting, to re-issue
   * the cookie from the server, because Safari keeps a cookie written by script for at most 7 days
   * (WebKit's Intelligent Tracking Prevention). Same site only: the server must set a first-party cookie.
   */
  renewUrl?: string;
}

export interface KeuzeConfig {
  categories: Record<string, CategoryConfig>;
  /** Bump to ask every visitor again. Default 0. */
  revision?: number;
  /**
   * `statement`: the revision follows `statementVersion`, so publishing a new privacy statement
   * asks every visitor again. Default `config` (the number in `revision`).
   */
  revisionFrom?: 'config' | 'statement';
  /** The `version` of the published privacy statement (its front matter), e.g. `16-09-2016`. */
  statementVersion?: string;
  /** Days a choice is kept before asking again. Default 180, at most 395 (13 months). */
  lifetimeDays?: number;
  cookie?: CookieOptions;
  privacyUrl?: string;
  /** Language code stored with the record; the UI also uses it. */
  lang?: string;
  /** Milliseconds after which a host callback that has not settled is reported. Default 10000. */
  callbackTimeout?: number;
  /** The host page's callback for every Keuze event. */
  onEvent?: (event: KeuzeEvent) => unknown;
  /** Texts that replace Keuze's own, per language and key: `{ nl: { 'banner.title': '…' } }`. */
  translations?: Record<string, Record<string, string>>;
  /** How the script tag shows the banner: `box` (default, a bottom corner) or `bar` (full width). */
  layout?: 'box' | 'bar';
  /** Colour scheme of every element: `auto` (default) follows the visitor's setting. */
  theme?: 'light' | 'dark' | 'auto';
  /**
   * A floating "cookie settings" button on every page once a choice is made. `auto` (the default)
   * adds it unless the page has its own `data-keuze-open="preferences"` element; `true` always,
   * `false` never (the site then owes every page its own way to withdraw, GDPR Art. 7(3)).
   */
  reopenButton?: boolean | 'auto';
  /** How Keuze honours the privacy signals a browser sends. */
  privacySignals?: PrivacySignalOptions;
  /**
   * Days after a refusal (reject all, or an optional category left off) during which Keuze does
   * not ask again about the refused categories, even when `revision` changes. Default 182 (six
   * months, as the EU's Digital Omnibus proposal asks), at most 395.
   */
  reaskAfterRefusalDays?: number;
  /**
   * Compares the cookies and Web Storage keys the page can see with those the config declares,
   * and reports each undeclared one once per page view. Default true.
   */
  detectUndeclared?: boolean;
  /** Who is responsible for the processing (GDPR Art. 4(7)), named in `Keuze.receipt()`. */
  controller?: ControllerInfo;
  newsletter?: NewsletterConfig;
  /** The `<keuze-privacy-request>` form for the visitor's rights requests (GDPR articles 15–21). */
  privacyRequest?: PrivacyRequestConfig;
  /**
   * Google Consent Mode v2: `true` sets the default signals before any gated tag runs and updates
   * them from the visitor's choice; an object changes which category grants which signal.
   */
  googleConsentMode?: boolean | ConsentModeOptions;
  /** Proof of consent: each decision is POSTed to `endpoint` as a ConsentLogEntry. */
  consentLog?: ConsentLogOptions;
}

/** The consent signals of Google Consent Mode v2. */
export type ConsentModeSignal = 'ad_storage' | 'ad_user_data' | 'ad_personalization' | 'analytics_storage' | 'functionality_storage' | 'personalization_storage' | 'security_storage';

export interface ConsentModeOptions {
  /**
   * The category that grants each signal, merged over the defaults: the `ad_*` signals follow
   * `marketing`, `analytics_storage` follows `analytics`, and `functionality_storage` and
   * `security_storage` follow `necessary` (a locked category: always granted).
   */
  signals?: Partial<Record<ConsentModeSignal, string>>;
  /** Milliseconds Google's tags wait for the update after the defaults. Default 500. */
  waitForUpdate?: number;
}

export interface ConsentLogOptions {
  /** Where each decision is POSTed as JSON (same-origin, or one that allows the POST by CORS). */
  endpoint: string;
  /**
   * `keuze` (the default): a ConsentLogEntry. `iso27560`: the record that `Keuze.receipt()`
   * returns (ISO/IEC TS 27560:2023 with W3C DPV terms, JSON-LD).
   */
  format?: 'keuze' | 'iso27560';
}

/** Global Privacy Control (https://privacycg.github.io/gpc-spec/). */
export interface PrivacySignalOptions {
  /**
   * `limit` (the default): categories marked `sale` start and stay denied, and "accept all" leaves
   * them off. `reject`: a browser sending GPC has rejected every optional category: the choice is
   * stored with method `signal` and no banner is shown; the visitor can still choose otherwise.
   */
  gpc?: 'limit' | 'reject';
}

/** The controller of the personal data (GDPR Art. 4(7)). */
export interface ControllerInfo {
  /** The organisation's name. */
  name: string;
  /** How to reach it about privacy: an email address or a URL. */
  contact?: string;
}

/** How a choice was made; `signal`: the browser's Global Privacy Control, with `privacySignals.gpc: 'reject'`. */
export type ConsentMethod = 'accept-all' | 'reject-all' | 'custom' | 'api' | 'signal';

/** The visitor's stored choice. */
export interface ConsentRecord {
  /** Random id of this browser's consent, for proof of consent. Not linked to any person. */
  consentId: string;
  /** Granted categories, always including `necessary`. */
  categories: string[];
  /** Granted services, per category. */
  services: Record<string, string[]>;
  /** When consent was first given (ISO 8601). */
  firstGiven: string;
  /** When the choice last changed (ISO 8601). */
  timestamp: string;
  revision: number;
  language: string;
  /** Whether the browser sent Global Privacy Control when the choice was made. */
  gpc: boolean;
  method: ConsentMethod;
  /**
   * When each optional category was last decided, granted or refused (ISO 8601). Missing in
   * records stored before Keuze kept it; a category not in it has not been asked.
   */
  decisions?: Record<string, string>;
  /**
   * Categories the config added since this choice: the banner asks about these only, and the
   * rest of the choice stays. Set for the page view, never stored.
   */
  pending?: string[];
}

/** Proof of a decision, as sent to `consentLog.endpoint` and in the `consent-log` event. No personal data. */
export interface ConsentLogEntry {
  consentId: string;
  /** When the choice was made (ISO 8601). */
  timestamp: string;
  method: ConsentMethod;
  categories: string[];
  services: Record<string, string[]>;
  revision: number;
  /** The privacy statement's version in the config, if any. */
  statementVersion: string | null;
  language: string;
  /**
   * `sha256:<hex>` of the banner and dialog texts in the language shown (`fnv1a:` where the page is
   * not a secure context); null when the choice came through the API with no Keuze UI loaded.
   */
  textsHash: string | null;
  /** The browser family only (`Chrome`, `Firefox`, `Safari`, `Edge`, …), never the full user agent. */
  userAgent: string;
}

/** Sent after each decision (not after `reset()`), whether or not `consentLog` is configured. */
export interface ConsentLogEvent {
  type: 'consent-log';
  entry: ConsentLogEntry;
}

export interface ConsentChoice {
  categories: string[];
  /** Services per category; a granted category without an entry gets all its services. */
  services?: Record<string, string[]>;
}

export interface ConsentEventDetail {
  type: 'consent';
  /** The new record, or null after `reset()`. */
  consent: ConsentRecord | null;
  previous: ConsentRecord | null;
  method: ConsentMethod;
  /** Categories or services were withdrawn after their scripts ran in this page: reload to stop them. */
  reloadRecommended: boolean;
}

/** A newsletter topic a visitor can subscribe to. */
export interface NewsletterTopic {
  id: string;
  label: LocalizedText;
  description?: LocalizedText;
  /** How often this topic is sent, for its consent box; default `newsletter.frequency`. */
  frequency?: LocalizedText;
  /** Sent to every subscriber (service messages about an account): shown, not optional. */
  required?: boolean;
}

export interface NewsletterConfig {
  /** The mail a visitor can choose. Default: one topic, `newsletter` ("Nieuwsbrief" / "Newsletter"). */
  topics?: NewsletterTopic[];
  /** How often mail is sent, for the consent text: `{ nl: 'hooguit één keer per maand', en: 'at most once a month' }`. */
  frequency?: LocalizedText;
  /**
   * The age a subscriber must have, e.g. 16 (GDPR art. 8: below it a parent consents): the sign-up
   * adds a required, unticked "I am 16 or older" box. Whole years, 1 to 99. Default: no box.
   */
  minimumAge?: number;
  /**
   * `true`: the sign-up adds a separate, unticked box asking to measure opens and clicks in the
   * emails (tracking pixels and links need their own consent: ePrivacy art. 5(3), CNIL 2026).
   * The event's `tracking` says whether it was ticked. Default false: no box, `tracking: false`.
   */
  tracking?: boolean;
  /** Instead of `onEvent`: a URL the elements POST each newsletter event to as JSON. */
  endpoint?: string;
  /** Milliseconds to wait for the host's answer. Default 15000. */
  timeout?: number;
  /** Where "manage your preferences" leads, e.g. `/newsletter`. */
  preferencesUrl?: string;
}

/** A sign-up; the host's answer decides what the visitor sees. Double opt-in is the default. */
export interface NewsletterSubscribeEvent {
  type: 'newsletter-subscribe';
  email: string;
  /** The ticked topics' ids: each box ticked is the consent for that topic. */
  topics: string[];
  language: string;
  /**
   * Proof of consent: the labels of exactly the ticked topic boxes (with how often each is sent),
   * as the visitor saw them, in the language shown.
   */
  consentText: string;
  /** With `newsletter.minimumAge`: the age the visitor confirmed having at least. */
  minimumAge?: number;
  /** Whether the visitor allowed open and click measurement (always false without `newsletter.tracking`). */
  tracking: boolean;
  /** When `tracking` is true: that box's label as the visitor saw it, for proof of consent. */
  trackingText?: string;
  /** ISO 8601. */
  timestamp: string;
}

/** Answer to a sign-up: `pending` (a confirmation mail was sent) or `subscribed`. */
export interface NewsletterSubscribeAnswer {
  status: 'pending' | 'subscribed';
}

export interface NewsletterPreferencesGetEvent {
  type: 'newsletter-preferences-get';
  token: string;
}

/** Answer to `newsletter-preferences-get`: the topics subscribed, and those that are not optional. */
export interface NewsletterPreferencesAnswer {
  topics: string[];
  required?: string[];
  email?: string;
}

export interface NewsletterPreferencesSetEvent {
  type: 'newsletter-preferences-set';
  token: string;
  topics: string[];
}

/** Leaves every optional topic at once (one click, no confirmation step). */
export interface NewsletterUnsubscribeEvent {
  type: 'newsletter-unsubscribe';
  token: string;
}

export type NewsletterEvent = NewsletterSubscribeEvent | NewsletterPreferencesGetEvent | NewsletterPreferencesSetEvent | NewsletterUnsubscribeEvent;

import type { PRIVACY_REQUEST_KINDS } from './config-validation.js';
/** A data-subject right a privacy request invokes (see `PRIVACY_REQUEST_KINDS`). */
export type PrivacyRequestKind = (typeof PRIVACY_REQUEST_KINDS)[number];

export interface PrivacyRequestConfig {
  /** The kinds the form offers, in this order. Default: all six. */
  kinds?: PrivacyRequestKind[];
  /**
   * A copy of an ID with its BSN and photo masked: `'off'` (default; the Dutch AP says to ask for
   * one only when there is no other way to know who asks), `'optional'` or `'required'`.
   */
  idCopy?: 'off' | 'optional' | 'required';
  /** The controller's name (GDPR art. 4(7)) burned into the ID copy: "Kopie voor <name>". Default: the page's host name. */
  controller?: string;
  /**
   * Instead of `onEvent`: a URL the element POSTs each request to as `multipart/form-data`, with
   * the fields kind, name, email, message, consent (JSON), idCopy (file), language, timestamp.
   */
  endpoint?: string;
  /** Milliseconds to wait for the host's answer. Default 15000. */
  timeout?: number;
}

/** A visitor's request about their data, sent by `<keuze-privacy-request>`. */
export interface PrivacyRequestEvent {
  type: 'privacy-request';
  kind: PrivacyRequestKind;
  name: string;
  email: string;
  /** What the request is about; required for rectification and objection, else possibly empty. */
  message: string;
  /** The stored cookie choice (as `Keuze.getConsent()` returns it), when the visitor attached it. */
  consent?: ConsentRecord;
  /** The masked ID copy (image/jpeg or image/png), never the original; only with `privacyRequest.idCopy`. */
  idCopy?: Blob;
  /** The language shown, e.g. `nl`. */
  language: string;
  /** ISO 8601. */
  timestamp: string;
}

/** Answer to a privacy request: the host's reference for it, shown to the visitor. */
export interface PrivacyRequestAnswer {
  reference: string;
}

/**
 * Every event Keuze sends to `onEvent`. Consent events also reach `Keuze.on()` listeners; the
 * newsletter and privacy-request elements wait for `onEvent`'s answer (a promise) and dispatch
 * `keuze-<type>` events.
 */
/**
 * Cookies or Web Storage keys the page holds that the config does not declare (`detectUndeclared`),
 * each reported once per page view.
 */
export interface UndeclaredStorageEvent {
  type: 'undeclared-storage';
  /** The undeclared cookie names and storage keys. */
  names: string[];
  /** No optional category was granted when they were found: set before consent. */
  beforeConsent: boolean;
}

export type KeuzeEvent = ConsentEventDetail | ConsentLogEvent | UndeclaredStorageEvent | NewsletterEvent | PrivacyRequestEvent;
export type KeuzeEventType = KeuzeEvent['type'];
export type KeuzeEventOf<T extends KeuzeEventType> = Extract<KeuzeEvent, { type: T }>;

declare global {
  interface DocumentEventMap {
    'keuze-consent': CustomEvent<ConsentEventDetail>;
    'keuze-consent-log': CustomEvent<ConsentLogEvent>;
    'keuze-undeclared-storage': CustomEvent<UndeclaredStorageEvent>;
  }
  interface Window {
    /** Google's command queue, which Consent Mode writes to. */
    dataLayer?: unknown[];
  }
  interface Navigator {
    /** Global Privacy Control (https://privacycg.github.io/gpc-spec/). */
    readonly globalPrivacyControl?: boolean;
  }
}
