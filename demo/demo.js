// The host page's side of the demo: the callback Keuze calls, a visible log of what it receives,
// and a panel to try the API. Loaded with `defer` before the Keuze module, so `window.KeuzeConfig`
// (merged with the page's JSON config) holds the callback when Keuze starts.
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
};

document.addEventListener('click', async (event) => {
  const button = event.target instanceof Element ? event.target.closest('[data-demo-action]') : null;
  const action = button && actions[button.dataset.demoAction];
  if (!action || !window.Keuze) return;
  await action();
  showState();
});

// Keuze starts after this script; show the state once it has applied what is stored.
window.addEventListener('load', showState);
