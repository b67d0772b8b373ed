/** `npm start`: serves the repo so the demo loads the built script tag from /dist/. */
const port = Number(process.env.PORT ?? 8000);

/** The demo is the site: `/` and `/en/` are its pages. */
const demoAtRoot = (context, next) => {
  if (context.path === '/' || context.path === '/en' || context.path === '/en/') {
    context.redirect(context.path === '/' ? '/demo/' : '/demo/en/');
    return undefined;
  }
  return next();
};

export default {
  rootDir: '.',
  port,
  hostname: 'localhost',
  middleware: [demoAtRoot],
};
