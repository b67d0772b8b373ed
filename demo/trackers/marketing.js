// Stand-in for an advertising tag (no third party is contacted): sets its cookie and says it ran.
// Keuze runs it only once the visitor grants "marketing".
document.cookie = `_demo_ads=${Date.now().toString(36)}; path=/; max-age=7776000; SameSite=Lax`;
window.dispatchEvent(new CustomEvent('demo-tracker', { detail: 'marketing' }));
