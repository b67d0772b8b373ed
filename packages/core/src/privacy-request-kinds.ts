/**
 * The data-subject rights a privacy request can invoke, by GDPR article: access (15), rectification
 * (16), erasure (17), objection (21), portability (20), and withdrawing consent (7(3)). One list for
 * the config validator, `<keuze-privacy-request>` and `@keuze/server`.
 */
export const PRIVACY_REQUEST_KINDS = ['access', 'rectification', 'erasure', 'objection', 'portability', 'withdraw-consent'] as const;

export type PrivacyRequestKind = (typeof PRIVACY_REQUEST_KINDS)[number];
