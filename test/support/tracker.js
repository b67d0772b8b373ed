// A stand-in tracker: records that it ran (its ?name=) and sets the cookie named by ?cookie=.
{
  const params = new URL(document.currentScript.src).searchParams;
  window.__ran.push(params.get('name'));
  if (params.get('cookie')) document.cookie = `${params.get('cookie')}=1; path=/`;
}
