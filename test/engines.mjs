/**
 * The browser engines the browser suite runs in: Chromium, Firefox and WebKit, each from Debian's
 * packages (nothing here downloads a browser). `npm test` runs every engine that is installed and
 * names the ones it skipped; `KEUZE_REQUIRE_ENGINES=all` (set by `.ci/run`) turns a missing engine into
 * a failure, and `KEUZE_ENGINES=firefox,webkit` picks engines while iterating.
 *
 * - Chromium: /usr/bin/chromium (or CHROME_PATH) through @web/test-runner-chrome's puppeteer-core.
 * - Firefox: /usr/bin/firefox-esr (or FIREFOX_PATH), headless, driven over WebDriver BiDi by
 *   puppeteer-core 24 (the same copy test-runner-chrome uses; 25 needs Node 22.12, and Node 20 is supported).
 * - WebKit: WebKitGTK's MiniBrowser through WebKitWebDriver and webdriverio. MiniBrowser has no
 *   headless mode, so without a DISPLAY the launcher starts its own Xvfb, and stops it at the end.
 *
 * The subdomain tests need *.keuze.test to reach the test server: Chromium gets a resolver rule,
 * Firefox the `network.dns.localDomains` pref; WebKit asks the system resolver, so /etc/hosts must
 * name them (`.ci/run` adds them; see `subdomainHosts`).
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { lookup } from 'node:dns/promises';
import { createServer } from 'node:net';
import { ChromeLauncher, chromeLauncher } from '@web/test-runner-chrome';
import { WebdriverLauncher } from '@web/test-runner-webdriver';
import puppeteer from 'puppeteer-core';

/** The hosts the subdomain tests use; each must resolve to 127.0.0.1 in every engine. */
export const subdomainHosts = ['keuze.test', 'app.keuze.test', 'www.keuze.test', 'plain.keuze.test'];
/**
 * Chromium and Firefox treat these as secure contexts (like localhost), so cookieStore works there.
 * plain.keuze.test stays plain http, for what browsers refuse on such pages (Secure cookies).
 */
const secureHosts = subdomainHosts.filter((host) => host != 'plain.keuze.test');

const paths = {
  chromium: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  firefox: process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr',
  webKitWebDriver: '/usr/bin/WebKitWebDriver',
  miniBrowser: '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser',
  xvfb: '/usr/bin/Xvfb',
};

/** Every process an engine started, so that nothing outlives the run even when it ends abruptly. */
const children = new Set();
process.on('exit', () => {
  for (const child of children) child.kill('SIGKILL');
});

function start(command, args, options = {}) {
  const child = spawn(command, args, { stdio: 'ignore', ...options });
  children.add(child);
  child.on('exit', () => children.delete(child));
  return child;
}

function stop(child) {
  if (!child || child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', resolve);
    child.kill('SIGTERM');
  });
}

const freePort = () =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });

