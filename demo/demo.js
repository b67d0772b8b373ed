// The host page's side of the demo: the callback Keuze calls, a visible log of what it receives,
// a panel to try the API, the banner layouts and the live language switch, a stand-in server
// for the newsletter elements, and the forwarding of privacy requests to the demo host. Loaded with `defer` after site-config.js and before the Keuze
// module, so `window.KeuzeConfig` holds the site's config and this callback when Keuze starts.
const dutch = document.documentElement.lang === 'nl';
const text = dutch
  ? {
      none: 'nog geen keuze',
      ran: 'Gestarte trackers',
      nothing: 'geen',
      cookies: 'Cookies',
      choice: 'Keuze',
      answer: 'Antwoord op',
      rejected: 'Fout als antwoord op',
      late: 'te laat: de elementen wachten 8 s',
      after: 'na',
      serverError: 'Demo-server: er ging iets mis (503).',
    }
  : {
      none: 'no choice yet',
      ran: 'Trackers that ran',
      nothing: 'none',
      cookies: 'Cookies',
      choice: 'Choice',
      answer: 'Answer to',
      rejected: 'Error in answer to',
      late: 'too late: the elements wait 8 s',
      after: 'after',
      serverError: 'Demo server: something went wrong (503).',
    };

const trackersRan = [];

window.KeuzeConfig = {
  ...window.KeuzeConfig,
  onEvent(event) {
    logEvent(event);
    showState();
    // The newsletter elements wait for the answer: a promise, as a real site would get from its server.
    if (event.type.startsWith('newsletter-')) return answerNewsletter(event);
    if (event.type === 'privacy-request') return sendPrivacyRequest(event);
    return undefined;
  },
};

// The demo's newsletter server. In the default mode (double opt-in) the events go to the real
// @keuze/server that `npm start` runs at /demo-api/ (the confirmation mail is printed in its
// terminal); Anna's demo token and the other modes are answered from memory, as the mode switch in
// the demo panel decides. A real site without this switch just sets `newsletter.endpoint`.

/** Anna's topics, as the server would keep them for the token in her email link. */
let subscriberTopics = ['newsletter'];

/** How the server answers: `pending` (double opt-in), `subscribed`, `failed` or `slow`. */
function serverMode() {
  return document.querySelector('input[name="newsletter-mode"]:checked')?.value ?? 'pending';
}

/**
 * The mode is kept in the address (`?demo-mode=failed`), so that reloading the preferences page,
 * or following the email link from the home page, keeps it. Nothing is stored in the browser.
 */
function showMode(mode) {
  const url = new URL(location.href);
  if (mode === 'pending') url.searchParams.delete('demo-mode');
  else url.searchParams.set('demo-mode', mode);
  history.replaceState(history.state, '', url);
  for (const link of document.querySelectorAll('[data-demo-mail-link]')) {
    const target = new URL(link.href);
    if (mode === 'pending') target.searchParams.delete('demo-mode');
    else target.searchParams.set('demo-mode', mode);
    link.href = target.pathname + target.search;
  }
}

const startMode = new URLSearchParams(location.search).get('demo-mode');
const startRadio = document.querySelector(`input[name="newsletter-mode"][value="${CSS.escape(startMode ?? 'pending')}"]`);
if (startRadio) {
  startRadio.checked = true;
  showMode(startRadio.value);
}
document.addEventListener('change', (event) => {
  if (event.target instanceof HTMLInputElement && event.target.name === 'newsletter-mode') showMode(event.target.value);
});

const wait = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** What the server does with each newsletter event, and what it answers. */
function handleNewsletter(event, mode) {
  switch (event.type) {
    case 'newsletter-subscribe':
      // Double opt-in: nothing is subscribed until the visitor confirms from the mail.
      if (mode === 'subscribed') subscriberTopics = [...new Set([...subscriberTopics, ...event.topics])];
      return { status: mode === 'subscribed' ? 'subscribed' : 'pending' };
    case 'newsletter-preferences-get':
      return { topics: [...subscriberTopics], required: ['service'], email: 'anna@example.com' };
    case 'newsletter-preferences-set':
      subscriberTopics = event.topics.filter((topic) => topic !== 'service');
      return { topics: [...subscriberTopics] };
    case 'newsletter-unsubscribe':
      subscriberTopics = [];
      return { topics: [] };
    default:
      throw new Error(`unknown event ${event.type}`);
  }
}

