// Loaded first by every test page: keeps what the page writes to the console, and its uncaught
// errors, so tests can assert on Keuze's messages and on "never throws into the host page".
window.__logs = [];
window.__errors = [];
for (const level of ['error', 'warn']) {
  const original = console[level].bind(console);
  console[level] = (...args) => {
    window.__logs.push({ level, text: args.map((arg) => (arg instanceof Error ? `${arg.name}: ${arg.message}` : String(arg))).join(' ') });
    original(...args);
  };
}
window.addEventListener('error', (event) => window.__errors.push(String(event.message)));
window.addEventListener('unhandledrejection', (event) => window.__errors.push(String(event.reason)));
window.__ran = [];