/** Starts Xvfb on a display it picks itself (`-displayfd`), so parallel runs never collide. */
function startXvfb() {
  const xvfb = start(paths.xvfb, ['-displayfd', '3', '-screen', '0', '1280x1024x24', '-nolisten', 'tcp'], {
    stdio: ['ignore', 'ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let output = '';
    let errors = '';
    xvfb.stderr.on('data', (chunk) => (errors += chunk));
    xvfb.stdio[3].on('data', (chunk) => {
      output += chunk;
      if (output.includes('\n')) resolve({ xvfb, display: `:${output.trim()}` });
    });
    xvfb.on('exit', (code) => reject(new Error(`Xvfb exited (${code}) before it named a display: ${errors}`)));
  });
}

async function waitForDriver(port, driver) {
  const deadline = Date.now() + 20000;
  while (Date.now() < deadline) {
    if (driver.exitCode !== null) throw new Error(`WebKitWebDriver exited (${driver.exitCode})`);
    try {
      const response = await fetch(`http://127.0.0.1:${port}/status`);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`WebKitWebDriver did not answer on port ${port} within 20 s`);
}

/**
 * @web/test-runner-webdriver's launcher, with the WebDriver server (and, without a display, Xvfb)
 * started on first use and stopped with the run.
 */
class WebKitLauncher extends WebdriverLauncher {
  constructor() {
    super({
      hostname: '127.0.0.1',
      port: 0,
      logLevel: 'error',
      capabilities: {
        // No browserName: WebKitWebDriver does not match "MiniBrowser" against it.
        // Test pages open second windows (subdomains, second tabs) from scripts, as Chromium and
        // Firefox are told to allow.
        'webkitgtk:browserOptions': { binary: paths.miniBrowser, args: ['--automation', '--javascript-can-open-windows-automatically=true'] },
        // Classic WebDriver only: webdriverio would otherwise ask for a BiDi socket.
        'wdio:enforceWebDriverClassic': true,
      },
    });
  }

  async initialize(config, testFiles) {
    await super.initialize(config, testFiles);
    this.name = 'WebKit';
  }

  async createDriverManager() {
    const unresolved = [];
    for (const host of subdomainHosts) {
      const address = await lookup(host).catch(() => undefined);
      if (address?.address !== '127.0.0.1') unresolved.push(host);
    }
    if (unresolved.length) {
      console.warn(`WebKit: ${unresolved.join(', ')} must resolve to 127.0.0.1 for the subdomain tests: add them to /etc/hosts (.ci/run does)`);
    }
    const env = { ...process.env };
    if (!env.DISPLAY) {
      const { xvfb, display } = await startXvfb();
      this.xvfb = xvfb;
      env.DISPLAY = display;
    }
    const port = await freePort();
    this.webDriver = start(paths.webKitWebDriver, [`--port=${port}`], { env });
    await waitForDriver(port, this.webDriver);
    this.options.port = port;
    const manager = await super.createDriverManager();
    // The same viewport the Chromium launcher gives each page.
    await setWebDriverViewport(this.driver, { width: 800, height: 600 });
    return manager;
  }

  async stop() {
    await super.stop();
    await stop(this.webDriver);
    await stop(this.xvfb);
  }
}

/** Resizes the window so that the page's viewport (not the window) gets the size asked for. */
async function setWebDriverViewport(driver, { width, height }) {
  let inner = { width: 0, height: 0 };
  for (let attempt = 0; attempt < 3 && (inner.width !== width || inner.height !== height); attempt++) {
    const outer = await driver.getWindowRect();
    inner = await driver.execute(() => ({ width: window.innerWidth, height: window.innerHeight }));
    await driver.setWindowRect(null, null, outer.width + width - inner.width, outer.height + height - inner.height);
    inner = await driver.execute(() => ({ width: window.innerWidth, height: window.innerHeight }));
  }
}

/** test-runner-chrome's puppeteer launcher, with puppeteer-core driving Firefox over WebDriver BiDi. */
class FirefoxLauncher extends ChromeLauncher {
  constructor(launchOptions) {
    super(
      launchOptions,
      ({ browser }) => browser.defaultBrowserContext(),
      ({ context }) => context.newPage(),
      puppeteer,
    );
  }
}

const engines = {
  chromium: {
    installed: () => existsSync(paths.chromium),
    launcher: (port) =>
      chromeLauncher({
        launchOptions: {
          executablePath: paths.chromium,
          headless: true,
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--no-first-run',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
            '--disable-popup-blocking',
            // Subdomains of keuze.test reach this server, for cookies shared across subdomains.
            '--host-resolver-rules=MAP *.keuze.test 127.0.0.1',
            // …as secure contexts (like localhost), so cookieStore can report cookie domains there.
            `--unsafely-treat-insecure-origin-as-secure=${secureHosts.map((host) => `http://${host}:${port}`).join(',')}`,
          ],
        },
      }),
  },
  firefox: {
    installed: () => existsSync(paths.firefox),
    launcher: () =>
      new FirefoxLauncher({
        browser: 'firefox',
        executablePath: paths.firefox,
        headless: true,
        extraPrefsFirefox: {
          // Subdomains of keuze.test reach this server, as secure contexts (cookieStore).
          'network.dns.localDomains': subdomainHosts.join(','),
          'dom.securecontext.allowlist': secureHosts.join(','),
          // Test pages open popups (second tabs) from scripts.
          'dom.disable_open_during_load': false,
        },
      }),
  },
  webkit: {
    installed: () => existsSync(paths.webKitWebDriver) && existsSync(paths.miniBrowser) && (!!process.env.DISPLAY || existsSync(paths.xvfb)),
    launcher: () => new WebKitLauncher(),
  },
};

/**
 * The launchers for this run. Names the engines it skips; throws when one is required
 * (`KEUZE_REQUIRE_ENGINES=all` or a list) but not installed.
 */
export function browserLaunchers(port) {
  const wanted = (process.env.KEUZE_ENGINES ?? Object.keys(engines).join(',')).split(',').map((name) => name.trim());
  const unknown = wanted.filter((name) => !(name in engines));
  if (unknown.length) throw new Error(`KEUZE_ENGINES names unknown engines: ${unknown.join(', ')} (known: ${Object.keys(engines).join(', ')})`);
  const requiredSetting = process.env.KEUZE_REQUIRE_ENGINES ?? '';
  const required = requiredSetting === 'all' ? wanted : requiredSetting.split(',').filter(Boolean);
  const missing = wanted.filter((name) => !engines[name].installed());
  const missingRequired = missing.filter((name) => required.includes(name));
  if (missingRequired.length) {
    throw new Error(`Required browser engines are not installed: ${missingRequired.join(', ')}: .ci/run installs them (see README)`);
  }
  if (missing.length) console.log(`Skipping browser engines that are not installed: ${missing.join(', ')}`);
  const running = wanted.filter((name) => !missing.includes(name));
  if (!running.length) throw new Error('No browser engine is installed: install chromium, firefox-esr or webkit2gtk-driver');
  console.log(`Browser engines: ${running.join(', ')}`);
  return running.map((name) => engines[name].launcher(port));
}

/** Which engine a launcher drives, for the commands below. */
const engineOf = (session) => (session.browser.type === 'webdriver' ? 'webkit' : session.browser.name === 'Firefox' ? 'firefox' : 'chromium');

/** WebDriver's code points for the keys the tests press (https://w3c.github.io/webdriver/#keyboard-actions). */
const webDriverKeys = {
  Tab: '\uE004',
  Enter: '\uE007',
  Shift: '\uE008',
  Escape: '\uE00C',
  Space: ' ',
  ArrowUp: '\uE013',
  ArrowDown: '\uE015',
  ArrowLeft: '\uE012',
  ArrowRight: '\uE014',
  Home: '\uE011',
  End: '\uE010',
  Backspace: '\uE003',
  Delete: '\uE017',
};
const webDriverKey = (key) => {
  if (webDriverKeys[key]) return webDriverKeys[key];
  if ([...key].length === 1) return key;
  throw new Error(`engine-send-keys: no WebDriver code for key "${key}"`);
};

/**
 * `engine-*` commands: @web/test-runner-commands' sendKeys, setViewport and emulateMedia, in every
 * engine (test/support/commands.ts calls them). The stock commands cover puppeteer's Chromium;
 * WebDriver gets key actions on one keyboard (so a Shift held down stays down) and a window sized
 * to the viewport. Media emulation needs CDP: in Firefox and WebKit `emulateMedia` succeeds only
 * when the page already matches what was asked (the engines default to light and full motion), and
 * otherwise answers "unsupported" so a test can say which engines it runs in.
 */
export const engineCommands = {
  name: 'keuze-engine-commands',
  async executeCommand({ command, payload, session }) {
    if (!command.startsWith('engine-')) return undefined;
    const engine = engineOf(session);
    if (command === 'engine-name') return engine;
    if (engine === 'webkit') {
      const driver = session.browser.driver;
      if (command === 'engine-send-keys') {
        const [kind, value] = Object.entries(payload)[0];
        const keys = kind === 'type' ? [...value] : [value];
        const actions = keys.flatMap((key) => {
          const code = webDriverKey(key);
          if (kind === 'down') return [{ type: 'keyDown', value: code }];
          if (kind === 'up') return [{ type: 'keyUp', value: code }];
          return [
            { type: 'keyDown', value: code },
            { type: 'keyUp', value: code },
          ];
        });
        await driver.performActions([{ type: 'key', id: 'keyboard', actions }]);
        return true;
      }
      if (command === 'engine-set-viewport') {
        await setWebDriverViewport(driver, payload);
        return true;
      }
    } else {
      const page = session.browser.getPage(session.id);
      if (command === 'engine-send-keys') {
        const [kind, value] = Object.entries(payload)[0];
        // Puppeteer over BiDi knows the space bar as ' ' only.
        const key = engine === 'firefox' && value === 'Space' ? ' ' : value;
        await page.keyboard[kind](key);
        return true;
      }
      if (command === 'engine-set-viewport') {
        await page.setViewport(payload);
        return true;
      }
      if (command === 'engine-emulate-media' && engine === 'chromium') {
        const features = Object.entries({ 'prefers-color-scheme': payload.colorScheme, 'prefers-reduced-motion': payload.reducedMotion })
          .filter(([, value]) => value != null)
          .map(([name, value]) => ({ name, value }));
        await page.emulateMediaFeatures(features);
        return true;
      }
    }
    if (command === 'engine-emulate-media') return 'unsupported';
    throw new Error(`Unknown command ${command}`);
  },
};