/** POSTs the event to @keuze/server, as `newsletter.endpoint` would. */
async function askDemoServer(event) {
  const response = await fetch('/demo-api/newsletter', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(event) });
  const answer = await response.json();
  if (!response.ok) throw new Error(`${response.status}: ${answer.error}`);
  return answer;
}

/** Answers after a short, realistic delay; a failing server rejects, a slow one takes 10 s. */
async function answerNewsletter(event) {
  const mode = serverMode();
  const started = performance.now();
  const seconds = () => ((performance.now() - started) / 1000).toLocaleString(document.documentElement.lang, { maximumFractionDigits: 1 });
  try {
    const answer =
      mode === 'pending' && event.token !== 'demo-123'
        ? await askDemoServer(event)
        : await wait(mode === 'slow' ? 10_000 : 600).then(() => {
            if (mode === 'failed') throw new Error(text.serverError);
            return handleNewsletter(event, mode);
          });
    logAnswer(`${text.answer} ${event.type} (${text.after} ${seconds()} s${mode === 'slow' ? `, ${text.late}` : ''})`, JSON.stringify(answer, null, 2));
    return answer;
  } catch (error) {
    logAnswer(`${text.rejected} ${event.type} (${text.after} ${seconds()} s)`, String(error));
    throw error;
  } finally {
    showState();
  }
}

/**
 * Sends a privacy request to the demo host (@keuze/server, run by `npm start`, stores it and
 * answers a reference), as multipart/form-data: what `privacyRequest.endpoint` does
 * by itself when a site has no `onEvent`. The ID copy is the masked one; the original never left the page.
 */
async function sendPrivacyRequest(event) {
  const form = new FormData();
  for (const field of ['kind', 'name', 'email', 'message', 'language', 'timestamp']) form.set(field, event[field]);
  if (event.consent) form.set('consent', JSON.stringify(event.consent));
  if (event.idCopy) form.set('idCopy', event.idCopy, event.idCopy.type === 'image/png' ? 'id-copy.png' : 'id-copy.jpg');
  const response = await fetch('/demo-api/privacy-request', { method: 'POST', body: form });
  if (!response.ok) throw new Error(`/demo-api/privacy-request answered ${response.status}`);
  const answer = await response.json();
  logAnswer(`${text.answer} privacy-request`, JSON.stringify(answer, null, 2));
  return answer;
}

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
  // A file (the masked ID copy) is shown by its type and size.
  body.textContent = JSON.stringify(event, (_, value) => (value instanceof Blob ? `${value.type}, ${value.size} bytes` : value), 2);
  entry.append(time, body);
  log.prepend(entry);
}

/** Appends the host's answer to a newsletter event, as text. */
function logAnswer(label, value) {
  const log = document.getElementById('event-log');
  if (!log) return;
  const entry = document.createElement('li');
  entry.className = 'answer';
  const time = document.createElement('time');
  time.textContent = new Date().toLocaleTimeString(document.documentElement.lang);
  const heading = document.createElement('span');
  heading.textContent = ` ${label}`;
  const body = document.createElement('pre');
  body.textContent = value;
  entry.append(time, heading, body);
  log.prepend(entry);
}

function showState() {
  const consent = window.Keuze?.getConsent();
  setText('state-choice', `${text.choice}: ${consent ? consent.categories.join(', ') : text.none}`);
  setText('state-trackers', `${text.ran}: ${trackersRan.join(', ') || text.nothing}`);
  setText(
    'state-cookies',
    `${text.cookies}: ${
      document.cookie
        .split('; ')
        .filter(Boolean)
        .map((c) => c.split('=')[0])
        .join(', ') || text.nothing
    }`,
  );
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
  'forget-newsletter': forgetSignup,
};

/** Forgets that this browser signed up (the topics cookie) and puts a fresh, empty sign-up form in place. */
function forgetSignup() {
  document.cookie = 'keuze_newsletter=; path=/; max-age=0; SameSite=Lax';
  const signup = document.querySelector('keuze-newsletter-signup');
  if (signup) signup.replaceWith(document.createElement('keuze-newsletter-signup'));
}

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
