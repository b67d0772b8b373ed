export { createKeuzeServer, openDatabase, type KeuzeServer, type KeuzeHandler, type RequestInfo } from './handler.js';
export { toNodeListener, keuzeMiddleware, keuzeKoaMiddleware, toRequest, sendResponse } from './node.js';
export { optionsFromEnv, resolveOptions, ENVIRONMENT, DEFAULTS, type ServerOptions } from './options.js';
export { listUnsubscribeHeaders } from './list-unsubscribe.js';
export { createMailer, type Mail, type Mailer } from './mailer.js';
export { issueToken, verifyToken, type TokenPurpose } from './tokens.js';
export { purge, type PurgeResult } from './purge.js';
export { PRIVACY_REQUEST_KINDS, answerDeadline, type PrivacyRequestKind } from './privacy-request.js';
export type { Database } from './store/database.js';
