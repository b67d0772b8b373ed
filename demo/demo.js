// The host page's side of the demo: the callback Keuze calls, a visible log of what it receives,
// and a panel to try the API, the banner layouts and the live language switch. Loaded with `defer`
// before the Keuze module, so `window.KeuzeConfig` (merged with the page's JSON config) holds the
// callback when Keuze starts.
const dutch = document.documentElement.lang === 'nl';
const text = dutch
  ? { none: 'nog geen keuze', ran: 'Gestarte trackers', nothing: 'geen', cookies: 'Cookies', choice: 'Keuze' }
  : { none: 'no choice yet', ran: 'Trackers that ran', nothing: 'none', cookies: 'Cookies', choice: 'Choice' };

const trackersRan = [];

window.KeuzeConfig = {
  onEvent(event) {
    logEvent(event);
    showState();
  },
};

window.addEventListener('demo-tracker', (event) => {
  trackersRan.push(event.detail);
  showState();
});

/** Appends what the host callback received, as text: nothing in an event is trusted as HTML. */
function logEvent(event) {
  const log = document.getElementById('event-log');
  if (!log) return;
  const entry = document.createElement('li');
  const time = document.createElement('time');
  time.textContent = new Date().toLocaleTimeString(document.documentElement.lang);
  const body = document.createElement('pre');
  body.textContent = JSON.stringify(event, null, 2);
  entry.append(time, body);
  log.prepend(entry);
}

function showState() {
  const consent = window.Keuze?.getConsent();
  setText('state-choice', `${text.choice}: ${consent ? consent.categories.join(', ') : text.none}`);
  setText('state-trackers', `${text.ran}: ${trackersRan.join(', ') || text.nothing}`);
  setText('state-cookies', `${text.cookies}: ${document.cookie.split('; ').filter(Boolean).map((c) => c.split('=')[0]).join(', ') || text.nothing}`);
}

function setText(id, value) {
  const element = document.getElementById(id);
  if (element) element.textContent = value;
}

const actions = {
  'accept-all': () => window.Keuze.acceptAll(),
  'reject-all': () => window.Keuze.rejectAll(),
  'analytics-only': () => window.Keuze.setConsent({ categories: ['analytics'] }),
  reset: () => window.Keuze.reset(),
  language: (button) => switchLanguage(button.dataset.demoLang),
};

/** The language Keuze's elements show: each element carries it in `lang`; the page's until one exists. */
let keuzeLanguage = document.documentElement.lang;
function shownLanguage() {
  const element = document.querySelector('keuze-cookie-banner, keuze-cookie-preferences, keuze-reopen-button');
  return (element && element.lang) || keuzeLanguage;
}

/** The live switch: every Keuze element changes language, the page itself stays as it is. */
async function switchLanguage(lang) {
  await window.Keuze.setLanguage(lang);
  keuzeLanguage = lang;
  showLanguageButton();
}

/** The language button offers the other language: "Taal: English" while Dutch shows, "Language: Nederlands" while English. */
function showLanguageButton() {
  const button = document.querySelector('[data-demo-action="language"]');
  if (!button) return;
  const shown = shownLanguage() === 'en' ? 'en' : 'nl';
  const target = shown === 'en' ? 'nl' : 'en';
  const name = document.createElement('span');
  name.lang = target;
  name.textContent = target === 'en' ? 'English' : 'Nederlands';
  button.lang = shown;
  button.dataset.demoLang = target;
  button.replaceChildren(shown === 'en' ? 'Language: ' : 'Taal: ', name);
}

/** The page's banner, waiting for Keuze to add it (it does so while there is no valid choice). */
async function pageBanner() {
  for (let frame = 0; frame < 300; frame++) {
    const banner = document.querySelector('keuze-cookie-banner');
    if (banner) return banner;
    await new Promise((resolve) => requestAnimationFrame(resolve));
  }
  return null;
}

/** Shows the banner in another layout: forgets a stored choice first, so that the banner asks again. */
async function showLayout(layout) {
  if (window.Keuze.getConsent()) await window.Keuze.reset();
  const banner = await pageBanner();
  if (!banner) return;
  banner.layout = layout;
  for (const button of document.querySelectorAll('[data-demo-layout]')) {
    button.setAttribute('aria-pressed', String(button.dataset.demoLayout === layout));
  }
  showState();
}

document.addEventListener('click', async (event) => {
  if (!(event.target instanceof Element) || !window.Keuze) return;
  const layoutButton = event.target.closest('[data-demo-layout]');
  if (layoutButton) return showLayout(layoutButton.dataset.demoLayout);
  const button = event.target.closest('[data-demo-action]');
  const action = button && actions[button.dataset.demoAction];
  if (!action) return;
  await action(button);
  showState();
});

// The dialog has a language switch of its own: bring the demo's button up to date when it closes.
document.addEventListener('keuze-preferences-close', showLanguageButton);

// Keuze starts after this script; show the state once it has applied what is stored.
window.addEventListener('load', showState);
