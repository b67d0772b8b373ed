// Defines every Keuze element: `import '@keuze/elements/define'`. To define only some, import
// their own files, e.g. `import '@keuze/elements/cookie-banner/define'`.
import './cookie-banner/define.js';
import './cookie-preferences/define.js';
import './reopen-button/define.js';
import './privacy-statement/define.js';
import './cookie-declaration/define.js';
import './newsletter-signup/define.js';
import './newsletter-preferences/define.js';
import './privacy-request/define.js';
import './embed-placeholder/define.js';
